package org.syncline.sharing.host;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.sharing.FrameUpdate;
import org.syncline.sharing.InputEvent;
import org.syncline.sharing.RoomDetails;
import org.syncline.sharing.capture.CaptureStream;
import org.syncline.sharing.capture.CapturedFrame;
import org.syncline.sharing.capture.WindowCapture;
import org.syncline.sharing.capture.WindowCaptures;
import org.syncline.sharing.client.ControlToken;
import org.syncline.sharing.client.SharingClient;
import org.syncline.sharing.codec.TileEncoder;
import org.syncline.sharing.input.InjectionResult;
import org.syncline.sharing.input.InputInjector;
import org.syncline.sharing.input.InputInjectors;

/**
 * One sharing by a host, glued end to end: a room on the relay, the chosen window captured and encoded on a thread
 * of its own at up to {@code fps} frames per second and sent to the relay (only when something changed; a new
 * window size goes as a keyframe), viewers' control requests handed to a {@link ControlPolicy}, and the token
 * holder's input injected into the shared window only when this host's own {@link ControlToken} says that sender
 * holds the token. {@link #stop()} closes the room and releases the capture; so does the window disappearing (the
 * room hears why in its chat) or the relay closing the room.
 */
public final class HostSession implements AutoCloseable {
    /** Frames per second when the caller does not say. */
    public static final int DEFAULT_FPS = 30;
    private static final int MAX_FPS = 120;

    private final SharingClient client;
    private final ShareTarget target;
    private final ControlPolicy policy;
    private final HostEvents events;
    private final long frameNanos;
    private final WindowCapture capture;
    private final CaptureStream stream;
    private final InputInjector injector;
    private final TileEncoder encoder = new TileEncoder();
    private final RoomDetails opened;
    private final ControlToken token;
    private final List<AutoCloseable> listeners = new ArrayList<>();
    private final ExecutorService decisions = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("syncline-share-control").factory());
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicReference<String> stopReason = new AtomicReference<>();
    private volatile HostEnd ending;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong injected = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Object injecting = new Object();
    private volatile RoomDetails room;
    private volatile long bytesPerSecond;
    private volatile boolean running = true;
    private String sender;
    private final Thread pump;

    private HostSession(SharingClient client, RoomRequest request, ShareTarget target, int fps, ControlPolicy policy,
            HostEvents events) {
        this.client = client;
        this.target = target;
        this.policy = policy;
        this.events = events;
        this.frameNanos = 1_000_000_000L / fps;
        WindowCapture desktop = WindowCaptures.forThisDesktop();
        CaptureStream opening = null;
        InputInjector inject = null;
        try {
            opening = target.screen() ? desktop.openScreen() : desktop.openWindow(target.windowId());
            inject = target.screen() ? InputInjectors.forScreen(this::senderHoldsToken)
                    : InputInjectors.forWindow(target.windowId(), this::senderHoldsToken);
        } catch (RuntimeException e) {
            if (opening != null) {
                opening.close();
            }
            desktop.close();
            throw e;
        }
        this.capture = desktop;
        this.stream = opening;
        this.injector = inject;
        RoomDetails created;
        try {
            created = client.createRoom(request.title(), request.password(), request.max());
        } catch (RuntimeException e) {
            releaseDesktop();
            throw e;
        }
        this.opened = created;
        this.room = created;
        this.token = client.controlToken(created.id());
        this.pump = Thread.ofPlatform().name("syncline-share-host-" + created.id()).daemon().unstarted(this::pumpFrames);
        listeners.add(client.onRoomChanged(d -> {
            if (d.id().equals(opened.id())) {
                room = d;
                events.roomChanged(d);
            }
        }));
        listeners.add(client.onRoomClosed((id, reason) -> {
            if (id.equals(opened.id())) {
                end(HostEnd.ROOM_CLOSED, reason, false, false);
            }
        }));
        listeners.add(client.onControlRequest((id, user) -> {
            if (id.equals(opened.id())) {
                decisions.execute(() -> decide(user));
            }
        }));
        listeners.add(client.onInput(created.id(), this::inject));
        events.roomChanged(created);
        pump.start();
    }

    /**
     * Opens a room on the relay and starts sharing {@code target} in it.
     *
     * @param fps at most this many frames per second (1-120)
     * @throws SynclineException {@code CONFIG} when this desktop cannot be captured, {@code NOT_FOUND} when the
     *         window does not exist, or the relay's refusal of the room
     */
    public static HostSession start(SharingClient client, RoomRequest request, ShareTarget target, int fps,
            ControlPolicy policy, HostEvents events) {
        if (fps < 1 || fps > MAX_FPS) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A frame rate of " + fps + " per second is outside 1-" + MAX_FPS + ".");
        }
        return new HostSession(client, request, target, fps, policy, events);
    }

    /** The room as the relay last described it. */
    public RoomDetails room() {
        return room;
    }

    public ShareTarget target() {
        return target;
    }

    public HostProgress progress() {
        RoomDetails r = room;
        return new HostProgress(frames.get(), bytes.get(), bytesPerSecond, r.members().size(), injected.get(), dropped.get());
    }

    /** True until the sharing ended (stopped here, the window closed, or the relay closed the room). */
    public boolean isRunning() {
        return !stopped.get();
    }

    /** How the sharing ended, or null while it runs. */
    public HostEnd ending() {
        return ending;
    }

    /** Why the sharing ended, or null while it runs. */
    public String stopReason() {
        return stopReason.get();
    }

    public void grant(String user) {
        client.grant(opened.id(), user);
    }

    public void refuse(String user) {
        client.refuse(opened.id(), user);
    }

    /** Takes the token back: the holder's input stops reaching the window at once (the host checks it itself). */
    public void revoke() {
        client.revoke(opened.id());
    }

    public void allowPassing(boolean allowed) {
        client.allowPassing(opened.id(), allowed);
    }

    public RoomDetails kick(String user) {
        return client.kick(opened.id(), user);
    }

    /** Stops sharing: closes the room for every viewer and releases the capture. */
    public void stop() {
        end(HostEnd.STOPPED, "The host stopped sharing.", true, false);
    }

    @Override
    public void close() {
        stop();
    }

    private void decide(String user) {
        if (stopped.get()) {
            return;
        }
        try {
            policy.requested(this, user);
        } catch (SynclineException e) {
            // the viewer left or the room closed meanwhile: nothing to decide any more
        }
    }

    private boolean senderHoldsToken() {
        return token.allows(sender);
    }

    private void inject(String user, InputEvent event) {
        InjectionResult result;
        synchronized (injecting) {
            if (stopped.get()) {
                return;
            }
            sender = user;
            try {
                result = injector.inject(event);
            } catch (SynclineException e) {
                result = InjectionResult.WINDOW_GONE;
            } finally {
                sender = null;
            }
        }
        if (result == InjectionResult.INJECTED) {
            injected.incrementAndGet();
        } else {
            dropped.incrementAndGet();
            events.inputDropped(user, result);
        }
    }

    private void pumpFrames() {
        long markNanos = System.nanoTime();
        long markBytes = 0;
        long next = System.nanoTime();
        while (running) {
            try {
                CapturedFrame frame = stream.read();
                FrameUpdate update = encoder.encode(frame);
                if (update.keyframe() || !update.tiles().isEmpty()) {
                    client.sendFrame(opened.id(), update);
                    frames.incrementAndGet();
                    bytes.addAndGet(update.encodedSize());
                }
            } catch (SynclineException e) {
                if (!running) {
                    break;
                }
                boolean gone = e.code() == ErrorCode.NOT_FOUND || e.code() == ErrorCode.INVALID_ARGUMENT;
                String reason = e.code() == ErrorCode.NOT_FOUND ? "The shared window was closed, so the sharing ended."
                        : gone ? "The shared window is not shown on the screen, so the sharing ended."
                        : "The sharing ended: " + e.getMessage();
                Thread.ofVirtual().start(() -> end(gone ? HostEnd.WINDOW_GONE : HostEnd.FAILED, reason, true, true));
                break;
            }
            long now = System.nanoTime();
            if (now - markNanos >= 1_000_000_000L) {
                long total = bytes.get();
                bytesPerSecond = (total - markBytes) * 1_000_000_000L / (now - markNanos);
                markBytes = total;
                markNanos = now;
            }
            next = Math.max(next + frameNanos, now);
            long wait = next - now;
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    break;
                }
            }
        }
        encoder.close();
    }

    /**
     * @param closeRoom whether the relay still has to be told to close the room
     * @param explain whether the room hears {@code reason} in its chat first (the relay's own reason would only say
     *        that the host closed it)
     */
    private void end(HostEnd how, String reason, boolean closeRoom, boolean explain) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        stopReason.set(reason);
        ending = how;
        running = false;
        if (Thread.currentThread() != pump) {
            pump.interrupt();
            try {
                pump.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        listeners.forEach(HostSession::quietly);
        decisions.shutdownNow();
        if (closeRoom) {
            try {
                if (explain) {
                    client.chat(opened.id(), reason);
                }
                client.closeRoom(opened.id());
            } catch (SynclineException e) {
                // the room is already gone on the relay (or the connection is): nothing left to close
            }
        }
        synchronized (injecting) {
            releaseDesktop();
        }
        events.stopped(reason);
    }

    private void releaseDesktop() {
        injector.close();
        stream.close();
        capture.close();
    }

    private static void quietly(AutoCloseable handle) {
        try {
            handle.close();
        } catch (Exception e) {
            // removing a push listener cannot fail
        }
    }
}
