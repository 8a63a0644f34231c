package org.syncline.sharing.internal.ui;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/** A joined room, as the input of its Viewer editor (not persisted: a restart does not rejoin). */
public final class ViewerEditorInput implements IEditorInput {
    private final RoomSession session;

    public ViewerEditorInput(RoomSession session) {
        this.session = session;
    }

    public RoomSession session() {
        return session;
    }

    @Override
    public boolean exists() {
        return false;
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return null;
    }

    @Override
    public String getName() {
        return session.details().title();
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return session.details().title() + " shared by " + session.details().host() + " on " + session.server().label();
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return null;
    }
}
