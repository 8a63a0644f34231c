package org.syncline.core;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Durations as people type them on a command line or in a dialog: {@code 90s}, {@code 15m}, {@code 2h}, {@code 7d}
 * (a whole number of at most 9 digits and one unit letter; case and surrounding blanks do not matter). Callers
 * check their own range and name the option in their own error sentence.
 */
public final class Durations {
    private Durations() {
    }

    /** {@code text} as a duration with a unit, or empty if it is not one (null, no unit, too many digits). */
    public static Optional<Duration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (!t.matches("\\d{1,9}[smhd]")) {
            return Optional.empty();
        }
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return Optional.of(switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        });
    }

    /** Like {@link #parse}, and a bare whole number (at most 9 digits) as seconds: {@code 90} is 90 s. */
    public static Optional<Duration> parseOrSeconds(String text) {
        if (text != null && text.strip().matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text.strip())));
        }
        return parse(text);
    }
}
