package org.syncline.server.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.protocol.Connection;
import org.syncline.protocol.ConnectionSettings;
import org.syncline.protocol.EnrollmentMessages;
import org.syncline.protocol.JoinToken;
import org.syncline.protocol.KnownServers;
import org.syncline.server.api.Enrollment.Membership;
import org.syncline.server.api.JoinRequest;
import org.syncline.store.Enrollments;

/**
 * {@code --join HOST:PORT --token T} at start: verifies the server is the one that issued the token (its
 * certificate fingerprint starts with the token's prefix, so no trust prompt), logs in with the token,
 * enrols and keeps the credential. A server that already joined keeps its credential and needs no token.
 */
public final class JoinProcedure {
    private static final Logger LOG = Logger.getLogger(JoinProcedure.class.getName());

    private JoinProcedure() {
    }

    public static void run(ServerEnrollment enrollment, Optional<JoinRequest> request, String name, Set<String> roles) {
        Optional<MembershipFile> existing = enrollment.joinedFile();
        if (request.isEmpty()) {
            return;
        }
        JoinRequest join = request.get();
        if (existing.isPresent()) {
            Membership m = existing.get().membership();
            if (!m.server().equals(join.server())) {
                throw new SynclineException(ErrorCode.CONFIG, "This server already joined " + m.server() + " (member " + m.id()
                        + "); it cannot join " + join.server() + " too. Start it without --join, or use a new data directory.");
            }
            LOG.info(() -> "Already a member of " + m.server() + " (" + m.id() + "); the token is not needed again");
            return;
        }
        JoinToken token = JoinToken.parse(join.token());
        AtomicReference<String> presented = new AtomicReference<>();
        ConnectionSettings settings = new ConnectionSettings(join.server(), EnrollmentMessages.ENROLL_LOGIN, token.text().toCharArray(),
                "syncline-enroll", Duration.ofSeconds(30), false);
        String callbackSecret = Enrollments.newSecret();
        JsonObject answer;
        // Not a member yet: a pin left by an earlier attempt must not stand in for the token's check.
        java.nio.file.Path pins = enrollment.directory().resolve("joined_server");
        try {
            java.nio.file.Files.deleteIfExists(pins);
        } catch (java.io.IOException e) {
            throw new SynclineException(ErrorCode.STORAGE, "Cannot remove " + pins + " (" + e.getMessage() + ").", e);
        }
        try (Connection c = Connection.open(settings, new KnownServers(pins), (hp, fp) -> {
            presented.set(fp);
            return token.issuedBy(fp);
        })) {
            answer = c.request(EnrollmentMessages.ENROLL, Json.object("token", token.text(), "name", name,
                    "roles", String.join(",", roles), "fingerprint", enrollment.fingerprint(), "callbackSecret", callbackSecret));
        } catch (SynclineException e) {
            throw explained(e, join, presented.get());
        }
        Membership m = new Membership(join.server(), presented.get(), answer.string("id"));
        enrollment.joined(new MembershipFile(m, answer.string("secret"), Enrollments.hash(callbackSecret), Instant.now()));
        LOG.info(() -> "Joined " + join.server() + " as member " + m.id());
    }

    private static SynclineException explained(SynclineException e, JoinRequest join, String presented) {
        return switch (e.code()) {
            case CERTIFICATE_CHANGED -> new SynclineException(ErrorCode.CERTIFICATE_CHANGED, "The server at " + join.server()
                    + " presents the certificate " + presented + ", which did not issue this token; not joining it.", e);
            case AUTH_FAILED -> new SynclineException(ErrorCode.AUTH_FAILED, "The server at " + join.server()
                    + " does not know this enrollment token (wrong or mistyped); ask an admin for a new one ('syncline cli node token').", e);
            default -> e;
        };
    }
}
