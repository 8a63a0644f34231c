import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.syncline.admin.client.AdminClient;
import org.syncline.core.HostPort;
import org.syncline.core.SynclineException;
import org.syncline.protocol.Connection;
import org.syncline.protocol.ConnectionSettings;
import org.syncline.protocol.FingerprintPrompt;
import org.syncline.protocol.KnownServers;
import org.syncline.sharing.FrameUpdate;
import org.syncline.sharing.RoomDetails;
import org.syncline.sharing.Tile;
import org.syncline.sharing.client.SharingClient;

/**
 * Fan-out of the window sharing relay: one host sends synthetic 1280x720 updates in which every tile changes,
 * at a fixed rate, to N viewers on loopback through a real relay (the server product); each viewer counts the
 * updates it gets, how far the picture advanced, and the time from the host stamping an update to the viewer
 * holding it. Optionally the first viewer is throttled (it sleeps after each update, like a slow link).
 * Run by relay-fanout.sh.
 */
public class RelayFanout {
    static final int WIDTH = 1280, HEIGHT = 720, TILE_W = 320, TILE_H = 240;

    static final class Viewer {
        final String name;
        final long throttleMillis;
        final AtomicLong updates = new AtomicLong();
        volatile long firstSeq = -1, lastSeq = -1;
        final List<Long> latencies = new ArrayList<>();

        Viewer(String name, long throttleMillis) {
            this.name = name;
            this.throttleMillis = throttleMillis;
        }

        void accept(FrameUpdate u) {
            long latency = System.currentTimeMillis() - u.capturedAtMillis();
            synchronized (latencies) {
                latencies.add(latency);
            }
            if (firstSeq < 0) {
                firstSeq = u.sequence();
            }
            lastSeq = u.sequence();
            updates.incrementAndGet();
            if (throttleMillis > 0) {
                try {
                    Thread.sleep(throttleMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String adminPassword = args[1];
        int seconds = Integer.parseInt(args[2]);
        int fps = Integer.parseInt(args[3]);
        int viewerCount = Integer.parseInt(args[4]);
        long throttle = Long.parseLong(args[5]);
        int tileBytes = Integer.parseInt(args[6]);
        Path dir = Files.createTempDirectory("syncline-relay-bench");
        KnownServers known = new KnownServers(dir.resolve("known"));
        HostPort server = new HostPort("127.0.0.1", port);
        Connection admin = connect(server, "admin", adminPassword, known);
        AdminClient users = new AdminClient(admin);
        List<Connection> connections = new ArrayList<>();
        List<Viewer> viewers = new ArrayList<>();
        SharingClient host = new SharingClient(admin);
        RoomDetails room = host.createRoom("fan-out bench", null, null);
        for (int i = 1; i <= viewerCount; i++) {
            String name = "bench-viewer-" + i;
            try {
                users.addUser(name, (name + "-pw-1").toCharArray(), false);
            } catch (SynclineException e) {
                // the user is left from an earlier run on the same data directory
            }
            Connection c = connect(server, name, name + "-pw-1", known);
            connections.add(c);
            SharingClient client = new SharingClient(c);
            client.join(room.id(), null);
            Viewer v = new Viewer(name, i == 1 ? throttle : 0);
            viewers.add(v);
            client.watch(room.id(), v::accept);
        }

        // a handful of pre-made tile contents, so the host's cost is sending, not generating random bytes
        Random random = new Random(42);
        byte[][] contents = new byte[16][tileBytes];
        for (byte[] c : contents) {
            random.nextBytes(c);
        }
        long periodNanos = 1_000_000_000L / fps;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long seq = 0;
        long next = start;
        while (System.nanoTime() < end) {
            seq++;
            List<Tile> tiles = new ArrayList<>();
            int k = 0;
            for (int y = 0; y < HEIGHT; y += TILE_H) {
                for (int x = 0; x < WIDTH; x += TILE_W) {
                    tiles.add(new Tile(x, y, TILE_W, TILE_H, 1, contents[(int) ((seq + k++) % contents.length)]));
                }
            }
            host.sendFrame(room.id(), new FrameUpdate(seq, System.currentTimeMillis(), WIDTH, HEIGHT, seq == 1, tiles));
            next += periodNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Thread.sleep(1000);
        System.out.printf("host: %d updates in %.1f s = %.1f fps, %d tiles of %d bytes each (%.1f MB/s to the relay)%n",
                seq, elapsed, seq / elapsed, 12, tileBytes, seq * 12.0 * tileBytes / elapsed / 1e6);
        for (Viewer v : viewers) {
            long[] l;
            synchronized (v.latencies) {
                l = v.latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            }
            System.out.printf("%-16s %s updates %6.1f/s, picture advanced %6.1f frames/s, latency p50 %4d ms p95 %4d ms%n",
                    v.name, v.throttleMillis > 0 ? "(throttled " + v.throttleMillis + " ms/update)" : "                          ",
                    v.updates.get() / elapsed, (v.lastSeq - v.firstSeq + 1) / elapsed, pct(l, 50), pct(l, 95));
        }
        connections.forEach(Connection::close);
        admin.close();
    }

    static long pct(long[] sorted, int p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static Connection connect(HostPort server, String user, String password, KnownServers known) {
        return Connection.open(new ConnectionSettings(server, user, password.toCharArray(), "relay-bench", Duration.ofSeconds(60), false),
                known, FingerprintPrompt.ACCEPT_NEW);
    }
}
