package org.syncline.ui.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.syncline.ui.internal.servers.ServerConnections;

/** Closes the connections of the selected servers; they stay in the list. */
public final class DisconnectHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        SelectedServers.of(event).forEach(ServerConnections.instance()::disconnect);
        return null;
    }
}
