package org.syncline.distribution.internal.server;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.RelativePath;
import org.syncline.core.SynclineException;
import org.syncline.distribution.DistributionMessages;
import org.syncline.protocol.Principal;
import org.syncline.protocol.TicketCheck;
import org.syncline.protocol.TransferTickets;

/**
 * The hop credentials an agent accepts as a parent: lasting protocol tickets ({@link TransferTickets#issueLasting}),
 * each issued at the master's request for one run, one child and the paths of the run this agent serves. The child
 * logs in with one ({@code #ticket:distribution:ID}) and names its run's ticket again in every message, which is
 * checked with its path here. A ticket ends with its run ({@link #end}) or when it was not used for {@link #IDLE}
 * (a master that died mid-run leaves nothing valid for long).
 */
final class HopGrants {
    /** A grant unused this long is gone, whether or not its run ended. */
    static final Duration IDLE = Duration.ofMinutes(10);
    private static final String SCOPE = "hop:";
    private final TransferTickets<Void> tickets;
    private final Map<String, Grant> byTicket = new ConcurrentHashMap<>();

    /** What one ticket allows: reading files inside {@code paths} for {@code child} during run {@code run}. */
    record Grant(long run, String child, List<String> paths) {
    }

    HopGrants(Clock clock) {
        this.tickets = new TransferTickets<>(DistributionMessages.CAPABILITY, clock);
    }

    /** The login check the endpoint asks for the capability's ticket logins. */
    TicketCheck logins() {
        return tickets;
    }

    /** A new ticket for {@code child} to read inside {@code paths} during run {@code run}. */
    TransferTickets.Issued grant(long run, String child, List<String> paths) {
        List<String> checked = paths.stream().map(p -> p.isEmpty() ? "" : RelativePath.parse(p).toString()).toList();
        TransferTickets.Issued t = tickets.issueLasting(SCOPE + run + ":" + child, IDLE);
        byTicket.put(t.id(), new Grant(run, child, checked));
        return t;
    }

    /** Revokes every grant of the run (and forgets those that expired unused). */
    void end(long run) {
        byTicket.entrySet().removeIf(e -> {
            if (e.getValue().run() == run) {
                tickets.revoke(e.getKey());
                return true;
            }
            return false;
        });
    }

    /**
     * The grant of ticket {@code id} with {@code secret} for one message of session {@code session}, if
     * {@code path} is inside its paths; refused with a sentence naming what is wrong with the ticket (unknown,
     * ended or expired) or the path.
     */
    Grant check(Principal session, String id, String secret, String path) {
        Grant g = id == null ? null : byTicket.get(id);
        if (g == null || tickets.check(session, id, secret == null ? null : secret.toCharArray(), SCOPE).isEmpty()) {
            throw new SynclineException(ErrorCode.ACCESS_DENIED, "The hop ticket is not valid here: it is unknown, or its run ended, or it "
                    + "expired after " + IDLE.toMinutes() + " minutes unused.");
        }
        String p = RelativePath.parse(path).toString();
        boolean inside = g.paths().stream().anyMatch(d -> d.isEmpty() || p.equals(d) || p.startsWith(d + "/"));
        if (!inside) {
            throw new SynclineException(ErrorCode.ACCESS_DENIED, "The hop ticket of run " + g.run() + " does not cover '" + Names.printable(path)
                    + "'; it allows " + String.join(", ", g.paths()) + " only.");
        }
        return g;
    }
}
