package org.syncline.distribution.internal.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;

import org.syncline.core.schedule.CronExpression;
import org.syncline.core.schedule.Schedule;
import org.syncline.core.schedule.TimeWindow;
import org.syncline.distribution.Job;

/**
 * Whether a job's schedule fires: its cron expression or interval (counted from the job's creation), inside its
 * window if it has one, had a fire time after the last check and not after the clock's instant. Disabled jobs
 * never fire. The same for a scheduled recovery at the job's recoverAt (HH:MM, every day).
 */
final class TriggerDecision {
    private TriggerDecision() {
    }

    /** The job's schedule, or empty for a real-time or manual job. */
    static Optional<Schedule> schedule(Job j) {
        TimeWindow window = j.window().isEmpty() ? null : TimeWindow.parse(j.window());
        return switch (j.trigger()) {
            case Job.CRON -> Optional.of(new Schedule.Cron(CronExpression.parse(j.cron()), window));
            case Job.INTERVAL -> Optional.of(new Schedule.Interval(Duration.ofSeconds(j.intervalSeconds()), j.created(), window));
            default -> Optional.empty();
        };
    }

    /** Whether the job's cron or interval schedule fired in (after, now], now being the clock's instant. */
    static boolean due(Job j, Instant after, Clock clock) {
        return j.enabled() && schedule(j).flatMap(s -> s.next(after, clock.getZone())).filter(t -> !t.isAfter(clock.instant())).isPresent();
    }

    /** Whether a scheduled recovery of the job falls in (after, now]: its recoverAt time of day passed. */
    static boolean recoveryDue(Job j, Instant after, Clock clock) {
        if (!j.enabled() || !j.recovery().equals(Job.RECOVER_SCHEDULED) || j.recoverAt().isEmpty()) {
            return false;
        }
        LocalTime at = LocalTime.parse(j.recoverAt());
        CronExpression daily = CronExpression.parse(at.getMinute() + " " + at.getHour() + " * * *");
        return daily.next(after, clock.getZone()).filter(t -> !t.isAfter(clock.instant())).isPresent();
    }
}
