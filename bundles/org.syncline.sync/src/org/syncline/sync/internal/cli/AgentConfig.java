package org.syncline.sync.internal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

/**
 * The sync agent's {@code --config FILE}: one {@code key = value} per line, keys named like the options
 * ({@code server}, {@code user}, {@code password-file}, {@code trust-fingerprint}, {@code rescan},
 * {@code up-limit}, {@code down-limit}), {@code pair = LOCAL_DIR=FOLDER} as often as needed, {@code #} comments.
 */
record AgentConfig(Map<String, String> values, List<String> pairs) {
    private static final List<String> KEYS = List.of("server", "user", "password-file", "trust-fingerprint", "rescan", "up-limit", "down-limit");

    static AgentConfig read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.CONFIG, "The agent configuration " + file + " cannot be read (" + e.getMessage() + ").");
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq).strip();
            String value = eq < 0 ? "" : line.substring(eq + 1).strip();
            if (key.equals("pair")) {
                pairs.add(value);
            } else if (KEYS.contains(key) && !value.isEmpty()) {
                values.put(key, value);
            } else {
                throw new SynclineException(ErrorCode.CONFIG, file + " line " + (i + 1) + ": '" + org.syncline.core.Names.printable(line)
                        + "' is not KEY = VALUE with a key of " + KEYS + " or pair.");
            }
        }
        return new AgentConfig(values, pairs);
    }

    static AgentConfig none() {
        return new AgentConfig(Map.of(), List.of());
    }

    String get(String key, String option) {
        return option != null ? option : values.get(key);
    }
}
