package org.syncline.documents.internal.ui;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.handlers.HandlerUtil;

/** Every Documents command runs on the active Documents or Versions view; the command id says which action. */
public final class DocumentsCommandHandler extends AbstractHandler {
    private static final String PREFIX = "org.syncline.documents.ui.";

    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchPart part = HandlerUtil.getActivePart(event);
        String action = event.getCommand().getId().substring(PREFIX.length());
        if (part instanceof DocumentsView view) {
            switch (action) {
                case "register" -> view.registerFiles();
                case "download" -> view.download();
                case "open" -> view.open();
                case "update" -> view.updateFromFile();
                case "rename" -> view.rename();
                case "editMetadata" -> view.editMetadata();
                case "share" -> view.share();
                case "showVersions" -> view.showVersions();
                case "delete" -> view.delete();
                case "search" -> view.focusSearch();
                case "refresh" -> view.refresh();
                default -> {
                    // a Versions command while the browser is active: nothing to do
                }
            }
        } else if (part instanceof NodesView view && action.equals("refreshNodes")) {
            view.refresh();
        } else if (part instanceof VersionsView view) {
            switch (action) {
                case "downloadVersion" -> view.downloadVersion();
                case "restoreVersion" -> view.restoreVersion();
                case "refreshVersions" -> view.refresh();
                default -> {
                    // a browser command while the Versions view is active: nothing to do
                }
            }
        }
        return null;
    }
}
