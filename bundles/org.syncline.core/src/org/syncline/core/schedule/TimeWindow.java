package org.syncline.core.schedule;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;

/** A daily window of local time, {@code HH:MM-HH:MM}; one that ends before it starts runs over midnight (22:00-06:00). */
public record TimeWindow(LocalTime start, LocalTime end) {
    public TimeWindow {
        if (start.equals(end)) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A time window from " + start + " to " + end + " is empty; leave the window out to run all day.");
        }
    }

    public static TimeWindow parse(String text) {
        String[] p = text == null ? new String[0] : text.trim().split("-");
        if (p.length == 2) {
            try {
                return new TimeWindow(LocalTime.parse(p[0].trim()), LocalTime.parse(p[1].trim()));
            } catch (DateTimeParseException e) {
                // falls through to the sentence
            }
        }
        throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "'" + Names.printable(String.valueOf(text))
                + "' is not a time window; write it as HH:MM-HH:MM, e.g. 22:00-06:00.");
    }

    public boolean contains(LocalTime t) {
        return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
