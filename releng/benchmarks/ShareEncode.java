import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.syncline.sharing.FrameUpdate;
import org.syncline.sharing.capture.CaptureStream;
import org.syncline.sharing.capture.CapturedFrame;
import org.syncline.sharing.codec.TileEncoder;
import org.syncline.sharing.internal.x11.X11WindowCapture;

import com.sun.jna.NativeLong;
import com.sun.jna.platform.unix.X11;

/**
 * Bytes per frame of the sharing engine (X11 capture + TileEncoder, lossless) against x11vnc sharing the same
 * window with -id, for a typing and a scrolling workload in a 1280x720 X window; both sides see the same steps.
 * x11vnc's bytes are counted by a minimal RFB 3.8 client here (ZRLE requested, incremental updates requested
 * again as soon as one arrives); ours are the encoded FrameUpdate sizes after each step. The steps are paced
 * (STEP_MS) so that x11vnc, which polls, sees them one by one; both figures are total bytes after the first
 * full frame divided by the number of steps. Then: encode time of a 1280x720 frame in which every tile changed.
 *   usage: java -cp ... ShareEncode.java [STEPS]   (needs DISPLAY and x11vnc on PATH)
 */
public final class ShareEncode {
    static final X11 X = X11.INSTANCE;
    static final int W = 1280;
    static final int H = 720;
    static final int STEP_MS = 40;
    static final int LINE = 16;
    static final int CELL = 8;

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String display = System.getenv("DISPLAY");
        for (String workload : new String[] { "typing", "scrolling" }) {
            run(display, workload, steps);
        }
        encodeTime();
    }

    /**
     * XOpenDisplay, retried for a few seconds: right after the previous workload's x11vnc ended the X server
     * sometimes refused the next connection, and a null display crashed the JVM in XDefaultRootWindow.
     */
    static X11.Display openDisplay(String displayName) throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            X11.Display d = X.XOpenDisplay(displayName);
            if (d != null) {
                return d;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("cannot open X display " + displayName);
    }

    static void run(String displayName, String workload, int steps) throws Exception {
        X11.Display d = openDisplay(displayName);
        X11.Window window = X.XCreateSimpleWindow(d, X.XDefaultRootWindow(d), 0, 0, W, H, 0, 0, 0xffffff);
        X.XMapRaised(d, window);
        X11.GC gc = X.XCreateGC(d, window, new NativeLong(0), null);
        X.XSync(d, false);
        Random random = new Random(42);
        if (workload.equals("scrolling")) {
            for (int line = 0; line < H / LINE; line++) {
                textLine(d, window, gc, line * LINE, random);
            }
        }
        X.XSync(d, false);
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Process vnc = new ProcessBuilder("x11vnc", "-display", displayName, "-id", "0x" + Long.toHexString(window.longValue()),
                "-rfbport", String.valueOf(port), "-localhost", "-nopw", "-shared", "-forever", "-quiet", "-nocursor")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (X11WindowCapture capture = X11WindowCapture.connect(displayName);
                CaptureStream stream = capture.openWindow(window.longValue());
                RfbCounter rfb = RfbCounter.connect(port)) {
            TileEncoder encoder = new TileEncoder();
            encoder.encode(stream.read());
            rfb.awaitFirstFrame();
            Thread.sleep(500);
            rfb.bytes.set(0);
            long ours = 0;
            int cursor = 0;
            for (int step = 0; step < steps; step++) {
                if (workload.equals("typing")) {
                    int perLine = (W - 2 * CELL) / CELL;
                    int col = cursor % perLine;
                    int row = (cursor / perLine) % ((H - LINE) / LINE);
                    glyph(d, window, gc, CELL + col * CELL, LINE / 2 + row * LINE, random);
                    cursor++;
                } else {
                    X.XCopyArea(d, window, window, gc, 0, LINE, W, H - LINE, 0, 0);
                    X.XSetForeground(d, gc, new NativeLong(0xffffff));
                    X.XFillRectangle(d, window, gc, 0, H - LINE, W, LINE);
                    textLine(d, window, gc, H - LINE, random);
                }
                X.XSync(d, false);
                CapturedFrame frame = stream.read();
                ours += encoder.encode(frame).toBytes().length;
                Thread.sleep(STEP_MS);
            }
            Thread.sleep(1000);
            long theirs = rfb.bytes.get();
            System.out.printf("%-9s %4d steps  syncline %8.0f bytes/frame   x11vnc (%s) %8.0f bytes/frame   syncline/x11vnc %.2fx%n",
                    workload, steps, (double) ours / steps, rfb.encodingName(), (double) theirs / steps,
                    (double) ours / Math.max(1, theirs));
        } finally {
            vnc.destroy();
            vnc.waitFor();
            X.XFreeGC(d, gc);
            X.XDestroyWindow(d, window);
            X.XCloseDisplay(d);
        }
    }

    /** A character-sized mark: a few strokes in a CELL x LINE cell, like a glyph of 8x16 text. */
    static void glyph(X11.Display d, X11.Window w, X11.GC gc, int x, int y, Random random) {
        X.XSetForeground(d, gc, new NativeLong(0x202020));
        X.XFillRectangle(d, w, gc, x + 1, y + 2, 1, 9);
        X.XFillRectangle(d, w, gc, x + 1 + random.nextInt(4), y + 2 + random.nextInt(6), 3, 1);
        X.XFillRectangle(d, w, gc, x + 4, y + 3 + random.nextInt(5), 1, 4);
        X.XFillRectangle(d, w, gc, x + 2, y + 10, 3, 1);
    }

    static void textLine(X11.Display d, X11.Window w, X11.GC gc, int y, Random random) {
        int length = 20 + random.nextInt((W - 2 * CELL) / CELL - 20);
        for (int col = 0; col < length; col++) {
            if (random.nextInt(6) != 0) {
                glyph(d, w, gc, CELL + col * CELL, y, random);
            }
        }
    }

    /** Encode time of a 1280x720 frame of text in which every tile differs from the previous frame. */
    static void encodeTime() {
        int frames = 200;
        int[][] pictures = new int[2][W * H];
        Random random = new Random(1);
        for (int[] picture : pictures) {
            Arrays.fill(picture, 0xffffffff);
            for (int i = 0; i < W * H / 12; i++) {
                picture[random.nextInt(W * H)] = 0xff202020;
            }
        }
        TileEncoder encoder = new TileEncoder();
        long[] nanos = new long[frames];
        long bytes = 0;
        for (int i = 0; i < frames; i++) {
            CapturedFrame frame = CapturedFrame.of(pictures[i % 2], W, H, false, java.util.List.of());
            long start = System.nanoTime();
            FrameUpdate update = encoder.encode(frame);
            nanos[i] = System.nanoTime() - start;
            if (i > 0 && update.tiles().size() != (W / 64) * ((H + 63) / 64)) {
                throw new IllegalStateException("frame " + i + " changed only " + update.tiles().size() + " tiles");
            }
            bytes += update.toBytes().length;
        }
        long[] sorted = Arrays.copyOfRange(nanos, 20, frames);
        Arrays.sort(sorted);
        System.out.printf("encode    1280x720, every tile changed (text-like, palette tiles): p50 %.1f ms  p95 %.1f ms  %d bytes/frame%n",
                sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 95 / 100] / 1e6, bytes / frames);
    }

    /** A minimal RFB 3.8 client that counts every byte of the server's updates. */
    static final class RfbCounter implements AutoCloseable {
        final AtomicLong bytes = new AtomicLong();
        private final Socket socket;
        private final DataInputStream in;
        private final DataOutputStream out;
        private volatile int encoding = -1;
        private volatile boolean firstFrame;
        private final Thread reader;
        private int width;
        private int height;

        private RfbCounter(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()) {
                @Override
                public synchronized int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        bytes.addAndGet(n);
                    }
                    return n;
                }

                @Override
                public synchronized int read() throws IOException {
                    int c = super.read();
                    if (c >= 0) {
                        bytes.incrementAndGet();
                    }
                    return c;
                }
            });
            this.out = new DataOutputStream(socket.getOutputStream());
            handshake();
            reader = new Thread(this::readUpdates, "rfb-counter");
            reader.setDaemon(true);
            reader.start();
        }

        static RfbCounter connect(int port) throws Exception {
            for (int attempt = 0;; attempt++) {
                try {
                    return new RfbCounter(new Socket("127.0.0.1", port));
                } catch (IOException e) {
                    if (attempt > 100) {
                        throw e;
                    }
                    Thread.sleep(100);
                }
            }
        }

        private void handshake() throws IOException {
            byte[] version = new byte[12];
            in.readFully(version);
            out.write("RFB 003.008\n".getBytes());
            int types = in.readUnsignedByte();
            byte[] offered = new byte[types];
            in.readFully(offered);
            out.writeByte(1);
            if (in.readInt() != 0) {
                throw new IOException("x11vnc refused the None security type");
            }
            out.writeByte(1); // shared
            width = in.readUnsignedShort();
            height = in.readUnsignedShort();
            in.readFully(new byte[16]);
            in.readFully(new byte[in.readInt()]);
            out.writeByte(2);
            out.writeByte(0);
            out.writeShort(1);
            out.writeInt(16); // ZRLE
            request(false);
        }

        private void request(boolean incremental) throws IOException {
            out.writeByte(3);
            out.writeByte(incremental ? 1 : 0);
            out.writeShort(0);
            out.writeShort(0);
            out.writeShort(width);
            out.writeShort(height);
            out.flush();
        }

        private void readUpdates() {
            try {
                while (true) {
                    int type = in.readUnsignedByte();
                    switch (type) {
                        case 0 -> {
                            in.readUnsignedByte();
                            int rects = in.readUnsignedShort();
                            for (int i = 0; i < rects; i++) {
                                in.readShort();
                                in.readShort();
                                int w = in.readUnsignedShort();
                                int h = in.readUnsignedShort();
                                int enc = in.readInt();
                                if (enc == 16) {
                                    in.readFully(new byte[in.readInt()]);
                                } else if (enc == 0) {
                                    in.readFully(new byte[w * h * 4]);
                                } else {
                                    throw new IOException("x11vnc sent encoding " + enc);
                                }
                                encoding = enc;
                            }
                            firstFrame = true;
                            request(true);
                        }
                        case 2 -> {
                        }
                        case 3 -> {
                            in.readFully(new byte[3]);
                            in.readFully(new byte[in.readInt()]);
                        }
                        default -> throw new IOException("x11vnc sent message type " + type);
                    }
                }
            } catch (IOException e) {
                // closed at the end of the run
            }
        }

        void awaitFirstFrame() throws InterruptedException {
            for (int i = 0; i < 200 && !firstFrame; i++) {
                Thread.sleep(50);
            }
            if (!firstFrame) {
                throw new IllegalStateException("x11vnc sent no first frame");
            }
        }

        String encodingName() {
            return encoding == 16 ? "ZRLE" : encoding == 0 ? "raw" : "none";
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
