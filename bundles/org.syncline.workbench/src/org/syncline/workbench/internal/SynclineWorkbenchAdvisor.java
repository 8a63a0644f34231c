package org.syncline.workbench.internal;

import org.eclipse.core.runtime.Platform;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.syncline.ui.ServerStartup;

/**
 * Opens the Servers perspective first, keeps the user's layout between sessions, and connects the servers
 * the user saved or named on the command line once the window is up.
 */
final class SynclineWorkbenchAdvisor extends WorkbenchAdvisor {

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        configurer.setSaveAndRestore(true);
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return ServersPerspective.ID;
    }

    @Override
    public void postStartup() {
        ServerStartup.run(getWorkbenchConfigurer().getWorkbench().getDisplay(), Platform.getApplicationArgs());
    }

    @Override
    public void postShutdown() {
        ServerStartup.shutdown();
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new SynclineWindowAdvisor(configurer);
    }
}
