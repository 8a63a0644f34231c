package org.syncline.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.syncline.distribution.Job;
import org.syncline.distribution.JobRun;
import org.syncline.distribution.JobTarget;
import org.syncline.distribution.RunFile;
import org.syncline.distribution.client.DistributionClient;
import org.syncline.distribution.client.JobsClient;
import org.syncline.distribution.routing.RoutePlan;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.query.Elements;

/**
 * Data-type routing between real processes: a master and four agents in one group whose links are capped at
 * 50 MiB/s (fan-out 1 for weight 1: chains); c-img and d-img carry the tag {@code images}, a-fwd none but it is the
 * strongest (without tags it would lead the chain and forward the jpg files). The job sends {@code *.jpg} to
 * {@code images} only. The planner gives jpg files a tree of their own over the images servers (c-img forwards them
 * to d-img), fanned out by the same caps and weights; a-fwd is neither a target nor a forwarder for them and never
 * holds one; everything else reaches every target; a DELETE follows the same routing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobTypeTagsTest {
    private static final String JOB = "pictures";
    private static final List<String> IMAGES = List.of("c-img", "d-img");
    private static final List<String> OTHERS = List.of("a-fwd");
    private static final List<String> JPGS = List.of("photo-1.jpg", "album/photo-2.jpg", "album/deep/photo-3.jpg");
    private static final List<String> REST = List.of("index.html", "album/notes.txt");
    private AgentCluster cluster;
    private JobsClient jobs;

    @BeforeAll
    void start() throws Exception {
        cluster = new AgentCluster("syncline-itest-tags", List.of("src-1", "a-fwd", "c-img", "d-img"));
        jobs = new JobsClient(cluster.admin());
        DistributionClient.Loaded t = new DistributionClient(cluster.admin()).load();
        Deployment d = t.deployment();
        Elements.servers(d).stream().filter(s -> IMAGES.contains(s.getName())).forEach(s -> s.getTags().add("images"));
        Elements.servers(d).stream().filter(s -> s.getName().equals("a-fwd")).forEach(s -> s.setWeight(4));
        d.getSameGroupPolicy().setBandwidthLimit(50L << 20);
        new DistributionClient(cluster.admin()).save(d, t.version().version());
        Path site = cluster.content("src-1").resolve("site");
        Random random = new Random(7);
        for (String f : Stream.concat(JPGS.stream(), REST.stream()).toList()) {
            Path p = site.resolve(f);
            Files.createDirectories(p.getParent());
            byte[] bytes = new byte[20_000 + random.nextInt(20_000)];
            random.nextBytes(bytes);
            Files.write(p, bytes);
        }
        jobs.create(new Job(0, JOB, true, "src-1", List.of("site"), List.of(new JobTarget(JobTarget.GROUP, "eu/web", "mirror")), List.of(),
                List.of(), List.of("create", "update", "delete"), Map.of("*.jpg", "images"), Job.MANUAL, "", 0, "", 0, Job.RECOVER_MANUAL, "", "",
                null, "", null));
    }

    @AfterAll
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void jpgFilesTakeATreeOverTheImagesServersOnlyAndNeverTheServerThatDoesNotTakeThem() throws Exception {
        cluster.awaitOnline(4);
        AgentCluster.await(() -> jobs.plan(JOB).leftOut().isEmpty() && jobs.plan(JOB).receivers().size() == 3, "every target in the plan");
        RoutePlan plan = jobs.plan(JOB);
        for (String img : IMAGES) {
            for (Optional<String> up = plan.parentOf(img); up.isPresent() && !up.get().equals("src-1"); up = plan.parentOf(up.get())) {
                assertTrue(IMAGES.contains(up.get()), img + " is fed through " + up.get() + ", which does not take jpg files: " + plan);
            }
        }
        assertTrue(IMAGES.stream().anyMatch(img -> plan.parentOf(img).filter(IMAGES::contains).isPresent()),
                "an images server forwards to another: a tree, not a star from the source: " + plan);
        assertTrue(plan.childrenOf("a-fwd").isEmpty(), "a-fwd forwards nothing: " + plan);
        JobRun run = AgentCluster.runAndWait(jobs, JOB, "");
        assertEquals(JobRun.OK, run.state(), run.toString());
        assertEquals(IMAGES.size() * JPGS.size() + 3 * REST.size(), run.filesCreated(), run.toString());
        Path site = cluster.content("src-1").resolve("site");
        for (String img : IMAGES) {
            for (String f : Stream.concat(JPGS.stream(), REST.stream()).toList()) {
                assertEquals(AgentCluster.sha(site.resolve(f)), AgentCluster.sha(cluster.content(img).resolve("mirror").resolve(f)), img + ": " + f);
            }
            cluster.assertNoTempFiles(img);
        }
        for (String other : OTHERS) {
            for (String f : REST) {
                assertEquals(AgentCluster.sha(site.resolve(f)), AgentCluster.sha(cluster.content(other).resolve("mirror").resolve(f)), other + ": " + f);
            }
            try (Stream<Path> all = Files.walk(cluster.content(other).getParent())) {
                assertEquals(List.of(), all.filter(p -> p.getFileName().toString().endsWith(".jpg")).toList(),
                        other + " does not take jpg files and never keeps one, not even in passing");
            }
            cluster.assertNoTempFiles(other);
        }
        List<RunFile> files = jobs.files(run.id());
        for (RunFile f : files) {
            assertEquals(plan.parentOf(f.server()).orElseThrow(), f.from(), "every file takes the planned tree, none goes around: " + f);
            if (f.path().endsWith(".jpg")) {
                assertTrue(IMAGES.contains(f.server()), "a jpg went to " + f.server());
                assertFalse(OTHERS.contains(f.from()), "a jpg was sent by a server that does not take it: " + f);
            }
        }
        assertTrue(files.stream().anyMatch(f -> f.path().endsWith(".jpg") && IMAGES.contains(f.from())), "an images server forwarded jpg files");
    }

    @Test
    @Order(2)
    void aDeleteFollowsTheSameRouting() throws Exception {
        Path kept = cluster.content("a-fwd").resolve("mirror/local.jpg");
        Files.writeString(kept, "a-fwd's own jpg: the job's jpg files are not its business\n");
        Files.delete(cluster.content("src-1").resolve("site/album/photo-2.jpg"));
        JobRun run = AgentCluster.runAndWait(jobs, JOB, "");
        assertEquals(JobRun.OK, run.state(), run.toString());
        assertEquals(IMAGES.size(), run.filesDeleted(), run.toString());
        assertEquals(0, run.filesCreated(), run.toString());
        for (String img : IMAGES) {
            assertFalse(Files.exists(cluster.content(img).resolve("mirror/album/photo-2.jpg")), img);
            assertTrue(Files.exists(cluster.content(img).resolve("mirror/album/deep/photo-3.jpg")), img);
        }
        assertTrue(Files.exists(kept), "a server that does not take jpg files keeps its own");
        List<RunFile> deletes = jobs.files(run.id()).stream().filter(f -> f.operation().equals(RunFile.DELETE)).toList();
        assertEquals(IMAGES, deletes.stream().map(RunFile::server).sorted().toList(), deletes.toString());
    }
}
