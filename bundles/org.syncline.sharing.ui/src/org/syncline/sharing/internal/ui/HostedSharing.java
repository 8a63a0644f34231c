package org.syncline.sharing.internal.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

import org.syncline.sharing.RoomDetails;
import org.syncline.sharing.host.ControlPolicy;
import org.syncline.sharing.host.HostEvents;
import org.syncline.sharing.host.HostSession;
import org.syncline.sharing.host.RoomRequest;
import org.syncline.sharing.host.ShareTarget;
import org.syncline.ui.ConnectedServer;

/**
 * The one sharing this workbench hosts at a time (Share a Window... starts it, Stop Sharing ends it), for the
 * indicator, the Participants view and the commands. Listeners run on any thread.
 */
public final class HostedSharing {
    private static final HostedSharing INSTANCE = new HostedSharing();

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile HostSession session;
    private volatile RoomDetails room;
    private volatile String lastStop;

    public static HostedSharing instance() {
        return INSTANCE;
    }

    /**
     * Opens the room and starts sharing; {@code asked(session, user)} hears each control request and must answer
     * it without blocking the caller. Blocks while the room opens (call it off the UI thread).
     *
     * @throws org.syncline.core.SynclineException when the desktop cannot be captured or the relay refuses the room
     */
    public synchronized HostSession start(ConnectedServer server, RoomRequest request, ShareTarget target,
            BiConsumer<HostSession, String> asked) {
        if (session != null && session.isRunning()) {
            throw new IllegalStateException("already sharing '" + room.title() + "'");
        }
        ControlPolicy policy = asked::accept;
        HostSession started = HostSession.start(SharingClients.of(server), request, target, HostSession.DEFAULT_FPS, policy,
                new HostEvents() {
                    @Override
                    public void roomChanged(RoomDetails details) {
                        room = details;
                        fire();
                    }

                    @Override
                    public void stopped(String reason) {
                        lastStop = reason;
                        fire();
                    }
                });
        session = started;
        room = started.room();
        lastStop = null;
        fire();
        return started;
    }

    /** Stops the running sharing (Ctrl+Alt+X, the Stop Sharing button); nothing when none runs. */
    public void stop() {
        HostSession running = session;
        if (running != null && running.isRunning()) {
            running.stop();
        }
        fire();
    }

    /** The running sharing, or null. */
    public HostSession running() {
        HostSession s = session;
        return s != null && s.isRunning() ? s : null;
    }

    /** The hosted room as last heard. */
    public RoomDetails room() {
        return room;
    }

    /** Why the last sharing ended, or null. */
    public String lastStop() {
        return lastStop;
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void fire() {
        listeners.forEach(Runnable::run);
    }
}
