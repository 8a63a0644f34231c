package org.syncline.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.syncline.core.Sha256;
import org.syncline.protocol.Connection;
import org.syncline.sync.ChangePage;
import org.syncline.sync.RemoteFile;
import org.syncline.sync.Revision;
import org.syncline.sync.client.SyncClient;

/**
 * Three real agents on one folder make random creates, edits, renames and deletes for about 30 s (seed printed;
 * {@code -Dsync.reliability.seed=N} replays one; {@code -Dsync.reliability.ms=300000} runs five minutes). At random
 * moments of the run (drawn from the seed) one agent is killed with kill -9 and restarted a few seconds later, its
 * directory changing while it is down, and the hub is killed with kill -9 and restarted on the same port and data
 * while all three go on changing their directories. At the end the three directories and the hub's head hold the
 * same files byte for byte, no temp file is left, and every content an agent wrote last at a path is on the hub
 * (current, in history or trash, or as a conflict copy): nothing is lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncReliabilityTest {
    private static final List<String> USERS = List.of("ann", "ben", "rita");
    private static final long RUN_MS = Long.getLong("sync.reliability.ms", 30_000);
    private SyncHubFixture hub;
    private final List<SyncAgentProcess> agents = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        hub = new SyncHubFixture("reliability", "shared", SyncHubFixture.users("ann", "manage", "ben", "rw", "rita", "rw"));
    }

    @AfterAll
    void stop() throws Exception {
        hub.close();
    }

    @Test
    void threeAgentsEditingAtRandomWithAnAgentAndTheHubKilledConvergeAndLoseNothing() throws Exception {
        long seed = Long.getLong("sync.reliability.seed", System.nanoTime());
        System.out.println("SyncReliabilityTest seed=" + seed + " (replay: -Dsync.reliability.seed=" + seed + ")");
        Random random = new Random(seed);
        for (String user : USERS) {
            SyncAgentProcess agent = hub.agent(user, "rel-" + user);
            agents.add(agent);
            agent.start();
        }
        // per agent: path -> the content it wrote there last and has not itself replaced, moved or deleted since
        List<Map<String, String>> lastWritten = new ArrayList<>();
        agents.forEach(a -> lastWritten.add(new HashMap<>()));
        SyncAgentProcess victim = agents.get(1);
        Random moments = new Random(seed ^ 0x5DEECE66DL); // the kills' moments, apart from the operations' draws
        long agentKillAt = RUN_MS / 5 + (long) (moments.nextDouble() * RUN_MS / 3);
        long agentBackAt = agentKillAt + 2000 + moments.nextInt(4000);
        long hubKillAt = RUN_MS / 4 + (long) (moments.nextDouble() * RUN_MS / 2);
        long hubBackAt = hubKillAt + 1000 + moments.nextInt(3000);
        long begin = System.currentTimeMillis();
        boolean agentKilled = false;
        boolean hubKilled = false;
        Thread agentRestart = null;
        Thread hubRestart = null;
        AtomicReference<Exception> restartFailure = new AtomicReference<>();
        int ops = 0;
        while (System.currentTimeMillis() - begin < RUN_MS) {
            long elapsed = System.currentTimeMillis() - begin;
            if (!agentKilled && elapsed > agentKillAt) {
                victim.kill9();
                agentKilled = true;
                System.out.println("SyncReliabilityTest: agent of ben killed with kill -9 after " + ops + " operations, " + elapsed + " ms");
            } else if (agentKilled && agentRestart == null && elapsed > agentBackAt) {
                // it catches up while the others go on changing things (its launch waits until it watches)
                agentRestart = inBackground("agent-restart", victim::launch, restartFailure);
                System.out.println("SyncReliabilityTest: agent of ben restarted after " + ops + " operations");
            }
            if (!hubKilled && elapsed > hubKillAt) {
                hub.server.kill9();
                hubKilled = true;
                System.out.println("SyncReliabilityTest: hub killed with kill -9 after " + ops + " operations, " + elapsed + " ms");
            } else if (hubKilled && hubRestart == null && elapsed > hubBackAt) {
                // the restart waits until the hub listens: the agents go on changing their directories meanwhile
                hubRestart = inBackground("hub-restart", hub.server::start, restartFailure);
                System.out.println("SyncReliabilityTest: hub restarting on the same port and data after " + ops + " operations");
            }
            int who = random.nextInt(agents.size());
            operate(agents.get(who).dir, lastWritten.get(who), random);
            ops++;
            Thread.sleep(30 + random.nextInt(120));
        }
        if (!hubKilled) { // a run too short for its moments
            hub.server.kill9();
        }
        if (hubRestart == null) {
            hub.server.start();
        }
        if (!agentKilled) {
            victim.kill9();
        }
        if (agentRestart == null) {
            victim.launch();
        }
        for (Thread t : java.util.Arrays.asList(hubRestart, agentRestart)) {
            if (t != null) {
                t.join(120_000);
            }
        }
        if (restartFailure.get() != null) {
            throw restartFailure.get();
        }
        long stopped = System.currentTimeMillis();
        System.out.println("SyncReliabilityTest: " + ops + " operations");

        try (Connection ann = hub.connect("ann")) {
            SyncClient sync = new SyncClient(ann);
            AtomicReference<Map<String, String>> agreed = new AtomicReference<>();
            await(() -> {
                Map<String, String> head = head(sync);
                for (SyncAgentProcess a : agents) {
                    if (!tree(a.dir).equals(files(head)) || !directoriesExist(a.dir, head)) {
                        return false;
                    }
                }
                agreed.set(head);
                return true;
            }, "the three directories and the hub's head to agree", () -> "hub " + safeHead(sync) + agentsTrees());
            System.out.println("SyncReliabilityTest: converged " + (System.currentTimeMillis() - stopped) + " ms after the last operation");
            Set<String> onHub = new HashSet<>();
            for (String path : files(agreed.get()).keySet()) {
                sync.history("shared", path).forEach(r -> onHub.add(r.sha256()));
            }
            for (Revision r : sync.history("shared", null)) {
                onHub.add(r.sha256());
                sync.history("shared", r.path()).forEach(x -> onHub.add(x.sha256()));
            }
            for (int i = 0; i < agents.size(); i++) {
                for (Map.Entry<String, String> e : lastWritten.get(i).entrySet()) {
                    assertTrue(onHub.contains(e.getValue()), "seed " + seed + ": what " + USERS.get(i) + " wrote last to " + e.getKey()
                            + " is neither current nor in history, trash or a conflict copy");
                }
            }
            for (SyncAgentProcess a : agents) {
                try (Stream<Path> s = Files.walk(a.dir)) {
                    List<Path> temps = s.filter(p -> p.getFileName().toString().startsWith(".syncline-part-")
                            || p.getFileName().toString().startsWith("delta-")).toList();
                    assertEquals(List.of(), temps, "seed " + seed + ": temp files left");
                }
            }
            for (SyncAgentProcess a : agents) { // the outages as the agents saw them
                a.output().stream().filter(l -> l.contains(" offline ") || l.contains(" online ") || l.contains(" error "))
                        .forEach(l -> System.out.println("SyncReliabilityTest: " + l));
            }
            for (SyncAgentProcess a : agents) { // the safety net's finds: each would be a change the pages missed
                a.output().stream().filter(l -> l.contains(" reconcile ")).forEach(l -> System.out.println("SyncReliabilityTest: " + l));
            }
            long conflicts = agreed.get().keySet().stream().filter(p -> p.contains("(conflict ")).count();
            System.out.println("SyncReliabilityTest: converged on " + files(agreed.get()).size() + " files, " + conflicts + " conflict copies, "
                    + onHub.size() + " contents on the hub");
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    /** Runs {@code step} on its own thread, keeping its failure for the test to throw. */
    private static Thread inBackground(String name, Step step, AtomicReference<Exception> failure) {
        Thread t = new Thread(() -> {
            try {
                step.run();
            } catch (Exception e) {
                failure.compareAndSet(null, e);
            }
        }, name);
        t.start();
        return t;
    }

    /**
     * One random change in {@code dir}, written the way editors and users do. Conflict copies are left alone: an
     * agent may move what this test wrote at a path into one before uploading it, and an edit or delete of that copy
     * would then drop the content legitimately while {@code lastWritten} still expects it at the old path.
     */
    private static void operate(Path dir, Map<String, String> lastWritten, Random random) throws IOException {
        List<String> existing = tree(dir).keySet().stream().filter(p -> !p.contains("(conflict ")).sorted().toList();
        int kind = existing.isEmpty() ? 0 : random.nextInt(10);
        String name = randomName(random);
        try {
            if (kind < 3) { // create (or overwrite a name that happens to exist)
                write(dir, name, random, lastWritten);
            } else if (kind < 6) { // edit
                write(dir, existing.get(random.nextInt(existing.size())), random, lastWritten);
            } else if (kind < 8) { // rename
                String from = existing.get(random.nextInt(existing.size()));
                if (!Files.exists(dir.resolve(name))) {
                    Files.createDirectories(dir.resolve(name).getParent());
                    Files.move(dir.resolve(from), dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                    String moved = lastWritten.remove(from);
                    lastWritten.remove(name);
                    if (moved != null) {
                        lastWritten.put(name, moved);
                    }
                }
            } else { // delete
                String gone = existing.get(random.nextInt(existing.size()));
                Files.deleteIfExists(dir.resolve(gone));
                lastWritten.remove(gone);
            }
        } catch (NoSuchFileException e) {
            // the agent moved or removed it meanwhile (a download, a conflict copy): that is the race we want
        }
    }

    private static void write(Path dir, String name, Random random, Map<String, String> lastWritten) throws IOException {
        byte[] data = new byte[1 + random.nextInt(6000)];
        random.nextBytes(data);
        Path target = dir.resolve(name);
        Files.createDirectories(target.getParent());
        if (random.nextBoolean()) {
            Files.write(target, data); // in place
        } else {
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp"); // ignored by default, then renamed over
            Files.write(tmp, data);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        lastWritten.put(name, Sha256.hex(data));
    }

    private static String randomName(Random random) {
        String file = "f" + random.nextInt(24) + ".bin";
        return switch (random.nextInt(3)) {
            case 0 -> file;
            case 1 -> "docs/" + file;
            default -> "docs/deep/" + file;
        };
    }

    /**
     * Only the files of {@link #head}: a directory entry ({@code path/}, made when a directory was empty somewhere
     * for a moment, e.g. between a create and its write) stays while files come and go in it.
     */
    private static Map<String, String> files(Map<String, String> head) {
        Map<String, String> files = new TreeMap<>(head);
        files.keySet().removeIf(p -> p.endsWith("/"));
        return files;
    }

    /** Every directory entry of the hub's head is a directory in {@code dir}. */
    private static boolean directoriesExist(Path dir, Map<String, String> head) {
        return head.keySet().stream().filter(p -> p.endsWith("/")).allMatch(p -> Files.isDirectory(dir.resolve(p)));
    }

    /** The hub's current entries: path -> SHA-256 (a directory's path ends in '/'). */
    private static Map<String, String> head(SyncClient sync) {
        Map<String, String> files = new TreeMap<>();
        long cursor = 0;
        while (true) {
            ChangePage page = sync.changesSince("shared", cursor);
            for (RemoteFile f : page.files()) {
                if (f.deleted()) {
                    files.remove(f.path());
                } else {
                    files.put(f.path(), f.sha256());
                }
            }
            cursor = page.cursor();
            if (!page.more()) {
                return files;
            }
        }
    }

    private String safeHead(SyncClient sync) {
        try {
            return head(sync).toString();
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    private String agentsTrees() {
        StringBuilder b = new StringBuilder();
        for (SyncAgentProcess a : agents) {
            try {
                b.append("\n").append(a.dir.getFileName()).append(" ").append(tree(a.dir));
                a.output().stream().filter(l -> l.contains(" offline ") || l.contains(" online ") || l.contains(" error ") || l.contains(" conflict"))
                        .forEach(l -> b.append("\n  ").append(l));
            } catch (IOException e) {
                b.append("\n").append(e);
            }
        }
        return b.toString();
    }

    /** The synced files of a directory (not the agent's state, not ignored temp files): path -> SHA-256. */
    private static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (rel.startsWith(".syncline") || rel.endsWith(".tmp") || !Files.isRegularFile(p)) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(p)) {
                    files.put(rel, Sha256.hex(in));
                } catch (NoSuchFileException e) {
                    // gone meanwhile
                }
            }
        } catch (java.io.UncheckedIOException e) {
            if (!(e.getCause() instanceof NoSuchFileException)) {
                throw e;
            }
        }
        return files;
    }

    private static void await(SyncHubFixture.Check check, String what, java.util.function.Supplier<String> state) throws Exception {
        SyncHubFixture.await(check, what, state);
    }
}
