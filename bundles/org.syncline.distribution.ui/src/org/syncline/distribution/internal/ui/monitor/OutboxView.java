package org.syncline.distribution.internal.ui.monitor;

import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.syncline.distribution.OutboxEntry;
import org.syncline.distribution.internal.ui.ViewAction;
import org.syncline.distribution.client.OutboxClient;
import org.syncline.ui.Formats;
import org.syncline.ui.ColumnTable;
import org.syncline.ui.LiveList;
import org.syncline.ui.LiveTableView;

/**
 * The master's alert outbox (admins): each e-mail and webhook delivery of a raised or cleared alert, pending (with
 * its attempts, next attempt and last error), sent, given up or discarded, kept current by the master's pushes.
 * Retry Now (F9) and Discard (Delete) act on a pending or given-up entry, from the toolbar, the context menu
 * (Shift+F10) or the keys; Refresh is F5.
 */
public final class OutboxView extends LiveTableView<OutboxEntry, LiveOutbox> implements LiveOutbox.Listener {
    public static final String ID = "org.syncline.distribution.ui.views.outbox";

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

    @Override
    protected ColumnTable<OutboxEntry> createTable(Composite parent) {
        return new ColumnTable<>(parent, List.of(
                ColumnTable.Column.number("ID", 50, e -> String.valueOf(e.id()), OutboxEntry::id),
                ColumnTable.Column.text("State", 75, OutboxView::state),
                ColumnTable.Column.text("Channel", 200, OutboxEntry::channel),
                ColumnTable.Column.text("Server", 110, OutboxEntry::target),
                ColumnTable.Column.text("Alert", 90, e -> e.alertId() + " " + e.event()),
                ColumnTable.Column.number("Attempts", 65, e -> String.valueOf(e.attempts()), e -> (long) e.attempts()),
                ColumnTable.Column.text("Next attempt", 140, e -> e.state().equals(OutboxEntry.PENDING) ? Formats.time(e.nextAttempt()) : ""),
                ColumnTable.Column.text("Last error", 300, OutboxEntry::reason)), 0, false, OutboxEntry::id);
    }

    @Override
    protected void createActions() {
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
        table().viewer().getControl().setMenu(menu.createContextMenu(table().viewer().getControl()));
    }

    @Override
    protected void key(Event e) {
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

    @Override
    protected void updateActions() {
        OutboxEntry e = table().selected();
        boolean open = live() != null && live().problem() == null && e != null && e.isOpen();
        retry.setEnabled(open);
        discard.setEnabled(open);
        refresh.setEnabled(live() != null);
    }

    @Override
    protected LiveOutbox follow(LiveOutbox current) {
        return LiveOutbox.follow(current, this);
    }

    @Override
    public void outboxChanged() {
        listChanged();
    }

    @Override
    protected void showList() {
        String why = live() == null ? "Connect to a server with the master role (File > Connect to Server...) as an admin to see its alert outbox."
                : live().problem();
        List<OutboxEntry> entries = live() == null || why != null ? List.of() : live().entries();
        if (why == null && entries.isEmpty()) {
            why = "No alert e-mails or webhooks on " + live().server().label() + " yet: the master sends them when it has --set distribution.webhook=URL "
                    + "or distribution.smtp-host=HOST and an alert is raised or cleared.";
        }
        show(why, entries, () -> {
            long pending = entries.stream().filter(e -> e.state().equals(OutboxEntry.PENDING)).count();
            long givenUp = entries.stream().filter(e -> e.state().equals(OutboxEntry.FAILED)).count();
            return pending + " pending, " + givenUp + " given up, " + (entries.size() - pending - givenUp) + " sent or discarded, on "
                    + live().server().label();
        });
    }

    // --- actions

    /** Tries the selected pending or given-up entry again now. */
    public void retryNow() {
        OutboxEntry e = table().selected();
        if (e != null && e.isOpen() && live() != null) {
            act("Retry entry " + e.id(), c -> c.retry(e.id()));
        }
    }

    /** Asks, then makes sure the selected pending or given-up entry is never sent. */
    public void discard() {
        OutboxEntry e = table().selected();
        if (e != null && e.isOpen() && live() != null && MessageDialog.openConfirm(getSite().getShell(), "Discard Delivery",
                "Never send alert " + e.alertId() + " (" + e.event() + ", " + e.target() + ") by " + e.channel() + "?")) {
            act("Discard entry " + e.id(), c -> c.discard(e.id()));
        }
    }

    private void act(String what, LiveList.Work<OutboxClient, OutboxEntry> work) {
        LiveOutbox on = live();
        on.background(what, work, on::changed, why -> MessageDialog.openError(getSite().getShell(), what, why));
    }

    public void refresh() {
        if (live() != null) {
            live().reload();
        }
    }

    // --- for tests

    /** Selects the entry {@code id} (as a click would); false when it is not listed. */
    public boolean select(long id) {
        return table().select(id);
    }

    public boolean canRetry() {
        return retry.isEnabled();
    }
}
