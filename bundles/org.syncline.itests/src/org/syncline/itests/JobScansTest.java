package org.syncline.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.syncline.core.json.JsonObject;
import org.syncline.distribution.Job;
import org.syncline.distribution.JobRun;
import org.syncline.distribution.JobTarget;
import org.syncline.distribution.RunFile;
import org.syncline.distribution.client.JobsClient;

/**
 * Incremental scans through the real master and agents (issue #13): src-1 sends a tree of 1,000 files to t-1. The
 * first run scans both in full; after 1% of the files are edited, the second run brings exactly those, and the two
 * scans (the source's and the target's) are answered with the changes only, a small fraction of the first run's
 * scan bytes (the master logs them per run). Both ends keep their listings across restarts, a file changed on the
 * target by someone else is still repaired, and an agent whose listings were deleted is scanned in full.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobScansTest {
    private static final String JOB = "scans";
    private static final int FILES = 1000;
    private static final Pattern SCANS = Pattern.compile("Run (\\d+) of job '" + JOB + "': scan bytes (\\d+) in (\\d+) scan\\(s\\), (\\d+) answered");
    private final Random random = new Random(13);
    private AgentCluster cluster;
    private long firstScanBytes;

    /** What the master logged about a run's scans. */
    private record Scans(long bytes, int scans, int incremental) {
    }

    @BeforeAll
    void start() throws Exception {
        cluster = new AgentCluster("syncline-itest-scans", List.of("src-1", "t-1"));
        Path tree = source();
        for (int i = 0; i < FILES; i++) {
            Path f = tree.resolve("d" + (i % 20)).resolve("f" + i + ".bin");
            Files.createDirectories(f.getParent());
            byte[] b = new byte[1024 + random.nextInt(2048)];
            random.nextBytes(b);
            Files.write(f, b);
        }
        jobs().create(new Job(0, JOB, true, "src-1", List.of("tree"), List.of(new JobTarget(JobTarget.SERVER, "t-1", "copy")), List.of(), List.of(),
                List.of("create", "update"), Map.of(), Job.MANUAL, "", 0, "", 0, Job.RECOVER_MANUAL, "", "", null, "", null));
    }

    @AfterAll
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void theFirstRunScansBothEndsInFull() throws Exception {
        JobRun run = run();
        assertEquals(FILES, run.filesCreated(), run.toString());
        Scans s = scans(run);
        assertEquals(2, s.scans());
        assertEquals(0, s.incremental());
        assertTrue(s.bytes() > FILES * 100L, "every file of the source listed: " + s);
        firstScanBytes = s.bytes();
        assertSameTree();
    }

    @Test
    @Order(2)
    void aSecondRunAfterOnePercentEditsBringsExactlyTheEditedFilesWithSmallScanAnswers() throws Exception {
        Set<String> edited = editSource(FILES / 100);
        JobRun run = run();
        assertEquals(JobRun.OK, run.state(), run.toString());
        assertEquals(edited, updatedFiles(run));
        assertEquals(FILES - edited.size(), run.filesUnchanged(), run.toString());
        Scans s = scans(run);
        assertEquals(2, s.scans());
        assertEquals(2, s.incremental(), "the source's and the target's scans answered with changes only: " + s);
        // ten changed entries from the source, none from the target (the master and t-1 both noted the first run's writes)
        assertTrue(s.bytes() < 3_000 && s.bytes() * 40 < firstScanBytes, s + " against " + firstScanBytes + " in the first run");
        assertSameTree();
    }

    @Test
    @Order(3)
    void bothEndsKeepTheirListingsAcrossRestartsAndAFileChangedOnTheTargetIsStillRepaired() throws Exception {
        cluster.restartMaster();
        cluster.agents.get("t-1").terminate();
        cluster.agents.get("t-1").start();
        Path spoiled = target().resolve("d3/f3.bin");
        rewrite(spoiled);
        Set<String> edited = editSource(FILES / 100);
        edited.add("d3/f3.bin");
        JobRun run = run();
        assertEquals(edited, updatedFiles(run));
        Scans s = scans(run);
        assertEquals(2, s.incremental(), "after the restarts, still the changes only: " + s);
        assertSameTree();
    }

    @Test
    @Order(4)
    void anAgentWhoseListingsWereDeletedIsScannedInFullAndMissesNothing() throws Exception {
        cluster.agents.get("t-1").terminate();
        try (Stream<Path> all = Files.walk(cluster.homes.resolve("t-1"))) {
            List<Path> listings = all.filter(p -> p.getFileName().toString().equals("scan-listings")).toList();
            assertEquals(1, listings.size(), listings.toString());
            try (Stream<Path> files = Files.walk(listings.get(0))) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        rewrite(target().resolve("d5/f5.bin"));
        cluster.agents.get("t-1").start();
        JobRun run = run();
        assertEquals(Set.of("d5/f5.bin"), updatedFiles(run));
        Scans s = scans(run);
        assertEquals(1, s.incremental(), "the source's scan only: " + s);
        assertSameTree();
    }

    private JobsClient jobs() {
        return new JobsClient(cluster.admin());
    }

    private JobRun run() throws Exception {
        cluster.awaitOnline(2);
        AgentCluster.await(() -> jobs().plan(JOB).leftOut().isEmpty(), "t-1 in the plan");
        JobRun run = AgentCluster.runAndWait(jobs(), JOB, "");
        assertEquals(JobRun.OK, run.state(), run.toString());
        return run;
    }

    /**
     * The master's log line (in its log files: the console shows warnings only) of the run's scans, which the run's
     * record carries too: in the client's JobRun, in {@code job log} and in {@code job log --json}.
     */
    private Scans scans(JobRun run) throws Exception {
        Scans logged = loggedScans(run);
        assertEquals(logged, new Scans(run.scanBytes(), (int) run.scans(), (int) run.incrementalScans()), "the run's record: " + run);
        var log = cluster.master.cli(AgentCluster.AS_ADMIN, "job", "log", JOB, "--limit", "1");
        assertEquals(0, log.exitCode(), log.stderr());
        assertTrue(log.stdout().contains("Run " + run.id() + " (manual)"), log.stdout());
        assertTrue(log.stdout().contains("scan bytes " + logged.bytes() + " in " + logged.scans() + " scan(s), " + logged.incremental()
                + " answered with changes only"), log.stdout());
        var json = cluster.master.cli(AgentCluster.AS_ADMIN, "--json", "job", "log", JOB, "--limit", "1");
        JsonObject newest = new JsonObject(castMap(JsonObject.parse(json.stdout()).list("runs").get(0)));
        assertEquals(logged.bytes(), newest.number("scanBytes"), json.stdout());
        assertEquals(logged.scans(), newest.number("scans"), json.stdout());
        assertEquals(logged.incremental(), newest.number("incrementalScans"), json.stdout());
        return logged;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    private Scans loggedScans(JobRun run) throws InterruptedException {
        Scans[] found = new Scans[1];
        AgentCluster.await(() -> {
            try (Stream<Path> logs = Files.list(cluster.master.data.resolve("logs"))) {
                for (Path log : logs.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
                    for (String line : Files.readAllLines(log)) {
                        Matcher m = SCANS.matcher(line);
                        if (m.find() && Long.parseLong(m.group(1)) == run.id()) {
                            found[0] = new Scans(Long.parseLong(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
                            return true;
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return false;
        }, "the master's log of run " + run.id() + "'s scans");
        return found[0];
    }

    private Set<String> updatedFiles(JobRun run) {
        Set<String> out = new TreeSet<>();
        for (RunFile f : jobs().files(run.id())) {
            if (!f.operation().equals(RunFile.UNCHANGED)) {
                assertEquals(RunFile.UPDATE, f.operation(), f.toString());
                assertTrue(f.error().isEmpty(), f.toString());
                out.add(f.path());
            }
        }
        return out;
    }

    /** Rewrites 16 bytes in {@code n} source files picked at random; returns their paths below the tree. */
    private Set<String> editSource(int n) throws IOException {
        Set<String> edited = new TreeSet<>();
        while (edited.size() < n) {
            int i = random.nextInt(FILES);
            String rel = "d" + (i % 20) + "/f" + i + ".bin";
            if (edited.add(rel)) {
                rewrite(source().resolve(rel));
            }
        }
        return edited;
    }

    private void rewrite(Path file) throws IOException {
        byte[] b = new byte[16];
        random.nextBytes(b);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(b), 100);
        }
    }

    private void assertSameTree() throws IOException {
        List<String> paths = new ArrayList<>();
        try (Stream<Path> all = Files.walk(source())) {
            all.filter(Files::isRegularFile).forEach(p -> paths.add(source().relativize(p).toString()));
        }
        assertEquals(FILES, paths.size());
        for (String p : paths) {
            assertEquals(AgentCluster.sha(source().resolve(p)), AgentCluster.sha(target().resolve(p)), p);
        }
        cluster.assertNoTempFiles("t-1");
    }

    private Path source() {
        return cluster.content("src-1").resolve("tree");
    }

    private Path target() {
        return cluster.content("t-1").resolve("copy");
    }
}
