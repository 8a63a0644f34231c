package org.syncline.admin.internal.ui;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.handlers.HandlerUtil;

/** Every Users command runs on the active Users view; the command id says which action. */
public final class UsersCommandHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchPart part = HandlerUtil.getActivePart(event);
        if (part instanceof UsersView view) {
            switch (event.getCommand().getId()) {
                case "org.syncline.admin.ui.addUser" -> view.addUser();
                case "org.syncline.admin.ui.setPassword" -> view.setPassword();
                case "org.syncline.admin.ui.toggleAdmin" -> view.toggleAdmin();
                case "org.syncline.admin.ui.removeUser" -> view.removeUser();
                case "org.syncline.admin.ui.toggleDisabled" -> view.toggleDisabled();
                case "org.syncline.admin.ui.openUser" -> view.openSelectedUser();
                default -> view.refresh();
            }
        }
        return null;
    }
}
