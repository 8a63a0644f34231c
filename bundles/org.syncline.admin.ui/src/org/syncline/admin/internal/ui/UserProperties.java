package org.syncline.admin.internal.ui;

import java.util.LinkedHashMap;
import java.util.Map;

import org.syncline.admin.UserInfo;
import org.syncline.ui.Formats;
import org.syncline.ui.ReadOnlyProperties;

/** A user's fields as the Properties view shows them. */
final class UserProperties {
    private UserProperties() {
    }

    static ReadOnlyProperties of(UserInfo user) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("Name", user.name());
        values.put("Administrator", user.admin() ? "yes" : "no");
        values.put("Disabled", user.disabled() ? "yes: cannot log in" : "no");
        values.put("Groups", user.groups().isEmpty() ? "(none)" : String.join(", ", user.groups()));
        values.put("Created", Formats.time(user.created()));
        return new ReadOnlyProperties("User", values);
    }
}
