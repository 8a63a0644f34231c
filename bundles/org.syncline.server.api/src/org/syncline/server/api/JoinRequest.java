package org.syncline.server.api;

import org.syncline.core.HostPort;

/**
 * {@code --join HOST:PORT --token T}: this server joins a deployment run by another server (a storage node
 * joining a registry, an agent joining a master), authorised by a single-use enrollment token.
 */
public record JoinRequest(HostPort server, String token) {
}
