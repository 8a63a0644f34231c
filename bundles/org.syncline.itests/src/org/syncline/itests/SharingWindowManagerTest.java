package org.syncline.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncline.itests.SharingRelayTest.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.syncline.admin.client.AdminClient;
import org.syncline.protocol.Connection;
import org.syncline.sharing.FrameUpdate;
import org.syncline.sharing.InputEvent;
import org.syncline.sharing.client.SharingClient;
import org.syncline.sharing.codec.TileDecoder;
import org.syncline.testing.ServerProcess;
import org.syncline.testing.TestDesktop;

/**
 * Window sharing under a real window manager (openbox on a private Xvfb): the manager frames every window, places
 * it and stacks it. The host is the real {@code syncline share} on that display; the viewer decodes every update.
 * The shared application opens a popup menu (override-redirect, never framed) while another application's
 * "secret" window overlaps the shared one: the popup's pixels reach the viewer, the secret's colour never does,
 * the picture is the application's window without the frame, and it follows moves and resizes. The token
 * holder's click where the secret window covers the shared one raises the shared one through the manager and
 * lands in it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharingWindowManagerTest {
    private static final int BACKGROUND = 0x2040a0;
    private static final int PATCH = 0xe0c020;
    private static final int POPUP = 0x20c040;
    private static final int SECRET = 0xff00ff;
    private ServerProcess server;
    private WindowManagerDisplay display;
    private TestDesktop application;
    private TestDesktop otherApplication;

    @BeforeAll
    void start() throws Exception {
        Path home = Files.createTempDirectory("syncline-itest-share-wm");
        server = new ServerProcess(home, "--roles", "relay");
        try (Connection admin = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            AdminClient a = new AdminClient(admin);
            for (String user : List.of("hana", "v1")) {
                a.addUser(user, (user + "-password-1").toCharArray(), false);
            }
        }
        display = WindowManagerDisplay.start(home.resolve("display"));
        application = TestDesktop.openOn(display.name());
        otherApplication = TestDesktop.openOn(display.name());
    }

    @AfterAll
    void stop() throws Exception {
        if (otherApplication != null) {
            otherApplication.close();
        }
        if (application != null) {
            application.close();
        }
        if (display != null) {
            display.close();
        }
        server.close();
    }

    @Test
    void theApplicationsWindowIsSharedWithItsPopupButNeverTheFrameOrTheSecretAndFollowsMovesAndResizes() throws Exception {
        long window = application.window(100, 80, 320, 240, BACKGROUND, "syncline framed window");
        application.child(window, 0, 0, 64, 48, PATCH);
        await(() -> application.topLevel(window) != window, "the window manager to frame the shared window");

        // the picker names the application's window (not the frame), at its place on the screen
        Map<String, String> env = Map.of("DISPLAY", display.name());
        SharingHostProcess list = new SharingHostProcess(server, env, "hana", "hana-password-1", "--list-windows");
        assertEquals(0, list.awaitExit(), String.join("\n", list.output()));
        int[] at = application.screenOrigin(window);
        String line = list.awaitLine(l -> l.startsWith("0x" + Long.toHexString(window) + " "), "the framed window");
        assertTrue(line.contains("syncline framed window") && line.contains("320x240+" + at[0] + "+" + at[1]), line);

        // another application's window over the right part of the shared one, stacked above its frame
        long secret = otherApplication.window(at[0] + 200, at[1] + 60, 200, 200, SECRET, "secret");
        await(() -> otherApplication.topLevel(secret) != secret, "the window manager to frame the secret window");
        otherApplication.move(secret, at[0] + 200, at[1] + 60);
        await(() -> overlaps(otherApplication.screenOrigin(secret), 200, 200, at[0] + 290, at[1] + 190),
                "the secret window to cover the shared one");
        List<Long> stacking = application.stacking();
        assertTrue(stacking.indexOf(application.topLevel(secret)) > stacking.indexOf(application.topLevel(window)),
                "the secret window's frame is above the shared window's");

        // the application's popup menu over its window and the secret one
        long popup = application.popup(at[0] + 150, at[1] + 100, 120, 80, POPUP);

        try (SharingHostProcess host = new SharingHostProcess(server, env, "hana", "hana-password-1", "--window",
                "0x" + Long.toHexString(window), "--room", "framed", "--control", "grant", "--fps", "20")) {
            Matcher m = Pattern.compile("in room '([^']+)'").matcher(host.awaitLine(l -> l.contains("in room '"), "the room"));
            assertTrue(m.find());
            try (Connection c = server.connect("v1", "v1-password-1")) {
                String room = m.group(1);
                SharingClient sharing = new SharingClient(c);
                Viewer v = new Viewer(sharing, room);
                await(() -> v.is(320, 240) && v.pixel(10, 10) == PATCH && v.pixel(300, 230) == BACKGROUND,
                        "the viewer to have the application's window, without the frame");
                await(() -> v.pixel(160, 110) == POPUP && v.pixel(265, 175) == POPUP, "the popup to reach the viewer");
                assertEquals(BACKGROUND, v.pixel(290, 190), "the window's own pixels where the secret covers it");

                // control: a click where the secret covers the shared window asks the manager to raise the shared
                // one, then lands in it at its place; the secret window never gets it
                application.recordButtons(window);
                otherApplication.recordButtons(secret);
                sharing.requestControl(room);
                await(() -> "v1".equals(sharing.roomInfo(room).tokenHolder()), "v1 to hold the token");
                sharing.sendInput(room, new InputEvent(InputEvent.Kind.BUTTON_PRESS, 290, 190, 1, 0));
                sharing.sendInput(room, new InputEvent(InputEvent.Kind.BUTTON_RELEASE, 290, 190, 1, 0));
                List<int[]> presses = new ArrayList<>();
                await(() -> presses.addAll(application.buttonPresses()), "the click to reach the shared window");
                assertEquals(1, presses.size(), "one press");
                assertArrayEquals(new int[] { 290, 190, 1 }, presses.get(0));
                assertTrue(otherApplication.buttonPresses().isEmpty(), "the secret window got no click");

                // the window moves: the capture follows it; the popup stays where it is on the screen
                application.move(window, at[0] + 60, at[1] + 50);
                await(() -> application.screenOrigin(window)[0] != at[0], "the window manager to move the window");
                int[] moved = application.screenOrigin(window);
                int px = at[0] + 150 - moved[0];
                int py = at[1] + 100 - moved[1];
                assertFalse(overlaps(new int[] { px, py }, 120, 80, 268, 178), "the popup's old corner is outside it now");
                await(() -> v.pixel(px + 2, py + 2) == POPUP && v.pixel(268, 178) == BACKGROUND
                        && v.pixel(10, 10) == PATCH, "the popup at its new place in the moved window");

                // the window grows: the viewer's picture follows
                application.destroy(popup);
                application.resize(window, 400, 300);
                await(() -> v.is(400, 300) && v.pixel(390, 290) == BACKGROUND && v.pixel(10, 10) == PATCH,
                        "the viewer to have the resized window");
                assertTrue(v.updates() > 0);
                assertFalse(v.secretSeen, "the viewer received a picture with the secret window's colour");
            }
            assertEquals(143, host.stop(), String.join("\n", host.output()));
        } finally {
            otherApplication.destroy(secret);
            application.destroy(popup);
            application.destroy(window);
        }
    }

    private static boolean overlaps(int[] origin, int width, int height, int x, int y) {
        return x >= origin[0] && x < origin[0] + width && y >= origin[1] && y < origin[1] + height;
    }

    /** Decodes every update and checks every picture for the secret colour. */
    private static final class Viewer {
        private final TileDecoder decoder = new TileDecoder();
        private int updates;
        volatile boolean secretSeen;

        Viewer(SharingClient sharing, String room) {
            sharing.join(room, null);
            sharing.watch(room, this::apply);
        }

        private synchronized void apply(FrameUpdate update) {
            decoder.apply(update);
            for (int p : decoder.framebuffer()) {
                if ((p & 0xffffff) == SECRET) {
                    secretSeen = true;
                }
            }
            updates++;
        }

        synchronized boolean is(int width, int height) {
            return decoder.width() == width && decoder.height() == height;
        }

        synchronized int pixel(int x, int y) {
            if (x < 0 || y < 0 || x >= decoder.width() || y >= decoder.height()) {
                return -1;
            }
            return decoder.framebuffer()[y * decoder.width() + x] & 0xffffff;
        }

        synchronized int updates() {
            return updates;
        }
    }
}
