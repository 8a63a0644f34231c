package org.syncline.core.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;

/**
 * A Unix cron expression of five fields (minute, hour, day of month, month, day of week) with lists, ranges,
 * steps and names ({@code JAN}-{@code DEC}, {@code SUN}-{@code SAT}, 0 or 7 for Sunday), or one of
 * {@code @hourly @daily @midnight @weekly @monthly @yearly @annually}. As in Vixie cron, when both day fields are
 * restricted a day matches either.
 *
 * <p>Times are local to the zone asked for. A time that a daylight-saving jump skips fires at the same distance
 * after the jump (02:30 on a night that jumps from 02:00 to 03:00 fires at 03:30); a time that happens twice fires
 * once, at its first occurrence.
 */
public final class CronExpression {
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    /** Far enough to see every Feb 29 and every weekday of every month date; an expression with no date there never fires. */
    private static final int MAX_DAYS = 366 * 8;

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean domRestricted;
    private final boolean dowRestricted;

    private CronExpression(String text, String[] f) {
        this.text = text;
        minutes = field(f[0], "minute", 0, 59, List.of(), 0);
        hours = field(f[1], "hour", 0, 23, List.of(), 0);
        daysOfMonth = field(f[2], "day of month", 1, 31, List.of(), 0);
        months = field(f[3], "month", 1, 12, MONTHS, 1);
        BitSet dow = field(f[4], "day of week", 0, 7, DAYS, 0);
        if (dow.get(7)) {
            dow.set(0);
        }
        daysOfWeek = dow;
        domRestricted = !f[2].startsWith("*");
        dowRestricted = !f[4].startsWith("*");
    }

    /** Parses an expression, refusing it with INVALID_ARGUMENT and a sentence that names the wrong field. */
    public static CronExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("A cron expression is required, e.g. '0 22 * * MON-FRI'.");
        }
        String t = text.trim();
        String expanded = switch (t.toLowerCase(Locale.ROOT)) {
            case "@hourly" -> "0 * * * *";
            case "@daily", "@midnight" -> "0 0 * * *";
            case "@weekly" -> "0 0 * * 0";
            case "@monthly" -> "0 0 1 * *";
            case "@yearly", "@annually" -> "0 0 1 1 *";
            default -> t;
        };
        String[] f = expanded.split("\\s+");
        if (f.length != 5) {
            throw invalid("The cron expression '" + Names.printable(t) + "' has " + f.length
                    + " fields; it needs five: minute hour day-of-month month day-of-week.");
        }
        return new CronExpression(t, f);
    }

    private static BitSet field(String s, String name, int min, int max, List<String> names, int nameBase) {
        BitSet bits = new BitSet(max + 1);
        for (String part : s.split(",", -1)) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(part.substring(slash + 1), name, 1, max + 1 - min, List.of(), 0);
            }
            int lo;
            int hi;
            if (range.equals("*")) {
                lo = min;
                hi = max;
            } else {
                int dash = range.indexOf('-', 1);
                lo = number(dash < 0 ? range : range.substring(0, dash), name, min, max, names, nameBase);
                hi = dash < 0 ? (slash >= 0 ? max : lo) : number(range.substring(dash + 1), name, min, max, names, nameBase);
                if (hi < lo) {
                    throw invalid("The " + name + " range '" + Names.printable(range) + "' runs backwards; write the smaller value first.");
                }
            }
            for (int v = lo; v <= hi; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }

    private static int number(String s, String name, int min, int max, List<String> names, int nameBase) {
        int i = names.indexOf(s.toUpperCase(Locale.ROOT));
        if (i >= 0) {
            return i + nameBase;
        }
        try {
            int v = Integer.parseInt(s);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to the sentence
        }
        throw invalid("'" + Names.printable(s) + "' is not a valid " + name + "; use " + min + "-" + max
                + (names.isEmpty() ? "" : " or a name such as " + names.get(0)) + ".");
    }

    private static SynclineException invalid(String sentence) {
        return new SynclineException(ErrorCode.INVALID_ARGUMENT, sentence);
    }

    private boolean dayMatches(LocalDate d) {
        if (!months.get(d.getMonthValue())) {
            return false;
        }
        boolean dom = daysOfMonth.get(d.getDayOfMonth());
        boolean dow = daysOfWeek.get(d.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : d.getDayOfWeek().getValue());
        if (domRestricted && dowRestricted) {
            return dom || dow;
        }
        return dom && dow;
    }

    /** The first fire time strictly after {@code after}; empty when the expression never fires (e.g. Feb 30). */
    public Optional<Instant> next(Instant after, ZoneId zone) {
        return next(after, zone, t -> true);
    }

    /** As {@link #next(Instant, ZoneId)}, only at local times {@code allowed} accepts. */
    Optional<Instant> next(Instant after, ZoneId zone, Predicate<LocalDateTime> allowed) {
        // one day earlier: a time shifted forward out of a DST gap can land after the day it belongs to
        LocalDate day = after.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!dayMatches(day)) {
                continue;
            }
            for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
                for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
                    LocalDateTime local = day.atTime(h, m);
                    Instant at = ZonedDateTime.ofLocal(local, zone, null).toInstant();
                    if (at.isAfter(after) && allowed.test(local)) {
                        return Optional.of(at);
                    }
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return text;
    }
}
