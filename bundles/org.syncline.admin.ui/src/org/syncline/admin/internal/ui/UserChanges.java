package org.syncline.admin.internal.ui;

import java.util.Arrays;
import java.util.Set;

import org.syncline.admin.UserInfo;
import org.syncline.admin.client.AdminClient;

/**
 * What one save of the user editor sends: only what differs from the user as the editor read it, one message
 * per change, each checked by the server. Every step is safe to repeat, so after a refusal the same save can
 * be sent again once the edits are fixed.
 */
record UserChanges(UserInfo before, boolean admin, boolean disabled, char[] password, Set<String> groups) {

    UserChanges {
        groups = Set.copyOf(groups);
    }

    void sendTo(AdminClient client) {
        String name = before.name();
        try {
            if (admin != before.admin()) {
                client.setAdmin(name, admin);
            }
            if (disabled != before.disabled()) {
                client.setDisabled(name, disabled);
            }
            if (password.length > 0) {
                client.setPassword(name, password, null);
            }
            for (String g : groups) {
                if (!before.groups().contains(g)) {
                    client.addMember(g, name);
                }
            }
            for (String g : before.groups()) {
                if (!groups.contains(g)) {
                    client.removeMember(g, name);
                }
            }
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
