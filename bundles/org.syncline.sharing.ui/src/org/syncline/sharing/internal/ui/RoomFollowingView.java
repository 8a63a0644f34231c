package org.syncline.sharing.internal.ui;

import java.util.function.Consumer;

import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.part.ViewPart;
import org.syncline.ui.UiRunner;

/** A view about the room of the active Viewer editor: it follows the editor brought to the front, and its changes. */
abstract class RoomFollowingView extends ViewPart {
    private RoomSession session;
    private UiRunner ui;
    private final Consumer<RoomSession.Change> changes = c -> ui.execute(() -> {
        if (!isDisposed() && session != null) {
            changed(session, c);
        }
    });
    private final IPartListener2 parts = new IPartListener2() {
        @Override
        public void partActivated(IWorkbenchPartReference ref) {
            if (ref.getPart(false) instanceof ViewerEditor editor) {
                follow(editor.session());
            }
        }

        @Override
        public void partClosed(IWorkbenchPartReference ref) {
            if (ref.getPart(false) instanceof ViewerEditor editor && editor.session() == session) {
                follow(null);
            }
        }
    };

    /** Starts following; call at the end of {@code createPartControl}. */
    protected final void startFollowing(UiRunner runner) {
        this.ui = runner;
        getSite().getPage().addPartListener(parts);
        if (getSite().getPage().getActiveEditor() instanceof ViewerEditor editor) {
            follow(editor.session());
        } else {
            follow(null);
        }
    }

    /** Shows {@code next} (null: no room). */
    public final void follow(RoomSession next) {
        if (next == session && next != null) {
            return;
        }
        if (session != null) {
            session.removeListener(changes);
        }
        session = next;
        if (session != null) {
            session.addListener(changes);
        }
        if (!isDisposed()) {
            shown(session);
        }
    }

    protected final RoomSession session() {
        return session;
    }

    protected abstract boolean isDisposed();

    /** The followed room changed (null: none). */
    protected abstract void shown(RoomSession room);

    /** Something in the followed room changed. */
    protected abstract void changed(RoomSession room, RoomSession.Change change);

    @Override
    public void dispose() {
        getSite().getPage().removePartListener(parts);
        if (session != null) {
            session.removeListener(changes);
        }
        super.dispose();
    }
}
