package org.syncline.protocol;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.syncline.core.HostPort;

/** An endpoint on a free loopback port with two users: admin/admin-pass-1 (admin) and alice/alice-pass-1. */
final class TestServer implements AutoCloseable {
    static final Map<String, String> PASSWORDS = Map.of("admin", "admin-pass-1", "alice", "alice-pass-1");

    final Endpoint endpoint;
    final ServerIdentity identity;
    final HostPort address;
    final Path dir;

    TestServer(Path dir) throws Exception {
        this(dir, EndpointSettings.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "9.9.9", "test"), null);
    }

    TestServer(Path dir, EndpointSettings settings, java.util.function.Consumer<Endpoint> setup) throws Exception {
        this.dir = dir;
        identity = ServerIdentity.loadOrCreate(dir.resolve("tls"), "test");
        endpoint = new Endpoint(settings, identity, TestServer::authenticate);
        if (setup != null) {
            setup.accept(endpoint);
        }
        InetSocketAddress bound = endpoint.start();
        address = new HostPort("127.0.0.1", bound.getPort());
    }

    static Optional<Principal> authenticate(String user, char[] password) {
        String expected = PASSWORDS.get(user);
        if (expected == null || !expected.equals(new String(password))) {
            return Optional.empty();
        }
        return Optional.of(new Principal(user, user.equals("admin") ? Set.of("admin", "user") : Set.of("user")));
    }

    Connection connect(String user) {
        return connect(user, PASSWORDS.getOrDefault(user, "nope"));
    }

    Connection connect(String user, String password) {
        return connectTo(address, user, password);
    }

    /** Connects through another address that leads here, such as a proxy. */
    Connection connectTo(HostPort via, String user) {
        return connectTo(via, user, PASSWORDS.getOrDefault(user, "nope"));
    }

    Connection connectTo(HostPort via, String user, String password) {
        ConnectionSettings s = new ConnectionSettings(via, user, password.toCharArray(), "test",
                Duration.ofSeconds(20), true);
        return Connection.open(s, new KnownServers(dir.resolve("known_servers")), FingerprintPrompt.ACCEPT_NEW);
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
