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
    private Composite banner;
    private Label bannerText;
    private Button revoke;
    private Button kick;
    private Button passing;
    private UiRunner ui;
    private final Runnable hostedChanged = () -> ui.execute(this::hostedChanged);

    @Override
    public void createPartControl(Composite parent) {
        ui = new UiRunner(parent.getDisplay());
        Composite area = new Composite(parent, SWT.NONE);
        area.setLayout(new GridLayout(2, false));
        createBanner(area);
        state = new Label(area, SWT.WRAP);
        state.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        viewer = new TableViewer(area, SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL);
        GridData rowsData = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
        // the banner, state line and buttons must never squeeze the participants out of sight
        rowsData.minimumHeight = viewer.getTable().getItemHeight() * 3;
        viewer.getControl().setLayoutData(rowsData);
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
        revoke = new Button(area, SWT.PUSH);
        revoke.setText("Re&voke Control");
        revoke.addListener(SWT.Selection, e -> host("Revoking control", h -> h.revoke()));
        kick = new Button(area, SWT.PUSH);
        kick.setText("&Kick Selected");
        kick.addListener(SWT.Selection, e -> {
            if (viewer.getStructuredSelection().getFirstElement() instanceof Participant p && !p.host()) {
                host("Removing " + p.user(), h -> h.kick(p.user()));
            }
        });
        passing = new Button(area, SWT.CHECK);
        passing.setText("&Allow passing control");
        passing.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        passing.addListener(SWT.Selection, e -> {
            boolean allowed = passing.getSelection();
            host("Changing passing", h -> h.allowPassing(allowed));
        });
        getSite().setSelectionProvider(viewer);
        HostedSharing.instance().addListener(hostedChanged);
        startFollowing(ui);
        hostedChanged();
    }

    private void createBanner(Composite area) {
        banner = new Composite(area, SWT.NONE);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
        banner.setLayoutData(data);
        banner.setLayout(new GridLayout(2, false));
        bannerText = new Label(banner, SWT.WRAP);
        bannerText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        // red bold text rather than a coloured background: GTK themes ignore the background of a Composite
        bannerText.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        bannerText.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
        Button stop = new Button(banner, SWT.PUSH);
        stop.setText("&Stop Sharing");
        stop.setToolTipText("Stop Sharing (Ctrl+Alt+X)");
        stop.addListener(SWT.Selection, e -> HostedSharing.instance().stop());
    }

    /** Runs a host action on the hosted room off the UI thread; a refusal shows as one sentence. */
    private void host(String what, java.util.function.Consumer<org.syncline.sharing.host.HostSession> action) {
        org.syncline.sharing.host.HostSession running = HostedSharing.instance().running();
        if (running == null) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                action.accept(running);
            } catch (org.syncline.core.SynclineException e) {
                ui.execute(() -> {
                    if (!isDisposed()) {
                        state.setText(what + " failed: " + e.getMessage());
                    }
                });
            }
        }, "sharing host action");
        t.setDaemon(true);
        t.start();
    }

    private void hostedChanged() {
        if (isDisposed()) {
            return;
        }
        HostedSharing hosted = HostedSharing.instance();
        RoomDetails room = hosted.room();
        boolean running = hosted.running() != null;
        GridData data = (GridData) banner.getLayoutData();
        data.exclude = !running;
        banner.setVisible(running);
        if (running) {
            int n = room.members().size();
            bannerText.setText("Sharing '" + room.title() + "' with " + n + (n == 1 ? " viewer" : " viewers"));
        }
        if (session() == null) {
            showHosted();
        }
        banner.getParent().layout(true, true);
    }

    private void showHosted() {
        HostedSharing hosted = HostedSharing.instance();
        RoomDetails d = hosted.room();
        if (hosted.running() == null || d == null) {
            viewer.setInput(List.of());
            // the content description is one line that a narrow view cuts; the state line wraps
            String hint = "Join a room in the Rooms view, or share a window (Ctrl+Alt+S).";
            state.setText(hosted.lastStop() == null ? hint : hosted.lastStop() + "\n" + hint);
            setContentDescription("Not in a room");
        } else {
            setContentDescription("Participants of your room '" + d.title() + "'");
            viewer.setInput(rows(d));
            state.setText(d.tokenHolder().equals(d.host()) ? "You are in control of your window."
                    : d.tokenHolder() + " is in control of your window.");
            passing.setSelection(d.passingAllowed());
        }
        enable();
    }

    /** The banner's text while sharing ("Sharing 'TITLE' with N viewers"), or null. */
    public String banner() {
        return banner.isVisible() ? bannerText.getText() : null;
    }

    /** Asks the host of the followed room for the control token (Ctrl+Alt+Q). */
    public void requestControl() {
        RoomSession room = session();
        if (room != null && !room.holdsToken()) {
            room.requestControl();
            update(room);
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

    /** Whether Request Control can be pressed (not while this viewer holds the token). */
    public boolean requestEnabled() {
        return request.isEnabled();
    }

    @Override
    protected boolean isDisposed() {
        return viewer == null || viewer.getControl().isDisposed();
    }

    @Override
    protected void shown(RoomSession room) {
        if (room == null) {
            showHosted();
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
        viewer.setInput(rows(d));
        String text;
        if (room.closedReason() != null) {
            text = room.closedReason();
        } else if (room.lastError() != null) {
            text = room.lastError();
        } else if (room.holdsToken()) {
            text = "You are in control: the viewer sends your mouse and keys to the host."
                    + (d.passingAllowed() ? " You may pass control to another participant." : "");
        } else if (room.awaitsControl()) { // a push of the room while the host decides must not hide that
            text = "Control requested; waiting for " + d.host() + " to answer. " + d.tokenHolder() + " is in control.";
        } else {
            text = d.tokenHolder() + " is in control.";
        }
        state.setText(text);
        state.getParent().layout(true);
        enable();
    }

    private static List<Participant> rows(RoomDetails d) {
        List<Participant> rows = new ArrayList<>();
        rows.add(new Participant(d.host(), true, d.host().equals(d.tokenHolder())));
        for (String member : d.members()) {
            rows.add(new Participant(member, false, member.equals(d.tokenHolder())));
        }
        return rows;
    }

    private void enable() {
        boolean hosting = session() == null && HostedSharing.instance().running() != null;
        RoomDetails hostedRoom = HostedSharing.instance().room();
        revoke.setEnabled(hosting && !hostedRoom.tokenHolder().equals(hostedRoom.host()));
        kick.setEnabled(hosting && viewer.getStructuredSelection().getFirstElement() instanceof Participant p && !p.host());
        passing.setEnabled(hosting);
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

    @Override
    public void dispose() {
        HostedSharing.instance().removeListener(hostedChanged);
        super.dispose();
    }
}
