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
            }
        });
    }

    private static void hideTextEditorActions(IWorkbenchPage page) {
        if (page != null) {
            TEXT_EDITOR_ACTION_SETS.forEach(page::hideActionSet);
        }
    }
}
