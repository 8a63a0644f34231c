package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.jface.preference.IPreferenceNode;
import org.eclipse.jface.preference.IPreferencePage;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferenceManager;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.syncline.ui.SynclineViews;

/** The Syncline workbench as the product starts it: one window, the Servers perspective, its views and menus. */
class WorkbenchWindowTest {
    private IWorkbenchWindow window;
    private IWorkbenchPage page;

    @BeforeEach
    void findTheWindow() {
        IWorkbenchWindow[] windows = PlatformUI.getWorkbench().getWorkbenchWindows();
        assertEquals(1, windows.length, "workbench windows");
        window = windows[0];
        // every test here starts from the Servers perspective, whichever one other test classes left open
        try {
            PlatformUI.getWorkbench().showPerspective(ServersPerspective.ID, window);
        } catch (org.eclipse.ui.WorkbenchException e) {
            throw new AssertionError(e);
        }
        page = window.getActivePage();
        assertNotNull(page, "the window has an active page");
        UiEvents.flush();
    }

    @Test
    void windowIsTitledSynclineAndOpensAtItsInitialSize() {
        Shell shell = window.getShell();
        assertTrue(shell.isVisible(), "the window is showing");
        assertEquals(SynclineWindowAdvisor.TITLE, shell.getText());
        assertEquals(SynclineWindowAdvisor.INITIAL_SIZE, shell.getSize());
    }

    @Test
    void serversPerspectiveIsTheOneAWindowOpensWith() {
        // other tests switch perspectives; what a new window opens with is the product's choice
        assertEquals(ServersPerspective.ID, PlatformUI.getWorkbench().getPerspectiveRegistry().getDefaultPerspective());
        assertEquals("Servers", PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(ServersPerspective.ID).getLabel());
    }

    @Test
    void everyCapabilityPerspectiveIsOneStepAwayAndHasItsOwnIcon() {
        String[] capabilities = { "org.syncline.admin.ui.perspective", "org.syncline.documents.ui.perspective",
                "org.syncline.sync.ui.perspective", "org.syncline.distribution.ui.perspective",
                "org.syncline.sharing.ui.perspective" };
        List<String> shortcuts = Arrays.asList(page.getPerspectiveShortcuts());
        Set<String> icons = new HashSet<>();
        for (String id : capabilities) {
            // Window > Open Perspective lists it directly, not only behind Other...
            assertTrue(shortcuts.contains(id), "Window > Open Perspective lists " + id + ": " + shortcuts);
            var descriptor = PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(id);
            assertNotNull(descriptor, id + " is installed");
            // the icon is packaged with the bundle (a missing file gives no image data) and differs from the others
            var data = descriptor.getImageDescriptor().getImageData(100);
            assertNotNull(data, id + "'s icon loads");
            assertEquals(16, data.width, id + "'s icon is 16 px wide");
            assertTrue(icons.add(Arrays.toString(data.data)), id + " has an icon of its own");
        }
    }

    @Test
    void theTextEditorsNavigationActionsAreNotOnTheToolbar() {
        // org.eclipse.ui.editors comes with the platform's views; its action sets would be disabled buttons here
        List<String> tips = new java.util.ArrayList<>();
        collectToolTips(window.getShell(), tips);
        for (String tip : tips) {
            for (String textEditorAction : List.of("Edit Location", "Annotation", "Back", "Forward")) {
                assertFalse(tip.contains(textEditorAction), "the window shows a tool item '" + tip + "'");
            }
        }
    }

    @Test
    void everyViewsToolbarShowsAnIconForEachAction() throws PartInitException, org.eclipse.ui.WorkbenchException {
        // a toolbar of words ran together ("Add Pair Remove Pair Pause / Resume") is hard to read: every action a
        // Syncline view puts on its toolbar has an icon, and its words go to the tooltip
        String[] perspectives = { ServersPerspective.ID, "org.syncline.admin.ui.perspective", "org.syncline.documents.ui.perspective",
                "org.syncline.sync.ui.perspective", "org.syncline.distribution.ui.perspective", "org.syncline.sharing.ui.perspective" };
        List<String> checked = new java.util.ArrayList<>();
        for (String perspective : perspectives) {
            PlatformUI.getWorkbench().showPerspective(perspective, window);
            page = window.getActivePage();
            for (var ref : page.getViewReferences()) {
                if (!ref.getId().startsWith("org.syncline.") || checked.contains(ref.getId())) {
                    continue;
                }
                IViewPart view = page.showView(ref.getId(), ref.getSecondaryId(), IWorkbenchPage.VIEW_ACTIVATE);
                UiEvents.flush();
                var manager = view.getViewSite().getActionBars().getToolBarManager();
                if (!(manager instanceof org.eclipse.jface.action.ToolBarManager bar) || bar.getControl() == null) {
                    continue;
                }
                checked.add(ref.getId());
                for (org.eclipse.swt.widgets.ToolItem item : bar.getControl().getItems()) {
                    if ((item.getStyle() & SWT.SEPARATOR) != 0) {
                        continue;
                    }
                    assertNotNull(item.getImage(), ref.getId() + "'s toolbar shows '" + item.getText() + "' ("
                            + item.getToolTipText() + ") without an icon");
                }
            }
        }
        // the views that have toolbars were found (the Sync Folders, Users, Documents and Jobs views at least)
        for (String id : List.of("org.syncline.sync.ui.views.folders", "org.syncline.admin.ui.views.users",
                "org.syncline.documents.ui.views.documents", "org.syncline.distribution.ui.views.jobs")) {
            assertTrue(checked.contains(id), id + " was checked: " + checked);
        }
    }

    private static void collectToolTips(org.eclipse.swt.widgets.Control control, List<String> tips) {
        if (control instanceof org.eclipse.swt.widgets.ToolBar bar) {
            for (org.eclipse.swt.widgets.ToolItem item : bar.getItems()) {
                if (item.getToolTipText() != null) {
                    tips.add(item.getToolTipText());
                }
            }
        }
        if (control instanceof org.eclipse.swt.widgets.Composite composite) {
            for (org.eclipse.swt.widgets.Control child : composite.getChildren()) {
                collectToolTips(child, tips);
            }
        }
    }

    @Test
    void serversViewShowsItsSixColumnsAndNoInventedRows() {
        IViewPart view = page.findView(SynclineViews.SERVERS);
        assertNotNull(view, "the Servers view is open");
        assertTrue(page.isPartVisible(view), "the Servers view is visible");

        TableViewer viewer = assertInstanceOf(TableViewer.class, view.getSite().getSelectionProvider());
        Table table = viewer.getTable();
        assertTrue(table.isVisible(), "the table is showing");
        assertTrue(table.getHeaderVisible(), "column headers are showing");
        String[] titles = Arrays.stream(table.getColumns()).map(TableColumn::getText).toArray(String[]::new);
        assertArrayEquals(new String[] { "Server", "State", "Version", "Uptime", "Sessions", "Roles" }, titles);
        for (TableColumn column : table.getColumns()) {
            assertTrue(column.getWidth() > 0, "column " + column.getText() + " has a width");
        }
        // one row per server the workbench knows, whatever other tests left behind: nothing invented
        java.util.Set<String> known = new java.util.HashSet<>();
        org.syncline.ui.internal.servers.ServerConnections.instance().entries().forEach(e -> known.add(e.label()));
        assertEquals(known.size(), table.getItemCount(), "rows");
        for (org.eclipse.swt.widgets.TableItem item : table.getItems()) {
            assertTrue(known.contains(item.getText(0)), "row " + item.getText(0) + " is a known server");
        }
    }

    @Test
    void errorLogCanBeOpenedFromShowView() throws PartInitException {
        String errorLog = ServersPerspective.ERROR_LOG_VIEW;
        assertNotNull(PlatformUI.getWorkbench().getViewRegistry().find(errorLog), "the Error Log is installed");
        assertTrue(Arrays.asList(page.getShowViewShortcuts()).contains(errorLog),
                "Window > Show View lists the Error Log");

        IViewPart log = page.showView(errorLog);
        try {
            UiEvents.flush();
            assertTrue(page.isPartVisible(log), "the Error Log is visible");
            assertTrue(page.isPartVisible(page.findView(SynclineViews.SERVERS)), "and the Servers view still is");
        } finally {
            page.hideView(log);
        }
        assertEquals(null, page.findView(errorLog));
    }

    @Test
    void menuBarOffersFileWindowAndHelpWithMnemonics() {
        Menu menuBar = window.getShell().getMenuBar();
        assertNotNull(menuBar, "the window has a menu bar");
        String[] labels = Arrays.stream(menuBar.getItems()).map(MenuItem::getText)
                .filter(label -> !label.isEmpty()).toArray(String[]::new);
        assertArrayEquals(new String[] { "&File", "&Window", "&Help" }, labels);
    }

    @Test
    void preferencesOpenOnTheGeneralPage() {
        String general = "org.eclipse.ui.preferencePages.Workbench";
        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(window.getShell(), general, null, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            UiEvents.flush();
            IPreferencePage page = assertInstanceOf(IPreferencePage.class, dialog.getSelectedPage(),
                    "a page is showing");
            assertNotNull(page.getControl(), "the page drew itself");
            PreferenceManager preferences = PlatformUI.getWorkbench().getPreferenceManager();
            List<String> ids = preferences.getElements(PreferenceManager.PRE_ORDER).stream().map(IPreferenceNode::getId).toList();
            assertTrue(ids.containsAll(List.of(general, "org.eclipse.ui.preferencePages.Views",
                    "org.eclipse.ui.preferencePages.ColorsAndFonts", "org.eclipse.ui.preferencePages.Keys",
                    "org.eclipse.ui.preferencePages.Perspectives", "org.syncline.sync.ui.preferences")),
                    "the platform pages and Sync are there: " + ids);
            // the tree shows each top-level name once (General was listed twice: ours and the IDE's)
            List<String> top = Arrays.stream(preferences.getRootSubNodes()).map(IPreferenceNode::getLabelText).toList();
            assertEquals(top.size(), new HashSet<>(top).size(), "top-level preference pages: " + top);
        } finally {
            dialog.close();
        }
    }

    @Test
    void exitIsBoundToCtrlQ() {
        IBindingService bindings = PlatformUI.getWorkbench().getService(IBindingService.class);
        assertEquals("Ctrl+Q", bindings.getBestActiveBindingFormattedFor(IWorkbenchCommandConstants.FILE_EXIT));
    }

    @Test
    void theFileMenuSavesAndClosesEditorsWithTheUsualKeys() {
        IBindingService bindings = PlatformUI.getWorkbench().getService(IBindingService.class);
        assertEquals("Ctrl+S", bindings.getBestActiveBindingFormattedFor(IWorkbenchCommandConstants.FILE_SAVE));
        assertEquals("Ctrl+W", bindings.getBestActiveBindingFormattedFor(IWorkbenchCommandConstants.FILE_CLOSE));
        Menu file = window.getShell().getMenuBar().getItem(0).getMenu();
        file.notifyListeners(SWT.Show, new Event());
        try {
            List<String> items = Arrays.stream(file.getItems()).map(i -> i.getText().replaceAll("\\t.*", "")).toList();
            assertTrue(items.containsAll(List.of("&Save", "Save &All", "C&lose", "Clos&e All")), items.toString());
        } finally {
            file.notifyListeners(SWT.Hide, new Event());
        }
    }

    @Test
    void everyMenuItemCanBeReachedFromTheKeyboard() {
        for (MenuItem top : window.getShell().getMenuBar().getItems()) {
            Menu menu = top.getMenu();
            if (menu == null) {
                continue;
            }
            // Menus are filled when they are about to show.
            menu.notifyListeners(SWT.Show, new Event());
            try {
                Set<Character> used = new HashSet<>();
                for (MenuItem item : menu.getItems()) {
                    if ((item.getStyle() & SWT.SEPARATOR) != 0) {
                        continue;
                    }
                    assertShowsNoAmpersandAndItsKeyOnce(item, top.getText());
                    char mnemonic = mnemonic(item.getText());
                    // Platform contributions (the test runtime carries some) may offer a key binding instead.
                    assertTrue(mnemonic != 0 || hasKeyBinding(item),
                            item.getText() + " in " + top.getText() + " has a mnemonic or a key binding");
                    assertTrue(mnemonic == 0 || used.add(Character.toLowerCase(mnemonic)),
                            item.getText() + " shares its mnemonic with another item in " + top.getText());
                }
                assertFalse(used.isEmpty(), top.getText() + " has items with mnemonics");
            } finally {
                menu.notifyListeners(SWT.Hide, new Event());
            }
        }
    }

    @Test
    void contextMenusShowTheirMnemonicsAndKeysOnce() throws org.eclipse.ui.WorkbenchException {
        // plugin.xml labels had '&amp;' as well as a mnemonic attribute: the menu showed "&Add Pair..."
        List<String> checked = new java.util.ArrayList<>();
        forEachSynclineView(view -> {
            Object provider = view.getSite().getSelectionProvider();
            if (!(provider instanceof org.eclipse.jface.viewers.Viewer viewer) || viewer.getControl().getMenu() == null) {
                return;
            }
            Menu menu = viewer.getControl().getMenu();
            menu.notifyListeners(SWT.Show, new Event());
            try {
                for (MenuItem item : menu.getItems()) {
                    if ((item.getStyle() & SWT.SEPARATOR) == 0) {
                        assertShowsNoAmpersandAndItsKeyOnce(item, view.getSite().getId());
                        checked.add(item.getText());
                    }
                }
            } finally {
                menu.notifyListeners(SWT.Hide, new Event());
            }
        });
        // the menus were filled (by their plugin.xml contributions): some items carry a mnemonic
        assertTrue(checked.stream().anyMatch(t -> mnemonic(t) != 0), "context menu items: " + checked);
        assertTrue(checked.stream().anyMatch(t -> t.startsWith("Add &Pair") || t.startsWith("&Add Pair")), "Sync Folders' menu: " + checked);
    }

    @Test
    void toolbarTooltipsNameTheirKeyOnce() throws org.eclipse.ui.WorkbenchException {
        // the platform appends a command's key to its tooltip; a tooltip that spelt it too showed it twice
        List<String> tips = new java.util.ArrayList<>();
        forEachSynclineView(view -> {
            var manager = view.getViewSite().getActionBars().getToolBarManager();
            if (manager instanceof org.eclipse.jface.action.ToolBarManager bar && bar.getControl() != null) {
                for (org.eclipse.swt.widgets.ToolItem item : bar.getControl().getItems()) {
                    String tip = item.getToolTipText();
                    if (tip != null) {
                        tips.add(tip);
                        List<Set<String>> keys = keys(tip);
                        assertEquals(new HashSet<>(keys).size(), keys.size(), view.getSite().getId() + " has the tooltip '" + tip + "'");
                    }
                }
            }
        });
        // what the fix relies on: the platform does append the key (here one bound in every window)
        String openEditor = PlatformUI.getWorkbench().getService(IBindingService.class)
                .getBestActiveBindingFormattedFor("org.syncline.distribution.ui.openEditor");
        assertNotNull(openEditor, "Open Topology Editor has a key");
        assertTrue(tips.contains("Open Topology Editor (or double-click) (" + openEditor + ")"), "tooltips: " + tips);
        // and a view's key, active only with the view, once the view is active
        assertTrue(tips.contains("Add Pair... (Ctrl+N)"), "tooltips: " + tips);
    }

    @Test
    void columnsAreAtLeastAsWideAsTheirTitles() throws PartInitException, org.eclipse.ui.WorkbenchException {
        // fixed widths cut "Revision", "Documents" and "Disabled" in GTK's (bold) header font, and the Servers
        // view's weights cut "Sessions" in a narrow panel
        java.util.Map<String, String> viewsIn = new java.util.LinkedHashMap<>();
        viewsIn.put(SynclineViews.SERVERS, ServersPerspective.ID);
        viewsIn.put("org.syncline.sync.ui.views.trash", "org.syncline.sync.ui.perspective");
        viewsIn.put("org.syncline.sync.ui.views.history", "org.syncline.sync.ui.perspective");
        viewsIn.put("org.syncline.documents.ui.views.nodes", "org.syncline.documents.ui.perspective");
        viewsIn.put("org.syncline.admin.ui.views.users", "org.syncline.admin.ui.perspective");
        viewsIn.put("org.syncline.sharing.ui.views.rooms", "org.syncline.sharing.ui.perspective"); // a ColumnTable
        for (var entry : viewsIn.entrySet()) {
            PlatformUI.getWorkbench().showPerspective(entry.getValue(), window);
            page = window.getActivePage();
            IViewPart view = page.showView(entry.getKey());
            UiEvents.flush();
            Table table = assertInstanceOf(TableViewer.class, view.getSite().getSelectionProvider()).getTable();
            org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(table);
            try {
                gc.setFont(org.eclipse.jface.resource.JFaceResources.getFontRegistry().getBold(
                        org.eclipse.jface.resource.JFaceResources.DEFAULT_FONT));
                for (TableColumn column : table.getColumns()) {
                    int title = gc.textExtent(column.getText()).x;
                    assertTrue(column.getWidth() >= title + 12, entry.getKey() + ": column '" + column.getText() + "' is "
                            + column.getWidth() + " px wide, its title " + title + " px");
                }
            } finally {
                gc.dispose();
            }
        }
    }

    /** Shows every Syncline view of every Syncline perspective once and hands it to {@code check}. */
    private void forEachSynclineView(java.util.function.Consumer<IViewPart> check) throws org.eclipse.ui.WorkbenchException {
        String[] perspectives = { ServersPerspective.ID, "org.syncline.admin.ui.perspective", "org.syncline.documents.ui.perspective",
                "org.syncline.sync.ui.perspective", "org.syncline.distribution.ui.perspective", "org.syncline.sharing.ui.perspective" };
        Set<String> seen = new HashSet<>();
        for (String perspective : perspectives) {
            PlatformUI.getWorkbench().showPerspective(perspective, window);
            page = window.getActivePage();
            for (var ref : page.getViewReferences()) {
                if (!ref.getId().startsWith("org.syncline.") || !seen.add(ref.getId())) {
                    continue;
                }
                IViewPart view = page.showView(ref.getId(), ref.getSecondaryId(), IWorkbenchPage.VIEW_ACTIVATE);
                UiEvents.flush();
                check.accept(view);
            }
        }
    }

    /**
     * A menu item shows no literal '&' (a label with '&amp;' and a mnemonic attribute showed "&Connect...") and
     * does not spell in its label the key the platform shows beside it.
     */
    private static void assertShowsNoAmpersandAndItsKeyOnce(MenuItem item, String where) {
        String text = item.getText();
        int tab = text.indexOf('\t');
        String label = tab < 0 ? text : text.substring(0, tab);
        String shown = label.replace("&&", "\0").replace("&", "").replace("\0", "&");
        assertFalse(shown.contains("&"), where + " shows '" + shown + "' (" + text + ")");
        if (tab >= 0) {
            List<Set<String>> keys = keys(label);
            assertFalse(!keys.isEmpty() && keys.containsAll(keys("(" + text.substring(tab + 1) + ")")),
                    where + " shows its key twice: " + text);
        }
    }

    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern
            .compile("(?:(?:Ctrl|Shift|Alt)\\+)+[A-Za-z0-9]+|\\bF\\d{1,2}\\b|\\bDel(?:ete)?\\b");

    private static final java.util.regex.Pattern IN_PARENTHESES = java.util.regex.Pattern.compile("\\(([^)]*)\\)");

    /**
     * The keys {@code text} names in parentheses, as labels and tooltips show them ("Delete (Del)": one), each as
     * the set of its parts ("Shift+Ctrl+T" and "Ctrl+Shift+T" are one key).
     */
    private static List<Set<String>> keys(String text) {
        List<Set<String>> keys = new java.util.ArrayList<>();
        StringBuilder named = new StringBuilder();
        var p = IN_PARENTHESES.matcher(text);
        while (p.find()) {
            named.append(p.group(1)).append(' ');
        }
        var m = KEY.matcher(named);
        while (m.find()) {
            Set<String> parts = new HashSet<>();
            for (String part : m.group().split("\\+")) {
                parts.add(part.equalsIgnoreCase("Del") ? "delete" : part.toLowerCase());
            }
            keys.add(parts);
        }
        return keys;
    }

    private static boolean hasKeyBinding(MenuItem item) {
        return item.getAccelerator() != 0 || item.getText().contains("\t");
    }

    /** The character after a single '&', or 0. */
    private static char mnemonic(String text) {
        for (int i = 0; i < text.length() - 1; i++) {
            if (text.charAt(i) == '&') {
                if (text.charAt(i + 1) != '&') {
                    return text.charAt(i + 1);
                }
                i++;
            }
        }
        return 0;
    }
}
