package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.eclipse.core.runtime.Adapters;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.eclipse.ui.views.properties.IPropertySource;
import org.syncline.admin.UserInfo;
import org.syncline.admin.client.AdminClient;
import org.syncline.admin.internal.ui.AdministrationPerspective;
import org.syncline.admin.internal.ui.UsersView;
import org.syncline.protocol.Connection;
import org.syncline.testing.ServerProcess;

/**
 * The Administration perspective, contributed by the admin capability's UI bundle alone, against a real
 * server: the Users view follows the connected server and shows changes other admins make, by push.
 */
class UsersViewLiveTest {
    @RegisterExtension
    static final LiveServer server = new LiveServer("syncline-ui-users");

    @Test
    void theUsersViewShowsTheServersUsersAndFollowsPushedChanges() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        PlatformUI.getWorkbench().showPerspective(AdministrationPerspective.ID, window);
        IWorkbenchPage page = window.getActivePage();
        IViewPart view = page.findView(UsersView.ID);
        assertTrue(view instanceof UsersView, "the perspective opens the Users view");
        Table table = ((org.eclipse.jface.viewers.TableViewer) view.getViewSite().getSelectionProvider()).getTable();

        try (WorkbenchLink link = server.connectWorkbench()) {
            // this server's list: the view may still show an earlier test's server (its admin row too) until it has
            // read this one, and only then does it follow this server's pushes
            UiEvents.waitUntil("the admin row of this server", () -> ((UsersView) view).getContentDescription().endsWith(" on " + link.label())
                    && row(table, "admin") != null);
            assertEquals("yes", row(table, "admin").getText(1));

            try (Connection other = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
                AdminClient admin = new AdminClient(other);
                admin.addUser("uma", "uma-password-1".toCharArray(), false);
                UiEvents.waitUntil("uma's row, pushed", () -> row(table, "uma") != null);
                admin.addGroup("editors");
                admin.addMember("editors", "uma");
                UiEvents.waitUntil("uma's group, pushed", () -> row(table, "uma") != null && row(table, "uma").getText(3).equals("editors"));
                // the Properties view shows the selected user, through the capability's adapter
                UserInfo uma = (UserInfo) row(table, "uma").getData();
                assertTrue(page.findView(IPageLayout.ID_PROP_SHEET) != null, "the perspective shows the Properties view");
                IPropertySource props = Adapters.adapt(uma, IPropertySource.class);
                assertNotNull(props, "users adapt to the Properties view");
                java.util.Map<String, Object> shown = new java.util.HashMap<>();
                for (var d : props.getPropertyDescriptors()) {
                    shown.put(d.getDisplayName(), props.getPropertyValue(d.getId()));
                }
                assertEquals("uma", shown.get("Name"));
                assertEquals("editors", shown.get("Groups"));
                assertEquals("no", shown.get("Administrator"));

                // sorting by a column header click: Created descending puts the newest (uma) first
                org.eclipse.swt.widgets.TableColumn created = table.getColumn(4);
                created.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
                created.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
                UiEvents.waitUntil("newest first", () -> table.getItem(0).getText(0).equals("uma"));
                created.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
                UiEvents.waitUntil("oldest first", () -> table.getItem(0).getText(0).equals("admin"));

                // Disable / Enable through its key binding's command on the selected row, confirmed in its dialog
                assertEquals("", row(table, "uma").getText(2));
                assertEquals("no", shown.get("Disabled"));
                page.activate(view);
                table.setSelection(row(table, "uma"));
                table.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
                String[] asked = new String[1];
                UiEvents.answerDialogWhenShown("Disable User", "OK", asked);
                org.eclipse.ui.handlers.IHandlerService handlers = view.getSite().getService(org.eclipse.ui.handlers.IHandlerService.class);
                handlers.executeCommand("org.syncline.admin.ui.toggleDisabled", null);
                UiEvents.waitUntil("uma shown disabled, pushed", () -> row(table, "uma") != null && row(table, "uma").getText(2).equals("disabled"));
                assertTrue(asked[0] != null && asked[0].contains("'uma'"), "the confirmation names the user: " + asked[0]);
                assertTrue(admin.users().stream().filter(u -> u.name().equals("uma")).findFirst().orElseThrow().disabled(), "the server has it");
                table.setSelection(row(table, "uma"));
                table.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
                handlers.executeCommand("org.syncline.admin.ui.toggleDisabled", null);
                UiEvents.waitUntil("uma enabled again", () -> row(table, "uma") != null && row(table, "uma").getText(2).isEmpty());
                assertFalse(admin.users().stream().filter(u -> u.name().equals("uma")).findFirst().orElseThrow().disabled());

                admin.removeUser("uma");
                UiEvents.waitUntil("uma's row to go", () -> row(table, "uma") == null);

                // a reopened view still hears the pushes: the client is shared per connection and outlives views
                page.hideView(view);
                IViewPart reopened = page.showView(UsersView.ID);
                Table again = ((org.eclipse.jface.viewers.TableViewer) reopened.getViewSite().getSelectionProvider()).getTable();
                UiEvents.waitUntil("the reopened view's rows", () -> row(again, "admin") != null);
                admin.addUser("ula", "ula-password-1".toCharArray(), false);
                UiEvents.waitUntil("ula's row in the reopened view, pushed", () -> row(again, "ula") != null);
            }
        }
        Table last = ((org.eclipse.jface.viewers.TableViewer) page.findView(UsersView.ID).getViewSite().getSelectionProvider()).getTable();
        UiEvents.waitUntil("the view to let go of the server", () -> last.getItemCount() == 0);
    }

    /** The row whose first column reads {@code name}, or null. */
    static TableItem row(Table table, String name) {
        for (TableItem item : table.getItems()) {
            if (item.getText(0).equals(name)) {
                return item;
            }
        }
        return null;
    }
}
