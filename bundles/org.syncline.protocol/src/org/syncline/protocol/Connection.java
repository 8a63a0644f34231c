package org.syncline.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

import org.apache.mina.core.future.ConnectFuture;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.FilterEvent;
import org.apache.mina.filter.codec.ProtocolCodecFilter;
import org.apache.mina.filter.ssl.SslEvent;
import org.apache.mina.transport.socket.nio.NioSocketConnector;
import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.protocol.internal.FrameCodecFactory;
import org.syncline.protocol.internal.FrameException;
import org.syncline.protocol.internal.PinningTrustManager;
import org.syncline.protocol.internal.Sessions;
import org.syncline.protocol.internal.SessionFlow;
import org.syncline.protocol.internal.StreamReceiver;
import org.syncline.protocol.internal.StreamSender;
import org.syncline.protocol.internal.TlsFilter;
import org.syncline.protocol.internal.WriteBacklog;

/**
 * The client end of a connection to one server: TLS with a pinned certificate, handshake, login, requests,
 * uploads and downloads with backpressure, pushes, keep-alive pings, and reconnects with backoff when the
 * connection drops. Thread-safe; requests may be sent from any thread except a push listener's.
 */
public final class Connection implements AutoCloseable {
    private static final long CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final long MAX_BACKOFF_MILLIS = 30_000;
    private static final String SECURED = "syncline.secured";
    /** The frame this client refused on a session: read when it closes, also before it was published as {@link #session}. */
    private static final String REFUSED = "syncline.refused";

    private final ConnectionSettings settings;
    private final KnownServers knownServers;
    private final FingerprintPrompt prompt;
    private final NioSocketConnector connector = new NioSocketConnector(1);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "syncline-connection");
        t.setDaemon(true);
        return t;
    });
    private final java.util.concurrent.ExecutorService pushes = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "syncline-push");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<Frame>> pending = new ConcurrentHashMap<>();
    private final Map<Long, StreamReceiver> receivers = new ConcurrentHashMap<>();
    private final Map<Long, StreamSender> senders = new ConcurrentHashMap<>();
    /** Round trip (timed PINGs) and window budget shared by this connection's downloads. */
    private final SessionFlow flow = new SessionFlow(f -> {
        IoSession s = this.session;
        if (s != null && s.isConnected()) {
            s.write(f);
        }
    });
    private final Map<String, List<Consumer<JsonObject>>> pushListeners = new ConcurrentHashMap<>();
    private final List<Consumer<ConnectionState>> stateListeners = new CopyOnWriteArrayList<>();
    private final Set<String> topics = ConcurrentHashMap.newKeySet();
    private final PinningTrustManager trust = new PinningTrustManager();

    private volatile IoSession session;
    private volatile CompletableFuture<Frame> welcome;
    private volatile CompletableFuture<Void> secured;
    private volatile ConnectionState state = ConnectionState.CONNECTING;
    private volatile ServerHello hello;
    private volatile SynclineException lastError;
    private volatile boolean closing;
    private ScheduledFuture<?> pinger;
    private long backoffMillis = 1000;
    /** When the live session was lost; null while connected. With {@link #outageReason} and {@link #nextAttempt}: {@link #outage()}. */
    private volatile java.time.Instant lostAt;
    /** Why the connection is down, in a few words ("connection refused"): the loss, then each failed attempt's. */
    private volatile String outageReason;
    /** When the next reconnect attempt starts; null while none is scheduled (connected, attempting, or given up). */
    private volatile java.time.Instant nextAttempt;
    /** What the TCP connect of the attempt now running said ("connection refused"), if it failed there. */
    private volatile String unreachable;

    private Connection(ConnectionSettings settings, KnownServers knownServers, FingerprintPrompt prompt) {
        this.settings = settings;
        this.knownServers = knownServers;
        this.prompt = prompt;
        try {
            SSLContext ctx = SSLContext.getInstance(ProtocolConstants.TLS_PROTOCOL);
            ctx.init(null, new TrustManager[] {trust}, new SecureRandom());
            connector.getFilterChain().addLast("tls", TlsFilter.client(ctx, ProtocolConstants.TLS_PROTOCOL));
        } catch (java.security.GeneralSecurityException e) {
            throw new SynclineException(ErrorCode.INTERNAL, "TLS 1.3 is not available in this Java runtime.", e);
        }
        connector.getFilterChain().addLast("frames", new ProtocolCodecFilter(new FrameCodecFactory(ProtocolConstants.DEFAULT_MAX_FRAME)));
        connector.setConnectTimeoutMillis(CONNECT_TIMEOUT_MILLIS);
        connector.getSessionConfig().setTcpNoDelay(true);
        connector.getSessionConfig().setReadBufferSize(ProtocolConstants.CHUNK_SIZE);
        connector.getSessionConfig().setMinReadBufferSize(ProtocolConstants.CHUNK_SIZE / 4);
        connector.setHandler(new Handler());
    }

    /**
     * Connects, verifies the server's certificate against the pinned one (asking {@code prompt} for a new
     * server), says HELLO and logs in. Throws a SynclineException naming the problem on any failure.
     */
    public static Connection open(ConnectionSettings settings, KnownServers knownServers, FingerprintPrompt prompt) {
        Connection c = new Connection(settings, knownServers, prompt);
        try {
            c.establish();
        } catch (RuntimeException e) {
            c.closing = true;
            c.shutdown();
            throw e;
        }
        c.setState(ConnectionState.CONNECTED);
        return c;
    }

    public ConnectionState state() {
        return state;
    }

    public ServerHello server() {
        return hello;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    /** The error that made the connection fail or drop last, if any. */
    public SynclineException lastError() {
        return lastError;
    }

    /**
     * Since when this connection is down, why, and when it tries again; null while connected (and before the first
     * connection, which {@link #open} either makes or throws for).
     */
    public org.syncline.core.Outage outage() {
        java.time.Instant since = lostAt;
        return since == null ? null : new org.syncline.core.Outage(since, outageReason, nextAttempt);
    }

    public void addStateListener(Consumer<ConnectionState> listener) {
        stateListeners.add(listener);
    }

    public void removeStateListener(Consumer<ConnectionState> listener) {
        stateListeners.remove(listener);
    }

    /** Listens for PUSH frames of a type; listeners run one at a time on a dedicated thread, in order. */
    public void onPush(String type, Consumer<JsonObject> listener) {
        pushListeners.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(listener);
    }

    public void removePushListener(String type, Consumer<JsonObject> listener) {
        List<Consumer<JsonObject>> l = pushListeners.get(type);
        if (l != null) {
            l.remove(listener);
        }
    }

    /** Subscribes to a server topic; re-subscribed automatically after a reconnect. */
    public void subscribe(String topic) {
        request(ProtocolConstants.SUBSCRIBE, Json.object("topic", topic));
        topics.add(topic);
    }

    /** Sends a request and waits for its response. */
    public JsonObject request(String type, Map<String, Object> body) {
        long id = ids.incrementAndGet();
        CompletableFuture<Frame> f = expect(id);
        send(Frame.json(FrameKind.REQUEST, id, type, body));
        return await(f, type);
    }

    /** Sends a request followed by the bytes of {@code data}, streamed with backpressure. */
    public JsonObject upload(String type, Map<String, Object> body, InputStream data) {
        long id = ids.incrementAndGet();
        CompletableFuture<Frame> f = expect(id);
        StreamSender out = new StreamSender(id, this::sendStream, settings.requestTimeout().toMillis(), f::isDone);
        senders.put(id, out);
        try {
            send(Frame.json(FrameKind.UPLOAD, id, type, body));
            byte[] buf = new byte[ProtocolConstants.CHUNK_SIZE];
            int n;
            while ((n = CallerStreams.read(data, buf)) >= 0) {
                out.write(buf, 0, n);
                if (n < buf.length && CallerStreams.available(data) == 0) {
                    // a source that has nothing more at hand (a live stream of records) is not held back until a chunk fills
                    out.flush();
                }
            }
            out.close();
        } catch (CallerStreams.Failure e) {
            // the caller's file or disk, not the link: not "the server is unreachable"
            abandon(f, id, "upload");
            throw new SynclineException(ErrorCode.STORAGE, "Reading what '" + type + "' uploads failed (" + e.getMessage()
                    + "); the upload stopped.", e.getCause());
        } catch (IOException e) {
            // when the server already answered (usually with an error), await reports that instead
            abandonUnlessAnswered(f, id, "upload", type, e);
        } finally {
            senders.remove(id);
        }
        return await(f, type);
    }

    /** Sends a request and writes the bytes the server streams back to {@code sink}. */
    public JsonObject download(String type, Map<String, Object> body, OutputStream sink) {
        long id = ids.incrementAndGet();
        CompletableFuture<Frame> f = expect(id);
        StreamReceiver in = new StreamReceiver(id, this::send, settings.requestTimeout().toMillis(), flow);
        receivers.put(id, in);
        f.whenComplete((frame, error) -> {
            if (error != null || frame.kind() == FrameKind.ERROR) {
                in.fail("The server ended the download with an error.");
            }
        });
        try {
            send(Frame.json(FrameKind.DOWNLOAD, id, type, body));
            in.transferTo(new CallerStreams(sink));
        } catch (CallerStreams.Failure e) {
            // the caller's disk or pipe, not the link: not "the server is unreachable" (a full disk said so)
            abandon(f, id, "download");
            throw new SynclineException(ErrorCode.STORAGE, "Writing what '" + type + "' downloads failed (" + e.getMessage()
                    + "); the download stopped.", e.getCause());
        } catch (IOException e) {
            abandonUnlessAnswered(f, id, "download", type, e);
        } finally {
            receivers.remove(id);
            in.close();
        }
        return await(f, type);
    }

    /** Tells the server a stream is abandoned and fails the call, unless the server has answered already. */
    private void abandonUnlessAnswered(CompletableFuture<Frame> f, long id, String what, String type, IOException e) {
        if (abandon(f, id, what)) {
            throw new SynclineException(ErrorCode.CONNECTION_FAILED, "The " + what + " of '" + type + "' failed: " + e.getMessage(), e);
        }
    }

    /** Tells the server a stream is abandoned unless it has answered already; returns whether it had not. */
    private boolean abandon(CompletableFuture<Frame> f, long id, String what) {
        if (f.isDone()) {
            return false;
        }
        send(Frame.error(id, new ProtocolError(ErrorCode.CONNECTION_FAILED, what + " abandoned")));
        pending.remove(id);
        return true;
    }

    @Override
    public void close() {
        closing = true;
        shutdown();
        setState(ConnectionState.CLOSED);
    }

    private void shutdown() {
        IoSession s = session;
        if (s != null) {
            s.closeNow().awaitUninterruptibly(2000);
        }
        timer.shutdownNow();
        connector.dispose(false);
        pushes.shutdown();
        failAll("The connection was closed.");
    }

    private CompletableFuture<Frame> expect(long id) {
        CompletableFuture<Frame> f = new CompletableFuture<>();
        pending.put(id, f);
        return f;
    }

    private void send(Frame frame) {
        IoSession s = session;
        if (s == null || !s.isConnected()) {
            throw new SynclineException(ErrorCode.CONNECTION_FAILED, "Not connected to " + settings.server()
                    + (state == ConnectionState.RECONNECTING ? "; reconnecting." : "."));
        }
        s.write(frame);
    }

    /** Sends a DATA frame, then waits while more is queued than the socket takes. */
    private void sendStream(Frame frame) {
        send(frame);
        try {
            WriteBacklog.await(session);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JsonObject await(CompletableFuture<Frame> f, String type) {
        Frame frame;
        try {
            frame = f.get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new SynclineException(ErrorCode.TIMEOUT, "The server did not answer '" + type + "' within "
                    + settings.requestTimeout().toSeconds() + " s.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SynclineException(ErrorCode.CONNECTION_FAILED, "Interrupted while waiting for '" + type + "'.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SynclineException se) {
                throw se;
            }
            throw new SynclineException(ErrorCode.CONNECTION_FAILED, "'" + type + "' failed: " + e.getCause().getMessage());
        } finally {
            pending.values().remove(f);
        }
        if (frame.kind() == FrameKind.ERROR) {
            SynclineException refused = ProtocolError.from(frame.jsonBody()).toException();
            if (refused.code() == ErrorCode.NOT_LOGGED_IN && state != ConnectionState.CONNECTED) {
                // sent while a reconnect's new session was still logging in: to the caller, not connected (yet)
                throw new SynclineException(ErrorCode.CONNECTION_FAILED, "Not connected to " + settings.server() + "; reconnecting.");
            }
            throw refused;
        }
        return frame.jsonBody();
    }

    /** One attempt: TCP, TLS, pin check, HELLO, login, subscriptions. */
    private void establish() {
        setState(state == ConnectionState.CONNECTING ? ConnectionState.CONNECTING : ConnectionState.RECONNECTING);
        welcome = new CompletableFuture<>();
        secured = new CompletableFuture<>();
        InetSocketAddress address = new InetSocketAddress(settings.server().host(), settings.server().port());
        CompletableFuture<Void> securing = secured;
        // the handshake may finish before connect() returns here, so the session knows its own future
        ConnectFuture cf = connector.connect(address, (s, f) -> s.setAttribute(SECURED, securing));
        if (!cf.awaitUninterruptibly(CONNECT_TIMEOUT_MILLIS + 1000) || !cf.isConnected()) {
            Throwable cause = cf.getException();
            unreachable = cause == null || cause.getMessage() == null ? "no answer" : lowerFirst(cause.getMessage());
            throw new SynclineException(ErrorCode.CONNECTION_FAILED, "Cannot reach " + settings.server() + ": "
                    + (cause == null ? "timed out" : cause.getMessage()) + ". Is the server running and the address right?");
        }
        IoSession s = cf.getSession();
        try {
            awaitStep(secured, "The TLS handshake with " + settings.server() + " failed; is it a Syncline server?", "finish the TLS handshake");
            String fingerprint = Sha256.fingerprint(trust.presented().getEncoded());
            knownServers.verify(settings.server(), fingerprint, prompt);
            s.write(Frame.json(FrameKind.HELLO, 0, "", Json.object("protocol", (long) ProtocolConstants.VERSION,
                    "client", settings.clientName())));
            // Only now may other threads write to it: a reconnect's new session published before its HELLO took
            // the old session's pings and the callers' retried requests as its first frame, and the server closed
            // it ("The first frame must be HELLO"), attempt after attempt while the handshake was slow.
            session = s;
            Frame w = awaitStep(welcome, settings.server() + " did not answer the handshake.", "answer the handshake");
            if (w.kind() == FrameKind.ERROR) {
                throw ProtocolError.from(w.jsonBody()).toException();
            }
            JsonObject wb = w.jsonBody();
            hello = new ServerHello((int) wb.number("protocol"), wb.optString("server", "?"), wb.optString("name", ""),
                    (int) wb.optNumber("idleTimeout", ProtocolConstants.DEFAULT_IDLE_TIMEOUT_SECONDS), fingerprint,
                    (int) wb.optNumber("maxFrame", ProtocolConstants.DEFAULT_MAX_FRAME));
            request(ProtocolConstants.LOGIN, Json.object("user", settings.user(), "password", new String(settings.password())));
            // a round trip of the idle link, before any stream queues data in front of the PONG
            flow.pingIfDue();
            for (String topic : topics) {
                request(ProtocolConstants.SUBSCRIBE, Json.object("topic", topic));
            }
            // three pings per idle timeout; in whole seconds a 1 s timeout got a ping only every second
            long ping = Math.max(100, hello.idleTimeoutSeconds() * 1000L / 3);
            synchronized (this) {
                if (pinger != null) {
                    pinger.cancel(false);
                }
                pinger = timer.scheduleAtFixedRate(this::ping, ping, ping, TimeUnit.MILLISECONDS);
            }
            backoffMillis = 1000;
            lastError = null;
            lostAt = null;
            outageReason = null;
            nextAttempt = null;
        } catch (CertificateEncodingException e) {
            s.closeNow();
            throw new SynclineException(ErrorCode.CONNECTION_FAILED, "The server sent an unreadable certificate.");
        } catch (RuntimeException e) {
            s.closeNow().awaitUninterruptibly(2000);
            throw e;
        }
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + s.substring(1);
    }

    /**
     * Waits for a step of the handshake: as long as for an answer ({@link ConnectionSettings#requestTimeout()}), at least
     * {@link #CONNECT_TIMEOUT_MILLIS}. A server that accepted the connection and then stalls (stopped, starved of CPU)
     * is not taken for something else than a Syncline server: that failure says it did not {@code step} in time.
     */
    private <T> T awaitStep(CompletableFuture<T> step, String failure, String stepName) {
        long millis = Math.max(CONNECT_TIMEOUT_MILLIS, settings.requestTimeout().toMillis());
        try {
            return step.get(millis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SynclineException se) {
                throw se;
            }
            throw new SynclineException(ErrorCode.CONNECTION_FAILED, failure);
        } catch (TimeoutException e) {
            unreachable = "no answer to the handshake";
            throw new SynclineException(ErrorCode.TIMEOUT, settings.server() + " accepted the connection but did not " + stepName
                    + " within " + millis / 1000 + " s; the server may be stopped or overloaded.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SynclineException(ErrorCode.CONNECTION_FAILED, failure);
        }
    }

    private void ping() {
        IoSession s = session;
        if (s != null && s.isConnected()) {
            s.write(flow.reportingPing());
        }
    }

    private void setState(ConnectionState next) {
        if (state == next) {
            return;
        }
        state = next;
        for (Consumer<ConnectionState> l : stateListeners) {
            try {
                l.accept(next);
            } catch (RuntimeException e) {
                // a broken listener must not break the connection
            }
        }
    }

    private void failAll(String why) {
        SynclineException e = new SynclineException(ErrorCode.CONNECTION_FAILED, why);
        pending.values().forEach(f -> f.completeExceptionally(e));
        pending.clear();
        receivers.values().forEach(r -> r.fail(why));
    }

    private void lost(IoSession s) {
        if (s != session || closing) {
            return;
        }
        failAll("The connection to " + settings.server() + " was lost.");
        lostAt = java.time.Instant.now();
        outageReason = "connection lost";
        if (state == ConnectionState.CONNECTED && settings.reconnect()) {
            // scheduled first, so the state's listeners already see when the next attempt is
            scheduleReconnect();
            setState(ConnectionState.RECONNECTING);
        } else if (state == ConnectionState.CONNECTED) {
            setState(ConnectionState.FAILED);
        }
    }

    private void scheduleReconnect() {
        long delay = backoffMillis;
        backoffMillis = Math.min(MAX_BACKOFF_MILLIS, backoffMillis * 2);
        nextAttempt = java.time.Instant.now().plusMillis(delay);
        timer.schedule(() -> {
            // nextAttempt stays while this attempt runs: it is now in the past, which reads "retrying now"
            if (closing) {
                return;
            }
            unreachable = null;
            try {
                establish();
                setState(ConnectionState.CONNECTED);
            } catch (SynclineException e) {
                lastError = e;
                // the socket's own words when it did not connect ("connection refused"), else the code of what failed
                String reason = unreachable != null ? unreachable : e.code().name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
                if (e.code() == ErrorCode.AUTH_FAILED || e.code() == ErrorCode.ACCOUNT_DISABLED || e.code() == ErrorCode.CERTIFICATE_CHANGED
                        || e.code() == ErrorCode.PROTOCOL_VERSION) {
                    outageReason = reason;
                    nextAttempt = null; // no more attempts
                    setState(ConnectionState.FAILED);
                } else {
                    // the next attempt's time first: whoever reads the new reason reads when it is tried again with it
                    scheduleReconnect();
                    outageReason = reason;
                }
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    private final class Handler extends IoHandlerAdapter {
        @Override
        public void event(IoSession s, FilterEvent event) {
            if (event == SslEvent.SECURED && s.getAttribute(SECURED) instanceof CompletableFuture<?> f) {
                f.complete(null);
            }
        }

        @Override
        public void messageSent(IoSession s, Object message) {
            WriteBacklog.sent(s);
        }

        @Override
        public void messageReceived(IoSession s, Object message) {
            Frame f = (Frame) message;
            switch (f.kind()) {
                case WELCOME -> welcome.complete(f);
                case RESPONSE -> complete(f);
                case ERROR -> {
                    if (f.id() == 0) {
                        // a refusal of the whole session (bad version, oversized frame): it closes next
                        lastError = ProtocolError.from(f.jsonBody()).toException();
                        welcome.complete(f);
                    } else {
                        complete(f);
                    }
                }
                case PUSH -> deliver(f);
                case DATA -> {
                    StreamReceiver r = receivers.get(f.id());
                    if (r != null) {
                        r.offerChunk(f.body());
                    }
                }
                case END -> {
                    StreamReceiver r = receivers.get(f.id());
                    if (r != null) {
                        r.end();
                    }
                }
                case CREDIT -> {
                    StreamSender sender = senders.get(f.id());
                    if (sender != null) {
                        sender.credit(f.creditCount());
                    }
                }
                // the server times round trips for its upload windows: its body comes back unchanged
                case PING -> {
                    flow.ping(f);
                    s.write(new Frame(FrameKind.PONG, f.id(), "", f.body()));
                }
                case PONG -> flow.pong(f);
                default -> {
                    // anything newer than this client: nothing to do
                }
            }
        }

        private void complete(Frame f) {
            CompletableFuture<Frame> p = pending.remove(f.id());
            if (p != null) {
                p.complete(f);
            }
        }

        private void deliver(Frame f) {
            List<Consumer<JsonObject>> listeners = pushListeners.get(f.type());
            if (listeners == null || listeners.isEmpty()) {
                return;
            }
            pushes.execute(() -> {
                JsonObject body = f.jsonBody();
                for (Consumer<JsonObject> l : listeners) {
                    try {
                        l.accept(body);
                    } catch (RuntimeException e) {
                        // one listener's failure must not stop the others
                    }
                }
            });
        }

        @Override
        public void exceptionCaught(IoSession s, Throwable cause) {
            FrameException violation = Sessions.frameViolation(cause);
            if (violation != null) {
                SynclineException refused = new SynclineException(violation.code(), settings.server()
                        + " sent a frame this client refuses: " + violation.getMessage());
                // a session is published only after its HELLO, and the server may answer before that
                s.setAttribute(REFUSED, refused);
                if (s == session) {
                    lastError = refused;
                }
            }
            if (secured != null && !secured.isDone()) {
                secured.completeExceptionally(new SynclineException(ErrorCode.CONNECTION_FAILED, "The TLS handshake with "
                        + settings.server() + " failed (" + cause.getMessage() + "); is it a Syncline server?"));
            }
            s.closeNow();
        }

        @Override
        public void sessionClosed(IoSession s) {
            if (secured != null && !secured.isDone()) {
                secured.completeExceptionally(new SynclineException(ErrorCode.CONNECTION_FAILED,
                        settings.server() + " closed the connection during the TLS handshake."));
            }
            if (welcome != null && !welcome.isDone()) {
                SynclineException why = s.getAttribute(REFUSED) instanceof SynclineException refused ? refused : lastError;
                welcome.completeExceptionally(why != null ? why : new SynclineException(
                        ErrorCode.CONNECTION_FAILED, settings.server() + " closed the connection during the handshake."));
            }
            lost(s);
        }
    }
}
