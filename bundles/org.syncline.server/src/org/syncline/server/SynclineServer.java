package org.syncline.server;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import org.syncline.core.ErrorCode;
import org.syncline.core.PasswordFile;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.protocol.Access;
import org.syncline.protocol.Endpoint;
import org.syncline.protocol.EndpointSettings;
import org.syncline.protocol.Principal;
import org.syncline.protocol.ServerIdentity;
import org.syncline.protocol.ServerStatus;
import org.syncline.server.api.Capability;
import org.syncline.server.internal.EnrollmentHandlers;
import org.syncline.server.internal.JoinProcedure;
import org.syncline.server.internal.RunningCapabilities;
import org.syncline.server.internal.ServerEnrollment;
import org.syncline.server.internal.ServerContextFactory;
import org.syncline.store.BlobStore;
import org.syncline.store.DataDirectory;
import org.syncline.store.Database;
import org.syncline.store.Enrollments;
import org.syncline.store.PasswordHasher;
import org.syncline.store.Role;
import org.syncline.store.User;
import org.syncline.store.UserDirectory;

/**
 * One server process: data directory → TLS identity → store → endpoint → services for its roles. Plain
 * constructors, no OSGi services, so it starts the same way in the product and in tests.
 */
public final class SynclineServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SynclineServer.class.getName());
    private static final String PASSWORD_CHARS = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final ServerOptions options;
    private final String version;
    private final long startedAt = System.currentTimeMillis();
    private final ServerIdentity identity;
    private final Database database;
    private final UserDirectory users;
    private final BlobStore blobs;
    private final ServerEnrollment enrollment;
    private final Endpoint endpoint;
    private final RunningCapabilities capabilities;
    private final ScheduledExecutorService ticker = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "syncline-scheduler");
        t.setDaemon(true);
        return t;
    });
    private volatile InetSocketAddress address;

    private final StartupClock clock = new StartupClock();

    private SynclineServer(ServerOptions options, String version, PrintStream console, List<Capability> installed) {
        this.options = options;
        this.version = version;
        Path data = options.data();
        // Derby's boot is the longest step: it runs while the TLS identity is read or created.
        CompletableFuture<Database> opening = CompletableFuture.supplyAsync(() -> Database.open(data.resolve("db")));
        try {
            identity = ServerIdentity.loadOrCreate(data.resolve("tls"), hostName());
        } catch (RuntimeException e) {
            opening.thenAccept(Database::close);
            throw e;
        }
        clock.lap("tls identity");
        database = join(opening);
        clock.lap("database");
        try {
            users = new UserDirectory(database, new PasswordHasher());
            createFirstAdmin(console);
            blobs = new BlobStore(data.resolve("blobs"));
            enrollment = new ServerEnrollment(new Enrollments(database, Clock.systemUTC()), identity.fingerprint(), data, this::listeningAddress);
            // before any capability starts: they may need the credential (a storage node reporting to its registry)
            JoinProcedure.run(enrollment, options.join(), hostName(), options.roles());
            clock.lap("enrollment");
            EndpointSettings settings = new EndpointSettings(options.bind(), options.maxFrame(), options.idleTimeoutSeconds(),
                    version, hostName());
            endpoint = new Endpoint(settings, identity, this::authenticate);
            endpoint.handle(ServerStatus.REQUEST, Access.USER, (ctx, body) -> Json.tree(status()));
            endpoint.topic(ServerStatus.TOPIC, Access.USER);
            new EnrollmentHandlers(enrollment, Clock.systemUTC()).register(endpoint);
            endpoint.onSessionsChanged(this::publishStatus);
            capabilities = RunningCapabilities.start(installed, new ServerContextFactory(endpoint, database, users, blobs,
                    data, version, hostName(), options.roles(), ticker, options.settings(), options.join(), enrollment));
            clock.lap("capabilities");
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** A {@code --set} key for a capability this installation does not have is a typo, not something to ignore. */
    private static void refuseUnknownSettings(ServerOptions options, List<Capability> installed) {
        java.util.Set<String> known = new java.util.TreeSet<>();
        installed.forEach(c -> known.add(c.name()));
        for (String name : options.settings().capabilityNames()) {
            if (!known.contains(name)) {
                throw new SynclineException(ErrorCode.CONFIG, "--set names capability '" + name
                        + "', which this installation does not have (installed: " + String.join(", ", known) + ").");
            }
        }
    }

    private static Database join(CompletableFuture<Database> opening) {
        try {
            return opening.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** Starts a server and returns once it accepts connections. */
    public static SynclineServer start(ServerOptions options, String version, PrintStream console, List<Capability> installed) {
        refuseUnknownSettings(options, installed);
        // owner-only from creation; a directory other users can write is refused, naming it
        DataDirectory.open(options.data());
        ServerLog.install(options.data().resolve("logs"));
        SynclineServer server = new SynclineServer(options, version, console, installed);
        try {
            server.listen();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void listen() {
        try {
            address = endpoint.start();
        } catch (BindException e) {
            throw new SynclineException(ErrorCode.CONFIG, "Port " + options.bind().getPort() + " on "
                    + options.bind().getAddress().getHostAddress() + " is already in use; stop the other process or choose another --port.");
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.CONFIG, "Cannot listen on " + options.bind() + ": " + e.getMessage());
        }
        clock.lap("listen");
        writeRunFile();
        ticker.scheduleAtFixedRate(this::publishStatus, 30, 30, TimeUnit.SECONDS);
        LOG.info(() -> "Syncline server " + version + " listening on " + address + ", roles " + options.roles()
                + ", capabilities " + capabilities.names());
        LOG.info(clock::summary);
    }

    public InetSocketAddress address() {
        return address;
    }

    private InetSocketAddress listeningAddress() {
        return address;
    }

    public String fingerprint() {
        return identity.fingerprint();
    }

    public BlobStore blobs() {
        return blobs;
    }

    public ServerStatus status() {
        long now = System.currentTimeMillis();
        return new ServerStatus(version, hostName(), Instant.ofEpochMilli(startedAt), (now - startedAt) / 1000, endpoint.loggedInSessions(),
                new ArrayList<>(options.roles()), capabilities.names());
    }

    /** The capabilities this process runs, in start order. */
    public List<String> capabilities() {
        return capabilities.names();
    }

    private void publishStatus() {
        endpoint.publish(ServerStatus.TOPIC, ServerStatus.PUSH, Json.tree(status()));
    }

    private Optional<Principal> authenticate(String name, char[] password) {
        if (name.startsWith("#")) {
            return enrollment.authenticate(name, password); // servers of the deployment; no user name starts with '#'
        }
        return users.authenticate(name, password).map(u -> new Principal(u.name(), roleNames(u), Set.copyOf(users.groupsOf(u.name()))));
    }

    private static Set<String> roleNames(User u) {
        Set<String> names = new java.util.HashSet<>();
        u.roles().forEach(r -> names.add(r.name().toLowerCase(java.util.Locale.ROOT)));
        return names;
    }

    private void createFirstAdmin(PrintStream console) {
        if (!users.isEmpty()) {
            return;
        }
        char[] password;
        boolean generated = options.adminPasswordFile().isEmpty();
        if (generated) {
            SecureRandom random = new SecureRandom();
            password = new char[20];
            for (int i = 0; i < password.length; i++) {
                password[i] = PASSWORD_CHARS.charAt(random.nextInt(PASSWORD_CHARS.length()));
            }
        } else {
            password = PasswordFile.read(options.adminPasswordFile().get());
        }
        users.create("admin", password, EnumSet.of(Role.ADMIN, Role.USER));
        if (generated) {
            console.println("Created user 'admin' with password: " + new String(password));
            console.println("(shown once; change it with: syncline cli user passwd admin --password-file FILE)");
        } else {
            console.println("Created user 'admin' with the password from " + options.adminPasswordFile().get());
        }
        LOG.info("Created the first user 'admin'");
    }

    /** DATA/run/server.json tells local tools (the demo, scripts) where this server listens. */
    private void writeRunFile() {
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
        byte[] content = Json.pretty(Json.object("host", host, "port", (long) address.getPort(),
                "fingerprint", identity.fingerprint(), "pid", ProcessHandle.current().pid(), "version", version))
                .getBytes(StandardCharsets.UTF_8);
        try {
            DataDirectory.writeOwnerOnly(options.data().resolve("run").resolve("server.json"), content);
        } catch (SynclineException e) {
            LOG.warning(e.getMessage());
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        if (endpoint != null) {
            endpoint.close();
        }
        if (capabilities != null) {
            capabilities.close();
        }
        database.close();
        try {
            Files.deleteIfExists(options.data().resolve("run").resolve("server.json"));
        } catch (IOException e) {
            // a stale run file only misleads until the next start rewrites it
        }
        ServerLog.lastWords(LOG, "Syncline server stopped");
    }
}
