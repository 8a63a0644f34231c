package org.syncline.core.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

/**
 * When a scheduled job runs: a cron expression or a fixed interval, optionally only inside a daily time window
 * (off-peak). Times are computed from a {@link Clock} the caller passes (its instant and zone), so tests set the
 * time and the zone.
 */
public sealed interface Schedule {
    /** The next fire time strictly after the clock's instant, in the clock's zone; empty if there is none. */
    default Optional<Instant> next(Clock clock) {
        return next(clock.instant(), clock.getZone());
    }

    Optional<Instant> next(Instant after, ZoneId zone);

    /** Fires when the cron expression does, inside the window if there is one. */
    record Cron(CronExpression expression, TimeWindow window) implements Schedule {
        @Override
        public Optional<Instant> next(Instant after, ZoneId zone) {
            return expression.next(after, zone, t -> window == null || window.contains(t.toLocalTime()));
        }
    }

    /**
     * Fires every {@code every} counted from {@code anchor} (the job's creation, say); with a window, ticks outside
     * it move to the window's next opening after them, then the ticks inside it follow.
     */
    record Interval(Duration every, Instant anchor, TimeWindow window) implements Schedule {
        public static final Duration MIN = Duration.ofMinutes(1);

        public Interval {
            if (every.compareTo(MIN) < 0) {
                throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "An interval of " + every.toSeconds() + " s is too short; use at least one minute.");
            }
        }

        @Override
        public Optional<Instant> next(Instant after, ZoneId zone) {
            long step = every.toMillis();
            long since = after.toEpochMilli() - anchor.toEpochMilli();
            long k = since < 0 ? 0 : since / step + 1;
            Instant tick = anchor.plusMillis(k * step);
            if (window == null) {
                return Optional.of(tick);
            }
            ZonedDateTime local = tick.atZone(zone);
            if (window.contains(local.toLocalTime())) {
                return Optional.of(tick);
            }
            // a tick outside the window moves to the window's next opening after it
            LocalDateTime open = local.toLocalDate().atTime(window.start());
            Instant opening = ZonedDateTime.ofLocal(open, zone, null).toInstant();
            if (!opening.isAfter(tick)) {
                opening = ZonedDateTime.ofLocal(open.plusDays(1), zone, null).toInstant();
            }
            return Optional.of(opening);
        }
    }
}
