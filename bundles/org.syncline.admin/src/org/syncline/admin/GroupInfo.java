package org.syncline.admin;

import java.util.List;

/** A group and its members; capabilities grant rights on their objects to groups. */
public record GroupInfo(String name, List<String> members) {

    public GroupInfo {
        members = List.copyOf(members);
    }
}
