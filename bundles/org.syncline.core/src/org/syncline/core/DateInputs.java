package org.syncline.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Dates as people type them on a command line or in a search field: a day, {@code 2026-11-22} (its start in the
 * zone given), or an instant, {@code 2026-11-22T10:15:00Z}. Callers name the field in their own error sentence.
 */
public final class DateInputs {
    private DateInputs() {
    }

    /** {@code text} as an instant, or empty if it is neither a day nor an instant. */
    public static Optional<Instant> parse(String text, ZoneId zone) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        try {
            return Optional.of(t.contains("T") ? Instant.parse(t) : LocalDate.parse(t).atStartOfDay(zone).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
