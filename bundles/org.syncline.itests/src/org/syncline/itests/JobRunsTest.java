package org.syncline.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.distribution.Job;
import org.syncline.distribution.JobRun;
import org.syncline.distribution.JobTarget;
import org.syncline.distribution.RunFile;
import org.syncline.distribution.RunTarget;
import org.syncline.distribution.client.DistributionClient;
import org.syncline.distribution.client.JobsClient;
import org.syncline.model.topology.Deployment;
import org.syncline.protocol.Connection;
import org.syncline.testing.ServerProcess;

/**
 * Runs of a replication job between real processes on loopback: a master and four agents (the source src-1 and
 * the targets t-1, t-2, t-3 in one group, so the planned tree has the source send to two targets and one of them
 * forward to the third). A manual run copies the tree to every target through that tree; a 1-byte change travels
 * as a small delta; an excluded file stays off the targets; a delete the job does not pass on leaves targets
 * alone, one it passes on removes the file; --path runs one directory; no temp file is left on any target. A
 * subscriber to the runs topic sees each target go pending, receiving, ok, and the run's end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobRunsTest {
    private static final Map<String, String> AS_ADMIN = AgentCluster.AS_ADMIN;
    private static final List<String> TARGETS = List.of("t-1", "t-2", "t-3");
    private static final String JOB = "site";
    private static final int BIG = 1024 * 1024;
    private static final long CAP = 512 * 1024;
    private AgentCluster cluster;
    private ServerProcess master;
    private Connection admin;
    private JobsClient jobs;

    @BeforeAll
    void start() throws Exception {
        cluster = new AgentCluster("syncline-itest-runs", List.of("src-1", "t-1", "t-2", "t-3"));
        master = cluster.master;
        admin = cluster.admin();
        jobs = new JobsClient(admin);
        Path site = content("src-1").resolve("site");
        Files.createDirectories(site.resolve("img"));
        Files.createDirectories(site.resolve("docs"));
        Files.writeString(site.resolve("index.html"), "<h1>Syncline</h1>\n");
        Files.writeString(site.resolve("docs/readme.txt"), "read me\n");
        Files.writeString(site.resolve("scratch.tmp"), "not for targets\n");
        byte[] big = new byte[BIG];
        new Random(13).nextBytes(big);
        Files.write(site.resolve("img/big.bin"), big);
        jobs.create(new Job(0, JOB, true, "src-1", List.of("site"), List.of(new JobTarget(JobTarget.GROUP, "eu/web", "mirror")), List.of(),
                List.of("*.tmp"), List.of("create", "update"), Map.of(), Job.MANUAL, "", 0, "", 0, Job.RECOVER_MANUAL, "", "", null, "", null));
    }

    @AfterAll
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    private Path content(String agent) {
        return cluster.content(agent);
    }

    @Test
    @Order(1)
    void aManualRunCopiesTheTreeToEveryTargetThroughThePlannedTree() throws Exception {
        awaitAllTargetsPlanned();
        List<JobRun> pushed = new CopyOnWriteArrayList<>();
        JobRun run;
        try (AutoCloseable watching = jobs.watchRuns(pushed::add)) {
            var cli = master.cli(AS_ADMIN, "--json", "job", "run", JOB);
            assertEquals(0, cli.exitCode(), cli.stderr());
            run = Json.read(JsonObject.parse(cli.stdout()), JobRun.class);
            long id = run.id();
            await(() -> pushed.stream().anyMatch(r -> r.id() == id && r.finished()), "the push of the run's end");
        }
        // a subscriber saw every target go pending -> receiving -> ok, and the end with the logged outcome
        JobRun first = pushed.get(0);
        assertEquals(JobRun.RUNNING, first.state());
        assertEquals(TARGETS, first.targets().stream().map(RunTarget::server).sorted().toList());
        assertTrue(first.targets().stream().allMatch(t -> t.state().equals(RunTarget.PENDING)), first.toString());
        for (String t : TARGETS) {
            List<String> states = new ArrayList<>();
            for (JobRun r : pushed) {
                r.targets().stream().filter(x -> x.server().equals(t)).map(RunTarget::state).findFirst().filter(st -> states.isEmpty()
                        || !states.get(states.size() - 1).equals(st)).ifPresent(states::add);
            }
            assertEquals(List.of(RunTarget.PENDING, RunTarget.RECEIVING, RunTarget.OK), states, t + " in " + pushed);
        }
        JobRun last = pushed.get(pushed.size() - 1);
        assertEquals(JobRun.OK, last.state());
        assertEquals(run.filesCreated(), last.filesCreated());
        assertEquals(JobRun.OK, run.state(), run.toString());
        assertEquals(9, run.filesCreated(), "three files to each of three targets; the excluded one to none");
        assertEquals(3L * (BIG + 18 + 8), run.contentBytes());
        assertEquals(TARGETS, run.targets().stream().map(RunTarget::server).sorted().toList());
        Path source = content("src-1").resolve("site");
        for (String t : TARGETS) {
            Path mirror = content(t).resolve("mirror");
            for (String f : List.of("index.html", "docs/readme.txt", "img/big.bin")) {
                assertEquals(sha(source.resolve(f)), sha(mirror.resolve(f)), t + ": " + f);
            }
            assertFalse(Files.exists(mirror.resolve("scratch.tmp")), "excluded files stay off the targets");
            assertNoTempFiles(t);
        }
        // the tree: the source sends to two, and one of those forwards to the third (not a star from the source)
        RunTarget relayed = run.targets().stream().filter(t -> !t.from().equals("src-1")).findFirst().orElseThrow(() -> new AssertionError(run));
        assertTrue(TARGETS.contains(relayed.from()), relayed.toString());
        assertEquals(RunTarget.OK, relayed.state());
        List<RunFile> files = jobs.files(run.id());
        assertEquals(9, files.size(), files.toString());
        assertTrue(files.stream().filter(f -> f.server().equals(relayed.server())).allMatch(f -> f.from().equals(relayed.from())
                && f.operation().equals(RunFile.CREATE) && f.error().isEmpty()), files.toString());
    }

    @Test
    @Order(2)
    void aOneByteChangeTravelsAsASmallDelta() throws Exception {
        Path big = content("src-1").resolve("site/img/big.bin");
        try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] { 42 }), BIG / 2);
        }
        JobRun run = runAndWait("");
        assertEquals(JobRun.OK, run.state(), run.toString());
        assertEquals(3, run.filesUpdated(), run.toString());
        assertEquals(6, run.filesUnchanged(), run.toString());
        assertEquals(3L * BIG, run.bytesUpdated());
        assertTrue(run.wireBytes() < BIG / 8, "three updates of a 1 MiB file should cost a few KiB each, not " + run.wireBytes());
        for (String t : TARGETS) {
            assertEquals(sha(big), sha(content(t).resolve("mirror/img/big.bin")), t);
            assertNoTempFiles(t);
        }
    }

    @Test
    @Order(3)
    void aDeleteTheJobDoesNotPassOnLeavesTargetsAlone() throws Exception {
        Files.delete(content("src-1").resolve("site/index.html"));
        JobRun run = runAndWait("");
        assertEquals(JobRun.OK, run.state(), run.toString());
        assertEquals(0, run.filesDeleted());
        for (String t : TARGETS) {
            assertTrue(Files.exists(content(t).resolve("mirror/index.html")), t + " keeps the file");
        }
    }

    @Test
    @Order(4)
    void pathRunsOneDirectoryOnly() throws Exception {
        Files.writeString(content("src-1").resolve("site/docs/new.txt"), "new in docs\n");
        Files.writeString(content("src-1").resolve("site/img/new.txt"), "new in img\n");
        awaitAllTargetsPlanned();
        var cli = master.cli(AS_ADMIN, "job", "run", JOB, "--path", "site/docs");
        assertEquals(0, cli.exitCode(), cli.stderr());
        assertTrue(cli.stdout().contains("(manual, path site/docs)") && cli.stdout().contains("created 3 (36 B)"), cli.stdout());
        for (String t : TARGETS) {
            assertEquals("new in docs\n", Files.readString(content(t).resolve("mirror/docs/new.txt")), t);
            assertFalse(Files.exists(content(t).resolve("mirror/img/new.txt")), t + ": img is outside --path");
        }
        var outside = master.cli(AS_ADMIN, "job", "run", JOB, "--path", "../etc");
        assertEquals(1, outside.exitCode());
        assertTrue(outside.stderr().startsWith("syncline: INVALID_PATH"), outside.stderr());
        var elsewhere = master.cli(AS_ADMIN, "job", "run", JOB, "--path", "other");
        assertTrue(elsewhere.stderr().contains("is not inside a source path of job 'site'"), elsewhere.stderr());
    }

    @Test
    @Order(5)
    void aDeleteTheJobPassesOnRemovesTheFileButNotExcludedOnes() throws Exception {
        Job j = jobs.get(JOB);
        jobs.update(JOB, new Job(0, JOB, true, j.source(), j.sourcePaths(), j.targets(), j.includes(), j.excludes(), List.of("create", "update",
                "delete"), Map.of(), j.trigger(), "", 0, "", 0, j.recovery(), "", "", null, "", null));
        Files.writeString(content("t-3").resolve("mirror/local.tmp"), "kept: the job excludes *.tmp\n");
        JobRun run = runAndWait("");
        assertEquals(JobRun.OK, run.state(), run.toString());
        assertEquals(3, run.filesDeleted(), run.toString());
        assertEquals(3, run.filesCreated(), "img/new.txt, outside the --path run before");
        for (String t : TARGETS) {
            assertFalse(Files.exists(content(t).resolve("mirror/index.html")), t);
            assertNoTempFiles(t);
        }
        assertTrue(Files.exists(content("t-3").resolve("mirror/local.tmp")));
    }

    @Test
    @Order(6)
    void theLogListsRunsNewestFirstWithTotalsAndTargets() throws Exception {
        var text = master.cli(AS_ADMIN, "job", "log", JOB);
        assertEquals(0, text.exitCode(), text.stderr());
        assertTrue(text.stdout().endsWith("5 runs.\n") || text.stdout().endsWith("5 runs."), text.stdout());
        assertTrue(text.stdout().contains(" <- src-1: ok,"), text.stdout());
        var json = master.cli(AS_ADMIN, "--json", "job", "log", JOB, "--limit", "2");
        assertEquals(0, json.exitCode(), json.stderr());
        List<JobRun> runs = JsonObject.parse(json.stdout()).list("runs", JobRun.class);
        assertEquals(2, runs.size());
        assertTrue(runs.get(0).id() > runs.get(1).id(), "newest first");
        assertEquals(3, runs.get(0).filesDeleted());
        var missing = master.cli(AS_ADMIN, "job", "log", "nope");
        assertTrue(missing.stderr().startsWith("syncline: NOT_FOUND: There is no job 'nope'"), missing.stderr());
    }

    @Test
    @Order(7)
    void aLinksBandwidthCapHoldsOnEveryHop() throws Exception {
        DistributionClient.Loaded t = new DistributionClient(admin).load();
        Deployment d = t.deployment();
        d.getSameGroupPolicy().setBandwidthLimit(CAP);
        new DistributionClient(admin).save(d, t.version().version());
        byte[] noise = new byte[BIG];
        new Random(7).nextBytes(noise); // does not deflate: about 1 MiB travels on each hop
        Files.write(content("src-1").resolve("site/img/capped.bin"), noise);
        JobRun run = runAndWait("site/img");
        assertEquals(JobRun.OK, run.state(), run.toString());
        assertEquals(3, run.filesCreated(), run.toString());
        for (RunTarget target : run.targets()) {
            // each hop's bytes at no more than the cap (less the bucket's burst of a tenth of a second)
            assertTrue(target.wireBytes() >= BIG, target.toString());
        }
        double seconds = java.time.Duration.between(run.started(), run.ended()).toMillis() / 1000.0;
        // hops of one level run side by side, each link at its own cap, and a forwarded hop comes after its parent's;
        // the cap also widens the source's fan-out (its upload budget over the cap), so the tree's depth is read off the run
        Map<String, String> parentOf = new HashMap<>();
        run.targets().forEach(hop -> parentOf.put(hop.server(), hop.from()));
        int depth = 0;
        for (String name : TARGETS) {
            int level = 1;
            for (String parent = parentOf.get(name); parentOf.containsKey(parent); parent = parentOf.get(parent)) {
                level++;
            }
            depth = Math.max(depth, level);
        }
        double floor = depth * (BIG - CAP / 10.0) / CAP;
        assertTrue(seconds >= floor, depth + " levels of 1 MiB hops at " + CAP + " B/s take at least " + floor + " s, not " + seconds + ": " + run);
        for (String target : TARGETS) {
            assertEquals(sha(content("src-1").resolve("site/img/capped.bin")), sha(content(target).resolve("mirror/img/capped.bin")), target);
        }
    }

    @Test
    @Order(8)
    void aZstdLinkDeliversIdenticalBytesAndLogsItsWireBytes() throws Exception {
        DistributionClient.Loaded t = new DistributionClient(admin).load();
        Deployment d = t.deployment();
        d.getSameGroupPolicy().setBandwidthLimit(0);
        d.getSameGroupPolicy().setCodec(org.syncline.model.topology.Codec.ZSTD);
        d.getSameGroupPolicy().setTransferMode(org.syncline.model.topology.TransferMode.WHOLE_FILE);
        new DistributionClient(admin).save(d, t.version().version());
        await(() -> jobs.plan(JOB).hops().stream().allMatch(h -> h.codec().equals(org.syncline.distribution.routing.Hop.ZSTD)),
                "zstd on every hop of the plan");
        StringBuilder log = new StringBuilder();
        Random random = new Random(11);
        while (log.length() < BIG) {
            log.append("2026-11-23 agent ").append(random.nextInt(64)).append(" sent ").append(random.nextInt(1 << 20)).append(" bytes\n");
        }
        Path file = content("src-1").resolve("site/docs/agents.log");
        Files.writeString(file, log);
        Files.write(content("src-1").resolve("site/img/capped.bin"), new byte[0]); // an empty file passes through zstd too
        JobRun run = runAndWait("site");
        assertEquals(JobRun.OK, run.state(), run.toString());
        for (String target : TARGETS) {
            assertEquals(sha(file), sha(content(target).resolve("mirror/docs/agents.log")), target);
            assertEquals(0, Files.size(content(target).resolve("mirror/img/capped.bin")), target);
            assertNoTempFiles(target);
        }
        List<RunFile> sent = jobs.files(run.id()).stream().filter(f -> f.path().equals("docs/agents.log")).toList();
        assertEquals(3, sent.size(), sent.toString());
        for (RunFile f : sent) {
            // whole file, compressed: the job log records what travelled, well under the content
            assertEquals(Files.size(file), f.contentBytes(), f.toString());
            assertTrue(f.wireBytes() > 0 && f.wireBytes() < f.contentBytes() / 2, f.toString());
        }
        var plan = master.cli(AS_ADMIN, "job", "plan", JOB);
        assertTrue(plan.stdout().contains("compression 6 zstd"), plan.stdout() + plan.stderr());
    }

    private JobRun runAndWait(String path) throws Exception {
        awaitAllTargetsPlanned();
        return AgentCluster.runAndWait(jobs, JOB, path);
    }

    /** Every agent reporting (and so in the plan) before a run. */
    private void awaitAllTargetsPlanned() throws InterruptedException {
        cluster.awaitOnline(4);
        await(() -> jobs.plan(JOB).leftOut().isEmpty(), "every agent online");
    }

    private void assertNoTempFiles(String agent) throws IOException {
        cluster.assertNoTempFiles(agent);
    }

    private static String sha(Path p) throws IOException {
        return AgentCluster.sha(p);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        AgentCluster.await(condition, what);
    }
}
