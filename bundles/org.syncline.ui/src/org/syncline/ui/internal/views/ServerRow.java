package org.syncline.ui.internal.views;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One server as the Servers view shows it. Values a disconnected server cannot report (version, uptime) are
 * {@code null}.
 */
public record ServerRow(String name, ServerState state, String version, Duration uptime, int sessions,
        List<String> roles) {

    public ServerRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        roles = List.copyOf(roles);
    }
}
