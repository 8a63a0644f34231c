package org.syncline.protocol.internal;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.protocol.Access;
import org.syncline.protocol.Authenticator;
import org.syncline.protocol.DownloadHandler;
import org.syncline.protocol.EndpointSettings;
import org.syncline.protocol.Frame;
import org.syncline.protocol.FrameKind;
import org.syncline.protocol.Principal;
import org.syncline.protocol.ProtocolConstants;
import org.syncline.protocol.ProtocolError;
import org.syncline.protocol.RequestHandler;
import org.syncline.protocol.UploadHandler;

/**
 * The server side of every session: HELLO and version check, login with throttling, and for each message
 * the route and access check before its handler runs on a worker thread (never on MINA's I/O threads).
 * Frame violations get one ERROR frame and close that session only.
 */
public final class SessionHandler extends IoHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(SessionHandler.class);
    private static final long STREAM_TIMEOUT_MILLIS = 120_000;
    /** Frames a client may pipeline behind a LOGIN that is still being checked. */
    private static final int MAX_HELD_FRAMES = 64;

    private final EndpointSettings settings;
    private final Routes routes;
    private final Authenticator authenticator;
    private final LoginThrottle throttle;
    private final ExecutorService workers;
    private final Runnable sessionsChanged;
    private final ScheduledExecutorService timer;
    private final ConcurrentHashMap<String, AtomicInteger> unauthenticated = new ConcurrentHashMap<>();

    public SessionHandler(EndpointSettings settings, Routes routes, Authenticator authenticator, LoginThrottle throttle,
            ExecutorService workers, ScheduledExecutorService timer, Runnable sessionsChanged) {
        this.timer = timer;
        this.settings = settings;
        this.routes = routes;
        this.authenticator = authenticator;
        this.throttle = throttle;
        this.workers = workers;
        this.sessionsChanged = sessionsChanged;
    }

    @Override
    public void sessionCreated(IoSession session) {
        ServerSession st = new ServerSession();
        st.flow = new SessionFlow(fr -> Sessions.send(session, fr));
        session.setAttribute(ServerSession.ATTRIBUTE, st);
        String address = address(session);
        st.unauthenticatedFrom.set(address);
        int open = unauthenticated.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
        if (open > settings.maxUnauthenticatedPerAddress()) {
            // before the TLS handshake: a flood of half-open sessions costs no key exchange
            LOG.warn("Refused a connection from {}: {} sessions from there have not logged in yet", address, open - 1);
            session.closeNow();
            return;
        }
        timer.schedule(() -> {
            if (st.principal == null && !session.isClosing()) {
                refuse(session, new FrameException(ErrorCode.TIMEOUT, "The session did not log in within "
                        + settings.loginTimeoutSeconds() + " s; the connection is closed."));
            }
        }, settings.loginTimeoutSeconds(), TimeUnit.SECONDS);
    }

    /** The session no longer counts as unauthenticated: it logged in or closed. */
    private void authenticatedOrGone(ServerSession st) {
        String address = st.unauthenticatedFrom.getAndSet(null);
        if (address != null) {
            unauthenticated.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
        }
    }

    private static String address(IoSession session) {
        return session.getRemoteAddress() instanceof InetSocketAddress isa && isa.getAddress() != null
                ? isa.getAddress().getHostAddress() : String.valueOf(session.getRemoteAddress());
    }

    @Override
    public void messageReceived(IoSession session, Object message) {
        ServerSession st = ServerSession.of(session);
        Frame f = (Frame) message;
        synchronized (st) {
            if (st.loginPending) {
                // keeps the client's order: what follows a LOGIN is handled once the login is decided
                if (st.held.size() >= MAX_HELD_FRAMES) {
                    refuse(session, new FrameException(ErrorCode.PROTOCOL_ERROR, "More than " + MAX_HELD_FRAMES
                            + " frames were sent behind an unanswered login; the connection is closed."));
                } else {
                    st.held.add(f);
                }
                return;
            }
        }
        handle(session, st, f);
    }

    private void handle(IoSession session, ServerSession st, Frame f) {
        if (!st.greeted) {
            greet(session, st, f);
            return;
        }
        if (st.principal == null && !(f.kind() == FrameKind.REQUEST && ProtocolConstants.LOGIN.equals(f.type()))) {
            beforeLogin(session, st, f);
            return;
        }
        switch (f.kind()) {
            // the body comes back unchanged: a client times the round trip with it (SessionFlow)
            case PING -> {
                st.flow.ping(f);
                Sessions.send(session, new Frame(FrameKind.PONG, f.id(), "", f.body()));
            }
            case REQUEST, UPLOAD, DOWNLOAD -> dispatch(session, st, f);
            case DATA -> {
                StreamReceiver r = st.receivers.get(f.id());
                if (r != null && !r.offerChunk(f.body())) {
                    refuse(session, new FrameException(ErrorCode.PROTOCOL_ERROR,
                            "The client sent stream data beyond its credit; the connection is closed."));
                }
            }
            case END -> {
                StreamReceiver r = st.receivers.remove(f.id());
                if (r != null) {
                    r.end();
                }
            }
            case CREDIT -> {
                StreamSender s = st.senders.get(f.id());
                if (s != null) {
                    s.credit(f.creditCount());
                }
            }
            case ERROR -> {
                // an upload the client gave up on ends now, not when its stream times out two minutes later
                StreamReceiver r = st.receivers.remove(f.id());
                if (r != null) {
                    r.fail("The client abandoned the upload.");
                } else {
                    st.abandoned.add(f.id());
                }
            }
            case PONG -> st.flow.pong(f);
            default -> refuse(session, new FrameException(ErrorCode.PROTOCOL_ERROR,
                    "A client may not send " + f.kind() + " frames; the connection is closed."));
        }
    }

    /**
     * A frame between HELLO and the answer to LOGIN. A client reconnecting sends its HELLO and LOGIN first, but its
     * other threads (a caller retrying, the keep-alive ping) may write as soon as the new session exists: closing the
     * session for that made the reconnect fail attempt after attempt. So a message is refused on its own
     * (NOT_LOGGED_IN, no handler runs), a PING is answered, and the rest of a refused stream is dropped; a session
     * sending more than {@value ProtocolConstants#MAX_FRAMES_BEFORE_LOGIN} such frames is closed, as is one whose frames cannot be
     * a client's (the pre-login frame size limit and the login timeout still hold).
     */
    private void beforeLogin(IoSession session, ServerSession st, Frame f) {
        if (++st.framesBeforeLogin > ProtocolConstants.MAX_FRAMES_BEFORE_LOGIN) {
            refuse(session, new FrameException(ErrorCode.NOT_LOGGED_IN, "More than " + ProtocolConstants.MAX_FRAMES_BEFORE_LOGIN
                    + " frames were sent before logging in; the connection is closed."));
            return;
        }
        switch (f.kind()) {
            case PING -> Sessions.send(session, new Frame(FrameKind.PONG, f.id(), "", f.body()));
            case REQUEST, UPLOAD, DOWNLOAD -> Sessions.send(session, Frame.error(f.id(), new ProtocolError(ErrorCode.NOT_LOGGED_IN,
                    "Log in before sending '" + org.syncline.core.Names.printable(f.type()) + "'.")));
            case DATA, END, CREDIT, ERROR, PONG -> {
                // the rest of a stream refused above, or an answer to nothing: there is nothing to do with it
            }
            default -> refuse(session, new FrameException(ErrorCode.PROTOCOL_ERROR,
                    "A client may not send " + f.kind() + " frames; the connection is closed."));
        }
    }

    private void greet(IoSession session, ServerSession st, Frame f) {
        if (f.kind() != FrameKind.HELLO) {
            refuse(session, new FrameException(ErrorCode.PROTOCOL_ERROR,
                    "The first frame must be HELLO; the connection is closed."));
            return;
        }
        long version;
        try {
            version = f.jsonBody().number("protocol");
        } catch (SynclineException e) {
            refuse(session, new FrameException(ErrorCode.PROTOCOL_ERROR, "The HELLO frame is malformed: " + e.getMessage()));
            return;
        }
        if (version != ProtocolConstants.VERSION) {
            refuse(session, new FrameException(ErrorCode.PROTOCOL_VERSION, "This server speaks Syncline protocol "
                    + ProtocolConstants.VERSION + " but the client speaks protocol " + version
                    + "; use a client of the same release as the server."));
            return;
        }
        st.greeted = true;
        Sessions.send(session, Frame.json(FrameKind.WELCOME, 0, "", Json.object("protocol", (long) ProtocolConstants.VERSION,
                "server", settings.serverVersion(), "name", settings.serverName(),
                "idleTimeout", (long) settings.idleTimeoutSeconds(), "maxFrame", (long) settings.maxFrame())));
    }

    private void dispatch(IoSession session, ServerSession st, Frame f) {
        String type = f.type();
        if (ProtocolConstants.LOGIN.equals(type) && f.kind() == FrameKind.REQUEST) {
            synchronized (st) {
                st.loginPending = true;
            }
            workers.execute(() -> {
                try {
                    login(session, st, f);
                } finally {
                    releaseHeld(session, st);
                }
            });
            return;
        }
        if (ProtocolConstants.SUBSCRIBE.equals(type) && f.kind() == FrameKind.REQUEST) {
            workers.execute(() -> subscribe(session, st, f));
            return;
        }
        Routes.Route route = routes.get(type);
        ProtocolError refusal = null;
        if (route == null) {
            refusal = new ProtocolError(ErrorCode.BAD_REQUEST, "This server does not know the message type '"
                    + org.syncline.core.Names.printable(type) + "' (is the role that serves it enabled?).");
        } else if (route.kind() != f.kind()) {
            refusal = new ProtocolError(ErrorCode.BAD_REQUEST, "'" + type + "' must be sent as " + route.kind() + ", not " + f.kind() + ".");
        } else if (!route.access().allows(st.principal)) {
            refusal = new ProtocolError(ErrorCode.ACCESS_DENIED, "'" + type + "' needs " + route.access().requirement()
                    + "; '" + st.principal.name() + "' does not have it.");
        }
        if (refusal != null) {
            Sessions.send(session, Frame.error(f.id(), refusal));
            return;
        }
        HandlerContext ctx = new HandlerContext(session, st.principal);
        switch (f.kind()) {
            case UPLOAD -> {
                StreamReceiver in = new StreamReceiver(f.id(), fr -> Sessions.send(session, fr), STREAM_TIMEOUT_MILLIS, st.flow);
                st.receivers.put(f.id(), in);
                workers.execute(() -> run(session, f, () -> {
                    try {
                        return ((UploadHandler) route.handler()).handle(ctx, f.jsonBody(), in);
                    } finally {
                        st.receivers.remove(f.id());
                        in.close();
                    }
                }));
            }
            case DOWNLOAD -> {
                StreamSender out = new StreamSender(f.id(), fr -> Sessions.sendStream(session, fr), STREAM_TIMEOUT_MILLIS,
                        () -> st.abandoned.contains(f.id()) || !session.isConnected());
                st.senders.put(f.id(), out);
                workers.execute(() -> run(session, f, () -> {
                    try {
                        Map<String, Object> result = ((DownloadHandler) route.handler()).handle(ctx, f.jsonBody(), out);
                        out.close();
                        return result;
                    } finally {
                        st.senders.remove(f.id());
                        st.abandoned.remove(f.id());
                    }
                }));
            }
            default -> workers.execute(() -> run(session, f, () -> ((RequestHandler) route.handler()).handle(ctx, f.jsonBody())));
        }
    }

    /** Handles, in order, the frames that waited behind a login; stops at the next LOGIN, which waits again. */
    private void releaseHeld(IoSession session, ServerSession st) {
        while (true) {
            Frame next;
            synchronized (st) {
                next = st.held.poll();
                if (next == null) {
                    st.loginPending = false;
                    return;
                }
            }
            // a pipelined LOGIN sets loginPending again and its own worker releases what follows it
            boolean login = next.kind() == FrameKind.REQUEST && ProtocolConstants.LOGIN.equals(next.type());
            handle(session, st, next);
            if (login) {
                return;
            }
        }
    }

    private void run(IoSession session, Frame f, Work work) {
        try {
            Map<String, Object> result = work.run();
            Frame reply = Frame.json(FrameKind.RESPONSE, f.id(), f.type(), result == null ? Map.of() : result);
            if (reply.length() > ProtocolConstants.DEFAULT_MAX_FRAME) {
                // a client refuses a frame over its limit by closing the connection: every request on it would fail
                // with "connection lost"; this one fails alone, and says why
                LOG.warn("The answer to '{}' is {} bytes, over the {} a client accepts; sent an error instead", f.type(),
                        reply.length(), ProtocolConstants.DEFAULT_MAX_FRAME);
                Sessions.send(session, Frame.error(f.id(), new ProtocolError(ErrorCode.FRAME_TOO_LARGE, "The answer to '"
                        + f.type() + "' would be " + mib(reply.length()) + ", more than the " + mib(ProtocolConstants.DEFAULT_MAX_FRAME)
                        + " one answer may be; ask for less (a narrower filter or a page) or tell the administrator.")));
                return;
            }
            Sessions.send(session, reply);
        } catch (SynclineException e) {
            Sessions.send(session, Frame.error(f.id(), ProtocolError.of(e)));
        } catch (Exception e) {
            String ref = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("Handler for '{}' failed (reference {})", f.type(), ref, e);
            Sessions.send(session, Frame.error(f.id(), new ProtocolError(ErrorCode.INTERNAL,
                    "The server failed to handle '" + f.type() + "'; its log has the details under reference " + ref + ".")));
        }
    }

    private static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
    }

    private void login(IoSession session, ServerSession st, Frame f) {
        String address = address(session);
        try {
            JsonObject body = f.jsonBody();
            String user = body.string("user");
            char[] password = body.string("password").toCharArray();
            long wait = throttle.secondsLocked(address, user);
            if (wait > 0) {
                throw new SynclineException(ErrorCode.AUTH_THROTTLED, "Too many failed logins for '"
                        + org.syncline.core.Names.printable(user) + "' from this address; try again in " + wait + " s.");
            }
            Principal p = authenticator.authenticate(user, password).orElse(null);
            java.util.Arrays.fill(password, '\0');
            if (p == null) {
                throttle.failed(address, user);
                LOG.warn("Failed login for '{}' from {}", org.syncline.core.Names.printable(user), address);
                throw new SynclineException(ErrorCode.AUTH_FAILED, "Unknown user or wrong password.");
            }
            throttle.succeeded(address, user);
            st.principal = p;
            authenticatedOrGone(st);
            LOG.info("'{}' logged in from {}", p.name(), address);
            Sessions.send(session, Frame.json(FrameKind.RESPONSE, f.id(), f.type(),
                    Json.object("user", p.name(), "roles", new ArrayList<>(p.roles()))));
            sessionsChanged.run();
        } catch (SynclineException e) {
            Sessions.send(session, Frame.error(f.id(), ProtocolError.of(e)));
        }
    }

    private void subscribe(IoSession session, ServerSession st, Frame f) {
        try {
            String topic = f.jsonBody().string("topic");
            Access access = routes.topicAccess(topic);
            if (access == null) {
                throw new SynclineException(ErrorCode.NOT_FOUND, "There is no topic '" + org.syncline.core.Names.printable(topic) + "'.");
            }
            if (!access.allows(st.principal)) {
                throw new SynclineException(ErrorCode.ACCESS_DENIED, "Topic '" + topic + "' needs " + access.requirement() + ".");
            }
            st.topics.add(topic);
            Sessions.send(session, Frame.json(FrameKind.RESPONSE, f.id(), f.type(), Json.object("topic", topic)));
        } catch (SynclineException e) {
            Sessions.send(session, Frame.error(f.id(), ProtocolError.of(e)));
        }
    }

    private void refuse(IoSession session, FrameException e) {
        LOG.info("Refused session from {}: {}", session.getRemoteAddress(), e.getMessage());
        Sessions.send(session, Frame.error(0, ProtocolError.of(e)));
        session.closeOnFlush();
    }

    @Override
    public void exceptionCaught(IoSession session, Throwable cause) {
        FrameException violation = Sessions.frameViolation(cause);
        if (violation != null) {
            refuse(session, violation);
        } else if (Sessions.isPeerFault(cause)) {
            LOG.info("Closed session from {}: {}", session.getRemoteAddress(), cause.getMessage());
            session.closeNow();
        } else {
            LOG.error("Unexpected failure in session from {}", session.getRemoteAddress(), cause);
            session.closeNow();
        }
    }

    @Override
    public void messageSent(IoSession session, Object message) {
        WriteBacklog.sent(session);
    }

    @Override
    public void sessionIdle(IoSession session, IdleStatus status) {
        LOG.info("Closed idle session from {}", session.getRemoteAddress());
        session.closeNow();
    }

    @Override
    public void sessionClosed(IoSession session) {
        ServerSession st = ServerSession.of(session);
        if (st != null) {
            authenticatedOrGone(st);
            st.failStreams("The connection was closed.");
            if (st.principal != null) {
                st.principal = null;
                sessionsChanged.run();
            }
        }
    }

@FunctionalInterface
private interface Work {
    Map<String, Object> run() throws Exception;
}
}
