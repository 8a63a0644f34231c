package org.syncline.protocol;

import java.util.List;

/**
 * The names a share dialog suggests for what was typed (sync.share.names, docs.share.names): users and groups whose
 * names start with it, each in order, for a {@link Grant} to one of them.
 */
public record ShareNames(List<String> users, List<String> groups) {
    public ShareNames {
        users = List.copyOf(users);
        groups = List.copyOf(groups);
    }
}
