package org.syncline.distribution;

import java.util.Locale;

/**
 * A rule the master evaluates on a schedule. Kinds: {@code silent} (an agent sent nothing for
 * {@code seconds}), {@code port} (a TCP connect to host:port fails), {@code cpu}, {@code memory},
 * {@code disk} (above {@code above} percent for {@code forSeconds}, on every agent or the one named
 * {@code agent}). Fields a kind does not use are 0 or empty.
 */
public record AlertRule(long id, String kind, int seconds, String host, int port, double above, int forSeconds, String agent) {
    public static final String SILENT = "silent";
    public static final String PORT = "port";
    public static final String CPU = "cpu";
    public static final String MEMORY = "memory";
    public static final String DISK = "disk";

    /** One line for people: "agent silent for 30 s", "port db-1:5432 unreachable", "memory above 90% for 60 s on web-1". */
    public String describe() {
        return switch (kind) {
            case SILENT -> "agent silent for " + seconds + " s" + on();
            case PORT -> "port " + host + ":" + port + " unreachable";
            default -> kind + " above " + String.format(Locale.ROOT, "%.0f", above) + "% for " + forSeconds + " s" + on();
        };
    }

    private String on() {
        return agent.isEmpty() ? "" : " on " + agent;
    }
}
