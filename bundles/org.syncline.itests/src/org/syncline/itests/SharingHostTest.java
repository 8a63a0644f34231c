package org.syncline.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncline.itests.SharingRelayTest.await;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.syncline.admin.client.AdminClient;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.protocol.Connection;
import org.syncline.sharing.FrameUpdate;
import org.syncline.sharing.InputEvent;
import org.syncline.sharing.client.FrameWatch;
import org.syncline.sharing.client.SharingClient;
import org.syncline.sharing.codec.TileDecoder;
import org.syncline.testing.ServerProcess;
import org.syncline.testing.TestDesktop;

/**
 * Window sharing end to end under Xvfb: the relay is the real server product, the host the real {@code syncline
 * share} process of the installation (it finds the test's window by its id, since X windows are shared by the
 * display), the viewers are {@link SharingClient}s that decode every update with {@link TileDecoder}. The test makes
 * the X windows itself: a shared window of a known pattern that records the clicks it receives, and another
 * application's "secret" window over it whose colour must never reach a viewer. Waits poll; nothing asserts a
 * timing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharingHostTest {
    private static final int BACKGROUND = 0x2040a0;
    private static final int PATCH = 0xe0c020;
    private static final int SECRET = 0xff00ff;
    private static final int LEFT = 100;
    private static final int TOP = 80;
    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;
    private ServerProcess server;
    private TestDesktop desktop;
    private TestDesktop otherApplication;
    private final List<Connection> open = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        server = new ServerProcess(Files.createTempDirectory("syncline-itest-share-host"), "--roles", "relay");
        try (Connection admin = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            AdminClient a = new AdminClient(admin);
            for (String user : List.of("hana", "v1", "v2", "v3")) {
                a.addUser(user, (user + "-password-1").toCharArray(), false);
            }
        }
        desktop = TestDesktop.open();
        otherApplication = TestDesktop.openOtherApplication();
    }

    @AfterEach
    void closeClients() {
        open.forEach(Connection::close);
        open.clear();
    }

    @AfterAll
    void stop() throws Exception {
        otherApplication.close();
        desktop.close();
        server.close();
    }

    /** A window of a known pattern: a blue background with a yellow patch in its top-left corner. */
    private long sharedWindow(String title) {
        long window = desktop.window(LEFT, TOP, WIDTH, HEIGHT, BACKGROUND, title);
        desktop.child(window, 0, 0, 64, 48, PATCH);
        desktop.recordButtons(window);
        return window;
    }

    @Test
    void listWindowsShowsTheTestWindowWithItsIdTitleAndBounds() throws Exception {
        long window = sharedWindow("syncline list test window");
        try {
            SharingHostProcess list = new SharingHostProcess(server, "hana", "hana-password-1", "--list-windows");
            assertEquals(0, list.awaitExit(), String.join("\n", list.output()));
            String line = list.awaitLine(l -> l.startsWith("0x" + Long.toHexString(window) + " "), "the test window");
            assertTrue(line.contains("syncline list test window") && line.contains("SynclineTest")
                    && line.contains(WIDTH + "x" + HEIGHT + "+" + LEFT + "+" + TOP), line);
        } finally {
            desktop.destroy(window);
        }
    }

    @Test
    void viewersSeeOnlyTheSharedWindowAndOnlyTheTokenHoldersClicksInsideItArrive() throws Exception {
        long window = sharedWindow("syncline shared test window");
        // another application's window over the right half of the shared one
        long secret = otherApplication.window(LEFT + 200, TOP + 60, 200, 200, SECRET, "secret");
        otherApplication.raise(secret);
        desktop.buttonPresses();
        try (SharingHostProcess host = new SharingHostProcess(server, "hana", "hana-password-1", "--window",
                "0x" + Long.toHexString(window), "--room", "e2e review", "--control", "ask", "--fps", "20")) {
            String opened = host.awaitLine(l -> l.contains("in room '"), "the room it opened");
            Matcher m = Pattern.compile("in room '([^']+)'").matcher(opened);
            assertTrue(m.find(), opened);
            String room = m.group(1);
            assertTrue(opened.contains("\"e2e review\""), opened);

            Viewer v1 = viewer("v1", room);
            Viewer v2 = viewer("v2", room);
            await(() -> v1.hasPicture() && v2.hasPicture(), "both viewers have the whole window");
            host.awaitLine(l -> l.contains("'v2' joined"), "that v2 joined");

            // the window changes under the secret window; viewers see the change, never the secret
            desktop.fill(window, 150, 100, 60, 60, PATCH);
            await(() -> v1.pixel(160, 110) == PATCH && v2.pixel(160, 110) == PATCH, "the viewers see the repaint");

            // a late joiner gets a full picture at once
            Viewer late = viewer("v3", room);
            await(late::hasPicture, "the late joiner has the whole window");
            assertEquals(PATCH, late.pixel(160, 110));
            assertEquals(BACKGROUND, late.pixel(WIDTH - 10, HEIGHT - 10));

            // without the token a click is refused on the relay and changes nothing in the window
            SynclineException refused = assertThrows(SynclineException.class, () -> click(v1, 30, 20));
            assertEquals(ErrorCode.ACCESS_DENIED, refused.code());

            // the host is asked on its terminal and grants
            v1.sharing.requestControl(room);
            host.awaitLine(l -> l.contains("'v1' asks for control"), "v1's control request");
            host.type("y");
            await(() -> "v1".equals(v1.sharing.roomInfo(room).tokenHolder()), "v1 holds the token");
            host.awaitLine(l -> l.contains("'v1' holds the control token"), "that v1 holds the token");

            // a click outside the window's bounds is dropped by the host; the next one inside arrives, at its place
            click(v1, WIDTH + 40, 10);
            click(v1, 30, 20);
            List<int[]> presses = awaitPresses("the click to reach the shared window");
            assertEquals(1, presses.size(), "only the click inside the window arrives");
            assertEquals(30, presses.get(0)[0]);
            assertEquals(20, presses.get(0)[1]);
            assertEquals(1, presses.get(0)[2]);
            host.awaitLine(l -> l.contains("Input from 'v1'") && l.contains("outside the shared window"), "the dropped click");

            // the host takes the token back: v1's clicks stop reaching the window
            host.type("revoke");
            host.awaitLine(l -> l.contains("Took the control token back"), "the revocation");
            await(() -> "hana".equals(v1.sharing.roomInfo(room).tokenHolder()), "the host holds the token again");
            assertEquals(ErrorCode.ACCESS_DENIED, assertThrows(SynclineException.class, () -> click(v1, 40, 40)).code());
            assertTrue(desktop.buttonPresses().isEmpty(), "no click after the revocation");

            // closing the shared window ends the sharing: the room is told why and closes, the host exits normally
            desktop.destroy(window);
            await(() -> v1.closed.get() > 0 && late.closed.get() > 0, "the viewers hear that the room closed");
            assertTrue(v1.chat.stream().anyMatch(t -> t.contains("shared window was closed")), v1.chat.toString());
            assertEquals(0, host.awaitExit(), String.join("\n", host.output()));

            for (Viewer v : List.of(v1, v2, late)) {
                assertTrue(v.updates.get() > 0);
                assertFalse(v.secretSeen, v.name + " received a picture with the secret window's colour");
            }
        } finally {
            otherApplication.destroy(secret);
            desktop.destroy(window);
        }
    }

    @Test
    void refusingHostRefusesEveryRequestAndSigtermClosesTheRoom() throws Exception {
        long window = sharedWindow("syncline refusing test window");
        try (SharingHostProcess host = new SharingHostProcess(server, "hana", "hana-password-1", "--window",
                Long.toString(window), "--control", "refuse", "--max", "1")) {
            String opened = host.awaitLine(l -> l.contains("in room '"), "the room it opened");
            Matcher m = Pattern.compile("in room '([^']+)'").matcher(opened);
            assertTrue(m.find(), opened);
            assertTrue(opened.contains("\"syncline refusing test window\"") && opened.contains("up to 1 viewers"), opened);
            Viewer v1 = viewer("v1", m.group(1));
            await(v1::hasPicture, "the viewer has the whole window");
            AtomicInteger refusals = new AtomicInteger();
            v1.sharing.onControlRefused(r -> refusals.incrementAndGet());
            v1.sharing.requestControl(v1.room);
            await(() -> refusals.get() == 1, "the refusal");
            assertEquals("hana", v1.sharing.roomInfo(v1.room).tokenHolder());

            // SIGTERM (Ctrl+C) ends the host cleanly and closes the room for the viewer
            assertEquals(143, host.stop(), String.join("\n", host.output()));
            await(() -> v1.closed.get() > 0, "the viewer hears that the room closed");
            assertTrue(host.output().stream().anyMatch(l -> l.contains("The host stopped sharing.")), host.output().toString());
        } finally {
            desktop.destroy(window);
        }
    }

    @Test
    void aWholeScreenShareHandsControlOverInScreenCoordinatesUntilRevoked() throws Exception {
        long window = sharedWindow("syncline screen test window");
        desktop.buttonPresses();
        try (SharingHostProcess host = new SharingHostProcess(server, "hana", "hana-password-1", "--screen", "--room",
                "screen review", "--control", "ask", "--fps", "20")) {
            String opened = host.awaitLine(l -> l.contains("in room '"), "the room it opened");
            Matcher m = Pattern.compile("in room '([^']+)'").matcher(opened);
            assertTrue(m.find(), opened);
            assertTrue(opened.contains("Sharing the whole screen"), opened);
            String room = m.group(1);
            Viewer v1 = screenViewer("v1", room);
            await(v1::hasPicture, "the viewer has the screen with the test window on it");

            // without the token a click is refused on the relay and changes nothing
            assertEquals(ErrorCode.ACCESS_DENIED, assertThrows(SynclineException.class,
                    () -> click(v1, LEFT + 30, TOP + 20)).code());
            assertTrue(desktop.buttonPresses().isEmpty(), "no click without the token");

            v1.sharing.requestControl(room);
            host.awaitLine(l -> l.contains("'v1' asks for control of the whole screen"), "v1's control request");
            host.type("y");
            await(() -> "v1".equals(v1.sharing.roomInfo(room).tokenHolder()), "v1 holds the token");

            // a click beyond the screen's edge is dropped by the host; one on the test window arrives at its place
            click(v1, v1.width() + 5, 10);
            click(v1, LEFT + 30, TOP + 20);
            List<int[]> presses = awaitPresses("the click to reach the test window");
            assertEquals(1, presses.size(), "only the click on the screen arrives");
            assertEquals(30, presses.get(0)[0], "screen x minus the window's left edge");
            assertEquals(20, presses.get(0)[1], "screen y minus the window's top edge");
            host.awaitLine(l -> l.contains("Input from 'v1'") && l.contains("outside the shared screen"), "the dropped click");

            host.type("revoke");
            host.awaitLine(l -> l.contains("Took the control token back"), "the revocation");
            await(() -> "hana".equals(v1.sharing.roomInfo(room).tokenHolder()), "the host holds the token again");
            assertEquals(ErrorCode.ACCESS_DENIED, assertThrows(SynclineException.class,
                    () -> click(v1, LEFT + 40, TOP + 40)).code());
            assertTrue(desktop.buttonPresses().isEmpty(), "no click after the revocation");
            assertEquals(143, host.stop(), String.join("\n", host.output()));
        } finally {
            desktop.destroy(window);
        }
    }

    /** Waits for the test window to record a button press; gives every press recorded by then. */
    private List<int[]> awaitPresses(String what) throws InterruptedException {
        List<int[]> presses = new ArrayList<>();
        await(() -> presses.addAll(desktop.buttonPresses()), what);
        return presses;
    }

    private static void click(Viewer v, int x, int y) {
        v.sharing.sendInput(v.room, new InputEvent(InputEvent.Kind.BUTTON_PRESS, x, y, 1, 0));
        v.sharing.sendInput(v.room, new InputEvent(InputEvent.Kind.BUTTON_RELEASE, x, y, 1, 0));
    }

    private Viewer viewer(String name, String room) {
        Connection c = server.connect(name, name + "-password-1");
        open.add(c);
        return new Viewer(name, new SharingClient(c), room, 0, 0);
    }

    /** A viewer of a whole-screen share: the test window is on the picture at its screen position. */
    private Viewer screenViewer(String name, String room) {
        Connection c = server.connect(name, name + "-password-1");
        open.add(c);
        return new Viewer(name, new SharingClient(c), room, LEFT, TOP);
    }

    /**
     * A viewer that decodes every update and checks every decoded picture for the secret colour. Pixels are asked
     * for in the test window's coordinates: the picture is the window, or the screen with the window at (left, top).
     */
    private static final class Viewer {
        final String name;
        final int left;
        final int top;
        final SharingClient sharing;
        final String room;
        final TileDecoder decoder = new TileDecoder();
        final AtomicInteger updates = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final List<String> chat = new CopyOnWriteArrayList<>();
        volatile boolean secretSeen;
        final FrameWatch watch;

        Viewer(String name, SharingClient sharing, String room, int left, int top) {
            this.name = name;
            this.left = left;
            this.top = top;
            this.sharing = sharing;
            this.room = room;
            sharing.onRoomClosed((r, reason) -> closed.incrementAndGet());
            sharing.onChat(line -> chat.add(line.text()));
            sharing.join(room, null);
            watch = sharing.watch(room, this::apply);
        }

        private synchronized void apply(FrameUpdate update) {
            decoder.apply(update);
            for (int p : decoder.framebuffer()) {
                if ((p & 0xffffff) == SECRET) {
                    secretSeen = true;
                }
            }
            updates.incrementAndGet();
        }

        /** True when the picture is the whole window with its pattern. */
        synchronized boolean hasPicture() {
            return pixel(10, 10) == PATCH
                    && pixel(WIDTH - 10, HEIGHT - 10) == BACKGROUND && pixel(250, 120) == BACKGROUND;
        }

        synchronized int pixel(int x, int y) {
            boolean whole = left == 0 && top == 0 ? decoder.width() == WIDTH && decoder.height() == HEIGHT
                    : decoder.width() >= left + WIDTH && decoder.height() >= top + HEIGHT;
            if (!whole) {
                return -1;
            }
            return decoder.framebuffer()[(top + y) * decoder.width() + left + x] & 0xffffff;
        }

        /** The picture's width: the window's, or the screen's. */
        synchronized int width() {
            return decoder.width();
        }
    }
}
