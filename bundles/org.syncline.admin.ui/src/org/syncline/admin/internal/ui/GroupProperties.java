package org.syncline.admin.internal.ui;

import java.util.LinkedHashMap;
import java.util.Map;

import org.syncline.admin.GroupInfo;
import org.syncline.ui.ReadOnlyProperties;

/** A group's fields as the Properties view shows them. */
final class GroupProperties {
    private GroupProperties() {
    }

    static ReadOnlyProperties of(GroupInfo group) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("Name", group.name());
        values.put("Members", String.valueOf(group.members().size()));
        values.put("Member names", group.members().isEmpty() ? "(none)" : String.join(", ", group.members()));
        return new ReadOnlyProperties("Group", values);
    }
}
