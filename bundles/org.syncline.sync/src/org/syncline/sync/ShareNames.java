package org.syncline.sync;

import java.util.List;

/** The names a share dialog suggests for what was typed ({@link SyncMessages#SHARE_NAMES}): users and groups, each in order. */
public record ShareNames(List<String> users, List<String> groups) {
    public ShareNames {
        users = List.copyOf(users);
        groups = List.copyOf(groups);
    }
}
