package org.syncline.workbench.internal;

import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/** Shapes the main window: its size, title and which bars it shows. */
final class SynclineWindowAdvisor extends WorkbenchWindowAdvisor {
    static final String TITLE = "Syncline";
    static final Point INITIAL_SIZE = new Point(1280, 800);

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
}
