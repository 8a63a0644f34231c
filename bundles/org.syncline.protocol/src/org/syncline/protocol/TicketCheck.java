package org.syncline.protocol;

import java.util.Optional;

/**
 * Admits a login with a short-lived ticket that a capability issued: a single-use transfer ticket (a registry lets
 * a client stream straight to a storage node this way, rights checked by the registry when it issued the ticket),
 * or a lasting one that serves many messages, each naming it again (a replication run's hops between two agents). The login
 * name is {@code #ticket:<capability>:<id>} and the password the ticket's secret; the session's principal has
 * only the {@link Principal#TICKET} role, so it may send nothing but messages registered for {@link Access#TICKET},
 * whose handlers find their ticket with {@link #ticketId}.
 */
@FunctionalInterface
public interface TicketCheck {
    String LOGIN_PREFIX = "#ticket:";

    /**
     * Whether {@code secret} is the secret of the unexpired, not yet used ticket {@code id}; a single-use ticket
     * admits one login at most, a lasting one any number while it lives. Must not throw.
     */
    boolean admit(String id, char[] secret);

    /** The login name for ticket {@code id} of {@code capability}. */
    static String loginName(String capability, String id) {
        return LOGIN_PREFIX + capability + ":" + id;
    }

    /** The ticket id a session of {@code capability} logged in with, or empty for any other principal. */
    static Optional<String> ticketId(Principal p, String capability) {
        String prefix = LOGIN_PREFIX + capability + ":";
        return p != null && p.isTicket() && p.name().startsWith(prefix) ? Optional.of(p.name().substring(prefix.length())) : Optional.empty();
    }
}
