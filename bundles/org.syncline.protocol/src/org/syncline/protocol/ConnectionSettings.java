package org.syncline.protocol;

import java.time.Duration;

import org.syncline.core.HostPort;

/** Where and as whom a client connects. The password stays in memory only, for reconnects. */
public record ConnectionSettings(HostPort server, String user, char[] password, String clientName,
        Duration requestTimeout, boolean reconnect) {

    /** Keeps its own copy of the password: callers may wipe theirs once the connection is open. */
    public ConnectionSettings {
        password = password.clone();
    }

    public static ConnectionSettings of(HostPort server, String user, char[] password, String clientName) {
        return new ConnectionSettings(server, user, password, clientName, Duration.ofSeconds(30), true);
    }

}
