package org.syncline.protocol;

import java.net.InetSocketAddress;

/**
 * How an endpoint listens. {@code idleTimeoutSeconds} closes sessions that send nothing (clients ping
 * well within it); {@code maxFrame} is the largest frame accepted.
 */
public record EndpointSettings(InetSocketAddress bind, int maxFrame, int idleTimeoutSeconds, String serverVersion,
        String serverName) {

    public static EndpointSettings of(InetSocketAddress bind, String serverVersion, String serverName) {
        return new EndpointSettings(bind, ProtocolConstants.DEFAULT_MAX_FRAME,
                ProtocolConstants.DEFAULT_IDLE_TIMEOUT_SECONDS, serverVersion, serverName);
    }

    public EndpointSettings withMaxFrame(int bytes) {
        return new EndpointSettings(bind, bytes, idleTimeoutSeconds, serverVersion, serverName);
    }

    public EndpointSettings withIdleTimeout(int seconds) {
        return new EndpointSettings(bind, maxFrame, seconds, serverVersion, serverName);
    }
}
