package org.syncline.ui.internal.views;

import java.util.concurrent.Executor;

import org.eclipse.jface.viewers.IStructuredContentProvider;
import org.eclipse.jface.viewers.Viewer;

/**
 * Feeds a viewer from a {@link ServerList} and refreshes it when the list changes. Changes come from network
 * threads, so the refresh is handed to the UI executor.
 */
final class ServerListContentProvider implements IStructuredContentProvider {
    private final Executor uiExecutor;
    private ServerList list;
    private Runnable refresh;

    ServerListContentProvider(Executor uiExecutor) {
        this.uiExecutor = uiExecutor;
    }

    @Override
    public Object[] getElements(Object input) {
        return input instanceof ServerList servers ? servers.rows().toArray() : new Object[0];
    }

    @Override
    public void inputChanged(Viewer viewer, Object oldInput, Object newInput) {
        stopListening();
        if (newInput instanceof ServerList servers) {
            list = servers;
            refresh = () -> uiExecutor.execute(() -> {
                if (!viewer.getControl().isDisposed()) {
                    viewer.refresh();
                }
            });
            list.addListener(refresh);
        }
    }

    @Override
    public void dispose() {
        stopListening();
    }

    private void stopListening() {
        if (list != null) {
            list.removeListener(refresh);
            list = null;
            refresh = null;
        }
    }
}
