package org.syncline.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Arguments as the server and CLI take them: {@code --name value}, {@code --name=value}, flags such as
 * {@code --json}, and positional words. An option that is not declared is an error, not silently ignored.
 */
public final class CommandLine {
    private final Map<String, List<String>> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> positionals = new ArrayList<>();

    private CommandLine() {
    }

    public static CommandLine parse(String[] args, Set<String> valueOptions, Set<String> flagOptions) {
        CommandLine c = new CommandLine();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                for (i++; i < args.length; i++) {
                    c.positionals.add(args[i]);
                }
                break;
            }
            if (!a.startsWith("--") || a.length() == 2) {
                c.positionals.add(a);
                continue;
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flagOptions.contains(name)) {
                if (value != null) {
                    throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "--" + name + " takes no value.");
                }
                c.flags.add(name);
            } else if (valueOptions.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "--" + name + " needs a value.");
                    }
                    value = args[++i];
                }
                c.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                throw new SynclineException(ErrorCode.INVALID_ARGUMENT,
                        "Unknown option '--" + Names.printable(name) + "'; see --help.");
            }
        }
        return c;
    }

    /** The option's value; the last one when it was given several times. */
    public Optional<String> value(String name) {
        List<String> all = values.get(name);
        return all == null ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Every value of a repeatable option, in the order given. */
    public List<String> values(String name) {
        return List.copyOf(values.getOrDefault(name, List.of()));
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    public List<String> positionals() {
        return List.copyOf(positionals);
    }

    /** An integer option within a range, with a message naming the option when it is not. */
    public int intValue(String name, int fallback, int min, int max) {
        String v = value(name).orElse(null);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT,
                    "--" + name + " must be a whole number from " + min + " to " + max + ", not '" + Names.printable(v) + "'.");
        }
    }
}
