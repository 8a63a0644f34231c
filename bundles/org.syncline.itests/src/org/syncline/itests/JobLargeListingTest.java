package org.syncline.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.syncline.distribution.Job;
import org.syncline.distribution.JobRun;
import org.syncline.distribution.JobTarget;
import org.syncline.distribution.RunFile;
import org.syncline.distribution.client.JobsClient;
import org.syncline.protocol.ProtocolConstants;

/**
 * A source folder whose listing is more than one reply carries (16 MiB: ~110,000 files of short paths, here 6,000 of
 * ~3,400 characters, ~21 MB of listing) is scanned, copied and its run's 6,000 file reports (~21 MB) listed. Before,
 * the agent's scan answer was one reply: the master's link refused the frame and every run of the job failed; the
 * run's reports were one reply too.
 */
class JobLargeListingTest {
    private static final String JOB = "listing";
    private static final int FILES = 6000;

    @Test
    void aSourceWhoseListingIsMoreThanOneReplyIsScannedCopiedAndItsReportsListed() throws Exception {
        try (AgentCluster cluster = new AgentCluster("syncline-itest-listing", List.of("src-1", "t-1"))) {
            String dirs = ("d".repeat(199) + "/").repeat(17);
            Path deep = cluster.content("src-1").resolve("tree").resolve(dirs);
            Files.createDirectories(deep);
            for (int i = 0; i < FILES; i++) {
                Files.writeString(deep.resolve(String.format("f%04d.txt", i)), "file " + i);
            }
            JobsClient jobs = new JobsClient(cluster.admin());
            jobs.create(new Job(0, JOB, true, "src-1", List.of("tree"), List.of(new JobTarget(JobTarget.SERVER, "t-1", "copy")), List.of(),
                    List.of(), List.of("create", "update"), Map.of(), Job.MANUAL, "", 0, "", 0, Job.RECOVER_MANUAL, "", "", null, "", null));
            cluster.awaitOnline(2);
            AgentCluster.await(() -> jobs.plan(JOB).leftOut().isEmpty(), "t-1 in the plan");

            JobRun run = AgentCluster.runAndWait(jobs, JOB, "");
            assertEquals(JobRun.OK, run.state(), run.toString());
            assertEquals(FILES, run.filesCreated(), run.toString());
            assertTrue(run.scanBytes() > ProtocolConstants.DEFAULT_MAX_FRAME, "the source's answer alone was over a frame: " + run.scanBytes());
            Path copy = cluster.content("t-1").resolve("copy").resolve(dirs);
            for (int i = 0; i < FILES; i += 1499) {
                assertEquals("file " + i, Files.readString(copy.resolve(String.format("f%04d.txt", i))));
            }

            List<RunFile> reports = jobs.files(run.id());
            assertEquals(FILES, reports.size());
            assertEquals(FILES, reports.stream().map(RunFile::path).distinct().count(), "each file reported once, none lost between pages");
            assertTrue(reports.stream().allMatch(f -> f.operation().equals(RunFile.CREATE) && f.server().equals("t-1")));
        }
    }
}
