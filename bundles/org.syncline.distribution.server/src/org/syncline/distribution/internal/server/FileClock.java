package org.syncline.distribution.internal.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

/**
 * A UTC clock that stands where a file says (an ISO-8601 instant such as {@code 2026-11-23T21:59:00Z}), read at
 * every look. {@code --set distribution.schedule-clock=FILE} gives it to the master's schedules (cron, interval,
 * windows, scheduled recoveries) so that a test moves them by writing the file, instead of waiting for a time of
 * day; without the setting they follow the system clock.
 */
final class FileClock extends Clock {
    private final Path file;

    /** Checks the file once, so a wrong setting stops the master at its start with a sentence. */
    FileClock(Path file) {
        this.file = file;
        instant();
    }

    @Override
    public Instant instant() {
        String text;
        try {
            text = Files.readString(file).trim();
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.CONFIG, "The schedule clock " + file + " cannot be read (" + e.getMessage()
                    + "); write an instant such as 2026-11-23T21:59:00Z into it, or drop --set distribution.schedule-clock.", e);
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new SynclineException(ErrorCode.CONFIG, "The schedule clock " + file + " holds '" + text
                    + "', not an instant such as 2026-11-23T21:59:00Z.", e);
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (zone.equals(ZoneOffset.UTC)) {
            return this;
        }
        throw new UnsupportedOperationException("The schedule clock is UTC.");
    }
}
