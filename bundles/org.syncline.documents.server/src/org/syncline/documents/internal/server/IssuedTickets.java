package org.syncline.documents.internal.server;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.protocol.Principal;
import org.syncline.protocol.TransferTickets;

/**
 * The upload tickets the registry handed out, so that only the user a ticket was issued to can register what
 * was sent with it, as the document (or the new version of the document) it was issued for, on its node.
 */
final class IssuedTickets {
    /** @param document the document a new version is for; null for a new document */
    record Issued(String user, String node, String document, long deletionsBefore, Instant at) {
    }

    private final Clock clock;
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();

    IssuedTickets(Clock clock) {
        this.clock = clock;
    }

    void add(String ticket, Principal p, String node, String document, long deletionsBefore) {
        Instant now = clock.instant();
        issued.values().removeIf(i -> now.isAfter(i.at().plus(TransferTickets.CLAIM_WITHIN)));
        issued.put(ticket, new Issued(p.name(), node, document, deletionsBefore, now));
    }

    /** Takes the ticket for {@code p} and {@code document} (null: a new document); refused for anyone or anything else. */
    Issued take(String ticket, Principal p, String document) {
        Issued i = issued.get(ticket);
        if (i == null || !i.user().equals(p.name()) || !java.util.Objects.equals(i.document(), document)
                || clock.instant().isAfter(i.at().plus(TransferTickets.CLAIM_WITHIN)) || !issued.remove(ticket, i)) {
            throw new SynclineException(ErrorCode.ACCESS_DENIED, "This transfer ticket was not issued to you for this document, or it has"
                    + " expired; send the content again.");
        }
        return i;
    }
}
