package org.syncline.server.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.protocol.Access;
import org.syncline.protocol.Endpoint;
import org.syncline.protocol.EnrollmentMessages;
import org.syncline.protocol.EnrollmentMessages.TokenInfo;
import org.syncline.protocol.JoinToken;
import org.syncline.protocol.RequestContext;
import org.syncline.store.EnrollmentToken;
import org.syncline.store.Enrollments;

/** The server's own enrollment messages: tokens for admins, {@code server.enroll} for a server holding one. */
public final class EnrollmentHandlers {
    private static final int MAX_NAME = 255;
    private final ServerEnrollment enrollment;
    private final Clock clock;

    public EnrollmentHandlers(ServerEnrollment enrollment, Clock clock) {
        this.enrollment = enrollment;
        this.clock = clock;
    }

    public void register(Endpoint endpoint) {
        endpoint.handle(EnrollmentMessages.TOKEN_CREATE, Access.ADMIN, this::create);
        endpoint.handle(EnrollmentMessages.TOKEN_LIST, Access.ADMIN, (ctx, body) -> list());
        endpoint.handle(EnrollmentMessages.TOKEN_REVOKE, Access.ADMIN, (ctx, body) ->
                Json.object("info", Json.tree(info(enrollment.store().revoke(body.string("id"))))));
        endpoint.handle(EnrollmentMessages.ENROLL, Access.ENROLLING, this::enrol);
    }

    private Map<String, Object> create(RequestContext ctx, JsonObject body) {
        Enrollments.NewToken t = enrollment.store().createToken(ctx.principal().name(),
                Duration.ofSeconds(body.number("validForSeconds")));
        return Json.object("token", JoinToken.issuedBy(enrollment.fingerprint(), t.secret()).text(), "info", Json.tree(info(t.token())));
    }

    private Map<String, Object> list() {
        List<Object> tokens = new ArrayList<>();
        enrollment.store().tokens().forEach(t -> tokens.add(Json.tree(info(t))));
        return Json.object("tokens", tokens);
    }

    /** The token is the session's password: the login checked it belongs to this server, this checks its state. */
    private Map<String, Object> enrol(RequestContext ctx, JsonObject body) {
        String name = body.string("name");
        if (name.isBlank() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new SynclineException(ErrorCode.INVALID_NAME, "'" + Names.printable(name) + "' is not a usable server name.");
        }
        String fingerprint = body.string("fingerprint");
        String callbackSecret = body.string("callbackSecret");
        if (!fingerprint.matches("[0-9A-F]{2}(:[0-9A-F]{2}){31}") || callbackSecret.length() != 43) {
            throw new SynclineException(ErrorCode.BAD_REQUEST, "The enrollment request's fingerprint or callback secret is malformed.");
        }
        JoinToken token = JoinToken.parse(body.string("token"));
        Enrollments.Credential c = enrollment.store().enrol(token.secret(), name, body.optString("roles", ""), fingerprint, callbackSecret,
                String.valueOf(ctx.remoteAddress()));
        return Json.object("id", c.id(), "secret", c.secret());
    }

    private TokenInfo info(EnrollmentToken t) {
        return new TokenInfo(t.id(), t.createdBy(), t.created(), t.expires(), t.state(clock.instant()), t.usedBy() == null ? "" : t.usedBy(),
                t.usedAt() == null ? "" : t.usedAt().toString(), t.revokedAt() == null ? "" : t.revokedAt().toString());
    }
}
