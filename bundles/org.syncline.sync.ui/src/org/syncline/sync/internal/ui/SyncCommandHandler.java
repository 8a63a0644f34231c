package org.syncline.sync.internal.ui;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.handlers.HandlerUtil;

/** Every Sync command runs on the active Sync view; the command id says which action. */
public final class SyncCommandHandler extends AbstractHandler {
    private static final String PREFIX = "org.syncline.sync.ui.";

    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchPart part = HandlerUtil.getActivePart(event);
        String action = event.getCommand().getId().substring(PREFIX.length());
        if (part instanceof SyncFoldersView view) {
            switch (action) {
                case "addPair" -> view.addPair();
                case "removePair" -> view.removePair();
                case "pauseResume" -> view.togglePause();
                case "syncNow", "refresh" -> view.syncNow();
                case "openFolder" -> view.openFolder();
                case "showWarnings" -> view.showWarnings();
                default -> {
                    // another view's command: nothing to do here
                }
            }
        } else if (part instanceof HistoryView view) {
            switch (action) {
                case "restore" -> view.restore();
                case "download" -> view.download();
                case "refresh" -> view.refresh();
                default -> {
                }
            }
        } else if (part instanceof TrashView view) {
            switch (action) {
                case "restore" -> view.restore();
                case "showHistory" -> view.showHistory();
                case "refresh" -> view.refresh();
                default -> {
                }
            }
        } else if (part instanceof ConflictsView view) {
            switch (action) {
                case "compare" -> view.compare();
                case "keepMine" -> view.keepMine();
                case "keepTheirs" -> view.keepTheirs();
                case "keepBoth" -> view.keepBoth();
                case "refresh" -> view.refresh();
                default -> {
                }
            }
        } else if (part instanceof SharedFoldersView view) {
            switch (action) {
                case "createFolder" -> view.createFolder();
                case "addMember" -> view.addMember();
                case "removeMember" -> view.removeMembers();
                case "changeRight" -> view.changeRight();
                case "deleteFolder" -> view.deleteFolder();
                case "delete" -> view.deleteSelected();
                case "setQuota" -> view.setQuota();
                case "refresh" -> view.refresh();
                default -> {
                }
            }
        } else if (part instanceof ActivityView view) {
            switch (action) {
                case "showHistory" -> view.showHistory();
                case "refresh" -> view.refresh();
                default -> {
                }
            }
        }
        return null;
    }
}
