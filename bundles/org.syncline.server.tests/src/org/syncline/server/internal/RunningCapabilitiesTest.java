package org.syncline.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.protocol.Access;
import org.syncline.protocol.Endpoint;
import org.syncline.protocol.EndpointSettings;
import org.syncline.protocol.ServerIdentity;
import org.syncline.server.api.Capability;
import org.syncline.server.api.ServerContext;
import org.syncline.store.BlobStore;
import org.syncline.store.Database;
import org.syncline.store.Migration;
import org.syncline.store.PasswordHasher;
import org.syncline.store.UserDirectory;

/** Which capabilities a process runs, in what order they start and stop, with their schemas (real Derby). */
class RunningCapabilitiesTest {
    @TempDir
    Path tmp;

    private Database db;
    private Endpoint endpoint;
    private ScheduledExecutorService scheduler;
    private final List<String> events = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        db = Database.open(tmp.resolve("db"));
        endpoint = new Endpoint(EndpointSettings.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "1", "t"),
                ServerIdentity.loadOrCreate(tmp.resolve("tls"), "t"), (u, p) -> java.util.Optional.empty());
        scheduler = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void close() {
        scheduler.shutdownNow();
        endpoint.close();
        db.close();
    }

    private ServerContextFactory contexts(Set<String> roles) {
        return new ServerContextFactory(endpoint, db, new UserDirectory(db, new PasswordHasher()), new BlobStore(tmp.resolve("blobs")),
                tmp.resolve("data"), "1", "host", roles, scheduler,
                org.syncline.server.api.ServerSettings.none(), java.util.Optional.empty(),
                new ServerEnrollment(new org.syncline.store.Enrollments(db, java.time.Clock.systemUTC()), "00", tmp.resolve("data"), () -> null));
    }

    private Capability capability(String name, Set<String> roles, List<Migration> migrations, boolean fail) {
        return new Capability() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<String> roles() {
                return roles;
            }

            @Override
            public List<Migration> migrations() {
                return migrations;
            }

            @Override
            public AutoCloseable start(ServerContext context) {
                if (fail) {
                    throw new SynclineException(ErrorCode.CONFIG, name + " refuses to start");
                }
                events.add("start " + name + " v" + context.database().schemaVersion(name));
                context.endpoint().handle(name + ".ping", Access.USER, (ctx, body) -> java.util.Map.of());
                return () -> events.add("stop " + name);
            }
        };
    }

    @Test
    void rolesDecideWhichCapabilitiesStartAndEveryServerRunsTheRoleless() {
        List<Capability> installed = List.of(capability("docs", Set.of("registry", "storage"), List.of(), false),
                capability("sync", Set.of("hub"), List.of(), false), capability("admin", Set.of(), List.of(), false));
        try (RunningCapabilities running = RunningCapabilities.start(installed, contexts(Set.of("storage")))) {
            assertEquals(List.of("admin", "docs"), running.names());
        }
        assertEquals(List.of("start admin v0", "start docs v0", "stop docs", "stop admin"), events, "stopped in reverse order");
    }

    @Test
    void eachCapabilityGetsItsSchemaBeforeItStartsAndAnOwnerOnlyFolder() throws Exception {
        List<Migration> docs = List.of(Migration.sql(1, "t", "CREATE TABLE docs_t (id INT)"), Migration.sql(2, "u", "CREATE TABLE docs_u (id INT)"));
        try (RunningCapabilities running = RunningCapabilities.start(List.of(capability("docs", Set.of(), docs, false)), contexts(Set.of()))) {
            assertEquals(List.of("start docs v2"), events);
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("data").resolve("docs"))));
    }

    @Test
    void aCapabilityThatFailsToStartStopsTheOnesBeforeIt() {
        List<Capability> installed = List.of(capability("alpha", Set.of(), List.of(), false), capability("beta", Set.of(), List.of(), true));
        SynclineException e = assertThrows(SynclineException.class, () -> RunningCapabilities.start(installed, contexts(Set.of())));
        assertTrue(e.getMessage().contains("beta refuses"), e.getMessage());
        assertEquals(List.of("start alpha v0", "stop alpha"), events);
    }

    @Test
    void twoBundlesOfferingOneCapabilityNameAreRefused() {
        List<Capability> installed = List.of(capability("docs", Set.of(), List.of(), false), capability("docs", Set.of(), List.of(), false));
        SynclineException e = assertThrows(SynclineException.class, () -> RunningCapabilities.start(installed, contexts(Set.of())));
        assertEquals(ErrorCode.CONFIG, e.code());
        assertTrue(events.isEmpty());
    }

    @Test
    void aCapabilityCannotRegisterAnotherCapabilitysMessages() {
        Capability rogue = new Capability() {
            @Override
            public String name() {
                return "docs";
            }

            @Override
            public Set<String> roles() {
                return Set.of();
            }

            @Override
            public List<Migration> migrations() {
                return List.of();
            }

            @Override
            public AutoCloseable start(ServerContext context) {
                context.endpoint().handle("admin.user.list", Access.USER, (ctx, body) -> java.util.Map.of());
                return () -> { };
            }
        };
        SynclineException e = assertThrows(SynclineException.class, () -> RunningCapabilities.start(List.of(rogue), contexts(Set.of())));
        assertTrue(e.getMessage().contains("docs.<verb>"), e.getMessage());
    }
}
