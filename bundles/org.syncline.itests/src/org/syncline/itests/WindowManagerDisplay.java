package org.syncline.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private Xvfb display with a real reparenting window manager (openbox, a Debian package) on it, for the tests
 * that must see what a window manager does to windows (frames, placement, stacking) without disturbing the
 * tests that share the build's window-manager-less display.
 */
final class WindowManagerDisplay implements AutoCloseable {
    private final Process xvfb;
    private final Process windowManager;
    private final String name;
    /** The connection that made the probe window, open for the display's life (see {@link #awaitFraming}). */
    private org.syncline.testing.TestDesktop probe;

    private WindowManagerDisplay(Process xvfb, Process windowManager, String name) {
        this.xvfb = xvfb;
        this.windowManager = windowManager;
        this.name = name;
    }

    /** Starts Xvfb on the first free display number from :70, then openbox on it. */
    static WindowManagerDisplay start(Path logs) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/openbox"))) {
            throw new IllegalStateException("this test needs a window manager: apt-get install openbox");
        }
        Files.createDirectories(logs);
        for (int n = 70; n < 100; n++) {
            if (Files.exists(Path.of("/tmp/.X" + n + "-lock")) || Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                continue;
            }
            String display = ":" + n;
            Process xvfb = new ProcessBuilder(List.of("Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset"))
                    .redirectErrorStream(true).redirectOutput(logs.resolve("xvfb" + n + ".log").toFile()).start();
            Path socket = Path.of("/tmp/.X11-unix/X" + n);
            long deadline = System.currentTimeMillis() + 30_000;
            while (xvfb.isAlive() && !Files.exists(socket) && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            if (!xvfb.isAlive() || !Files.exists(socket)) {
                stop(xvfb);
                continue;
            }
            ProcessBuilder wm = new ProcessBuilder(List.of("openbox", "--sm-disable")).redirectErrorStream(true)
                    .redirectOutput(logs.resolve("openbox" + n + ".log").toFile());
            wm.environment().put("DISPLAY", display);
            // one home for every run, so that what openbox and fontconfig cache at their first start is kept
            Path home = Path.of(System.getProperty("java.io.tmpdir"), "syncline-openbox-home");
            Files.createDirectories(home);
            wm.environment().put("HOME", home.toString());
            Path log = logs.resolve("openbox" + n + ".log");
            WindowManagerDisplay started = new WindowManagerDisplay(xvfb, wm.start(), display);
            try {
                started.awaitWindowManager(log);
            } catch (RuntimeException | InterruptedException | IOException e) {
                started.close();
                throw e;
            }
            return started;
        }
        throw new IllegalStateException("no free X display number between :70 and :99");
    }

    /**
     * Waits until openbox manages the screen (it names its check window in the root's _NET_SUPPORTING_WM_CHECK), so
     * that the test's windows are mapped under it; openbox's first start on a loaded machine takes seconds.
     */
    private void awaitWindowManager(Path log) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            if (!windowManager.isAlive()) {
                throw new IllegalStateException("openbox ended at its start: " + Files.readString(log));
            }
            Process xprop = new ProcessBuilder(List.of("xprop", "-display", name, "-root", "_NET_SUPPORTING_WM_CHECK"))
                    .redirectErrorStream(true).start();
            String answer = new String(xprop.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            xprop.waitFor(10, TimeUnit.SECONDS);
            if (answer.contains("window id #")) {
                awaitFraming(deadline, log);
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("openbox did not manage display " + name + " within 180 s: " + Files.readString(log));
    }

    /**
     * Waits until openbox frames a window mapped now: it names its check window before it has read its theme and fonts
     * (in a fresh HOME it builds the font cache first, a minute on a busy disk), and only then frames windows. The probe
     * window is then destroyed and its frame awaited gone, and its connection stays open until {@link #close}: a client
     * connecting after a closed one gets the same resource ids, and the test's first window, which had the probe's id,
     * was once listed with the probe's 16x16 at the probe's place (openbox still holding the probe's state).
     */
    private void awaitFraming(long deadline, Path log) throws IOException, InterruptedException {
        probe = org.syncline.testing.TestDesktop.openOn(name);
        long window = probe.window(0, 0, 16, 16, 0, "syncline window manager probe");
        long mapped = System.currentTimeMillis();
        long frame;
        while ((frame = probe.topLevel(window)) == window) {
            failPast(deadline, log, "frame a window");
            if (System.currentTimeMillis() - mapped > 15_000) {
                // a probe mapped while openbox was still starting was once never framed (CI, 180 s): map a new one
                probe.destroy(window);
                window = probe.window(0, 0, 16, 16, 0, "syncline window manager probe");
                mapped = System.currentTimeMillis();
            }
            Thread.sleep(100);
        }
        probe.destroy(window);
        while (probe.stacking().contains(frame)) {
            failPast(deadline, log, "let go of a destroyed window");
            Thread.sleep(100);
        }
    }

    private void failPast(long deadline, Path log, String what) throws IOException {
        if (System.currentTimeMillis() > deadline || !windowManager.isAlive()) {
            throw new IllegalStateException("openbox did not " + what + " on display " + name + " within 180 s: " + Files.readString(log));
        }
    }

    /** The display's name, for example ":70". */
    String name() {
        return name;
    }

    @Override
    public void close() throws InterruptedException {
        if (probe != null) {
            probe.close();
        }
        stop(windowManager);
        stop(xvfb);
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
