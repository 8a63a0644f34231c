package org.syncline.server.api;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;

/**
 * Settings given to the server with {@code --set <capability>.<key>=VALUE}; a capability reads its own
 * keys through the typed getters, which name the key when a value is not usable.
 */
public record ServerSettings(Map<String, String> values) {

    public ServerSettings {
        values = Map.copyOf(values);
    }

    public static ServerSettings none() {
        return new ServerSettings(Map.of());
    }

    /** Parses {@code KEY=VALUE} pairs; a key is {@code <capability>.<name>} in lower case. */
    public static ServerSettings parse(Iterable<String> pairs) {
        Map<String, String> map = new TreeMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (eq < 0 || !key.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+")) {
                throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "--set '" + Names.printable(pair)
                        + "' is not CAPABILITY.KEY=VALUE (for example sync.trash-retention=30d).");
            }
            map.put(key, pair.substring(eq + 1));
        }
        return new ServerSettings(map);
    }

    /** The capability names the keys belong to, so the server can refuse keys no capability reads. */
    public java.util.Set<String> capabilityNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        values.keySet().forEach(k -> names.add(k.substring(0, k.indexOf('.'))));
        return names;
    }

    public Optional<String> string(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public long longValue(String key, long fallback, long min, long max) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SynclineException(ErrorCode.INVALID_ARGUMENT,
                "--set " + key + " must be a whole number from " + min + " to " + max + ", not '" + Names.printable(v) + "'.");
    }

    /** A duration written as {@code 30d}, {@code 12h}, {@code 15m}, {@code 45s} or ISO-8601 ({@code PT1H}). */
    public Duration duration(String key, Duration fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        Duration d = parseDuration(v);
        if (d == null || d.isNegative()) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT,
                    "--set " + key + " must be a duration such as 30d, 12h, 15m or 45s, not '" + Names.printable(v) + "'.");
        }
        return d;
    }

    static Duration parseDuration(String text) {
        java.util.Optional<Duration> typed = org.syncline.core.Durations.parse(text);
        if (typed.isPresent()) {
            return typed.get();
        }
        try {
            return Duration.parse(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
