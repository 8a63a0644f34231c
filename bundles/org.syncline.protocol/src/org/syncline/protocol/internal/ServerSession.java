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
    /** Round trip and window budget shared by this session's streams; set when the session is created. */
    public volatile SessionFlow flow = SessionFlow.unmeasured();
    /** Ids of downloads the client abandoned, so their senders stop. */
    public final Set<Long> abandoned = ConcurrentHashMap.newKeySet();
    /** Frames that arrived while a login was being checked, handled in order once it is decided (guarded by this). */
    final java.util.ArrayDeque<org.syncline.protocol.Frame> held = new java.util.ArrayDeque<>();
    boolean loginPending;
    /** Frames other than HELLO and LOGIN this session sent before it logged in (each refused or dropped). */
    int framesBeforeLogin;
    /** The address this session counts against while it has not logged in, or null once it no longer counts. */
    final java.util.concurrent.atomic.AtomicReference<String> unauthenticatedFrom = new java.util.concurrent.atomic.AtomicReference<>();

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
