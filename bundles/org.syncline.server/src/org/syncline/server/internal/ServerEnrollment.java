package org.syncline.server.internal;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.syncline.core.ErrorCode;
import org.syncline.core.HostPort;
import org.syncline.core.SynclineException;
import org.syncline.protocol.Connection;
import org.syncline.protocol.ConnectionSettings;
import org.syncline.protocol.EnrollmentMessages;
import org.syncline.protocol.JoinToken;
import org.syncline.protocol.KnownServers;
import org.syncline.protocol.Principal;
import org.syncline.server.api.Enrollment;
import org.syncline.store.DataDirectory;
import org.syncline.store.EnrolledServer;
import org.syncline.store.Enrollments;

/**
 * This server's side of enrollment: the tokens and members it keeps (any server can be joined), the
 * membership it holds if it joined another, and the logins of both kinds of peers.
 */
public final class ServerEnrollment implements Enrollment {
    private final Enrollments enrollments;
    private final String fingerprint;
    private final Path dir;
    private final Supplier<InetSocketAddress> listening;
    private volatile Optional<MembershipFile> joined;

    public ServerEnrollment(Enrollments enrollments, String fingerprint, Path dataDirectory, Supplier<InetSocketAddress> listening) {
        this.enrollments = enrollments;
        this.listening = listening;
        this.fingerprint = fingerprint;
        this.dir = DataDirectory.createOwnerOnlyDirectories(dataDirectory.resolve("enrollment"));
        this.joined = MembershipFile.read(dir);
    }

    Enrollments store() {
        return enrollments;
    }

    String fingerprint() {
        return fingerprint;
    }

    Path directory() {
        return dir;
    }

    void joined(MembershipFile membership) {
        membership.write(dir);
        joined = Optional.of(membership);
    }

    Optional<MembershipFile> joinedFile() {
        return joined;
    }

    /**
     * The principal for a login under a reserved {@code #} name (peers, never users), or empty when the name
     * or secret is not right. Users cannot have such names, so the two kinds of login never meet.
     */
    public Optional<Principal> authenticate(String name, char[] password) {
        String secret = new String(password);
        if (EnrollmentMessages.ENROLL_LOGIN.equals(name)) {
            JoinToken token;
            try {
                token = JoinToken.parse(secret);
            } catch (SynclineException e) {
                return Optional.empty();
            }
            if (!token.issuedBy(fingerprint) || enrollments.tokenWithSecret(token.secret()).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Principal(name, Set.of(Principal.ENROLLING)));
        }
        if (name.startsWith(EnrollmentMessages.MEMBER_LOGIN_PREFIX)) {
            String id = name.substring(EnrollmentMessages.MEMBER_LOGIN_PREFIX.length());
            return enrollments.authenticate(id, secret).map(s -> new Principal(name, Set.of(Principal.MEMBER)));
        }
        if (EnrollmentMessages.JOINED_LOGIN.equals(name)) {
            Optional<MembershipFile> m = joined;
            if (m.isPresent() && MessageDigest.isEqual(m.get().joinedSecretHash().getBytes(StandardCharsets.US_ASCII),
                    Enrollments.hash(secret).getBytes(StandardCharsets.US_ASCII))) {
                return Optional.of(new Principal(name, Set.of(Principal.MEMBER)));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Membership> membership() {
        return joined.map(MembershipFile::membership);
    }

    @Override
    public InetSocketAddress listening() {
        return listening.get();
    }

    @Override
    public Connection connectToJoined(String clientName, boolean reconnect) {
        MembershipFile m = joined.orElseThrow(() -> new SynclineException(ErrorCode.CONFIG,
                "This server has not joined a deployment; start it once with --join HOST:PORT --token T."));
        Membership ms = m.membership();
        return open(ms.server(), EnrollmentMessages.MEMBER_LOGIN_PREFIX + ms.id(), m.secret(), ms.fingerprint(),
                dir.resolve("joined_server"), clientName, reconnect);
    }

    @Override
    public List<EnrolledServer> members() {
        return enrollments.servers();
    }

    @Override
    public Optional<EnrolledServer> member(String id) {
        return enrollments.server(id);
    }

    @Override
    public Connection connectToMember(String id, HostPort address, String clientName, boolean reconnect) {
        EnrolledServer member = enrollments.server(id).orElseThrow(() -> new SynclineException(ErrorCode.NOT_FOUND,
                "No server with id " + id + " has joined this one."));
        Path pins = DataDirectory.createOwnerOnlyDirectories(dir.resolve("members")).resolve(id);
        return open(address, EnrollmentMessages.JOINED_LOGIN, member.callbackSecret(), member.fingerprint(), pins, clientName, reconnect);
    }

    /** Pins exactly {@code expected}: a peer presenting any other certificate is refused, never asked about. */
    private static Connection open(HostPort server, String login, String secret, String expected, Path pins, String clientName,
            boolean reconnect) {
        ConnectionSettings settings = new ConnectionSettings(server, login, secret.toCharArray(), clientName, Duration.ofSeconds(30), reconnect);
        return Connection.open(settings, new KnownServers(pins), (hp, presented) -> presented.equalsIgnoreCase(expected));
    }
}
