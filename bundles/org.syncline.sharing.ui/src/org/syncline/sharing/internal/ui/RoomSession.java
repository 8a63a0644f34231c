package org.syncline.sharing.internal.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.syncline.core.SynclineException;
import org.syncline.sharing.ChatLine;
import org.syncline.sharing.FrameUpdate;
import org.syncline.sharing.InputEvent;
import org.syncline.sharing.JoinedRoom;
import org.syncline.sharing.RoomDetails;
import org.syncline.sharing.client.FrameWatch;
import org.syncline.sharing.client.SharingClient;
import org.syncline.sharing.codec.PaintPlan;
import org.syncline.sharing.codec.TileDecoder;
import org.syncline.ui.ConnectedServer;
import org.syncline.ui.ErrorReporter;

/**
 * One room this workbench joined as a viewer: the decoded picture of the shared window, the members and token
 * holder, the chat, all kept up to date by the relay's pushes. Listeners are called on the connection's thread;
 * views hop to the UI thread themselves. Input goes out on one thread of its own, in order, never on the UI thread.
 */
public final class RoomSession implements AutoCloseable {
    /** What changed, for listeners. */
    public enum Change {
        FRAME, ROOM, CHAT, CLOSED
    }

    private final ConnectedServer server;
    private final SharingClient client;
    private final String roomId;
    private final FrameDecoding picture = new FrameDecoding();
    private final List<ChatLine> chat = new CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> handles = new ArrayList<>();
    private final ExecutorService outgoing = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sharing input");
        t.setDaemon(true);
        return t;
    });
    private volatile RoomDetails details;
    private volatile String closedReason;
    private volatile String lastError;
    private FrameWatch watch;

    private RoomSession(ConnectedServer server, SharingClient client, JoinedRoom joined) {
        this.server = server;
        this.client = client;
        this.roomId = joined.room().id();
        this.details = joined.room();
        chat.addAll(joined.chat());
    }

    /** Joins {@code room} ({@code password} null for an open room) and starts receiving its frames. */
    public static RoomSession join(ConnectedServer server, String room, char[] password) {
        SharingClient client = SharingClients.of(server);
        RoomSession session = new RoomSession(server, client, client.join(room, password));
        session.start();
        return session;
    }

    private volatile boolean controlRequested;

    private void start() {
        handles.add(client.onRoomChanged(d -> {
            if (d.id().equals(roomId)) {
                details = d;
                fire(Change.ROOM);
            }
        }));
        handles.add(client.onChat(line -> {
            if (line.room().equals(roomId)) {
                chat.add(line);
                fire(Change.CHAT);
            }
        }));
        handles.add(client.onRoomClosed((r, reason) -> ended(r, "The room was closed: " + reason)));
        handles.add(client.onKicked((r, reason) -> ended(r, "The host removed you from the room: " + reason)));
        handles.add(client.onControlRefused(r -> {
            if (r.equals(roomId)) {
                controlRequested = false;
                lastError = "The host refused your control request.";
                fire(Change.ROOM);
            }
        }));
        watch = client.watch(roomId, this::frame);
    }

    private void frame(FrameUpdate update) {
        try {
            picture.apply(update);
        } catch (SynclineException e) {
            lastError = e.getMessage();
        }
        fire(Change.FRAME);
    }

    private void ended(String room, String why) {
        if (room.equals(roomId) && closedReason == null) {
            closedReason = why;
            fire(Change.CLOSED);
        }
    }

    private void fire(Change change) {
        for (var l : listeners) {
            l.accept(change);
        }
    }

    public void addListener(java.util.function.Consumer<Change> listener) {
        listeners.add(listener);
    }

    public void removeListener(java.util.function.Consumer<Change> listener) {
        listeners.remove(listener);
    }

    public ConnectedServer server() {
        return server;
    }

    public String roomId() {
        return roomId;
    }

    public RoomDetails details() {
        return details;
    }

    public FrameDecoding picture() {
        return picture;
    }

    public List<ChatLine> chat() {
        return List.copyOf(chat);
    }

    /** The user this workbench is logged in as. */
    public String me() {
        return server.user();
    }

    public boolean holdsToken() {
        return closedReason == null && me().equals(details.tokenHolder());
    }

    /** Asks the host for control; the request is pending ({@link #awaitsControl()}) until the host grants or refuses. */
    public void requestControl() {
        controlRequested = true;
        request("Requesting control", c -> c.requestControl(roomId), () -> controlRequested = false);
    }

    /** Whether this viewer's control request waits for the host's answer. */
    public boolean awaitsControl() {
        if (holdsToken()) {
            controlRequested = false;
        }
        return controlRequested && closedReason == null;
    }

    public boolean isHost() {
        return me().equals(details.host());
    }

    /** Why the room ended for this viewer, or null while it is open. */
    public String closedReason() {
        return closedReason;
    }

    /** The last refusal or error to show (one sentence), or null. */
    public String lastError() {
        return lastError;
    }

    /** Sends an input event to the host when this viewer holds the token; the relay checks again. */
    public void send(InputEvent event) {
        if (!holdsToken()) {
            return;
        }
        outgoing.execute(() -> {
            try {
                client.sendInput(roomId, event);
            } catch (SynclineException e) {
                lastError = e.getMessage();
                fire(Change.ROOM);
            }
        });
    }

    /** Runs a request to the relay off the UI thread; a refusal becomes {@link #lastError()}. */
    public void request(String what, java.util.function.Consumer<SharingClient> call) {
        request(what, call, () -> {
        });
    }

    private void request(String what, java.util.function.Consumer<SharingClient> call, Runnable onRefusal) {
        outgoing.execute(() -> {
            try {
                lastError = null;
                call.accept(client);
            } catch (SynclineException e) {
                onRefusal.run();
                lastError = what + " failed: " + e.getMessage();
            }
            fire(Change.ROOM);
        });
    }

    public void say(String text) {
        request("Sending the chat line", c -> c.chat(roomId, text));
    }

    @Override
    public void close() {
        for (AutoCloseable h : handles) {
            try {
                h.close();
            } catch (Exception e) {
                // removing a push listener cannot fail
            }
        }
        if (watch != null) {
            watch.close();
        }
        if (closedReason == null && server.isConnected()) {
            outgoing.execute(() -> {
                try {
                    client.leave(roomId);
                } catch (SynclineException e) {
                    ErrorReporter.log("Leaving room " + roomId, e);
                }
            });
        }
        outgoing.shutdown();
        listeners.clear();
    }

    /** The decoded picture of the shared window plus the numbers the viewer shows. */
    public static final class FrameDecoding {
        private final TileDecoder decoder = new TileDecoder();
        /** What the painter has to do since it last took a {@link Patch}. */
        private final PaintPlan plan = new PaintPlan();
        private long capturedAtMillis;
        private long frames;

        synchronized void apply(FrameUpdate update) {
            try {
                decoder.apply(update);
            } catch (SynclineException e) {
                plan.repaintAll(); // part of the update may be in the picture
                throw e;
            }
            plan.add(update);
            capturedAtMillis = update.capturedAtMillis();
            frames++;
        }

        public synchronized int width() {
            return decoder.width();
        }

        public synchronized int height() {
            return decoder.height();
        }

        /** The ARGB pixel at (x, y) of the shared window. */
        public synchronized int pixel(int x, int y) {
            return decoder.framebuffer()[y * decoder.width() + x];
        }

        public synchronized long frames() {
            return frames;
        }

        public synchronized long capturedAtMillis() {
            return capturedAtMillis;
        }

        /** A copy of the picture for painting, or null before the first keyframe. */
        public synchronized ImageData imageData() {
            return region(0, 0, decoder.width(), decoder.height());
        }

        /**
         * What a painter holding a {@code width x height} copy of the picture has to do to it since the last call:
         * the moves (scrolling) to apply to its copy in order, then the pixels of the rest that changed; the whole
         * picture when the size differs. Null when nothing changed or there is no picture yet.
         */
        public synchronized Patch changedSince(int width, int height) {
            int w = decoder.width();
            int h = decoder.height();
            if (w == 0) {
                return null;
            }
            PaintPlan.Steps steps = plan.take();
            if (steps.whole() || w != width || h != height) {
                return new Patch(List.of(), 0, 0, region(0, 0, w, h), true);
            }
            if (steps.isEmpty()) {
                return null;
            }
            return new Patch(steps.moves(), steps.x(), steps.y(), region(steps.x(), steps.y(), steps.width(), steps.height()),
                    false);
        }

        private ImageData region(int x, int y, int w, int h) {
            if (w == 0) {
                return null;
            }
            ImageData data = new ImageData(w, h, 32, new PaletteData(0xff0000, 0xff00, 0xff));
            int[] fb = decoder.framebuffer();
            int stride = decoder.width();
            for (int row = 0; row < h; row++) {
                data.setPixels(0, row, w, fb, (y + row) * stride + x);
            }
            return data;
        }
    }

    /**
     * What to do to the viewer's copy of the picture: apply {@code moves} in order, then paint {@code pixels} (null
     * when only moves) at (x, y); {@code whole} when the pixels replace the copy (first picture, new size).
     */
    public record Patch(List<PaintPlan.Move> moves, int x, int y, ImageData pixels, boolean whole) {
    }
}
