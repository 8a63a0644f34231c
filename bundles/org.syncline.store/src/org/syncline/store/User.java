package org.syncline.store;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** A user account as others may see it: never the password hash. A disabled user cannot log in. */
public record User(String name, Set<Role> roles, Instant created, boolean disabled) {

    /** An enabled user. */
    public User(String name, Set<Role> roles, Instant created) {
        this(name, roles, created, false);
    }

    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(created, "created");
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }
}
