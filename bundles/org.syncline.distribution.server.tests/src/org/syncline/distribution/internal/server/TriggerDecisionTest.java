package org.syncline.distribution.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.syncline.distribution.Job;
import org.syncline.distribution.JobRun;
import org.syncline.distribution.JobTarget;

/** When a job's schedule fires, decided against a clock the test sets; and how a queued follow-up merges requests. */
class TriggerDecisionTest {
    private static final Instant CREATED = Instant.parse("2026-11-20T10:00:00Z");

    private static Job job(boolean enabled, String trigger, String cron, long interval, String window, String recovery, String recoverAt) {
        return new Job(1, "j", enabled, "src", List.of("site"), List.of(new JobTarget(JobTarget.SERVER, "t-1", "m")), List.of(), List.of(),
                List.of("create"), Map.of(), trigger, cron, interval, window, 0, recovery, recoverAt, "admin", CREATED, "admin", CREATED);
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void aCronJobFiresOnceItsTimeIsPassedSinceTheLastCheck() {
        Job nightly = job(true, Job.CRON, "0 22 * * *", 0, "", Job.RECOVER_MANUAL, "");
        Instant before = Instant.parse("2026-11-22T21:59:59Z");
        assertFalse(TriggerDecision.due(nightly, before, at("2026-11-22T21:59:59.500Z")));
        assertTrue(TriggerDecision.due(nightly, before, at("2026-11-22T22:00:00Z")));
        assertTrue(TriggerDecision.due(nightly, before, at("2026-11-22T22:00:01Z")));
        // the next check starts after the fire time: no second run
        assertFalse(TriggerDecision.due(nightly, Instant.parse("2026-11-22T22:00:01Z"), at("2026-11-22T22:00:02Z")));
    }

    @Test
    void aWindowKeepsACronJobToItsHours() {
        Job offPeak = job(true, Job.CRON, "0 * * * *", 0, "22:00-06:00", Job.RECOVER_MANUAL, "");
        assertFalse(TriggerDecision.due(offPeak, Instant.parse("2026-11-22T13:59:00Z"), at("2026-11-22T14:00:30Z")));
        assertTrue(TriggerDecision.due(offPeak, Instant.parse("2026-11-22T22:59:00Z"), at("2026-11-22T23:00:30Z")));
    }

    @Test
    void anIntervalCountsFromTheJobsCreation() {
        Job hourly = job(true, Job.INTERVAL, "", 3600, "", Job.RECOVER_MANUAL, "");
        assertFalse(TriggerDecision.due(hourly, Instant.parse("2026-11-22T10:00:01Z"), at("2026-11-22T10:59:59Z")));
        assertTrue(TriggerDecision.due(hourly, Instant.parse("2026-11-22T10:00:01Z"), at("2026-11-22T11:00:00Z")));
    }

    @Test
    void disabledRealtimeAndManualJobsNeverFireOnASchedule() {
        Instant before = Instant.parse("2026-11-22T21:00:00Z");
        Clock late = at("2026-11-23T21:00:00Z");
        assertFalse(TriggerDecision.due(job(false, Job.CRON, "* * * * *", 0, "", Job.RECOVER_MANUAL, ""), before, late));
        assertFalse(TriggerDecision.due(job(false, Job.INTERVAL, "", 60, "", Job.RECOVER_MANUAL, ""), before, late));
        assertFalse(TriggerDecision.due(job(true, Job.REALTIME, "", 0, "", Job.RECOVER_MANUAL, ""), before, late));
        assertFalse(TriggerDecision.due(job(true, Job.MANUAL, "", 0, "", Job.RECOVER_MANUAL, ""), before, late));
    }

    @Test
    void aScheduledRecoveryFiresAtItsTimeOfDayOnly() {
        Job j = job(true, Job.MANUAL, "", 0, "", Job.RECOVER_SCHEDULED, "03:30");
        assertTrue(TriggerDecision.recoveryDue(j, Instant.parse("2026-11-22T03:29:59Z"), at("2026-11-22T03:30:00Z")));
        assertFalse(TriggerDecision.recoveryDue(j, Instant.parse("2026-11-22T03:30:00Z"), at("2026-11-22T03:30:01Z")));
        assertFalse(TriggerDecision.recoveryDue(job(true, Job.MANUAL, "", 0, "", Job.RECOVER_IMMEDIATE, ""), Instant.parse(
                "2026-11-22T03:29:59Z"), at("2026-11-22T03:30:00Z")));
        assertFalse(TriggerDecision.recoveryDue(job(false, Job.MANUAL, "", 0, "", Job.RECOVER_SCHEDULED, "03:30"), Instant.parse(
                "2026-11-22T03:29:59Z"), at("2026-11-22T03:30:00Z")));
    }

    @Test
    void aFollowUpMergesTargetsAndPaths() {
        JobRunner.Request a = new JobRunner.Request(JobRun.REALTIME, "site/docs/a", null);
        JobRunner.Request b = new JobRunner.Request(JobRun.REALTIME, "site/docs/b", null);
        assertEquals("site/docs", a.merge(b).limit());
        assertEquals("", a.merge(new JobRunner.Request(JobRun.REALTIME, "", null)).limit(), "a whole-job request covers the other");
        assertEquals(null, a.merge(b).only(), "all targets");
        JobRunner.Request t1 = new JobRunner.Request(JobRun.RECOVERY, "", Set.of("t-1"));
        JobRunner.Request t2 = new JobRunner.Request(JobRun.RECOVERY, "", Set.of("t-2"));
        assertEquals(Set.of("t-1", "t-2"), t1.merge(t2).only());
        assertEquals(null, t1.merge(a).only(), "a request for all targets covers the other");
    }
}
