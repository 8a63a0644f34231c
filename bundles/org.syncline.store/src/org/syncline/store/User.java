package org.syncline.store;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** A user account as others may see it: never the password hash. */
public record User(String name, Set<Role> roles, Instant created) {

    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(created, "created");
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }
}
