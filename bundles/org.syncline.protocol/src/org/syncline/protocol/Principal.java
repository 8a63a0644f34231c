package org.syncline.protocol;

import java.util.Set;

/** Who a logged-in session belongs to: the user, its roles and the groups it was in at login. */
public record Principal(String name, Set<String> roles, Set<String> groups) {
    public static final String ADMIN = "admin";
    /** The role of a server of the deployment logged in with its enrollment credential: never a user. */
    public static final String MEMBER = "member";
    /** The role of a joining server logged in with an enrollment token: it may only enrol. */
    public static final String ENROLLING = "enrolling";
    /**
     * The role of a session logged in with a capability's single-use transfer ticket (see {@link TicketCheck}):
     * never a user, a member or an enrolling server; it may send only the messages registered for {@link Access#TICKET}.
     */
    public static final String TICKET = "ticket";

    public Principal {
        roles = Set.copyOf(roles);
        groups = Set.copyOf(groups);
    }

    public Principal(String name, Set<String> roles) {
        this(name, roles, Set.of());
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    public boolean isMember() {
        return roles.contains(MEMBER);
    }

    public boolean isEnrolling() {
        return roles.contains(ENROLLING);
    }

    public boolean isTicket() {
        return roles.contains(TICKET);
    }

    public boolean inGroup(String group) {
        return groups.contains(group);
    }
}
