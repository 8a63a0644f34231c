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
    ENROLLING;

    public boolean allows(Principal p) {
        if (p == null) {
            return false;
        }
        return switch (this) {
            case USER -> !p.isMember() && !p.isEnrolling();
            case ADMIN -> p.isAdmin() && !p.isMember() && !p.isEnrolling();
            case MEMBER -> p.isMember();
            case ENROLLING -> p.isEnrolling();
        };
    }

    /** What a refused sender lacks, for the refusal's sentence. */
    public String requirement() {
        return switch (this) {
            case USER -> "a user's login";
            case ADMIN -> "the admin role";
            case MEMBER -> "the login of an enrolled server";
            case ENROLLING -> "a login with an enrollment token";
        };
    }
}
