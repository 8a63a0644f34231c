package org.syncline.documents.internal.server;

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
import java.util.concurrent.ConcurrentHashMap;

import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.documents.DocumentsMessages;
import org.syncline.protocol.Principal;
import org.syncline.protocol.TicketCheck;

/**
 * A storage node's single-use transfer tickets. The registry asks for one after it checked the user's right,
 * hands it to the client, and the client logs in to the node with it and streams one blob up (then the registry
 * claims the result: the SHA-256 and size the node computed over what it stored) or down (the blob named in
 * the ticket, nothing else). A ticket admits one login within {@link #LOGIN_WITHIN} of its issue; only a hash
 * of its secret is kept. In memory: a restarted node has no tickets, and a client falls back to the registry.
 */
final class NodeTickets implements TicketCheck {
    static final Duration LOGIN_WITHIN = Duration.ofSeconds(60);
    /** A finished upload the registry has not claimed by then is forgotten (its blob is then an orphan). */
    static final Duration CLAIM_WITHIN = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    enum Purpose { PUT, GET }

    /** What a finished upload stored: the node's own SHA-256 and size, and the first bytes for the type. */
    record Stored(String sha256, long size, byte[] head) {
    }

    record Issued(String id, String secret) {
    }

    private static final class Ticket {
        final byte[] secretHash;
        final Purpose purpose;
        final String sha256;
        final Instant issued;
        boolean admitted;
        boolean used;
        Stored stored;

        Ticket(byte[] secretHash, Purpose purpose, String sha256, Instant issued) {
            this.secretHash = secretHash;
            this.purpose = purpose;
            this.sha256 = sha256;
            this.issued = issued;
        }
    }

    private final Clock clock;
    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();

    NodeTickets(Clock clock) {
        this.clock = clock;
    }

    /** A new ticket for one upload, or for one download of {@code sha256}. */
    Issued issue(Purpose purpose, String sha256) {
        forgetExpired();
        byte[] id = new byte[16];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String idText = HexFormat.of().formatHex(id);
        tickets.put(idText, new Ticket(hash(secretText.toCharArray()), purpose, sha256, clock.instant()));
        return new Issued(idText, secretText);
    }

    @Override
    public boolean admit(String id, char[] secret) {
        Ticket t = tickets.get(id);
        if (t == null) {
            return false;
        }
        synchronized (t) {
            if (t.admitted || clock.instant().isAfter(t.issued.plus(LOGIN_WITHIN)) || !MessageDigest.isEqual(t.secretHash, hash(secret))) {
                return false;
            }
            t.admitted = true;
            return true;
        }
    }

    /** The ticket the session logged in with, for {@code purpose}; it serves one transfer. Returns the blob named for a download. */
    String use(Principal p, Purpose purpose) {
        String id = TicketCheck.ticketId(p, DocumentsMessages.CAPABILITY).orElseThrow(NodeTickets::refused);
        Ticket t = tickets.get(id);
        if (t == null) {
            throw refused();
        }
        synchronized (t) {
            if (t.purpose != purpose || t.used || !t.admitted) {
                throw refused();
            }
            t.used = true;
            return t.sha256;
        }
    }

    /** Records what the upload of the session's ticket stored, for the registry's claim. */
    void finished(Principal p, Stored stored) {
        Ticket t = tickets.get(TicketCheck.ticketId(p, DocumentsMessages.CAPABILITY).orElseThrow(NodeTickets::refused));
        if (t != null) {
            synchronized (t) {
                t.stored = stored;
            }
        }
    }

    /** The registry takes the result of a finished upload, once; the ticket is then gone. */
    Stored claim(String id) {
        Ticket t = tickets.get(id);
        if (t != null) {
            synchronized (t) {
                if (t.stored != null && tickets.remove(id, t)) {
                    return t.stored;
                }
            }
        }
        throw new SynclineException(ErrorCode.NOT_FOUND, "No upload finished with this transfer ticket on this storage node; send the content again.");
    }

    int size() {
        return tickets.size();
    }

    /** Tickets never used within the login window, and results never claimed within the claim window, go. */
    private void forgetExpired() {
        Instant now = clock.instant();
        tickets.entrySet().removeIf(e -> {
            Ticket t = e.getValue();
            synchronized (t) {
                return !t.admitted && now.isAfter(t.issued.plus(LOGIN_WITHIN)) || now.isAfter(t.issued.plus(CLAIM_WITHIN));
            }
        });
    }

    private static SynclineException refused() {
        return new SynclineException(ErrorCode.ACCESS_DENIED, "This transfer ticket does not allow that transfer (it serves one transfer of its kind);"
                + " ask the registry again.");
    }

    private static byte[] hash(char[] secret) {
        java.nio.ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return Sha256.newDigest().digest(bytes);
    }
}
