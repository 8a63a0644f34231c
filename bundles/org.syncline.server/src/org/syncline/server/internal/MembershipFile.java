package org.syncline.server.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.syncline.core.ErrorCode;
import org.syncline.core.HostPort;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.server.api.Enrollment.Membership;
import org.syncline.store.DataDirectory;

/**
 * {@code DATA/enrollment/membership.json} (0600, written atomically): the credential a server got when it
 * joined a deployment, and the hash of the secret that server logs in with here. Kept for every later start.
 */
record MembershipFile(Membership membership, String secret, String joinedSecretHash, Instant enrolled) {
    static final String NAME = "membership.json";

    static Optional<MembershipFile> read(Path dir) {
        Path file = dir.resolve(NAME);
        try {
            JsonObject o = JsonObject.parse(Files.readString(file, StandardCharsets.UTF_8));
            return Optional.of(new MembershipFile(new Membership(HostPort.parse(o.string("server")), o.string("fingerprint"),
                    o.string("id")), o.string("secret"), o.string("joinedSecretHash"), Instant.parse(o.string("enrolled"))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw new SynclineException(ErrorCode.CONFIG, file + " cannot be read (" + e.getMessage()
                    + "); restore it, or remove it and join again with a new token.");
        }
    }

    void write(Path dir) {
        DataDirectory.writeOwnerOnly(dir.resolve(NAME), Json.pretty(Json.object("server", membership.server().toString(),
                "fingerprint", membership.fingerprint(), "id", membership.id(), "secret", secret,
                "joinedSecretHash", joinedSecretHash, "enrolled", enrolled.toString())).getBytes(StandardCharsets.UTF_8));
    }
}
