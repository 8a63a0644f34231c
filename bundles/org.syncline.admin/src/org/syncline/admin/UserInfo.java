package org.syncline.admin;

import java.time.Instant;
import java.util.List;

/**
 * A user as administrators see it; never carries the password hash. Travels as its fields by name. A
 * disabled user keeps their groups and folders but cannot log in.
 */
public record UserInfo(String name, boolean admin, Instant created, List<String> groups, boolean disabled) {

    public UserInfo {
        groups = List.copyOf(groups);
    }
}
