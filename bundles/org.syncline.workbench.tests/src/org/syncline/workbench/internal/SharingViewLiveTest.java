package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.syncline.protocol.Connection;
import org.syncline.sharing.ChatLine;
import org.syncline.sharing.FrameUpdate;
import org.syncline.sharing.InputEvent;
import org.syncline.sharing.RoomDetails;
import org.syncline.sharing.RoomSummary;
import org.syncline.sharing.capture.CapturedFrame;
import org.syncline.sharing.capture.Region;
import org.syncline.sharing.capture.WindowInfo;
import org.syncline.sharing.client.SharingClient;
import org.syncline.sharing.codec.TileEncoder;
import org.syncline.sharing.host.RoomRequest;
import org.syncline.sharing.host.ShareTarget;
import org.syncline.sharing.internal.ui.ChatView;
import org.syncline.sharing.internal.ui.Fit;
import org.syncline.sharing.internal.ui.HostedSharing;
import org.syncline.sharing.internal.ui.ParticipantsView;
import org.syncline.sharing.internal.ui.RoomSession;
import org.syncline.sharing.internal.ui.RoomsView;
import org.syncline.sharing.internal.ui.SharingCommandHandler;
import org.syncline.sharing.internal.ui.ViewerEditor;
import org.syncline.ui.ConnectedServer;

/**
 * The Sharing perspective against a real relay: a room hosted by a client in the test (sending frames of a known
 * pattern) appears in the Rooms view by push, joining it there opens a Viewer editor whose decoded picture is the
 * pattern pixel for pixel (and follows a partial update), a chat line typed in the Chat view reaches the host, and
 * after Request control and the host's grant a click and a key in the viewer reach the host as input events in
 * window coordinates. Closing the editor leaves the room. The host side: sharing the workbench's own window shows
 * the banner with the viewer count, a viewer's control request opens the Grant / Refuse prompt and nothing is
 * granted before Grant, and the Stop Sharing command closes the room for the viewer.
 */
class SharingViewLiveTest {
    static final int WIDTH = 320;
    static final int HEIGHT = 200;
    private static SharingRelayFixture relay;

    @BeforeAll
    static void startRelay() throws Exception {
        relay = SharingRelayFixture.start("syncline-ui-sharing", "hana");
    }

    @AfterAll
    static void stopRelay() throws Exception {
        relay.close();
    }

    @Test
    void aRoomJoinedFromTheRoomsViewShowsTheHostsPictureCarriesChatAndPassesControl() throws Exception {
        IWorkbenchPage page = SharingRelayFixture.sharingPerspective();
        IWorkbenchWindow window = page.getWorkbenchWindow();
        RoomsView rooms = (RoomsView) page.findView(RoomsView.ID);
        assertNotNull(rooms, "the perspective opens the Rooms view");
        ParticipantsView participants = (ParticipantsView) page.findView(ParticipantsView.ID);
        assertNotNull(participants, "the perspective opens the Participants view");
        assertNotNull(page.findView(ChatView.ID), "the perspective opens the Chat view");

        try (Connection hostConnection = relay.connect("hana")) {
            relay.connectWorkbench();
            SharingClient host = new SharingClient(hostConnection);
            List<ChatLine> heard = new CopyOnWriteArrayList<>();
            List<String> asked = new CopyOnWriteArrayList<>();
            host.onChat(heard::add);
            host.onControlRequest((room, user) -> asked.add(user));

            RoomDetails room = host.createRoom("Design review", null, null);
            List<InputEvent> input = new CopyOnWriteArrayList<>();
            host.onInput(room.id(), (user, event) -> input.add(event));
            int[] pixels = pattern();
            TileEncoder encoder = new TileEncoder();
            host.sendFrame(room.id(), encoder.encode(CapturedFrame.of(pixels, WIDTH, HEIGHT, false, List.of())));

            UiEvents.waitUntil("the room in the Rooms view, by push", () -> rooms.rooms().stream().anyMatch(r -> r.id().equals(room.id())));
            RoomSummary listed = rooms.rooms().stream().filter(r -> r.id().equals(room.id())).findFirst().orElseThrow();
            assertEquals("hana", listed.host());
            assertEquals(0, listed.participants());
            assertTrue(rooms.hint().endsWith(": Enter or double-click joins."), rooms.hint());
            rooms.viewer().setSelection(new StructuredSelection(listed), true);
            rooms.joinSelected();
            ViewerEditor editor = UiEvents.waitFor("the viewer editor", () -> page.getActiveEditor() instanceof ViewerEditor v ? v : null);
            assertEquals("Design review", editor.getPartName());
            RoomSession.FrameDecoding picture = editor.session().picture();

            UiEvents.waitUntil("the keyframe decoded and painted", () -> picture.width() == WIDTH && editor.paintedFrames() >= 1);
            assertEquals(HEIGHT, picture.height());
            assertSamePicture(pixels, picture);
            assertTrue(editor.readout().contains(WIDTH + " x " + HEIGHT), editor.readout());
            assertTrue(editor.readout().contains("frames/s"), editor.readout());
            assertFalse(editor.readout().contains("latency"), "the joiner's first picture may be older than the join: "
                    + editor.readout());

            // a partial update: one block changes, the viewer follows
            for (int y = 40; y < 90; y++) {
                for (int x = 100; x < 180; x++) {
                    pixels[y * WIDTH + x] = 0xff000000 | (x * 3 & 0xff) << 8 | 0x40;
                }
            }
            host.sendFrame(room.id(), encoder.encode(CapturedFrame.of(pixels, WIDTH, HEIGHT, true, List.of(new Region(100, 40, 80, 50)))));
            UiEvents.waitUntil("the update painted", () -> editor.paintedFrames() >= 2);
            assertSamePicture(pixels, picture);

            // scrolling: the editor moves what it shows (copyArea) and paints only the rows scrolled in, and what it
            // shows is the host's picture pixel for pixel
            int[] scrolled = scrollPage();
            long sent = picture.frames();
            int[] shown = null;
            encoder.requestKeyframe(); // a keyframe of the page, so the moves after it do not call for another
            for (int offset : new int[] { 0, 8, 24, 25, 60, 52 }) {
                shown = java.util.Arrays.copyOfRange(scrolled, offset * WIDTH, (offset + HEIGHT) * WIDTH);
                host.sendFrame(room.id(), encoder.encode(CapturedFrame.of(shown, WIDTH, HEIGHT, false, List.of())));
                sent++;
                long expected = sent;
                UiEvents.waitUntil("update " + expected + " painted", () -> editor.paintedFrames() >= expected);
                assertSamePicture(shown, picture);
                assertShown(shown, editor.shownPicture(), "after scrolling to row " + offset);
            }
            assertTrue(editor.movesPainted() >= 4, "the scrolls were moved on screen, not repainted: " + editor.movesPainted());
            // nothing more arrives: the readout says so instead of showing the picture's growing age
            UiEvents.waitUntil("the readout idle", () -> editor.readout().contains("idle (no change for"));
            assertFalse(editor.readout().contains("latency"), editor.readout());
            UiEvents.waitUntil("the viewer among the participants, by push",
                    () -> participants.rows().stream().anyMatch(p -> p.user().equals("admin") && !p.host()));

            // chat: Enter in the Chat view's input line
            ChatView chat = (ChatView) page.showView(ChatView.ID);
            chat.input().setText("hello from the workbench");
            chat.input().notifyListeners(SWT.DefaultSelection, new Event());
            UiEvents.waitUntil("the line at the host", () -> heard.stream().anyMatch(l -> l.text().equals("hello from the workbench")));
            assertEquals("admin", heard.stream().filter(l -> l.text().equals("hello from the workbench")).findFirst().orElseThrow().sender());
            UiEvents.waitUntil("the line in the Chat view", () -> chat.lines().stream().anyMatch(l -> l.endsWith("admin: hello from the workbench")));

            // control: nothing goes to the host before the grant
            Canvas canvas = editor.canvas();
            click(canvas, 10, 10);
            participants.requestControl();
            UiEvents.waitUntil("the request at the host", () -> asked.contains("admin"));
            Thread.sleep(300); // the relay's answer to the request and the room's pushes after it reach the view
            UiEvents.flush();
            assertTrue(participants.state().startsWith("Control requested; waiting for "), "while the host decides: " + participants.state());
            host.grant(room.id(), "admin");
            UiEvents.waitUntil("the viewer in control", () -> editor.session().holdsToken());
            UiEvents.waitUntil("the Participants view to show it",
                    () -> participants.rows().stream().anyMatch(p -> p.user().equals("admin") && p.inControl()));
            UiEvents.waitUntil("Request Control disabled while this viewer holds the token", () -> !participants.requestEnabled());
            assertTrue(participants.state().startsWith("You are in control"), participants.state());
            click(canvas, 250, 150);
            Event key = new Event();
            key.keyCode = 'a';
            key.character = 'a';
            canvas.notifyListeners(SWT.KeyDown, key);
            UiEvents.waitUntil("the click and key at the host",
                    () -> input.stream().anyMatch(e -> e.kind() == InputEvent.Kind.KEY_PRESS));
            InputEvent press = input.stream().filter(e -> e.kind() == InputEvent.Kind.BUTTON_PRESS).findFirst().orElseThrow();
            assertEquals(List.of(250, 150, 1), List.of(press.x(), press.y(), press.button()), "the click in window coordinates");
            assertTrue(input.stream().noneMatch(e -> e.x() == 10 && e.y() == 10), "the click before the grant never reached the host");
            assertEquals(0x61, input.stream().filter(e -> e.kind() == InputEvent.Kind.KEY_PRESS).findFirst().orElseThrow().keysym());

            screenshot(window.getShell().getDisplay(), "sharing-perspective.png");

            // closing the editor leaves the room
            page.closeEditor(editor, false);
            UiEvents.waitUntil("the viewer gone from the room", () -> host.roomInfo(room.id()).members().isEmpty());
        } finally {
            relay.disconnectWorkbench();
        }
    }

    @Test
    void sharingTheWorkbenchWindowShowsTheBannerAsksTheHostBeforeGrantingAndStopsWithTheCommand() throws Exception {
        IWorkbenchPage page = SharingRelayFixture.sharingPerspective();
        IWorkbenchWindow window = page.getWorkbenchWindow();
        ParticipantsView participants = (ParticipantsView) page.showView(ParticipantsView.ID);
        assertEquals(null, participants.banner(), "no banner before sharing");

        try (Connection viewerConnection = relay.connect("hana")) {
            ConnectedServer connected = relay.connectWorkbench();
            // what Share a Window... does once its dialog is answered with the workbench's own window
            WindowInfo workbenchWindow = SharingRelayFixture.workbenchWindow(window);
            SharingCommandHandler.start(window.getShell(), connected, new RoomRequest("Workbench", null, 3), ShareTarget.window(workbenchWindow.id()));
            UiEvents.waitUntil("the sharing to run", () -> HostedSharing.instance().running() != null);
            String roomId = HostedSharing.instance().room().id();

            SharingClient viewer = new SharingClient(viewerConnection);
            List<FrameUpdate> frames = new CopyOnWriteArrayList<>();
            List<String> closed = new CopyOnWriteArrayList<>();
            viewer.onRoomClosed((room, reason) -> closed.add(room));
            viewer.join(roomId, null);
            viewer.watch(roomId, frames::add);
            UiEvents.waitUntil("the screen at the viewer", () -> !frames.isEmpty());
            assertEquals(List.of(workbenchWindow.bounds().width(), workbenchWindow.bounds().height(), true),
                    List.of(frames.get(0).width(), frames.get(0).height(), frames.get(0).keyframe()));
            UiEvents.waitUntil("the banner to count the viewer",
                    () -> "Sharing 'Workbench' with 1 viewer".equals(participants.banner()));
            UiEvents.waitUntil("the viewer in the Participants view",
                    () -> participants.rows().stream().anyMatch(p -> p.user().equals("hana")));
            String indicator = "\u25cf Sharing window 0x" + Long.toHexString(workbenchWindow.id()) + " in 'Workbench' with 1 viewer  Stop (Ctrl+Alt+X)";
            UiEvents.waitUntil("the status line indicator", () -> statusIndicator(window.getShell()) != null
                    && indicator.equals(statusIndicator(window.getShell()).getText().replace("<a>", "").replace("</a>", "")));
            Link shown = statusIndicator(window.getShell());
            UiEvents.waitUntil("the indicator wide enough to show its whole text (" + shown.getBounds().width + " of "
                    + shown.computeSize(SWT.DEFAULT, SWT.DEFAULT).x + " pixels)",
                    () -> shown.getBounds().width >= shown.computeSize(SWT.DEFAULT, SWT.DEFAULT).x);
            screenshot(window.getShell().getDisplay(), "sharing-status-line.png");

            viewer.requestControl(roomId);
            Shell prompt = UiEvents.waitFor("the control prompt", () -> java.util.Arrays.stream(window.getShell().getDisplay().getShells())
                    .filter(s -> !s.isDisposed() && s.isVisible() && "Control Requested".equals(s.getText())).findFirst().orElse(null));
            assertTrue(UiEvents.texts(prompt).stream().anyMatch(t -> t.startsWith("hana asks to control 'Workbench'")), UiEvents.texts(prompt).toString());
            assertEquals("admin", viewer.roomInfo(roomId).tokenHolder(), "nothing is granted before the host answers");
            screenshot(window.getShell().getDisplay(), "sharing-host-prompt.png");
            Button grant = find(prompt, "&Grant");
            grant.notifyListeners(SWT.Selection, new Event());
            UiEvents.waitUntil("the token at the viewer", () -> viewer.roomInfo(roomId).tokenHolder().equals("hana"));
            UiEvents.waitUntil("the Participants view to show it",
                    () -> participants.rows().stream().anyMatch(p -> p.user().equals("hana") && p.inControl()));

            IHandlerService handlers = window.getService(IHandlerService.class);
            handlers.executeCommand("org.syncline.sharing.ui.stopSharing", null);
            UiEvents.waitUntil("the room closed for the viewer", () -> closed.contains(roomId));
            UiEvents.waitUntil("the banner gone", () -> participants.banner() == null);
            UiEvents.waitUntil("the status line indicator gone", () -> statusIndicator(window.getShell()) == null);
            assertEquals(null, HostedSharing.instance().running());
        } finally {
            HostedSharing.instance().stop();
            relay.disconnectWorkbench();
        }
    }

    /** The visible status line link that says what this workbench shares, or null. */
    private static Link statusIndicator(Control control) {
        return UiEvents.find(control, Link.class, l -> l.isVisible() && l.getText().startsWith("\u25cf Sharing"));
    }

    /** The button at or below {@code control} whose text, mnemonic included, is {@code text}; null when there is none. */
    static Button find(Control control, String text) {
        return UiEvents.find(control, Button.class, b -> text.equals(b.getText()));
    }

    /** Clicks the canvas where window pixel (x, y) is painted. */
    private static void click(Canvas canvas, int x, int y) {
        Rectangle area = canvas.getClientArea();
        Rectangle drawn = Fit.into(WIDTH, HEIGHT, area.width, area.height);
        Event e = new Event();
        e.x = drawn.x + (int) ((x + 0.5) * drawn.width / WIDTH);
        e.y = drawn.y + (int) ((y + 0.5) * drawn.height / HEIGHT);
        e.button = 1;
        canvas.notifyListeners(SWT.MouseDown, e);
        canvas.notifyListeners(SWT.MouseUp, e);
    }

    static int[] pattern() {
        int[] p = new int[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                p[y * WIDTH + x] = 0xff000000 | (x & 0xff) << 16 | (y & 0xff) << 8 | ((x / 16 + y / 16) % 2 == 0 ? 0xc0 : 0x20);
            }
        }
        return p;
    }

    /** A page of rows that all differ (a scroll is found only among rows it can tell apart). */
    private static int[] scrollPage() {
        int[] p = new int[WIDTH * (HEIGHT + 64)];
        for (int y = 0; y < HEIGHT + 64; y++) {
            for (int x = 0; x < WIDTH; x++) {
                p[y * WIDTH + x] = 0xff000000 | (int) (((x / 8) * 31L + y * 977L) * 2654435761L >>> 8) & 0xffffff;
            }
        }
        return p;
    }

    /** The picture the viewer editor shows (its own copy on screen, not the decoder's) is {@code expected}. */
    private static void assertShown(int[] expected, org.eclipse.swt.graphics.ImageData shown, String when) {
        assertNotNull(shown, "a picture on screen " + when);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                org.eclipse.swt.graphics.RGB rgb = shown.palette.getRGB(shown.getPixel(x, y));
                int got = rgb.red << 16 | rgb.green << 8 | rgb.blue;
                if ((expected[y * WIDTH + x] & 0xffffff) != got) {
                    throw new AssertionError("shown pixel " + x + "," + y + " is " + Integer.toHexString(got) + " "
                            + when + ", the host sent " + Integer.toHexString(expected[y * WIDTH + x] & 0xffffff));
                }
            }
        }
    }

    private static void assertSamePicture(int[] expected, RoomSession.FrameDecoding picture) {
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                if (expected[y * WIDTH + x] != picture.pixel(x, y)) {
                    throw new AssertionError("pixel " + x + "," + y + " is " + Integer.toHexString(picture.pixel(x, y))
                            + ", the host sent " + Integer.toHexString(expected[y * WIDTH + x]));
                }
            }
        }
    }

    /** The screen as the user sees it, kept in target/ to look at. */
    static void screenshot(Display display, String name) throws Exception {
        // GTK paints changed widgets later: without this a screenshot can show the state before the last change
        for (Shell shell : display.getShells()) {
            shell.redraw();
            shell.update();
        }
        for (int i = 0; i < 5; i++) {
            UiEvents.flush();
            Thread.sleep(50);
        }
        Rectangle bounds = display.getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, 0, 0);
        } finally {
            gc.dispose();
        }
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        ImageLoader saver = new ImageLoader();
        saver.data = new org.eclipse.swt.graphics.ImageData[] {image.getImageData()};
        saver.save(dir.resolve(name).toString(), SWT.IMAGE_PNG);
        image.dispose();
    }
}
