package org.syncline.admin.internal.ui;

import java.util.Objects;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;
import org.syncline.ui.ConnectedServer;

/** One user of one server: two inputs are the same editor when both name the same user on the same server. */
public final class UserEditorInput implements IEditorInput {
    private final ConnectedServer server;
    private final String user;

    public UserEditorInput(ConnectedServer server, String user) {
        this.server = Objects.requireNonNull(server, "server");
        this.user = Objects.requireNonNull(user, "user");
    }

    public ConnectedServer server() {
        return server;
    }

    public String user() {
        return user;
    }

    @Override
    public boolean exists() {
        return false; // not in the recent-files list: the server decides whether the user still exists
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return ImageDescriptor.getMissingImageDescriptor();
    }

    @Override
    public String getName() {
        return user;
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return "User " + user + " on " + server.label();
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return null;
    }

    /** The same user on the same session's server: one removed and added again is a new session, whose editor is another one. */
    @Override
    public boolean equals(Object o) {
        return o instanceof UserEditorInput other && other.user.equals(user) && other.server == server;
    }

    @Override
    public int hashCode() {
        return Objects.hash(user, server.label());
    }
}
