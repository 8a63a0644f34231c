package org.syncline.distribution.internal.ui.monitor;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.part.ViewPart;
import org.syncline.distribution.OutboxEntry;
import org.syncline.distribution.internal.ui.ViewAction;
import org.syncline.distribution.client.OutboxClient;
import org.syncline.ui.ColumnTable;
import org.syncline.ui.LiveList;
import org.syncline.ui.NotePane;
import org.syncline.ui.Servers;
import org.syncline.ui.UiRunner;

/**
 * The master's alert outbox (admins): each e-mail and webhook delivery of a raised or cleared alert, pending (with
 * its attempts, next attempt and last error), sent, given up or discarded, kept current by the master's pushes.
 * Retry Now (F9) and Discard (Delete) act on a pending or given-up entry, from the toolbar, the context menu
 * (Shift+F10) or the keys; Refresh is F5.
 */
public final class OutboxView extends ViewPart implements LiveOutbox.Listener {
    public static final String ID = "org.syncline.distribution.ui.views.outbox";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private UiRunner ui;
    private NotePane pane;
    private ColumnTable<OutboxEntry> table;
    private LiveOutbox live;
    private final Runnable serversChanged = () -> ui.execute(this::serverMaybeChanged);
    private Action retry;
    private Action discard;
    private Action refresh;

    /** How the view names a state: pending, sent, given up, discarded. */
    public static String state(OutboxEntry e) {
        return switch (e.state()) {
            case OutboxEntry.DELIVERED -> "sent";
            case OutboxEntry.FAILED -> "given up";
            default -> e.state();
        };
    }

    private static String time(Instant t) {
        return t.equals(Instant.EPOCH) ? "" : TIME.format(t);
    }

    @Override
    public void createPartControl(Composite parent) {
        ui = new UiRunner(parent.getDisplay());
        GridLayoutFactory.fillDefaults().applyTo(parent);
        pane = new NotePane(parent);
        table = new ColumnTable<>(pane.area(), List.of(
                ColumnTable.Column.number("ID", 50, e -> String.valueOf(e.id()), OutboxEntry::id),
                ColumnTable.Column.text("State", 75, OutboxView::state),
                ColumnTable.Column.text("Channel", 200, OutboxEntry::channel),
                ColumnTable.Column.text("Server", 110, OutboxEntry::target),
                ColumnTable.Column.text("Alert", 90, e -> e.alertId() + " " + e.event()),
                ColumnTable.Column.number("Attempts", 65, e -> String.valueOf(e.attempts()), e -> (long) e.attempts()),
                ColumnTable.Column.text("Next attempt", 140, e -> e.state().equals(OutboxEntry.PENDING) ? time(e.nextAttempt()) : ""),
                ColumnTable.Column.text("Last error", 300, OutboxEntry::reason)), 0, false, OutboxEntry::id);
        table.viewer().addSelectionChangedListener(e -> updateActions());
        table.viewer().getControl().addListener(SWT.KeyDown, this::key);
        getSite().setSelectionProvider(table.viewer());
        actions();
        Servers.addListener(serversChanged);
        serverMaybeChanged();
    }

    private void actions() {
        retry = ViewAction.of("&Retry Now", "Try the selected delivery again now (F9)", "restore", this::retryNow);
        discard = ViewAction.of("&Discard...", "Never send the selected delivery (Delete)", "delete", this::discard);
        refresh = ViewAction.of("Re&fresh", "Read the outbox again (F5)", "refresh", this::refresh);
        IToolBarManager bar = getViewSite().getActionBars().getToolBarManager();
        bar.add(retry);
        bar.add(discard);
        bar.add(new Separator());
        bar.add(refresh);
        MenuManager menu = new MenuManager();
        menu.add(retry);
        menu.add(discard);
        menu.add(new Separator());
        menu.add(refresh);
        table.viewer().getControl().setMenu(menu.createContextMenu(table.viewer().getControl()));
        updateActions();
    }


    private void key(Event e) {
        if (e.keyCode == SWT.F9) {
            retryNow();
        } else if (e.keyCode == SWT.DEL) {
            discard();
        } else if (e.keyCode == SWT.F5) {
            refresh();
        } else {
            return;
        }
        e.doit = false;
    }

    private void updateActions() {
        OutboxEntry e = table.selected();
        boolean open = live != null && live.problem() == null && e != null && e.isOpen();
        retry.setEnabled(open);
        discard.setEnabled(open);
        refresh.setEnabled(live != null);
    }

    private void serverMaybeChanged() {
        if (pane.isDisposed()) {
            return;
        }
        live = LiveOutbox.follow(live, this);
        outboxChanged();
    }

    @Override
    public void outboxChanged() {
        if (pane.isDisposed()) {
            return;
        }
        String why = live == null ? "Connect to a server with the master role (File > Connect to Server...) as an admin to see its alert outbox."
                : live.problem();
        List<OutboxEntry> entries = live == null || why != null ? List.of() : live.entries();
        if (why == null && entries.isEmpty()) {
            why = "No alert e-mails or webhooks on " + live.server().label() + " yet: the master sends them when it has --set distribution.webhook=URL "
                    + "or distribution.smtp-host=HOST and an alert is raised or cleared.";
        }
        table.setRows(entries);
        if (why != null) {
            pane.note(why);
            setContentDescription("");
        } else {
            pane.show(table.viewer().getControl());
            long pending = entries.stream().filter(e -> e.state().equals(OutboxEntry.PENDING)).count();
            long givenUp = entries.stream().filter(e -> e.state().equals(OutboxEntry.FAILED)).count();
            setContentDescription(pending + " pending, " + givenUp + " given up, " + (entries.size() - pending - givenUp) + " sent or discarded, on "
                    + live.server().label());
        }
        updateActions();
    }

    // --- actions

    /** Tries the selected pending or given-up entry again now. */
    public void retryNow() {
        OutboxEntry e = table.selected();
        if (e != null && e.isOpen() && live != null) {
            act("Retry entry " + e.id(), c -> c.retry(e.id()));
        }
    }

    /** Asks, then makes sure the selected pending or given-up entry is never sent. */
    public void discard() {
        OutboxEntry e = table.selected();
        if (e != null && e.isOpen() && live != null && MessageDialog.openConfirm(getSite().getShell(), "Discard Delivery",
                "Never send alert " + e.alertId() + " (" + e.event() + ", " + e.target() + ") by " + e.channel() + "?")) {
            act("Discard entry " + e.id(), c -> c.discard(e.id()));
        }
    }

    private void act(String what, LiveList.Work<OutboxClient, OutboxEntry> work) {
        LiveOutbox on = live;
        on.background(what, work, on::changed, why -> MessageDialog.openError(getSite().getShell(), what, why));
    }

    public void refresh() {
        if (live != null) {
            live.reload();
        }
    }

    // --- for tests

    /** The rows as shown (sorted), each as its columns' texts. */
    public List<List<String>> rows() {
        return table.texts();
    }

    public String emptyText() {
        return pane.note();
    }

    /** Selects the entry {@code id} (as a click would); false when it is not listed. */
    public boolean select(long id) {
        return table.select(id);
    }

    public boolean canRetry() {
        return retry.isEnabled();
    }

    @Override
    public void setFocus() {
        table.viewer().getControl().setFocus();
    }

    @Override
    public void dispose() {
        Servers.removeListener(serversChanged);
        if (live != null) {
            live.removeListener(this);
        }
        super.dispose();
    }
}
