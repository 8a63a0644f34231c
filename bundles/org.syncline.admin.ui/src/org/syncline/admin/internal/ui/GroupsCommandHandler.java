package org.syncline.admin.internal.ui;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.handlers.HandlerUtil;

/** Every Groups command runs on the active Groups view; the command id says which action. */
public final class GroupsCommandHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchPart part = HandlerUtil.getActivePart(event);
        if (part instanceof GroupsView view) {
            switch (event.getCommand().getId()) {
                case "org.syncline.admin.ui.newGroup" -> view.newGroup();
                case "org.syncline.admin.ui.removeGroup" -> view.removeGroup();
                case "org.syncline.admin.ui.editMembers" -> view.editMembers();
                default -> view.refresh();
            }
        }
        return null;
    }
}
