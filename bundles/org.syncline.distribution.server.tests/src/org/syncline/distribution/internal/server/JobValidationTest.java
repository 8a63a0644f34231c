package org.syncline.distribution.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.distribution.Job;
import org.syncline.distribution.JobTarget;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.TopologyFactory;

class JobValidationTest {
    private static final TopologyFactory F = TopologyFactory.eINSTANCE;

    private static Deployment topology() {
        Deployment d = F.createDeployment();
        Region eu = F.createRegion();
        eu.setName("eu");
        d.getRegions().add(eu);
        Group web = F.createGroup();
        web.setName("web");
        eu.getGroups().add(web);
        for (String n : List.of("src", "web-1")) {
            Server s = F.createServer();
            s.setName(n);
            if (n.equals("web-1")) {
                s.getTags().add("images");
            }
            web.getServers().add(s);
        }
        return d;
    }

    private static Job job(String trigger, String cron, long interval, String window, String recovery, String recoverAt, List<String> ops,
            List<JobTarget> targets) {
        return new Job(0, "j", true, "src", List.of("site"), targets, List.of("*.jpg"), List.of(), ops, Map.of("*.jpg", "images"), trigger, cron,
                interval, window, 3, recovery, recoverAt, "", null, "", null);
    }

    private static Job job(String trigger, String cron, long interval, String window) {
        return job(trigger, cron, interval, window, "", "", List.of("CREATE", "Update"), List.of(new JobTarget("tag", "images", "pics")));
    }

    private static void refused(ErrorCode code, String says, Job j) {
        SynclineException e = assertThrows(SynclineException.class, () -> JobValidation.check(j, topology()));
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(says), e.getMessage());
    }

    @Test
    void aValidJobIsNormalised() {
        Job j = JobValidation.check(job("CRON", " 0 22 * * * ", 0, "22:00-06:00"), topology());
        assertEquals("cron", j.trigger());
        assertEquals("0 22 * * *", j.cron());
        assertEquals(List.of("create", "update"), j.operations());
        assertEquals("immediate", j.recovery(), "the default recovery");
        assertEquals(List.of(new JobTarget("tag", "images", "pics")), j.targets());
        Job scheduled = JobValidation.check(job("interval", "", 3600, "", "scheduled", "03:00", List.of("all"),
                List.of(new JobTarget("group", "eu/web", "x"))), topology());
        assertEquals(3600, scheduled.intervalSeconds());
        assertEquals("03:00", scheduled.recoverAt());
        assertEquals(5, scheduled.operations().size());
    }

    @Test
    void triggersTakeOnlyTheirOwnFields() {
        refused(ErrorCode.INVALID_ARGUMENT, "takes no cron", job("realtime", "0 1 * * *", 0, ""));
        refused(ErrorCode.INVALID_ARGUMENT, "takes no cron", job("manual", "", 0, "22:00-06:00"));
        refused(ErrorCode.INVALID_ARGUMENT, "at least one minute", job("interval", "", 30, ""));
        refused(ErrorCode.INVALID_ARGUMENT, "never fires", job("cron", "0 0 30 2 *", 0, ""));
        refused(ErrorCode.INVALID_ARGUMENT, "never fires", job("cron", "0 12 * * *", 0, "22:00-06:00"));
        refused(ErrorCode.INVALID_ARGUMENT, "realtime, cron, interval or manual", job("hourly", "", 0, ""));
    }

    @Test
    void recoveryFiltersAndTargetsAreChecked() {
        List<JobTarget> t = List.of(new JobTarget("server", "web-1", "x"));
        refused(ErrorCode.INVALID_ARGUMENT, "HH:MM", job("manual", "", 0, "", "scheduled", "", List.of("create"), t));
        refused(ErrorCode.INVALID_ARGUMENT, "Only a scheduled recovery", job("manual", "", 0, "", "manual", "03:00", List.of("create"), t));
        refused(ErrorCode.INVALID_ARGUMENT, "'copy' is not an operation", job("manual", "", 0, "", "", "", List.of("copy"), t));
        refused(ErrorCode.INVALID_ARGUMENT, "Name at least one operation", job("manual", "", 0, "", "", "", List.of(), t));
        refused(ErrorCode.NOT_FOUND, "carries the tag 'video'", job("manual", "", 0, "", "", "", List.of("create"),
                List.of(new JobTarget("tag", "video", "v"))));
        refused(ErrorCode.NOT_FOUND, "no region 'us'", job("manual", "", 0, "", "", "", List.of("create"), List.of(new JobTarget("region", "us", "v"))));
        refused(ErrorCode.INVALID_ARGUMENT, "server, group, region or tag", job("manual", "", 0, "", "", "", List.of("create"),
                List.of(new JobTarget("planet", "x", "v"))));
        refused(ErrorCode.INVALID_PATH, "absolute", job("manual", "", 0, "", "", "", List.of("create"), List.of(new JobTarget("server", "web-1", "/etc"))));
        refused(ErrorCode.INVALID_ARGUMENT, "Name at least one target", job("manual", "", 0, "", "", "", List.of("create"), List.of()));
        Job badPattern = new Job(0, "j", true, "src", List.of("site"), t, List.of("re:(x"), List.of(), List.of("create"), Map.of(), "manual", "", 0, "",
                0, "", "", "", null, "", null);
        refused(ErrorCode.INVALID_ARGUMENT, "does not compile", badPattern);
    }
}
