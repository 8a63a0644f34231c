package org.syncline.protocol.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.syncline.protocol.Principal;

/** What the endpoint remembers about one client session. */
public final class ServerSession {
    static final String ATTRIBUTE = "syncline.session";
    public volatile boolean greeted;
    public volatile Principal principal;
    public final Set<String> topics = ConcurrentHashMap.newKeySet();
    public final Map<Long, StreamReceiver> receivers = new ConcurrentHashMap<>();
    public final Map<Long, StreamSender> senders = new ConcurrentHashMap<>();
    /** Ids of downloads the client abandoned, so their senders stop. */
    public final Set<Long> abandoned = ConcurrentHashMap.newKeySet();

    /** The state of a MINA session, or null before the session was created. */
    public static ServerSession of(org.apache.mina.core.session.IoSession session) {
        return (ServerSession) session.getAttribute(ATTRIBUTE);
    }

    public void failStreams(String why) {
        receivers.values().forEach(r -> r.fail(why));
        receivers.clear();
        abandoned.addAll(senders.keySet());
    }
}
