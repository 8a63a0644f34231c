package org.syncline.sharing.internal.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.syncline.sharing.RoomDetails;
import org.syncline.ui.UiRunner;

/**
 * Who is in the active viewer's room: the host and the viewers, the token holder in bold with "(in control)". Request
 * control asks the host for the token; the holder passes it to the selected participant when the host allows
 * passing. Every change arrives by push.
 */
public final class ParticipantsView extends RoomFollowingView {
    public static final String ID = "org.syncline.sharing.ui.views.participants";

    /** One row: a participant and what they are in the room. */
    public record Participant(String user, boolean host, boolean inControl) {
        String label() {
            return user + (host ? " (host)" : "") + (inControl ? " (in control)" : "");
        }
    }

    private TableViewer viewer;
    private Label state;
    private Button request;
    private Button pass;

    @Override
    public void createPartControl(Composite parent) {
        Composite area = new Composite(parent, SWT.NONE);
        area.setLayout(new GridLayout(2, false));
        state = new Label(area, SWT.WRAP);
        state.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        viewer = new TableViewer(area, SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL);
        viewer.getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        Font bold = JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT);
        viewer.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return ((Participant) element).label();
            }

            @Override
            public Font getFont(Object element) {
                return ((Participant) element).inControl() ? bold : null;
            }
        });
        viewer.addSelectionChangedListener(e -> enable());
        request = new Button(area, SWT.PUSH);
        request.setText("&Request Control");
        request.addListener(SWT.Selection, e -> requestControl());
        pass = new Button(area, SWT.PUSH);
        pass.setText("&Pass To Selected");
        pass.addListener(SWT.Selection, e -> passToSelected());
        getSite().setSelectionProvider(viewer);
        startFollowing(new UiRunner(parent.getDisplay()));
    }

    /** Asks the host of the followed room for the control token (Ctrl+Alt+Q). */
    public void requestControl() {
        RoomSession room = session();
        if (room != null && !room.holdsToken()) {
            String id = room.roomId();
            room.request("Requesting control", c -> c.requestControl(id));
            state.setText("Control requested; waiting for the host.");
        }
    }

    /** Hands the token to the selected participant (the holder only, when the host allows passing). */
    public void passToSelected() {
        RoomSession room = session();
        if (room != null && viewer.getStructuredSelection().getFirstElement() instanceof Participant p && room.holdsToken()) {
            String id = room.roomId();
            room.request("Passing control", c -> c.pass(id, p.user()));
        }
    }

    public List<Participant> rows() {
        Object input = viewer.getInput();
        return input == null ? List.of() : ((List<?>) input).stream().map(Participant.class::cast).toList();
    }

    public String state() {
        return state.getText();
    }

    @Override
    protected boolean isDisposed() {
        return viewer == null || viewer.getControl().isDisposed();
    }

    @Override
    protected void shown(RoomSession room) {
        if (room == null) {
            setContentDescription("Join a room in the Rooms view to see who is in it.");
            viewer.setInput(List.of());
            state.setText("");
            enable();
            return;
        }
        setContentDescription("Participants of '" + room.details().title() + "'");
        update(room);
    }

    @Override
    protected void changed(RoomSession room, RoomSession.Change change) {
        if (change != RoomSession.Change.FRAME && change != RoomSession.Change.CHAT) {
            update(room);
        }
    }

    private void update(RoomSession room) {
        RoomDetails d = room.details();
        List<Participant> rows = new ArrayList<>();
        rows.add(new Participant(d.host(), true, d.host().equals(d.tokenHolder())));
        for (String member : d.members()) {
            rows.add(new Participant(member, false, member.equals(d.tokenHolder())));
        }
        viewer.setInput(rows);
        String text;
        if (room.closedReason() != null) {
            text = room.closedReason();
        } else if (room.lastError() != null) {
            text = room.lastError();
        } else if (room.holdsToken()) {
            text = "You are in control: the viewer sends your mouse and keys to the host."
                    + (d.passingAllowed() ? " You may pass control to another participant." : "");
        } else {
            text = d.tokenHolder() + " is in control.";
        }
        state.setText(text);
        state.getParent().layout(true);
        enable();
    }

    private void enable() {
        RoomSession room = session();
        boolean open = room != null && room.closedReason() == null;
        request.setEnabled(open && !room.holdsToken());
        pass.setEnabled(open && room.holdsToken() && room.details().passingAllowed()
                && viewer.getStructuredSelection().getFirstElement() instanceof Participant p && !p.user().equals(room.me()));
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }
}
