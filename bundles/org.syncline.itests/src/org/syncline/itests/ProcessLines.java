package org.syncline.itests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** The output lines of a client process a test started (sync agent, sharing host), kept to wait on and assert on. */
final class ProcessLines {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final String who;
    private volatile Process process;

    /** {@code who} starts the failure messages, e.g. "syncline share" or "The agent of bob". */
    ProcessLines(String who) {
        this.who = who;
    }

    /** Forgets earlier lines and reads the process's output (stderr merged into it) on a daemon thread. */
    void follow(Process started, String threadName) {
        lines.clear();
        process = started;
        BufferedReader reader = new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8));
        Thread pump = new Thread(() -> {
            try {
                for (String line; (line = reader.readLine()) != null;) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, threadName);
        pump.setDaemon(true);
        pump.start();
    }

    /** The first line (since the start) that {@code test} accepts, waiting up to 90 s. */
    String await(Predicate<String> test, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            for (String l : lines) {
                if (test.test(l)) {
                    return l;
                }
            }
            Process p = process;
            if (p != null && !p.isAlive() && lines.stream().noneMatch(test)) {
                Thread.sleep(200); // the last lines may still be on their way through the pipe
                if (lines.stream().noneMatch(test)) {
                    throw new AssertionError(who + " ended (" + p.exitValue() + ") before " + what + ": " + lines);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError(who + " did not report " + what + " within 90 s: " + lines);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public String toString() {
        return lines.toString();
    }
}
