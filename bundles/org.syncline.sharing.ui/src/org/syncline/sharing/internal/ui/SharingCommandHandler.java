package org.syncline.sharing.internal.ui;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.syncline.ui.ErrorReporter;

/** The Sharing commands: Join and Refresh act on the Rooms view, Request Control on the active viewer's room. */
public final class SharingCommandHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindow(event).getActivePage();
        try {
            switch (event.getCommand().getId()) {
                case "org.syncline.sharing.ui.join" -> ((RoomsView) page.showView(RoomsView.ID)).joinSelected();
                case "org.syncline.sharing.ui.refresh" -> ((RoomsView) page.showView(RoomsView.ID)).refresh();
                case "org.syncline.sharing.ui.requestControl" ->
                    ((ParticipantsView) page.showView(ParticipantsView.ID, null, IWorkbenchPage.VIEW_VISIBLE)).requestControl();
                default -> throw new IllegalArgumentException("no such sharing command: " + event.getCommand().getId());
            }
        } catch (PartInitException e) {
            ErrorReporter.report("Could not open the Sharing view", e);
        }
        return null;
    }
}
