package org.syncline.protocol;

import java.time.Instant;

/**
 * The server application's own enrollment messages (names under {@code server.}, which no capability may
 * take): admins make, list and revoke tokens; a joining server logged in with a token enrols once and gets
 * the credential it logs in with from then on. Shared by every capability that joins servers together.
 */
public final class EnrollmentMessages {
    /** Admin: {@code {validForSeconds}} → {@code {token, info}}; the token text is shown only here. */
    public static final String TOKEN_CREATE = "server.node.token.create";
    /** Admin: {@code {}} → {@code {tokens: [TokenInfo]}}, newest first, never a secret. */
    public static final String TOKEN_LIST = "server.node.token.list";
    /** Admin: {@code {id}} → {@code {info}}. */
    public static final String TOKEN_REVOKE = "server.node.token.revoke";
    /** Enrolling: {@code {name, roles, fingerprint, callbackSecret}} → {@code {id, secret}}. */
    public static final String ENROLL = "server.enroll";

    /** The login name of a joining server; its password is the whole token text. */
    public static final String ENROLL_LOGIN = "#enroll";
    /** The login name prefix of an enrolled server at the server it joined: {@code #member:<id>}. */
    public static final String MEMBER_LOGIN_PREFIX = "#member:";
    /** The login name of the server a member joined, at the member's own endpoint. */
    public static final String JOINED_LOGIN = "#joined";

    /** A token as an admin sees it: {@code state} is valid, used, expired or revoked; empty text where nothing happened. */
    public record TokenInfo(String id, String createdBy, Instant created, Instant expires, String state, String usedBy,
            String usedAt, String revokedAt) {
    }

    private EnrollmentMessages() {
    }
}
