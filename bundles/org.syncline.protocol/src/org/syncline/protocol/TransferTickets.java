package org.syncline.protocol;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;

/**
 * Transfer tickets of one capability, kept by the server that serves the transfer (a storage node).
 * The server that checked the user's right (a registry) asks for a ticket for one {@code scope} (what the
 * transfer may do, e.g. "put" or "get:SHA"), hands it to the client, and the client logs in with it
 * ({@link TicketCheck}); the handler {@link #use}s it for exactly that scope, once, and may leave a result that
 * the issuing server {@link #claim}s once. A ticket admits one login within {@link #LOGIN_WITHIN} of its issue;
 * only a hash of its secret is kept; results not claimed within {@link #CLAIM_WITHIN} are forgotten. In memory:
 * a restarted server has no tickets.
 * <p>
 * A lasting ticket ({@link #issueLasting}) serves many logins and many messages within its scope, e.g. every file
 * of one replication run between one parent and one child: each message names it again and the handler
 * {@link #check}s it, so a link kept open across runs serves each run with that run's ticket only. It ends when
 * {@link #revoke}d or when unused for its idle time.
 *
 * @param <R> what a transfer leaves for the issuing server (the stored bytes' hash and size)
 */
public final class TransferTickets<R> implements TicketCheck {
    public static final Duration LOGIN_WITHIN = Duration.ofSeconds(60);
    public static final Duration CLAIM_WITHIN = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the client needs to log in: {@link TicketCheck#loginName} of the id, and the secret as password. */
    public record Issued(String id, String secret) {
    }

    private static final class Ticket<R> {
        final byte[] secretHash;
        final String scope;
        final Instant issued;
        /** Null for a single-use ticket; else how long a lasting ticket lives unused. */
        final Duration idle;
        Instant lastUsed;
        boolean admitted;
        boolean used;
        R result;

        Ticket(byte[] secretHash, String scope, Instant issued, Duration idle) {
            this.secretHash = secretHash;
            this.scope = scope;
            this.issued = issued;
            this.idle = idle;
            this.lastUsed = issued;
        }

        boolean lastingAndLive(Instant now) {
            return idle != null && !now.isAfter(lastUsed.plus(idle));
        }
    }

    private final String capability;
    private final Clock clock;
    private final Map<String, Ticket<R>> tickets = new ConcurrentHashMap<>();

    public TransferTickets(String capability, Clock clock) {
        this.capability = capability;
        this.clock = clock;
    }

    /** A new ticket for one transfer within {@code scope}. */
    public Issued issue(String scope) {
        return issue(scope, null);
    }

    /**
     * A new lasting ticket within {@code scope}: it admits any number of logins and passes {@link #check} for any
     * number of messages until {@link #revoke}d or unused for {@code idle}.
     */
    public Issued issueLasting(String scope, Duration idle) {
        if (idle == null || idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("A lasting ticket needs a positive idle time");
        }
        return issue(scope, idle);
    }

    private Issued issue(String scope, Duration idle) {
        forgetExpired();
        byte[] id = new byte[16];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String idText = HexFormat.of().formatHex(id);
        tickets.put(idText, new Ticket<>(hash(secretText.toCharArray()), scope, clock.instant(), idle));
        return new Issued(idText, secretText);
    }

    @Override
    public boolean admit(String id, char[] secret) {
        Ticket<R> t = tickets.get(id);
        if (t == null) {
            return false;
        }
        synchronized (t) {
            Instant now = clock.instant();
            if (t.idle != null) {
                if (!t.lastingAndLive(now) || !MessageDigest.isEqual(t.secretHash, hash(secret))) {
                    return false;
                }
                t.lastUsed = now;
                return true;
            }
            if (t.admitted || clock.instant().isAfter(t.issued.plus(LOGIN_WITHIN)) || !MessageDigest.isEqual(t.secretHash, hash(secret))) {
                return false;
            }
            t.admitted = true;
            return true;
        }
    }

    /**
     * The scope of the ticket the session logged in with, if it is one of {@code acceptable} (a prefix such as
     * "get:" matches any scope starting with it); the ticket then serves no other transfer. Refused otherwise.
     */
    public String use(Principal p, String acceptable) {
        Ticket<R> t = ticketOf(p);
        synchronized (t) {
            if (t.idle != null || !t.admitted || t.used || !t.scope.startsWith(acceptable)) {
                throw refused();
            }
            t.used = true;
            return t.scope;
        }
    }

    /**
     * The scope of lasting ticket {@code id}, checked for one message of session {@code p}: {@code p} logged in with
     * a ticket of this capability (any, also one revoked since, as a link kept open across runs did), and
     * {@code id} with {@code secret} is a live lasting ticket whose scope starts with {@code acceptable}. Empty
     * otherwise (unknown, revoked, expired, wrong secret or scope, or not a ticket session); a pass counts as use.
     */
    public Optional<String> check(Principal p, String id, char[] secret, String acceptable) {
        if (TicketCheck.ticketId(p, capability).isEmpty() || id == null || secret == null) {
            return Optional.empty();
        }
        Ticket<R> t = tickets.get(id);
        if (t == null) {
            return Optional.empty();
        }
        synchronized (t) {
            Instant now = clock.instant();
            if (!t.lastingAndLive(now) || !t.scope.startsWith(acceptable) || !MessageDigest.isEqual(t.secretHash, hash(secret))) {
                return Optional.empty();
            }
            t.lastUsed = now;
            return Optional.of(t.scope);
        }
    }

    /** Ends ticket {@code id} at once (a lasting ticket whose run ended); nothing if there is none. */
    public void revoke(String id) {
        if (id != null) {
            tickets.remove(id);
        }
    }

    /** Leaves what the session's transfer did, for the issuing server to claim. */
    public void finish(Principal p, R result) {
        Ticket<R> t = ticketOf(p);
        synchronized (t) {
            t.result = result;
        }
    }

    /** The result of the transfer made with ticket {@code id}, once; the ticket is then gone. */
    public R claim(String id) {
        Ticket<R> t = tickets.get(id);
        if (t != null) {
            synchronized (t) {
                if (t.result != null && tickets.remove(id, t)) {
                    return t.result;
                }
            }
        }
        throw new SynclineException(ErrorCode.NOT_FOUND, "No transfer finished with this ticket here; send the content again.");
    }

    /** Tickets held (issued, not claimed, not expired). */
    public int size() {
        return tickets.size();
    }

    private Ticket<R> ticketOf(Principal p) {
        Ticket<R> t = TicketCheck.ticketId(p, capability).map(tickets::get).orElse(null);
        if (t == null) {
            throw refused();
        }
        return t;
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        tickets.values().removeIf(t -> {
            synchronized (t) {
                if (t.idle != null) {
                    return !t.lastingAndLive(now);
                }
                return !t.admitted && now.isAfter(t.issued.plus(LOGIN_WITHIN)) || now.isAfter(t.issued.plus(CLAIM_WITHIN));
            }
        });
    }

    private static SynclineException refused() {
        return new SynclineException(ErrorCode.ACCESS_DENIED, "This transfer ticket does not allow this transfer (a ticket serves one"
                + " transfer of its kind); ask for a new one.");
    }

    private static byte[] hash(char[] secret) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return Sha256.newDigest().digest(bytes);
    }
}
