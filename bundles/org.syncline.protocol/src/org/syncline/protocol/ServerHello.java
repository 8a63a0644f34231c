package org.syncline.protocol;

/**
 * What the server said about itself in its WELCOME frame; {@code maxFrame}: the largest frame it accepts from a
 * logged-in session (a request larger than that closes the connection).
 */
public record ServerHello(int protocol, String version, String name, int idleTimeoutSeconds, String fingerprint, int maxFrame) {
}
