package org.syncline.documents.internal.ui;

import java.util.LinkedHashMap;
import java.util.Map;

import org.syncline.documents.NodeInfo;
import org.syncline.ui.Formats;
import org.syncline.ui.ReadOnlyProperties;

/** A storage node as the Properties view shows it. */
final class NodeProperties {
    private NodeProperties() {
    }

    static ReadOnlyProperties of(NodeInfo node) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("Name", node.name());
        values.put("Address", node.address());
        values.put("Status", node.status());
        values.put("Capacity", Formats.size(node.capacity()));
        values.put("Free", Formats.size(node.free()));
        values.put("Documents", Long.toString(node.documents()));
        values.put("Last heartbeat", node.local() ? "(this server)" : Formats.time(node.lastHeartbeat()));
        return new ReadOnlyProperties("Storage node", values);
    }
}
