package org.syncline.distribution.internal.ui;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;
import org.syncline.ui.ConnectedServer;
import org.syncline.ui.SynclineImages;

/** The topology of one server, as an editor's input: one editor per server. */
public final class TopologyEditorInput implements IEditorInput {
    private final ConnectedServer server;

    public TopologyEditorInput(ConnectedServer server) {
        this.server = server;
    }

    ConnectedServer server() {
        return server;
    }

    @Override
    public boolean exists() {
        return false;
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return SynclineImages.descriptor(SynclineImages.SERVERS);
    }

    @Override
    public String getName() {
        return "Topology of " + server.label();
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return "The distribution topology kept by the master at " + server.label();
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return null;
    }

    /** The same session's server: one removed and added again is a new session, whose editor is another one. */
    @Override
    public boolean equals(Object o) {
        return o instanceof TopologyEditorInput other && other.server == server;
    }

    @Override
    public int hashCode() {
        return server.label().hashCode();
    }
}
