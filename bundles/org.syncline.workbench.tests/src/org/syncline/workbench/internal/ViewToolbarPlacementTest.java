package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

/**
 * After switching perspectives back and forth, each view's toolbar sits beside its tabs, not wrapped below them over
 * the view's first rows (what GTK 3 made of a switch before {@link ViewToolbarPlacement}).
 */
class ViewToolbarPlacementTest {
    private static final String[] PERSPECTIVES = { "org.syncline.sync.ui.perspective", ServersPerspective.ID,
            "org.syncline.documents.ui.perspective", "org.syncline.sync.ui.perspective", ServersPerspective.ID,
            "org.syncline.sync.ui.perspective" };

    @Test
    void viewToolbarsStayBesideTheirTabsAcrossPerspectiveSwitches() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        for (String id : PERSPECTIVES) {
            PlatformUI.getWorkbench().showPerspective(id, window);
            UiEvents.flush();
            // the platform's layout of the switch, and the placement after it, run in the events that follow
            long until = System.currentTimeMillis() + 1500;
            while (System.currentTimeMillis() < until) {
                UiEvents.flush();
                Thread.sleep(20);
            }
            List<String> wrapped = new ArrayList<>();
            List<CTabFolder> folders = new ArrayList<>();
            collect(window.getShell(), folders);
            int withToolbar = 0;
            for (CTabFolder f : folders) {
                Control top = f.getTopRight();
                if (top == null || !top.isVisible() || top.getSize().x == 0 || top.getSize().y == 0) {
                    continue;
                }
                withToolbar++;
                // wide enough for its tabs and toolbar, so the toolbar's middle is in the tab row
                int middle = top.getBounds().y + top.getBounds().height / 2;
                if (middle > f.getTabHeight() + 2) {
                    wrapped.add((f.getSelection() == null ? "?" : f.getSelection().getText()) + " (toolbar at y " + top.getBounds().y
                            + ", tab row " + f.getTabHeight() + " px)");
                }
            }
            assertTrue(withToolbar >= 1, "the " + id + " perspective shows views with toolbars: " + withToolbar);
            assertEquals(List.of(), wrapped, "toolbars wrapped below their tabs in " + id);
        }
    }

    private static void collect(Composite parent, List<CTabFolder> into) {
        for (Control c : parent.getChildren()) {
            if (c instanceof CTabFolder f && f.isVisible() && f.getSize().x > 400) {
                into.add(f);
            }
            if (c instanceof Composite child) {
                collect(child, into);
            }
        }
    }
}
