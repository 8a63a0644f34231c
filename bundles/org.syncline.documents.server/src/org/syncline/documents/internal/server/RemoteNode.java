package org.syncline.documents.internal.server;

import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.Supplier;

import org.syncline.core.ErrorCode;
import org.syncline.core.HostPort;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.documents.DocumentsMessages;
import org.syncline.protocol.Connection;
import org.syncline.protocol.ConnectionState;
import org.syncline.server.api.Enrollment;

/**
 * A storage node that joined the registry: its endpoint reached as a client, logged in with the secret
 * exchanged at enrollment and pinning the certificate the node enrolled with. The registry hashes what it
 * streams to the node and accepts the node's answer only when the node confirms the same SHA-256.
 */
final class RemoteNode implements StorageNode, AutoCloseable {
    private final String name;
    private final String memberId;
    private final Enrollment enrollment;
    private final Supplier<Boolean> up;
    /** Told after every call the node answered: an answer is as good a sign of life as a heartbeat. */
    private final Runnable answered;
    /** Calls on the link now; a link in use is never closed for a missed heartbeat (see {@link #closeIfIdle}). */
    private final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    private volatile HostPort address;
    /** The link; written under this object's lock, read without it by callers that find it connected. */
    private volatile Connection connection;
    /** Held while a link is being connected (see {@link #connection()}): one connect at a time. */
    private final java.util.concurrent.locks.ReentrantLock connecting = new java.util.concurrent.locks.ReentrantLock();

    RemoteNode(String name, String memberId, HostPort address, Enrollment enrollment, Supplier<Boolean> up, Runnable answered) {
        this.name = name;
        this.memberId = memberId;
        this.address = address;
        this.enrollment = enrollment;
        this.up = up;
        this.answered = answered;
    }

    @Override
    public String name() {
        return name;
    }

    String memberId() {
        return memberId;
    }

    /** A node that restarted may listen elsewhere: the next call connects there. */
    synchronized void moved(HostPort to) {
        if (!to.equals(address)) {
            address = to;
            close();
        }
    }

    /**
     * The link, connected first when it is not. Connecting (TCP, TLS, login: up to a minute against a node that is dying)
     * holds only {@link #connecting}, never this object's lock: the heartbeat check closing an idle link, a node's hello
     * saying where it moved, and the registry's shutdown never wait behind it. Callers that waited for another's
     * connect look again whether the node is up before trying their own.
     */
    private Connection connection() {
        requireUp();
        Connection current = connection;
        if (current != null && current.state() == ConnectionState.CONNECTED) {
            return current;
        }
        connecting.lock();
        try {
            requireUp();
            HostPort to;
            synchronized (this) {
                if (connection != null && connection.state() == ConnectionState.CONNECTED) {
                    return connection;
                }
                close();
                to = address;
            }
            Connection opened;
            try {
                opened = enrollment.connectToMember(memberId, to, "syncline-registry", false);
            } catch (SynclineException e) {
                throw failed("cannot be reached", e);
            }
            synchronized (this) {
                if (!to.equals(address)) {
                    // the node said hello from elsewhere meanwhile: this link goes to where it no longer listens
                    opened.close();
                    throw new SynclineException(ErrorCode.CONNECTION_FAILED, "The storage node '" + name
                            + "' moved to " + address + " while the registry connected to it; try again.");
                }
                connection = opened;
                return opened;
            }
        } finally {
            connecting.unlock();
        }
    }

    private void requireUp() {
        if (!up.get()) {
            throw new SynclineException(ErrorCode.CONNECTION_FAILED, "The storage node '" + name
                    + "' is down; try again when it is back, or choose another node.");
        }
    }

    @Override
    public StoredBlob store(InputStream content) {
        MessageDigest digest = Sha256.newDigest();
        JsonObject answer;
        try {
            answer = call(c -> c.upload(DocumentsMessages.BLOB_PUT, Json.object(), new DigestInputStream(content, digest)));
        } catch (SynclineException e) {
            throw failed("failed during the upload", e);
        }
        String sent = HexFormat.of().formatHex(digest.digest());
        if (!sent.equals(answer.string("sha256"))) {
            throw new SynclineException(ErrorCode.INTEGRITY, "The storage node '" + name + "' confirmed SHA-256 " + answer.string("sha256")
                    + " for content that hashes to " + sent + "; nothing was registered.");
        }
        return new StoredBlob(sent, answer.number("size"));
    }

    @Override
    public java.util.List<StoredBlob> storeAll(java.util.List<Long> sizes, InputStream content) {
        JsonObject answer;
        try {
            answer = call(c -> c.upload(DocumentsMessages.BLOB_PUT_BATCH, Json.object("sizes", sizes), content));
        } catch (SynclineException e) {
            throw failed("failed during the upload", e);
        }
        java.util.List<StoredBlob> stored = new java.util.ArrayList<>();
        for (Object o : answer.list("blobs")) {
            if (!(o instanceof java.util.Map<?, ?> m) || !(m.get("sha256") instanceof String sha) || !(m.get("size") instanceof Number size)) {
                throw new SynclineException(ErrorCode.INTEGRITY, "The storage node '" + name + "' answered a batch without a SHA-256 and size for each blob; nothing was registered.");
            }
            stored.add(new StoredBlob(sha, size.longValue()));
        }
        if (stored.size() != sizes.size()) {
            throw new SynclineException(ErrorCode.INTEGRITY, "The storage node '" + name + "' confirmed " + stored.size() + " of the batch's " + sizes.size()
                    + " blobs; nothing was registered.");
        }
        return stored;
    }

    /** Where a client reaches the node, the certificate it must present, and a single-use ticket for one login. */
    record Direct(String node, HostPort address, String fingerprint, String ticket, String secret) {
        java.util.Map<String, Object> toBody() {
            return Json.object("node", node, "host", address.host(), "port", (long) address.port(), "fingerprint", fingerprint, "ticket", ticket,
                    "secret", secret);
        }
    }

    /** A ticket for one direct upload ({@code sha256} null) or one download of {@code sha256}, from the node itself. */
    Direct ticket(String sha256) {
        String fingerprint = enrollment.member(memberId).map(m -> m.fingerprint()).orElseThrow(() -> new SynclineException(
                ErrorCode.NOT_FOUND, "The storage node '" + name + "' is no longer enrolled with this registry."));
        JsonObject t;
        try {
            t = call(c -> c.request(DocumentsMessages.BLOB_TICKET, sha256 == null ? Json.object("purpose", "put")
                    : Json.object("purpose", "get", "sha256", sha256)));
        } catch (SynclineException e) {
            throw failed("cannot give a transfer ticket", e);
        }
        return new Direct(name, address, fingerprint, t.string("ticket"), t.string("secret"));
    }

    /** What the node stored for a direct upload with {@code ticket}: its own SHA-256 and size, and the first bytes. */
    DirectUpload claim(String ticket) {
        JsonObject s;
        try {
            s = call(c -> c.request(DocumentsMessages.BLOB_CLAIM, Json.object("ticket", ticket)));
        } catch (SynclineException e) {
            throw failed("cannot confirm the upload", e);
        }
        String sha = s.string("sha256");
        if (!Sha256.isHex(sha)) {
            throw new SynclineException(ErrorCode.INTEGRITY, "The storage node '" + name + "' confirmed no valid SHA-256; nothing was registered.");
        }
        return new DirectUpload(sha, s.number("size"), java.util.Base64.getDecoder().decode(s.optString("head", "")));
    }

    @Override
    public void read(String sha256, OutputStream out) {
        try {
            call(c -> c.download(DocumentsMessages.BLOB_GET, Json.object("sha256", sha256), out));
        } catch (SynclineException e) {
            throw e.code() == ErrorCode.NOT_FOUND ? e : failed("failed while sending the content", e);
        }
    }

    @Override
    public boolean exists(String sha256) {
        return call(c -> c.request(DocumentsMessages.BLOB_HAS, Json.object("sha256", sha256))).optBool("exists", false);
    }

    @Override
    public void delete(String sha256) {
        call(c -> c.request(DocumentsMessages.BLOB_DELETE, Json.object("sha256", sha256)));
    }

    @Override
    public void inventory(java.util.function.ObjLongConsumer<String> each) {
        call(c -> c.download(DocumentsMessages.BLOB_LIST, Json.object(), new InventoryLines(each)));
    }

    /** One call on the link: it counts as in use while the call runs, and a call that succeeded tells {@link #answered}. */
    private JsonObject call(java.util.function.Function<Connection, JsonObject> what) {
        calls.incrementAndGet();
        try {
            JsonObject answer = what.apply(connection());
            answered.run();
            return answer;
        } finally {
            calls.decrementAndGet();
        }
    }

    /**
     * Closes the link unless a call is running on it. A node that missed its heartbeats takes no new calls (see
     * {@link #connection}), but one that was only starved of CPU for a while finishes the calls it had (a
     * registration batch in flight); one that died fails them by itself: its sockets close ("the connection to ...
     * was lost") or it answers nothing within the request timeout.
     */
    synchronized void closeIfIdle() {
        if (calls.get() == 0) {
            close();
        }
    }

    private SynclineException failed(String what, SynclineException cause) {
        if (cause.code() == ErrorCode.CONNECTION_FAILED || cause.code() == ErrorCode.TIMEOUT) {
            return new SynclineException(ErrorCode.CONNECTION_FAILED, "The storage node '" + name + "' " + what + " (" + cause.getMessage()
                    + "); nothing was changed, try again.", cause);
        }
        return cause;
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
