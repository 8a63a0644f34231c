package org.syncline.protocol;

import java.net.InetSocketAddress;

/**
 * How an endpoint listens. {@code idleTimeoutSeconds} closes sessions that send nothing (clients ping
 * well within it); {@code maxFrame} is the largest frame accepted from a logged-in session. Before login a
 * session may send only HELLO and LOGIN, frames of at most {@link #PRE_LOGIN_MAX_FRAME} bytes, and must log
 * in within {@code loginTimeoutSeconds}; at most {@code maxUnauthenticatedPerAddress} such sessions may be
 * open from one address.
 */
public record EndpointSettings(InetSocketAddress bind, int maxFrame, int idleTimeoutSeconds, String serverVersion,
        String serverName, int loginTimeoutSeconds, int maxUnauthenticatedPerAddress) {

    public static final int PRE_LOGIN_MAX_FRAME = 64 * 1024;
    public static final int DEFAULT_LOGIN_TIMEOUT_SECONDS = 30;
    public static final int DEFAULT_MAX_UNAUTHENTICATED_PER_ADDRESS = 16;

    public EndpointSettings(InetSocketAddress bind, int maxFrame, int idleTimeoutSeconds, String serverVersion,
            String serverName) {
        this(bind, maxFrame, idleTimeoutSeconds, serverVersion, serverName, DEFAULT_LOGIN_TIMEOUT_SECONDS,
                DEFAULT_MAX_UNAUTHENTICATED_PER_ADDRESS);
    }

    public static EndpointSettings of(InetSocketAddress bind, String serverVersion, String serverName) {
        return new EndpointSettings(bind, ProtocolConstants.DEFAULT_MAX_FRAME,
                ProtocolConstants.DEFAULT_IDLE_TIMEOUT_SECONDS, serverVersion, serverName);
    }

    public EndpointSettings withMaxFrame(int bytes) {
        return new EndpointSettings(bind, bytes, idleTimeoutSeconds, serverVersion, serverName, loginTimeoutSeconds,
                maxUnauthenticatedPerAddress);
    }

    public EndpointSettings withIdleTimeout(int seconds) {
        return new EndpointSettings(bind, maxFrame, seconds, serverVersion, serverName, loginTimeoutSeconds,
                maxUnauthenticatedPerAddress);
    }

    public EndpointSettings withLoginTimeout(int seconds) {
        return new EndpointSettings(bind, maxFrame, idleTimeoutSeconds, serverVersion, serverName, seconds,
                maxUnauthenticatedPerAddress);
    }

    public EndpointSettings withMaxUnauthenticatedPerAddress(int sessions) {
        return new EndpointSettings(bind, maxFrame, idleTimeoutSeconds, serverVersion, serverName, loginTimeoutSeconds,
                sessions);
    }
}
