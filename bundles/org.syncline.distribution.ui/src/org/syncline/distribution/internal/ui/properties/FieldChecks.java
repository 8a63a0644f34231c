package org.syncline.distribution.internal.ui.properties;

import java.util.Arrays;
import java.util.List;

/** What the Properties view accepts for a topology field, each refusal one sentence; null means accepted. */
final class FieldChecks {
    private static final String NAME = "[A-Za-z0-9._-]{1,64}";

    private FieldChecks() {
    }

    static String name(String text) {
        return text.matches(NAME) ? null : "A name is 1-64 letters, digits, '.', '_' or '-' (it cannot be empty).";
    }

    static String host(String text) {
        return text.isBlank() || text.chars().anyMatch(Character::isWhitespace) ? "A host is a name or address without spaces." : null;
    }

    static String port(String text) {
        return whole(text, 1, 65535, "A port is a whole number from 1 to 65535.");
    }

    static String weight(String text) {
        return whole(text, 1, Integer.MAX_VALUE, "The hardware weight is a whole number of 1 or more.");
    }

    static String compression(String text) {
        return whole(text, 0, 9, "Compression is a level from 0 (none) to 9 (smallest).");
    }

    static String bandwidth(String text) {
        return whole(text, 0, Long.MAX_VALUE, "The bandwidth cap is 0 (unlimited) or more bytes per second.");
    }

    static String words(String text) {
        return list(text).stream().allMatch(w -> w.matches(NAME)) ? null
                : "Separate the words with commas; each is letters, digits, '.', '_' or '-'.";
    }

    /** "a, b,,c " as [a, b, c]. */
    static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(w -> !w.isEmpty()).toList();
    }

    private static String whole(String text, long min, long max, String refusal) {
        try {
            long v = Long.parseLong(text.trim());
            return v < min || v > max ? refusal : null;
        } catch (NumberFormatException e) {
            return refusal;
        }
    }
}
