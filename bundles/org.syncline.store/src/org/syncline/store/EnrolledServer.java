package org.syncline.store;

import java.time.Instant;

/**
 * A server that joined this one with an enrollment token (a storage node, an agent). It logs in with
 * {@code id} and the secret whose SHA-256 is kept here; this server reaches its endpoint with
 * {@code callbackSecret}, pinning {@code fingerprint}, the certificate it presented when it enrolled.
 */
public record EnrolledServer(String id, String name, String roles, String fingerprint, String callbackSecret, String tokenId,
        Instant enrolled) {
}
