package org.syncline.core;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as people type them on a command line or in a search field: {@code 4096}, {@code 10K}, {@code 10 KiB},
 * {@code 1.5 GiB}, {@code 200 MB}. As rsync reads them: K, M, G, T (with or without "iB") count in 1,024s, KB, MB,
 * GB, TB in 1,000s; B or no unit is bytes. Case and blanks around the number and unit do not matter. Callers check
 * their own range and name the field in their own error sentence.
 */
public final class ByteSizes {
    private static final String[] UNITS = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
    private static final Pattern SIZE = Pattern.compile("(\\d{1,15}(?:\\.\\d{1,6})?)\\s*([kmgt]?)(i?b?)");

    private ByteSizes() {
    }

    /** {@code text} as a number of bytes, or empty if it is not a size (null, blank, negative, unknown unit, over 2^63). */
    public static Optional<Long> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        String prefix = m.group(2);
        String suffix = m.group(3);
        if (suffix.equals("i") || prefix.isEmpty() && suffix.equals("ib")) {
            return Optional.empty();
        }
        long base = prefix.isEmpty() || suffix.equals("b") ? 1000 : 1024;
        int power = prefix.isEmpty() ? 0 : "kmgt".indexOf(prefix) + 1;
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(base).pow(power));
        if (power == 0 && bytes.stripTrailingZeros().scale() > 0) {
            return Optional.empty(); // a fraction of a byte
        }
        try {
            return Optional.of(bytes.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** "812 B", "4.0 KiB", "1.2 GiB": exact below a KiB, where people compare small files byte for byte; one decimal above. */
    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double v = bytes;
        int unit = 0;
        while (v >= 1024 && unit < UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, UNITS[unit]);
    }
}
