package org.syncline.sharing.internal.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;


import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.List;
import org.eclipse.swt.widgets.Text;
import org.syncline.sharing.ChatLine;
import org.syncline.ui.UiRunner;

/** The chat of the active viewer's room: what was said (new lines by push) and an input line where Enter sends. */
public final class ChatView extends RoomFollowingView {
    public static final String ID = "org.syncline.sharing.ui.views.chat";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private List history;
    private Text input;
    private Label problem;

    @Override
    public void createPartControl(Composite parent) {
        Composite area = new Composite(parent, SWT.NONE);
        area.setLayout(new GridLayout(1, false));
        history = new List(area, SWT.V_SCROLL | SWT.H_SCROLL);
        history.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        problem = new Label(area, SWT.NONE);
        problem.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        input = new Text(area, SWT.SINGLE | SWT.BORDER);
        input.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        input.setMessage("Type a line, Enter sends");
        input.addListener(SWT.DefaultSelection, e -> send());
        startFollowing(new UiRunner(parent.getDisplay()));
    }

    /** Sends the input line to the room (Enter). */
    public void send() {
        String text = input.getText().strip();
        if (session() == null || text.isEmpty()) {
            return;
        }
        input.setText("");
        session().say(text);
    }

    public Text input() {
        return input;
    }

    /** The lines as shown, one string each. */
    public java.util.List<String> lines() {
        return java.util.List.of(history.getItems());
    }

    @Override
    protected boolean isDisposed() {
        return history == null || history.isDisposed();
    }

    @Override
    protected void shown(RoomSession room) {
        history.removeAll();
        problem.setText("");
        input.setEnabled(room != null);
        if (room == null) {
            setContentDescription("Join a room in the Rooms view to chat.");
            return;
        }
        setContentDescription("Chat of '" + room.details().title() + "'");
        room.chat().forEach(this::add);
    }

    @Override
    protected void changed(RoomSession room, RoomSession.Change change) {
        if (change == RoomSession.Change.CHAT) {
            java.util.List<ChatLine> all = room.chat();
            for (int i = history.getItemCount(); i < all.size(); i++) {
                add(all.get(i));
            }
        } else if (change == RoomSession.Change.ROOM) {
            String error = room.lastError();
            problem.setText(error == null ? "" : error);
        } else if (change == RoomSession.Change.CLOSED) {
            input.setEnabled(false);
            problem.setText(room.closedReason());
        }
    }

    private void add(ChatLine line) {
        history.add(TIME.format(line.at()) + "  " + line.sender() + ": " + line.text());
        history.setTopIndex(history.getItemCount() - 1);
    }

    @Override
    public void setFocus() {
        input.setFocus();
    }
}
