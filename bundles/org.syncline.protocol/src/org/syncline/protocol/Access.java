package org.syncline.protocol;

/** Who may send a message. The endpoint checks it for every message before a handler runs. */
public enum Access {
    /** Any logged-in user (not a server of the deployment logged in with its enrollment credential). */
    USER,
    /** Only users with the admin role. */
    ADMIN,
    /** Only a server of the same deployment, logged in with the credential it received at enrollment. */
    MEMBER,
    /** Only a joining server logged in with an enrollment token, which may do nothing but enrol. */
    ENROLLING,
    /** Only a session logged in with a transfer ticket the capability issued ({@link TicketCheck}). */
    TICKET;

    public boolean allows(Principal p) {
        if (p == null) {
            return false;
        }
        return switch (this) {
            case USER -> !p.isMember() && !p.isEnrolling() && !p.isTicket();
            case ADMIN -> p.isAdmin() && !p.isMember() && !p.isEnrolling() && !p.isTicket();
            case MEMBER -> p.isMember();
            case ENROLLING -> p.isEnrolling();
            case TICKET -> p.isTicket();
        };
    }

    /** What a refused sender lacks, for the refusal's sentence. */
    public String requirement() {
        return switch (this) {
            case USER -> "a user's login";
            case ADMIN -> "the admin role";
            case MEMBER -> "the login of an enrolled server";
            case ENROLLING -> "a login with an enrollment token";
            case TICKET -> "a login with a transfer ticket";
        };
    }
}
