package org.syncline.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.syncline.admin.client.AdminClient;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.protocol.Connection;
import org.syncline.protocol.ServerStatus;
import org.syncline.sharing.ChatLine;
import org.syncline.sharing.FrameUpdate;
import org.syncline.sharing.InputEvent;
import org.syncline.sharing.JoinedRoom;
import org.syncline.sharing.RoomDetails;
import org.syncline.sharing.RoomSummary;
import org.syncline.sharing.SharingMessages;
import org.syncline.sharing.Tile;
import org.syncline.sharing.client.FrameWatch;
import org.syncline.sharing.client.SharingClient;
import org.syncline.testing.Await;
import org.syncline.testing.ServerProcess;

/**
 * Window sharing on a real relay (the server product as a process on loopback), hosts and viewers through
 * {@link SharingClient}. Waits poll for the pushed state; nothing asserts a timing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharingRelayTest {
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 720;
    private static final int TILE = 320;
    private static final Map<String, String> AS_ADMIN = Map.of("SYNCLINE_USER", "admin", "SYNCLINE_PASSWORD", ServerProcess.ADMIN_PASSWORD);
    private ServerProcess server;
    private Connection admin;
    private final List<Connection> open = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        server = new ServerProcess(Files.createTempDirectory("syncline-itest-sharing"), "--roles", "relay",
                "--set", "sharing.max-participants=5");
        admin = server.connect("admin", ServerProcess.ADMIN_PASSWORD);
        AdminClient a = new AdminClient(admin);
        for (String user : List.of("hana", "v1", "v2", "v3", "v4", "v5", "v6", "nora")) {
            a.addUser(user, (user + "-password-1").toCharArray(), false);
        }
    }

    @AfterEach
    void closeClients() {
        open.forEach(Connection::close);
        open.clear();
    }

    @AfterAll
    void stop() throws Exception {
        admin.close();
        server.close();
    }

    @Test
    void theRelayRoleRunsSharing() {
        assertTrue(ServerStatus.of(admin).capabilities().contains("sharing"), ServerStatus.of(admin).toString());
    }

    @Test
    void fiveViewersJoinASixthIsRefusedWithTheLimitNamedAndALeaveMakesRoom() throws Exception {
        SharingClient host = client("hana");
        RoomDetails room = host.createRoom("stand-up", null, null);
        assertEquals(5, room.max());
        List<String> seenByHost = new ArrayList<>();
        host.onRoomChanged(d -> {
            synchronized (seenByHost) {
                seenByHost.clear();
                seenByHost.addAll(d.members());
            }
        });
        List<SharingClient> viewers = new ArrayList<>();
        for (String v : List.of("v1", "v2", "v3", "v4", "v5")) {
            SharingClient c = client(v);
            c.join(room.id(), null);
            viewers.add(c);
        }
        SynclineException full = assertThrows(SynclineException.class, () -> client("v6").join(room.id(), null));
        assertEquals(ErrorCode.LIMIT_REACHED, full.code());
        assertTrue(full.getMessage().contains("at most 5 participants"), full.getMessage());
        assertEquals(new RoomSummary(room.id(), "stand-up", "hana", 5, 5, false), summary(viewers.get(0), room.id()));

        viewers.get(0).leave(room.id());
        await(() -> {
            synchronized (seenByHost) {
                return seenByHost.equals(List.of("v2", "v3", "v4", "v5"));
            }
        }, "the host to see v1 leave");
        assertEquals(4, summary(host, room.id()).participants());
        client("v6").join(room.id(), null);
        assertEquals(List.of("v2", "v3", "v4", "v5", "v6"), host.roomInfo(room.id()).members());
    }

    @Test
    void aRoomLimitAboveTheRelaysIsRefusedAndALowerOneHolds() throws Exception {
        SharingClient host = client("hana");
        SynclineException tooMany = assertThrows(SynclineException.class, () -> host.createRoom("big", null, 6));
        assertEquals(ErrorCode.INVALID_ARGUMENT, tooMany.code());
        RoomDetails room = host.createRoom("pair", null, 1);
        client("v1").join(room.id(), null);
        SynclineException full = assertThrows(SynclineException.class, () -> client("v2").join(room.id(), null));
        assertTrue(full.getMessage().contains("at most 1 participant."), full.getMessage());
    }

    @Test
    void aWrongPasswordIsRefusedOnTheRelay() throws Exception {
        SharingClient host = client("hana");
        RoomDetails room = host.createRoom("locked", "open-sesame".toCharArray(), null);
        assertTrue(summary(host, room.id()).locked());
        SharingClient v1 = client("v1");
        assertEquals(ErrorCode.ACCESS_DENIED, assertThrows(SynclineException.class, () -> v1.join(room.id(), null)).code());
        assertEquals(ErrorCode.ACCESS_DENIED, assertThrows(SynclineException.class, () -> v1.join(room.id(), "open-sesam".toCharArray())).code());
        assertEquals(List.of(), host.roomInfo(room.id()).members());
        v1.join(room.id(), "open-sesame".toCharArray());
        assertEquals(List.of("v1"), host.roomInfo(room.id()).members());
    }

    @Test
    void aNonMemberReceivesNoFramesAndMayNotChatOrSendInput() throws Exception {
        SharingClient host = client("hana");
        RoomDetails room = host.createRoom("private", null, null);
        host.sendFrame(room.id(), frame(1, true, new Random(1)));
        SharingClient nora = client("nora");
        SharedPicture picture = new SharedPicture();
        FrameWatch watch = nora.watch(room.id(), picture);
        ExecutionException refused = assertThrows(ExecutionException.class, () -> watch.ended().get(30, TimeUnit.SECONDS));
        assertEquals(ErrorCode.ACCESS_DENIED, assertInstanceOf(SynclineException.class, refused.getCause()).code());
        assertTrue(picture.received.isEmpty());
        assertEquals(ErrorCode.ACCESS_DENIED, assertThrows(SynclineException.class, () -> nora.chat(room.id(), "hello?")).code());
        assertEquals(ErrorCode.ACCESS_DENIED, assertThrows(SynclineException.class, () -> nora.chatHistory(room.id())).code());
        assertEquals(ErrorCode.ACCESS_DENIED, assertThrows(SynclineException.class,
                () -> nora.sendInput(room.id(), new InputEvent(InputEvent.Kind.MOVE, 5, 5, 0, 0))).code());
        assertEquals(ErrorCode.ACCESS_DENIED, assertThrows(SynclineException.class, () -> nora.requestControl(room.id())).code());
        byte[] encoded = frame(2, true, new Random(2)).toBytes();
        byte[] record = java.nio.ByteBuffer.allocate(4 + encoded.length).putInt(encoded.length).put(encoded).array();
        SynclineException publish = assertThrows(SynclineException.class, () -> nora.connection().upload(SharingMessages.PUBLISH,
                Map.of("room", room.id()), new java.io.ByteArrayInputStream(record)));
        assertEquals(ErrorCode.ACCESS_DENIED, publish.code());
    }

    @Test
    void aLateJoinersFirstUpdateIsAKeyframeOfTheWholeWindow() throws Exception {
        SharingClient host = client("hana");
        RoomDetails room = host.createRoom("late", null, null);
        SharedPicture hostPicture = new SharedPicture();
        Random random = new Random(7);
        FrameUpdate first = frame(1, true, random);
        hostPicture.accept(first);
        host.sendFrame(room.id(), first);
        for (int seq = 2; seq <= 6; seq++) {
            FrameUpdate partial = partial(seq, random, 3);
            hostPicture.accept(partial);
            host.sendFrame(room.id(), partial);
        }
        SharingClient late = client("v1");
        late.join(room.id(), null);
        SharedPicture picture = new SharedPicture();
        late.watch(room.id(), picture);
        await(() -> picture.sequence() == 6, "the late joiner's first update");
        FrameUpdate firstSeen = picture.received.get(0);
        assertTrue(firstSeen.keyframe());
        assertEquals(WIDTH * HEIGHT, firstSeen.tiles().stream().mapToLong(t -> (long) t.width() * t.height()).sum());
        assertTrue(picture.sameAs(hostPicture));
    }

    @Test
    void theHostKicksAParticipantWhoIsToldAndStopsReceiving() throws Exception {
        SharingClient host = client("hana");
        RoomDetails room = host.createRoom("kick", null, null);
        SharingClient v1 = client("v1");
        BlockingQueue<String> kicked = new LinkedBlockingQueue<>();
        v1.onKicked((r, reason) -> kicked.add(r + ": " + reason));
        v1.join(room.id(), null);
        FrameWatch watch = v1.watch(room.id(), new SharedPicture());
        SharingClient v2 = client("v2");
        v2.join(room.id(), null);
        assertEquals(ErrorCode.ACCESS_DENIED, assertThrows(SynclineException.class, () -> v2.kick(room.id(), "v1")).code());

        assertEquals(List.of("v2"), host.kick(room.id(), "v1").members());
        String notice = kicked.poll(30, TimeUnit.SECONDS);
        assertTrue(notice != null && notice.startsWith(room.id() + ": The host removed you"), String.valueOf(notice));
        watch.ended().get(30, TimeUnit.SECONDS);
        assertEquals(ErrorCode.ACCESS_DENIED, assertThrows(SynclineException.class, () -> v1.chat(room.id(), "still here?")).code());
    }

    @Test
    void theRoomClosesForEveryMemberWhenTheHostDisconnects() throws Exception {
        Connection hostConnection = server.connect("hana", "hana-password-1");
        SharingClient host = new SharingClient(hostConnection);
        RoomDetails room = host.createRoom("brief", null, null);
        SharingClient v1 = client("v1");
        BlockingQueue<String> closed = new LinkedBlockingQueue<>();
        v1.onRoomClosed((r, reason) -> closed.add(r + ": " + reason));
        v1.join(room.id(), null);
        SharingClient watcher = client("v2");
        BlockingQueue<List<RoomSummary>> lists = new LinkedBlockingQueue<>();
        watcher.watchRooms(lists::add);

        hostConnection.close();
        String notice = closed.poll(30, TimeUnit.SECONDS);
        assertEquals(room.id() + ": The host left; the room is closed.", notice);
        await(() -> v1.listRooms().stream().noneMatch(r -> r.id().equals(room.id())), "the room to leave the list");
        List<RoomSummary> last;
        do {
            // lists pushed before the close (other tests' rooms closing) still name it
            last = lists.poll(30, TimeUnit.SECONDS);
        } while (last != null && last.stream().anyMatch(r -> r.id().equals(room.id())));
        assertTrue(last != null, "no room list without the closed room was pushed");
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(SynclineException.class, () -> client("v3").join(room.id(), null)).code());
    }

    @Test
    void theHostLeavingClosesTheRoomForItsMembers() throws Exception {
        SharingClient host = client("hana");
        RoomDetails room = host.createRoom("short", null, null);
        SharingClient v1 = client("v1");
        BlockingQueue<String> closed = new LinkedBlockingQueue<>();
        v1.onRoomClosed((r, reason) -> closed.add(reason));
        v1.join(room.id(), null);
        host.leave(room.id());
        assertEquals("The host left; the room is closed.", closed.poll(30, TimeUnit.SECONDS));
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(SynclineException.class, () -> host.roomInfo(room.id())).code());
    }

    @Test
    void chatReachesEveryMemberAndALateJoinerReadsTheHistory() throws Exception {
        SharingClient host = client("hana");
        RoomDetails room = host.createRoom("chatty", null, null);
        SharingClient v1 = client("v1");
        v1.join(room.id(), null);
        BlockingQueue<ChatLine> toV1 = new LinkedBlockingQueue<>();
        v1.onChat(toV1::add);
        host.chat(room.id(), "welcome");
        v1.chat(room.id(), "thanks, hana");
        assertEquals("hana: welcome", line(toV1.poll(30, TimeUnit.SECONDS)));
        assertEquals("v1: thanks, hana", line(toV1.poll(30, TimeUnit.SECONDS)));

        JoinedRoom late = client("v2").join(room.id(), null);
        assertEquals(List.of("hana: welcome", "v1: thanks, hana"), late.chat().stream().map(SharingRelayTest::line).toList());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(SynclineException.class, () -> v1.chat(room.id(), "two\nlines")).code());
    }

    @Test
    void aFloodOfChatLinesIsThrottledPerParticipant() throws Exception {
        SharingClient host = client("hana");
        RoomDetails room = host.createRoom("flood", null, null);
        SharingClient v1 = client("v1");
        v1.join(room.id(), null);
        SynclineException limited = null;
        for (int i = 0; i < 200 && limited == null; i++) {
            try {
                v1.chat(room.id(), "spam " + i);
            } catch (SynclineException e) {
                limited = e;
            }
        }
        assertTrue(limited != null, "200 lines in a row were all accepted");
        assertEquals(ErrorCode.LIMIT_REACHED, limited.code());
        host.chat(room.id(), "the host is not throttled by v1's flood");
    }

    @Test
    void theControlTokenDecidesWhoseInputReachesTheHost() throws Exception {
        SharingClient host = client("hana");
        RoomDetails room = host.createRoom("control", null, null);
        BlockingQueue<String> asked = new LinkedBlockingQueue<>();
        host.onControlRequest((r, user) -> asked.add(user));
        BlockingQueue<String> injected = new LinkedBlockingQueue<>();
        host.onInput(room.id(), (user, event) -> injected.add(user + "@" + event.x() + "," + event.y()));
        SharingClient v1 = client("v1");
        SharingClient v2 = client("v2");
        HolderWatch v1Sees = new HolderWatch(v1);
        HolderWatch v2Sees = new HolderWatch(v2);
        v1.join(room.id(), null);
        v2.join(room.id(), null);

        SynclineException noToken = assertThrows(SynclineException.class, () -> v1.sendInput(room.id(), click(10, 20)));
        assertEquals(ErrorCode.ACCESS_DENIED, noToken.code());
        assertTrue(noToken.getMessage().contains("control token"), noToken.getMessage());

        BlockingQueue<String> refusedToV2 = new LinkedBlockingQueue<>();
        v2.onControlRefused(refusedToV2::add);
        v2.requestControl(room.id());
        assertEquals("v2", asked.poll(30, TimeUnit.SECONDS));
        host.refuse(room.id(), "v2");
        assertEquals(room.id(), refusedToV2.poll(30, TimeUnit.SECONDS));
        assertEquals("hana", host.roomInfo(room.id()).tokenHolder());

        v1.requestControl(room.id());
        assertEquals("v1", asked.poll(30, TimeUnit.SECONDS));
        assertEquals(ErrorCode.ACCESS_DENIED, assertThrows(SynclineException.class, () -> v2.grant(room.id(), "v2")).code());
        host.grant(room.id(), "v1");
        v1Sees.await("v1");
        v2Sees.await("v1");
        await(() -> "v1".equals(host.controlToken(room.id()).holder()), "the host's token to name v1");
        v1.sendInput(room.id(), click(10, 20));
        assertEquals("v1@10,20", injected.poll(30, TimeUnit.SECONDS));
        assertEquals(ErrorCode.ACCESS_DENIED, assertThrows(SynclineException.class, () -> v2.sendInput(room.id(), click(1, 1))).code());

        SynclineException noPassing = assertThrows(SynclineException.class, () -> v1.pass(room.id(), "v2"));
        assertTrue(noPassing.getMessage().contains("does not allow passing"), noPassing.getMessage());
        host.allowPassing(room.id(), true);
        v1.pass(room.id(), "v2");
        v1Sees.await("v2");
        v2Sees.await("v2");
        assertEquals(ErrorCode.ACCESS_DENIED, assertThrows(SynclineException.class, () -> v1.sendInput(room.id(), click(3, 3))).code());
        v2.sendInput(room.id(), click(30, 40));
        assertEquals("v2@30,40", injected.poll(30, TimeUnit.SECONDS));

        host.revoke(room.id());
        v1Sees.await("hana");
        v2Sees.await("hana");
        assertEquals(ErrorCode.ACCESS_DENIED, assertThrows(SynclineException.class, () -> v2.sendInput(room.id(), click(5, 5))).code());
        assertFalse(host.controlToken(room.id()).allows("v2"));
        assertTrue(injected.isEmpty(), injected.toString());
    }

    @Test
    void aSlowViewerSkipsToTheNewestPictureWithoutHoldingBackTheOthers() throws Exception {
        SharingClient host = client("hana");
        RoomDetails room = host.createRoom("fan-out", null, null);
        List<SharedPicture> fast = new ArrayList<>();
        for (String v : List.of("v1", "v2")) {
            SharingClient c = client(v);
            c.join(room.id(), null);
            SharedPicture p = new SharedPicture();
            c.watch(room.id(), p);
            fast.add(p);
        }
        SharingClient slowClient = client("v3");
        slowClient.join(room.id(), null);
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        SharedPicture slow = new SharedPicture();
        slowClient.watch(room.id(), update -> {
            slow.accept(update);
            stalled.countDown();
            try {
                // a viewer that does not drain: its stream stops taking data until the test lets it go
                resume.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        SharedPicture hostPicture = new SharedPicture();
        Random random = new Random(11);
        FrameUpdate key = frame(1, true, random);
        hostPicture.accept(key);
        host.sendFrame(room.id(), key);
        assertTrue(stalled.await(30, TimeUnit.SECONDS), "the slow viewer got no first update");
        int frames = 40;
        for (int seq = 2; seq <= frames; seq++) {
            // every tile changes: 1280x720 in 12 tiles of 64 KiB each, far more than a stream window per frame
            FrameUpdate update = partial(seq, random, 12);
            hostPicture.accept(update);
            host.sendFrame(room.id(), update);
            long s = seq;
            await(() -> fast.stream().allMatch(p -> p.sequence() == s), "the fast viewers to show frame " + seq);
        }
        for (SharedPicture p : fast) {
            assertTrue(p.sameAs(hostPicture));
        }
        assertEquals(1, slow.received.size(), "the stalled viewer took more than the update it is stuck in");

        resume.countDown();
        await(() -> slow.sequence() == frames, "the slow viewer to catch up");
        assertTrue(slow.sameAs(hostPicture), "the slow viewer's picture is not the newest one");
        assertTrue(slow.received.size() < frames, "the slow viewer got every frame instead of a merged update: " + slow.received.size());
    }

    @Test
    void theCliListsShowsAndClosesRoomsAdminsMayCloseAny() throws Exception {
        SharingClient host = client("hana");
        RoomDetails room = host.createRoom("cli room", null, 3);
        client("v1").join(room.id(), null);

        ServerProcess.CliResult list = server.cli(Map.of("SYNCLINE_USER", "v2", "SYNCLINE_PASSWORD", "v2-password-1"), "room", "list");
        assertEquals(0, list.exitCode(), list.stderr());
        assertTrue(list.stdout().contains(room.id()) && list.stdout().contains("cli room") && list.stdout().contains("1/3"), list.stdout());

        ServerProcess.CliResult info = server.cli(Map.of("SYNCLINE_USER", "v2", "SYNCLINE_PASSWORD", "v2-password-1"), "--json", "room", "info", room.id());
        assertEquals(0, info.exitCode(), info.stderr());
        assertEquals("hana", org.syncline.core.json.JsonObject.parse(info.stdout()).string("tokenHolder"), info.stdout());

        ServerProcess.CliResult refused = server.cli(Map.of("SYNCLINE_USER", "v2", "SYNCLINE_PASSWORD", "v2-password-1"), "room", "close", room.id());
        assertEquals(1, refused.exitCode());
        assertTrue(refused.stderr().startsWith("syncline: ACCESS_DENIED: "), refused.stderr());
        assertEquals(1, refused.stderr().strip().lines().count(), refused.stderr());

        ServerProcess.CliResult missing = server.cli(AS_ADMIN, "room", "info", "nosuchroom");
        assertEquals(1, missing.exitCode());
        assertTrue(missing.stderr().startsWith("syncline: NOT_FOUND: "), missing.stderr());

        ServerProcess.CliResult closed = server.cli(AS_ADMIN, "room", "close", room.id());
        assertEquals(0, closed.exitCode(), closed.stderr());
        assertTrue(host.listRooms().stream().noneMatch(r -> r.id().equals(room.id())));
    }

    @Test
    void aRoomCreatedFromTheCliLivesWhileTheCommandRuns() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(ServerProcess.install().resolve("syncline").toString(), "cli", "--server",
                server.address().toString(), "room", "create", "from the cli", "--max", "2");
        pb.environment().put("XDG_CONFIG_HOME", server.home.resolve("config-cli-room").toString());
        pb.environment().put("SYNCLINE_USER", "hana");
        pb.environment().put("SYNCLINE_PASSWORD", "hana-password-1");
        pb.environment().put("SYNCLINE_TRUST_FINGERPRINT", server.fingerprint());
        pb.redirectErrorStream(true).redirectOutput(server.home.resolve("cli-room.out").toFile());
        Process cli = pb.start();
        try {
            SharingClient viewer = client("v1");
            await(() -> viewer.listRooms().stream().anyMatch(r -> r.title().equals("from the cli") && r.host().equals("hana") && r.max() == 2),
                    "the CLI's room to be listed");
            RoomSummary room = viewer.listRooms().stream().filter(r -> r.title().equals("from the cli")).findFirst().orElseThrow();
            BlockingQueue<String> closed = new LinkedBlockingQueue<>();
            viewer.onRoomClosed((r, reason) -> closed.add(r));
            viewer.join(room.id(), null);
            // Ctrl+C reaches the whole process group; the launch script's java is a child of the script
            cli.descendants().forEach(ProcessHandle::destroy);
            cli.destroy();
            assertEquals(room.id(), closed.poll(60, TimeUnit.SECONDS));
            await(() -> viewer.listRooms().stream().noneMatch(r -> r.id().equals(room.id())), "the room to close with the CLI");
            assertTrue(Files.readString(server.home.resolve("cli-room.out")).contains("until Ctrl+C"));
        } finally {
            cli.descendants().forEach(ProcessHandle::destroyForcibly);
            cli.destroyForcibly().waitFor();
        }
    }

    /** Follows the token holder one client is told about. */
    private static final class HolderWatch {
        private volatile String holder = "";

        HolderWatch(SharingClient client) {
            client.onRoomChanged(d -> holder = d.tokenHolder());
        }

        void await(String expected) throws InterruptedException {
            SharingRelayTest.await(() -> expected.equals(holder), "a member to see '" + expected + "' hold the token");
        }
    }

    private SharingClient client(String user) {
        Connection c = server.connect(user, user + "-password-1");
        open.add(c);
        return new SharingClient(c);
    }

    private static RoomSummary summary(SharingClient client, String id) {
        return client.listRooms().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static String line(ChatLine l) {
        return l == null ? "(none)" : l.sender() + ": " + l.text();
    }

    private static InputEvent click(int x, int y) {
        return new InputEvent(InputEvent.Kind.BUTTON_PRESS, x, y, 1, 0);
    }

    /** A whole 1280x720 window in 320x240 tiles of random bytes (the relay never decodes them). */
    private static FrameUpdate frame(long seq, boolean keyframe, Random random) {
        List<Tile> tiles = new ArrayList<>();
        for (int y = 0; y < HEIGHT; y += 240) {
            for (int x = 0; x < WIDTH; x += TILE) {
                tiles.add(tile(x, y, random));
            }
        }
        return new FrameUpdate(seq, System.currentTimeMillis(), WIDTH, HEIGHT, keyframe, tiles);
    }

    /** {@code count} changed tiles at places chosen at random (all twelve places when count is 12). */
    private static FrameUpdate partial(long seq, Random random, int count) {
        List<Tile> all = new ArrayList<>(frame(seq, false, random).tiles());
        java.util.Collections.shuffle(all, random);
        return new FrameUpdate(seq, System.currentTimeMillis(), WIDTH, HEIGHT, false, all.subList(0, count));
    }

    private static Tile tile(int x, int y, Random random) {
        byte[] data = new byte[64 * 1024];
        random.nextBytes(data);
        return new Tile(x, y, TILE, 240, 1, data);
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Await.until(condition, what, Duration.ofSeconds(60));
    }
}
