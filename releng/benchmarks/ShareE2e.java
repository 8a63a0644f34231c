import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.syncline.admin.client.AdminClient;
import org.syncline.core.HostPort;
import org.syncline.core.SynclineException;
import org.syncline.protocol.Connection;
import org.syncline.protocol.ConnectionSettings;
import org.syncline.protocol.FingerprintPrompt;
import org.syncline.protocol.KnownServers;
import org.syncline.sharing.FrameUpdate;
import org.syncline.sharing.RoomDetails;
import org.syncline.sharing.capture.CaptureStream;
import org.syncline.sharing.capture.CapturedFrame;
import org.syncline.sharing.client.SharingClient;
import org.syncline.sharing.codec.PaintPlan;
import org.syncline.sharing.codec.TileDecoder;
import org.syncline.sharing.codec.TileEncoder;
import org.syncline.sharing.host.ControlPolicy;
import org.syncline.sharing.host.HostEvents;
import org.syncline.sharing.host.HostProgress;
import org.syncline.sharing.host.HostSession;
import org.syncline.sharing.host.RoomRequest;
import org.syncline.sharing.host.ShareTarget;
import org.syncline.sharing.internal.x11.X11WindowCapture;

import com.sun.jna.NativeLong;
import com.sun.jna.platform.unix.X11;

/**
 * Window sharing end to end: a 1280x720 X window whose content changes every frame (an animator thread draws it at
 * ANIMATE_FPS) is shared by the real host engine ({@link HostSession}: X11 capture -> TileEncoder -> relay upload)
 * through a real relay (the server product) to VIEWERS viewers on loopback. Each viewer is a {@link SharingClient}
 * watch whose listener decodes the update with {@link TileDecoder} and paints the changed tiles into a
 * {@link BufferedImage} (a headless viewer: no screen, the same decode as the workbench's Viewer editor) before it
 * acknowledges. Per viewer: updates/s received and painted, how many host frames per second its picture advanced,
 * and capture-to-paint latency (the host stamps the capture time into every update; host and viewers share this
 * machine's clock). Optionally the first viewer reaches the relay through a loopback proxy that forwards the
 * relay's bytes to it at THROTTLE_KBPS kilobytes per second (a slow link: its socket is read slowly).
 * Then the stages alone on the same window: capture (X11 read), encode, decode, each per frame.
 *   usage: java -cp ... ShareE2e.java PORT ADMIN_PASSWORD SECONDS HOST_FPS VIEWERS THROTTLE_KBPS WORKLOAD
 *   WORKLOAD: scroll (a page of text scrolls 4 px a frame: every tile changes) or box (a 256x256 block moves
 *   and a counter ticks: a few tiles change)
 */
public final class ShareE2e {
    static final X11 X = X11.INSTANCE;
    static final int W = 1280, H = 720, ANIMATE_FPS = 60, WARM_UP_SECONDS = 3;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String adminPassword = args[1];
        int seconds = Integer.parseInt(args[2]);
        int hostFps = Integer.parseInt(args[3]);
        int viewerCount = Integer.parseInt(args[4]);
        int throttleKbps = Integer.parseInt(args[5]);
        String workload = args[6];
        String display = System.getenv("DISPLAY");

        Animator animator = new Animator(display, workload);
        Path dir = Files.createTempDirectory("syncline-share-e2e");
        KnownServers known = new KnownServers(dir.resolve("known"));
        HostPort relay = new HostPort("127.0.0.1", port);
        Connection admin = connect(relay, "admin", adminPassword, known);
        AdminClient users = new AdminClient(admin);
        SlowLink slow = throttleKbps > 0 ? new SlowLink(port, throttleKbps * 1024L) : null;

        HostSession host = HostSession.start(new SharingClient(admin), new RoomRequest("e2e bench", null, null),
                ShareTarget.window(animator.window.longValue()), hostFps, ControlPolicy.REFUSE_ALL, new HostEvents() {
                });
        List<Viewer> viewers = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        for (int i = 1; i <= viewerCount; i++) {
            String name = "e2e-viewer-" + i;
            try {
                users.addUser(name, (name + "-pw-1").toCharArray(), false);
            } catch (SynclineException e) {
                // left from an earlier run on the same data directory
            }
            boolean throttled = slow != null && i == 1;
            HostPort via = throttled ? new HostPort("127.0.0.1", slow.port()) : relay;
            Connection c = connect(via, name, name + "-pw-1", known);
            connections.add(c);
            SharingClient client = new SharingClient(c);
            client.join(host.room().id(), null);
            Viewer v = new Viewer(name, throttled);
            viewers.add(v);
            client.watch(host.room().id(), v::paint);
        }

        Thread.sleep(WARM_UP_SECONDS * 1000L);
        HostProgress before = host.progress();
        viewers.forEach(Viewer::startMeasuring);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double elapsed = (System.nanoTime() - start) / 1e9;
        viewers.forEach(Viewer::stopMeasuring);
        HostProgress after = host.progress();
        double animated = animator.framesSince(start) / elapsed;

        System.out.printf("window: %s, drawn %.1f frames/s; host: %.1f updates/s sent (cap %d), %.0f KB/s to the relay%n",
                workload, animated, (after.framesSent() - before.framesSent()) / elapsed, hostFps,
                (after.bytesSent() - before.bytesSent()) / elapsed / 1024);
        for (Viewer v : viewers) {
            v.report(elapsed, throttleKbps);
        }
        host.stop();
        connections.forEach(Connection::close);
        admin.close();
        if (slow != null) {
            slow.close();
        }
        animator.stop();
        stages(display, animator, workload);
        animator.close();
    }

    /** Capture, encode and decode alone, per frame, on the same animated window (nothing else running). */
    static void stages(String display, Animator animator, String workload) throws Exception {
        animator.start(workload);
        int frames = 150;
        long[] capture = new long[frames], encode = new long[frames], decode = new long[frames];
        long bytes = 0;
        try (X11WindowCapture desktop = X11WindowCapture.connect(display);
                CaptureStream stream = desktop.openWindow(animator.window.longValue())) {
            TileEncoder encoder = new TileEncoder();
            Viewer painter = new Viewer("stages", false);
            encoder.requestKeyframe();
            painter.paint(encoder.encode(stream.read()));
            for (int i = 0; i < frames; i++) {
                Thread.sleep(1000 / ANIMATE_FPS + 1);
                long t0 = System.nanoTime();
                CapturedFrame frame = stream.read();
                long t1 = System.nanoTime();
                FrameUpdate update = encoder.encode(frame);
                long t2 = System.nanoTime();
                FrameUpdate received = FrameUpdate.fromBytes(update.toBytes());
                long t3 = System.nanoTime();
                painter.paint(received);
                long t4 = System.nanoTime();
                capture[i] = t1 - t0;
                encode[i] = t2 - t1;
                decode[i] = t4 - t3;
                bytes += update.toBytes().length;
            }
        } finally {
            animator.stop();
        }
        System.out.printf("stages alone (%d frames): capture p50 %.1f ms p95 %.1f | encode p50 %.1f ms p95 %.1f | "
                + "decode+paint p50 %.1f ms p95 %.1f | %d bytes/update%n", frames, ms(capture, 50), ms(capture, 95),
                ms(encode, 50), ms(encode, 95), ms(decode, 50), ms(decode, 95), bytes / frames);
    }

    static double ms(long[] nanos, int p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)] / 1e6;
    }

    static long pct(long[] sorted, int p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static Connection connect(HostPort server, String user, String password, KnownServers known) {
        return Connection.open(new ConnectionSettings(server, user, password.toCharArray(), "share-e2e", Duration.ofSeconds(60), false),
                known, FingerprintPrompt.ACCEPT_NEW);
    }

    /** A headless viewer: decodes every update and paints its tiles into an image, then lets the relay send more. */
    static final class Viewer {
        final String name;
        final boolean throttled;
        final TileDecoder decoder = new TileDecoder();
        final PaintPlan plan = new PaintPlan();
        BufferedImage image;
        Graphics2D graphics;
        int[] shown;
        final List<Long> latencies = new ArrayList<>();
        volatile boolean measuring;
        long painted, firstSeq = -1, lastSeq;

        Viewer(String name, boolean throttled) {
            this.name = name;
            this.throttled = throttled;
        }

        synchronized void paint(FrameUpdate update) {
            decoder.apply(update);
            plan.add(update);
            int w = decoder.width();
            if (image == null || image.getWidth() != w || image.getHeight() != decoder.height()) {
                image = new BufferedImage(w, decoder.height(), BufferedImage.TYPE_INT_RGB);
                graphics = image.createGraphics();
                shown = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
            }
            // as the workbench's Viewer editor does: moves (scrolling) move what is shown, the rest is copied from
            // the decoder's pixels into the image's own buffer
            PaintPlan.Steps steps = plan.take();
            int[] fb = decoder.framebuffer();
            for (PaintPlan.Move m : steps.moves()) {
                graphics.copyArea(m.sourceX(), m.sourceY(), m.width(), m.height(), m.x() - m.sourceX(), m.y() - m.sourceY());
            }
            for (int row = steps.y(); row < steps.y() + steps.height(); row++) {
                System.arraycopy(fb, row * w + steps.x(), shown, row * w + steps.x(), steps.width());
            }
            long latency = System.currentTimeMillis() - update.capturedAtMillis();
            synchronized (this) {
                if (measuring) {
                    latencies.add(latency);
                    painted++;
                    if (firstSeq < 0) {
                        firstSeq = update.sequence();
                    }
                    lastSeq = update.sequence();
                }
            }
        }

        synchronized void startMeasuring() {
            measuring = true;
        }

        synchronized void stopMeasuring() {
            measuring = false;
        }

        synchronized void report(double elapsed, int throttleKbps) {
            long[] l = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("%-14s %-22s received+painted %5.1f updates/s, picture advanced %5.1f host frames/s, "
                    + "capture-to-paint p50 %4d ms p95 %4d ms%s%n", name, throttled ? "(link " + throttleKbps + " KB/s)" : "",
                    painted / elapsed, firstSeq < 0 ? 0 : (lastSeq - firstSeq + 1) / elapsed, pct(l, 50), pct(l, 95),
                    paintedMatches() ? "" : "   PAINTED PICTURE DIFFERS FROM THE DECODED ONE");
        }

        /** Whether the painted image (moves applied to it, the rest copied) shows the decoder's picture. */
        boolean paintedMatches() {
            int[] fb = decoder.framebuffer();
            for (int i = 0; shown != null && i < shown.length; i++) {
                if ((shown[i] & 0xffffff) != (fb[i] & 0xffffff)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Draws the window ANIMATE_FPS times a second on a connection of its own; every frame differs. */
    static final class Animator {
        final X11.Display d;
        final X11.Window window;
        final X11.GC gc;
        final X11.Pixmap page;
        volatile boolean running;
        volatile long frames;
        final List<Long> frameTimes = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread thread;

        Animator(String display, String workload) {
            d = X.XOpenDisplay(display);
            window = X.XCreateSimpleWindow(d, X.XDefaultRootWindow(d), 0, 0, W, H, 0, 0, 0xffffff);
            X.XMapRaised(d, window);
            gc = X.XCreateGC(d, window, new NativeLong(0), null);
            // a page of text twice the window's height, scrolled through it
            page = X.XCreatePixmap(d, window, W, 2 * H, 24);
            X.XSetForeground(d, gc, new NativeLong(0xffffff));
            X.XFillRectangle(d, page, gc, 0, 0, W, 2 * H);
            Random random = new Random(42);
            for (int y = 0; y < 2 * H; y += 16) {
                int length = 20 + random.nextInt(130);
                for (int col = 0; col < length; col++) {
                    if (random.nextInt(6) != 0) {
                        glyph(page, 8 + col * 8, y, random);
                    }
                }
            }
            X.XSync(d, false);
            start(workload);
        }

        void start(String workload) {
            running = true;
            thread = new Thread(() -> animate(workload), "animator");
            thread.setDaemon(true);
            thread.start();
        }

        void animate(String workload) {
            long period = 1_000_000_000L / ANIMATE_FPS;
            long next = System.nanoTime();
            int n = 0;
            while (running) {
                n++;
                if (workload.equals("scroll")) {
                    int offset = (n * 4) % H;
                    X.XCopyArea(d, page, window, gc, 0, offset, W, H, 0, 0);
                } else {
                    int bx = (n * 6) % (W - 256), by = (int) (232 + 200 * Math.sin(n / 20.0));
                    X.XSetForeground(d, gc, new NativeLong(0xffffff));
                    X.XFillRectangle(d, window, gc, 0, 0, W, H);
                    X.XSetForeground(d, gc, new NativeLong(0x3060c0 + (n % 64)));
                    X.XFillRectangle(d, window, gc, bx, by, 256, 256);
                    X.XSetForeground(d, gc, new NativeLong(0x202020));
                    X.XFillRectangle(d, window, gc, 16, 16, 8 * (n % 64), 16);
                }
                X.XSync(d, false);
                frames++;
                frameTimes.add(System.nanoTime());
                next += period;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                } else {
                    next = System.nanoTime();
                }
            }
        }

        long framesSince(long nanos) {
            synchronized (frameTimes) {
                return frameTimes.stream().filter(t -> t >= nanos).count();
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        void close() {
            X.XFreePixmap(d, page);
            X.XFreeGC(d, gc);
            X.XDestroyWindow(d, window);
            X.XCloseDisplay(d);
        }

        void glyph(X11.Drawable target, int x, int y, Random random) {
            X.XSetForeground(d, gc, new NativeLong(0x202020));
            X.XFillRectangle(d, target, gc, x + 1, y + 2, 1, 9);
            X.XFillRectangle(d, target, gc, x + 1 + random.nextInt(4), y + 2 + random.nextInt(6), 3, 1);
            X.XFillRectangle(d, target, gc, x + 4, y + 3 + random.nextInt(5), 1, 4);
            X.XFillRectangle(d, target, gc, x + 2, y + 10, 3, 1);
        }
    }

    /** A loopback proxy to the relay whose relay-to-client direction carries at most BYTES_PER_SECOND. */
    static final class SlowLink implements AutoCloseable {
        final ServerSocket listener;
        final int target;
        final long bytesPerSecond;

        SlowLink(int target, long bytesPerSecond) throws IOException {
            this.target = target;
            this.bytesPerSecond = bytesPerSecond;
            listener = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(this::accept);
        }

        int port() {
            return listener.getLocalPort();
        }

        void accept() {
            try {
                while (true) {
                    Socket client = listener.accept();
                    Socket relay = new Socket(InetAddress.getLoopbackAddress(), target);
                    client.setReceiveBufferSize(16 * 1024);
                    relay.setReceiveBufferSize(16 * 1024);
                    Thread.ofVirtual().start(() -> pump(client, relay, Long.MAX_VALUE));
                    Thread.ofVirtual().start(() -> pump(relay, client, bytesPerSecond));
                }
            } catch (IOException e) {
                // closed
            }
        }

        static void pump(Socket from, Socket to, long rate) {
            byte[] buffer = new byte[rate == Long.MAX_VALUE ? 65536 : (int) Math.max(1024, rate / 50)];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                long start = System.nanoTime(), sent = 0;
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                    sent += n;
                    if (rate != Long.MAX_VALUE) {
                        long due = start + sent * 1_000_000_000L / rate;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                    }
                }
            } catch (IOException | InterruptedException e) {
                // one side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException e) {
                    // already closed
                }
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }
}
