package org.syncline.protocol;

import java.util.Set;

/** Who a logged-in session belongs to. */
public record Principal(String name, Set<String> roles) {
    public static final String ADMIN = "admin";

    public Principal {
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }
}
