package org.syncline.protocol;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolCodecFilter;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.syncline.protocol.internal.FrameCodecFactory;
import org.syncline.protocol.internal.Routes;
import org.syncline.protocol.internal.SessionHandler;
import org.syncline.protocol.internal.LoginThrottle;
import org.syncline.protocol.internal.ServerSession;
import org.syncline.protocol.internal.Sessions;
import org.syncline.protocol.internal.TlsFilter;

/**
 * The server end: one TLS 1.3 port, the handshake, login, and dispatch of every message to the handler
 * registered for its type after checking that the session may send it. Handlers run on worker threads,
 * never on MINA's I/O threads.
 */
public final class Endpoint implements AutoCloseable {

    private final EndpointSettings settings;
    private final ServerIdentity identity;
    private final Authenticator authenticator;
    private final Routes routes = new Routes();
    /** Per capability: who checks the transfer tickets it issued (TicketCheck). */
    private final Map<String, TicketCheck> ticketChecks = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Runnable> sessionListeners = new CopyOnWriteArrayList<>();
    private final LoginThrottle throttle = new LoginThrottle(Clock.systemUTC());
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("syncline-worker-", 0).factory());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "syncline-login-timeout");
        t.setDaemon(true);
        return t;
    });
    private NioSocketAcceptor acceptor;

    public Endpoint(EndpointSettings settings, ServerIdentity identity, Authenticator authenticator) {
        this.settings = settings;
        this.identity = identity;
        this.authenticator = authenticator;
    }

    public void handle(String type, Access access, RequestHandler handler) {
        routes.add(type, new Routes.Route(FrameKind.REQUEST, access, handler));
    }

    public void handleUpload(String type, Access access, UploadHandler handler) {
        routes.add(type, new Routes.Route(FrameKind.UPLOAD, access, handler));
    }

    public void handleDownload(String type, Access access, DownloadHandler handler) {
        routes.add(type, new Routes.Route(FrameKind.DOWNLOAD, access, handler));
    }

    /** Admits logins with {@code capability}'s transfer tickets ({@link TicketCheck}); one check per capability. */
    void acceptTickets(String capability, TicketCheck check) {
        if (ticketChecks.putIfAbsent(capability, check) != null) {
            throw new IllegalStateException("Capability '" + capability + "' already has a ticket check");
        }
    }

    /** Ticket logins go to the capability that issued the ticket, every other login to the server's authenticator. */
    private java.util.Optional<Principal> authenticate(String user, char[] password) {
        if (!user.startsWith(TicketCheck.LOGIN_PREFIX)) {
            return authenticator.authenticate(user, password);
        }
        String rest = user.substring(TicketCheck.LOGIN_PREFIX.length());
        int colon = rest.indexOf(':');
        TicketCheck check = colon > 0 ? ticketChecks.get(rest.substring(0, colon)) : null;
        return check != null && check.admit(rest.substring(colon + 1), password)
                ? java.util.Optional.of(new Principal(user, java.util.Set.of(Principal.TICKET)))
                : java.util.Optional.empty();
    }

    /** The registration view a capability gets: names outside {@code <capability>.} are refused. */
    public CapabilityEndpoint forCapability(String capability) {
        return new CapabilityEndpoint(this, capability);
    }

    /** Declares a topic sessions may subscribe to, and who may. */
    public void topic(String topic, Access access) {
        routes.topic(topic, access);
    }

    /** Called whenever a session logs in or closes. */
    public void onSessionsChanged(Runnable listener) {
        sessionListeners.add(listener);
    }

    public synchronized InetSocketAddress start() throws IOException {
        acceptor = new NioSocketAcceptor(Math.max(2, Runtime.getRuntime().availableProcessors()));
        acceptor.setReuseAddress(true);
        acceptor.getFilterChain().addLast("tls", TlsFilter.server(identity.serverContext(), ProtocolConstants.TLS_PROTOCOL));
        acceptor.getFilterChain().addLast("frames", new ProtocolCodecFilter(
                new FrameCodecFactory(settings.maxFrame(), EndpointSettings.PRE_LOGIN_MAX_FRAME)));
        acceptor.getSessionConfig().setReaderIdleTime(settings.idleTimeoutSeconds());
        acceptor.getSessionConfig().setTcpNoDelay(true);
        // MINA starts reads at 2 KiB and grows slowly; streams move 64 KiB chunks.
        acceptor.getSessionConfig().setReadBufferSize(ProtocolConstants.CHUNK_SIZE);
        acceptor.getSessionConfig().setMinReadBufferSize(ProtocolConstants.CHUNK_SIZE / 4);
        acceptor.setHandler(new SessionHandler(settings, routes, this::authenticate, throttle, workers, timer,
                () -> sessionListeners.forEach(Runnable::run)));
        acceptor.bind(settings.bind());
        return acceptor.getLocalAddress();
    }

    public InetSocketAddress address() {
        return acceptor.getLocalAddress();
    }

    /** Sessions that have logged in. */
    public int loggedInSessions() {
        NioSocketAcceptor a = acceptor;
        if (a == null) {
            return 0;
        }
        int n = 0;
        for (IoSession s : a.getManagedSessions().values()) {
            ServerSession st = ServerSession.of(s);
            if (st != null && st.principal != null) {
                n++;
            }
        }
        return n;
    }

    /** Pushes a message to every session subscribed to the topic. */
    public void publish(String topic, String type, Map<String, Object> body) {
        publish(topic, type, body, p -> true);
    }

    /**
     * Pushes a message to the sessions subscribed to the topic whose principal {@code audience} accepts, so
     * an event about an object reaches only those who may see that object.
     */
    public void publish(String topic, String type, Map<String, Object> body, java.util.function.Predicate<Principal> audience) {
        NioSocketAcceptor a = acceptor;
        if (a == null) {
            return;
        }
        Frame frame = Frame.json(FrameKind.PUSH, 0, type, body);
        for (IoSession s : a.getManagedSessions().values()) {
            ServerSession st = ServerSession.of(s);
            if (st != null && st.principal != null && st.topics.contains(topic) && audience.test(st.principal)) {
                Sessions.send(s, frame);
            }
        }
    }

    /**
     * Closes every logged-in session of {@code user} except the one with id {@code keepSessionId}, after
     * pushing {@code session.closed} with the reason; used when a user is removed, demoted or given a new
     * password. Returns the number of sessions closed.
     */
    public int closeSessionsOf(String user, long keepSessionId, String reason) {
        NioSocketAcceptor a = acceptor;
        if (a == null) {
            return 0;
        }
        int n = 0;
        Frame notice = Frame.json(FrameKind.PUSH, 0, "session.closed", java.util.Map.of("reason", reason));
        for (IoSession s : a.getManagedSessions().values()) {
            ServerSession st = ServerSession.of(s);
            if (st != null && st.principal != null && st.principal.name().equals(user) && s.getId() != keepSessionId) {
                Sessions.send(s, notice);
                s.closeOnFlush();
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized void close() {
        if (acceptor != null) {
            acceptor.unbind();
            for (IoSession s : new ArrayList<>(acceptor.getManagedSessions().values())) {
                s.closeNow();
            }
            acceptor.dispose(true);
        }
        timer.shutdownNow();
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
