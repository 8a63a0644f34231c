package org.syncline.protocol.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.syncline.protocol.Access;
import org.syncline.protocol.FrameKind;

/** Which handler answers each message type, how it must be sent, who may send it; and the push topics. */
public final class Routes {
    /** {@code handler} is a RequestHandler, UploadHandler or DownloadHandler matching {@code kind}. */
    public record Route(FrameKind kind, Access access, Object handler) {
    }

    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Map<String, Access> topics = new ConcurrentHashMap<>();

    public void add(String type, Route route) {
        // session.* is the protocol's own (hello, login, ping, subscribe, closed)
        if (type.startsWith("session.") || routes.putIfAbsent(type, route) != null) {
            throw new IllegalArgumentException("Message type already taken: " + type);
        }
    }

    public Route get(String type) {
        return routes.get(type);
    }

    public void topic(String topic, Access access) {
        topics.put(topic, access);
    }

    /** Who may subscribe to the topic, or null when there is no such topic. */
    public Access topicAccess(String topic) {
        return topics.get(topic);
    }
}
