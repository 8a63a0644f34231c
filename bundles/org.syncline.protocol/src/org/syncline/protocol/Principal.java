package org.syncline.protocol;

import java.util.Set;

/** Who a logged-in session belongs to: the user, its roles and the groups it was in at login. */
public record Principal(String name, Set<String> roles, Set<String> groups) {
    public static final String ADMIN = "admin";

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

    public boolean inGroup(String group) {
        return groups.contains(group);
    }
}
