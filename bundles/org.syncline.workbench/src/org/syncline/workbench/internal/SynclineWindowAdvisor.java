package org.syncline.workbench.internal;

import java.util.List;

import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PerspectiveAdapter;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/** Shapes the main window: its size, title and which bars it shows. */
final class SynclineWindowAdvisor extends WorkbenchWindowAdvisor {
    static final String TITLE = "Syncline";
    static final Point INITIAL_SIZE = new Point(1280, 800);
    /**
     * The text editor's navigation action sets (Back, Forward, Last Edit Location, Next/Previous Annotation,
     * Convert Line Delimiters): org.eclipse.ui.editors comes with the platform's views and shows them in every
     * perspective, but Syncline has no text editor, so they would only be disabled buttons on the toolbar.
     */
    static final List<String> TEXT_EDITOR_ACTION_SETS = List.of("org.eclipse.ui.edit.text.actionSet.annotationNavigation",
            "org.eclipse.ui.edit.text.actionSet.navigation", "org.eclipse.ui.edit.text.actionSet.convertLineDelimitersTo");

    SynclineWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        super(configurer);
    }

    @Override
    public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer configurer) {
        return new SynclineActionBarAdvisor(configurer);
    }

    @Override
    public void preWindowOpen() {
        IWorkbenchWindowConfigurer configurer = getWindowConfigurer();
        configurer.setInitialSize(INITIAL_SIZE);
        configurer.setTitle(TITLE);
        // No main toolbar yet (nothing to put on it); the perspective bar is how users switch capability.
        configurer.setShowCoolBar(false);
        configurer.setShowPerspectiveBar(true);
        configurer.setShowStatusLine(true);
        configurer.setShowProgressIndicator(true);
    }

    @Override
    public void postWindowOpen() {
        IWorkbenchWindow window = getWindowConfigurer().getWindow();
        hideTextEditorActions(window.getActivePage());
        window.addPerspectiveListener(new PerspectiveAdapter() {
            @Override
            public void perspectiveActivated(IWorkbenchPage page, IPerspectiveDescriptor perspective) {
                hideTextEditorActions(page);
                ViewToolbarPlacement.afterPerspectiveSwitch(window.getShell());
            }
        });
        // The platform writes a command's key into its toolbar tooltip when it draws the item, and only when the
        // key is active then. A view's keys become active with the view (the Documents view's with its table's
        // focus), after its toolbar was drawn: its tooltips had no key, and plugin.xml tooltips must not spell
        // keys themselves (a key active at drawing time then showed twice). So the active part's tool items are
        // redrawn whenever the active keys change.
        org.eclipse.ui.contexts.IContextService contexts = window.getService(org.eclipse.ui.contexts.IContextService.class);
        contexts.addContextManagerListener(event -> {
            // the contexts also change while the workbench closes, when the window has no shell any more
            org.eclipse.swt.widgets.Shell shell = window.getShell();
            if (event.isActiveContextsChanged() && shell != null && !shell.isDisposed()) {
                shell.getDisplay().asyncExec(() -> showKeysInToolTips(window));
            }
        });
    }

    private static void showKeysInToolTips(IWorkbenchWindow window) {
        IWorkbenchPage page = window.getShell() == null || window.getShell().isDisposed() ? null : window.getActivePage();
        if (page == null || !(page.getActivePart() instanceof org.eclipse.ui.IViewPart view)) {
            return;
        }
        for (org.eclipse.jface.action.IContributionItem item : view.getViewSite().getActionBars().getToolBarManager().getItems()) {
            item.update();
        }
    }

    private static void hideTextEditorActions(IWorkbenchPage page) {
        if (page != null) {
            TEXT_EDITOR_ACTION_SETS.forEach(page::hideActionSet);
        }
    }
}
