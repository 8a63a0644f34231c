package org.syncline.protocol;

/** What the server said about itself in its WELCOME frame. */
public record ServerHello(int protocol, String version, String name, int idleTimeoutSeconds, String fingerprint) {
}
