package org.syncline.admin.internal.ui;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.syncline.admin.GroupInfo;
import org.syncline.ui.FormDialog;

/**
 * The members of one group as a checked list of the server's users: tick (Space) who belongs, type to narrow the
 * list. Nothing changes on the server until OK; the view then adds and takes out the users whose ticks changed.
 * The list is virtual, so a server with many thousands of users opens it at once.
 */
final class MembersDialog extends FormDialog {
    static final String TITLE = "Edit Members";
    private final List<String> users;
    private final Set<String> members;
    private List<String> shown;
    private Text filter;
    private Table table;
    private Label count;

    MembersDialog(Shell shell, GroupInfo group, String server, List<String> users) {
        // the title area shows two lines of message
        super(shell, TITLE, "Members of '" + group.name() + "' on " + server,
                "Tick who belongs to the group (Space ticks the selected user); users taken out lose its rights at once.", 520);
        this.users = users.stream().sorted().toList();
        this.members = new LinkedHashSet<>(group.members());
        this.shown = this.users;
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected void createForm(Composite form) {
        new Label(form, SWT.NONE).setText("&Filter:");
        filter = new Text(form, SWT.BORDER | SWT.SEARCH | SWT.ICON_CANCEL);
        filter.setMessage("part of a user name");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filter);
        filter.addModifyListener(e -> applyFilter());
        table = new Table(form, SWT.CHECK | SWT.VIRTUAL | SWT.BORDER | SWT.V_SCROLL | SWT.FULL_SELECTION | SWT.MULTI);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).hint(320, convertHeightInCharsToPixels(14)).applyTo(table);
        table.addListener(SWT.SetData, e -> {
            TableItem item = (TableItem) e.item;
            String user = shown.get(table.indexOf(item));
            item.setText(user);
            item.setChecked(members.contains(user));
        });
        table.addListener(SWT.Selection, e -> {
            if (e.detail == SWT.CHECK) {
                TableItem item = (TableItem) e.item;
                tick(item.getText(), item.getChecked());
            }
        });
        // Down from the filter goes to the list, as in the platform's filtered dialogs
        filter.addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.ARROW_DOWN && table.getItemCount() > 0) {
                table.setFocus();
                if (table.getSelectionIndex() < 0) {
                    table.setSelection(0);
                }
                e.doit = false;
            }
        });
        count = new Label(form, SWT.NONE);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(count);
        table.setItemCount(shown.size());
        showCount();
    }

    private void applyFilter() {
        String part = filter.getText().trim().toLowerCase(Locale.ROOT);
        shown = part.isEmpty() ? users : users.stream().filter(u -> u.contains(part)).toList();
        table.clearAll();
        table.setItemCount(shown.size());
        showCount();
    }

    private void tick(String user, boolean member) {
        if (member) {
            members.add(user);
        } else {
            members.remove(user);
        }
        showCount();
    }

    private void showCount() {
        String of = members.size() + " of " + users.size() + (users.size() == 1 ? " user" : " users") + " ticked";
        count.setText(shown.size() == users.size() ? of : of + "; " + shown.size() + " shown");
        count.getParent().layout();
    }

    /** The users ticked: the members the group should have. */
    Set<String> members() {
        return Set.copyOf(members);
    }
}
