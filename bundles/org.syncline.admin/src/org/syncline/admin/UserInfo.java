package org.syncline.admin;

import java.time.Instant;
import java.util.List;

/** A user as administrators see it; never carries the password hash. Travels as its fields by name. */
public record UserInfo(String name, boolean admin, Instant created, List<String> groups) {

    public UserInfo {
        groups = List.copyOf(groups);
    }
}
