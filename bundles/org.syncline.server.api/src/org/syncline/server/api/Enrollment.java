package org.syncline.server.api;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

import org.syncline.core.HostPort;
import org.syncline.protocol.Connection;
import org.syncline.protocol.EnrollmentMessages;
import org.syncline.protocol.Principal;
import org.syncline.store.EnrolledServer;

/**
 * How servers of one deployment know each other, the same for every capability (storage nodes joining a
 * registry, agents joining a master). A server started with {@code --join HOST:PORT --token T} enrols once
 * and keeps a credential in its data directory; the server it joined records it as a member. Either side
 * then opens authenticated, certificate-pinned connections to the other through this service.
 */
public interface Enrollment {

    /** The deployment this process joined, if it did (once enrolled, on every later start too). */
    Optional<Membership> membership();

    /**
     * A connection to the server this process joined, logged in with the credential from enrollment and
     * pinning the certificate seen then. Fails with a SynclineException naming the problem.
     */
    Connection connectToJoined(String clientName, boolean reconnect);

    /** Where this process's endpoint listens (members report it to the server they joined); null before it listens. */
    InetSocketAddress listening();

    /** The servers that joined this one, oldest first. */
    List<EnrolledServer> members();

    Optional<EnrolledServer> member(String id);

    /**
     * A connection to a member's own endpoint at {@code address} (which the member reports), logged in as
     * the server it joined and pinning the certificate the member presented when it enrolled.
     */
    Connection connectToMember(String id, HostPort address, String clientName, boolean reconnect);

    /** The member id of a session logged in with a member credential, or empty for anyone else. */
    static Optional<String> memberId(Principal principal) {
        String name = principal.name();
        return principal.isMember() && name.startsWith(EnrollmentMessages.MEMBER_LOGIN_PREFIX)
                ? Optional.of(name.substring(EnrollmentMessages.MEMBER_LOGIN_PREFIX.length()))
                : Optional.empty();
    }

    /** Whether the session is the server this process joined, logged in at this process's endpoint. */
    static boolean isJoinedServer(Principal principal) {
        return principal.isMember() && principal.name().equals(EnrollmentMessages.JOINED_LOGIN);
    }

    /** The joined deployment: where its server is, its certificate, and this process's member id there. */
    record Membership(HostPort server, String fingerprint, String id) {
    }
}
