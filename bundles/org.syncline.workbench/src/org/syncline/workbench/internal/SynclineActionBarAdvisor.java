package org.syncline.workbench.internal;

import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ContributionItemFactory;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;

/**
 * The menus File, Window and Help, built from the workbench's standard actions so they carry the standard
 * command ids, key bindings and mnemonics. Capability bundles add their own menus at the additions marker.
 */
final class SynclineActionBarAdvisor extends ActionBarAdvisor {
    private IAction exit;
    private IAction save;
    private IAction saveAll;
    private IAction close;
    private IAction closeAll;
    private IAction resetPerspective;
    private IAction preferences;
    private IAction about;
    private IContributionItem perspectives;
    private IContributionItem views;

    SynclineActionBarAdvisor(IActionBarConfigurer configurer) {
        super(configurer);
    }

    @Override
    protected void makeActions(IWorkbenchWindow window) {
        // Registered actions get their key bindings (Ctrl+Q for Exit) through their command ids.
        exit = registered(ActionFactory.QUIT.create(window));
        // The editors' Save (Ctrl+S), Save All (Ctrl+Shift+S), Close (Ctrl+W) and Close All (Ctrl+Shift+W): registered,
        // they follow the active editor's dirty state; without them the keys had no handler that tracked it (a user's
        // Ctrl+S in the user editor did nothing) and the File menu offered no Save. Mnemonics chosen not to clash with
        // the File menu's Connect to Server... (C) and Exit (x).
        save = registered(ActionFactory.SAVE.create(window), "&Save");
        saveAll = registered(ActionFactory.SAVE_ALL.create(window), "Save &All");
        close = registered(ActionFactory.CLOSE.create(window), "C&lose");
        closeAll = registered(ActionFactory.CLOSE_ALL.create(window), "Clos&e All");
        resetPerspective = registered(ActionFactory.RESET_PERSPECTIVE.create(window));
        preferences = registered(ActionFactory.PREFERENCES.create(window));
        about = registered(ActionFactory.ABOUT.create(window));
        // Each list ends with "Other...", the dialog that lists every perspective or view.
        perspectives = ContributionItemFactory.PERSPECTIVES_SHORTLIST.create(window);
        views = ContributionItemFactory.VIEWS_SHORTLIST.create(window);
    }

    @Override
    protected void fillMenuBar(IMenuManager menuBar) {
        menuBar.add(fileMenu());
        menuBar.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        menuBar.add(windowMenu());
        menuBar.add(helpMenu());
    }

    private MenuManager fileMenu() {
        MenuManager menu = new MenuManager("&File", IWorkbenchActionConstants.M_FILE);
        menu.add(new GroupMarker(IWorkbenchActionConstants.FILE_START));
        menu.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        menu.add(new Separator());
        menu.add(save);
        menu.add(saveAll);
        menu.add(close);
        menu.add(closeAll);
        menu.add(new Separator());
        menu.add(exit);
        menu.add(new GroupMarker(IWorkbenchActionConstants.FILE_END));
        return menu;
    }

    private MenuManager windowMenu() {
        MenuManager menu = new MenuManager("&Window", IWorkbenchActionConstants.M_WINDOW);
        MenuManager openPerspective = new MenuManager("&Open Perspective", "openPerspective");
        openPerspective.add(perspectives);
        MenuManager showView = new MenuManager("Show &View", "showView");
        showView.add(views);
        menu.add(openPerspective);
        menu.add(showView);
        menu.add(new Separator());
        menu.add(resetPerspective);
        menu.add(new Separator());
        menu.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        menu.add(preferences);
        return menu;
    }

    private MenuManager helpMenu() {
        MenuManager menu = new MenuManager("&Help", IWorkbenchActionConstants.M_HELP);
        menu.add(new GroupMarker(IWorkbenchActionConstants.HELP_START));
        menu.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        menu.add(new Separator());
        menu.add(about);
        menu.add(new GroupMarker(IWorkbenchActionConstants.HELP_END));
        return menu;
    }

    private <A extends IAction> A registered(A action) {
        register(action);
        return action;
    }

    private <A extends IAction> A registered(A action, String text) {
        action.setText(text);
        return registered(action);
    }
}
