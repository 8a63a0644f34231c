package org.syncline.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.ErrorCode;
import org.syncline.core.HostPort;
import org.syncline.core.SynclineException;

/** An explicit trust replaces a stale pin for its address only, and is still checked against the server. */
class KnownServersTest {
    private static final FingerprintPrompt NEVER_ASKED = (server, fp) -> {
        throw new AssertionError("the user was asked about " + server + " although its fingerprint was given");
    };
    private static final HostPort A = new HostPort("alpha.example", 7443);
    private static final HostPort B = new HostPort("127.0.0.1", 7443);
    private static final HostPort C = new HostPort("gamma.example", 9000);
    private static final String OLD = fingerprint('1');
    private static final String NEW = fingerprint('2');

    @TempDir
    Path dir;

    @Test
    void anExplicitTrustReplacesTheStalePinForThatAddressOnly() throws Exception {
        KnownServers known = new KnownServers(dir.resolve("known_servers"));
        Files.writeString(known.file(), A + " " + fingerprint('A') + "\n" + B + " " + OLD + "\n" + C + " " + fingerprint('C') + "\n");

        assertEquals(Optional.of(OLD), known.trust(B, NEW));

        assertEquals(NEW, known.pinned(B));
        assertEquals(fingerprint('A'), known.pinned(A));
        assertEquals(fingerprint('C'), known.pinned(C));
        List<String> entries = entries(known);
        assertEquals(List.of(A + " " + fingerprint('A'), B + " " + NEW, C + " " + fingerprint('C')), entries);
        known.verify(B, NEW, NEVER_ASKED);
        SynclineException e = assertThrows(SynclineException.class, () -> known.verify(B, OLD, NEVER_ASKED));
        assertEquals(ErrorCode.CERTIFICATE_CHANGED, e.code(), "the replaced pin no longer passes");
    }

    @Test
    void anExplicitTrustForANewAddressPinsItWithoutAsking() {
        KnownServers known = new KnownServers(dir.resolve("conf/known_servers"));

        assertEquals(Optional.empty(), known.trust(B, NEW));

        assertEquals(NEW, new KnownServers(known.file()).pinned(B), "written to the file, not only remembered");
        known.verify(B, NEW, NEVER_ASKED);
    }

    @Test
    void aFingerprintInLowerCaseOrWithoutColonsIsStoredAsServersPresentIt() {
        KnownServers known = new KnownServers(dir.resolve("known_servers"));

        known.trust(B, NEW.replace(":", "").toLowerCase(Locale.ROOT));

        assertEquals(NEW, known.pinned(B));
        known.verify(B, NEW, NEVER_ASKED);
    }

    @Test
    void somethingThatIsNotAFingerprintIsRefusedAndTheFileKept() throws Exception {
        KnownServers known = new KnownServers(dir.resolve("known_servers"));
        Files.writeString(known.file(), B + " " + OLD + "\n");
        byte[] before = Files.readAllBytes(known.file());

        for (String bad : List.of("", "AB:CD", NEW + ":EF", NEW.replace('2', 'G'), NEW.replace(":", "-"), "yes")) {
            SynclineException e = assertThrows(SynclineException.class, () -> known.trust(B, bad), bad);
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
            assertTrue(e.getMessage().endsWith("is not a SHA-256 certificate fingerprint; give the 32 hex pairs the server "
                    + "printed (AB:CD:...)."), e.getMessage());
        }
        assertThrows(SynclineException.class, () -> known.trust(B, null));
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(known.file()));
    }

    @Test
    void theFileIsReplacedWholeWithNoTempFileLeft() throws Exception {
        KnownServers known = new KnownServers(dir.resolve("known_servers"));
        Files.writeString(known.file(), B + " " + OLD + "\n");

        known.trust(B, NEW);

        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(known.file()), files.toList());
        }
    }

    /** The demo's case: a new server on an address pinned for an earlier one, started with its fingerprint. */
    @Test
    void aRealServerIsAcceptedUnderTheExplicitFingerprintAndRefusedUnderAnyOther() throws Exception {
        try (TestServer server = new TestServer(dir.resolve("server"))) {
            KnownServers known = new KnownServers(dir.resolve("known_servers"));
            Files.writeString(known.file(), server.address + " " + OLD + "\n");
            assertEquals(ErrorCode.CERTIFICATE_CHANGED, connectError(server, known), "the stale pin alone refuses it");

            known.trust(server.address, server.identity.fingerprint());
            try (Connection c = Connection.open(settings(server), known, NEVER_ASKED)) {
                assertEquals(server.identity.fingerprint(), c.server().fingerprint());
            }

            // A fingerprint given explicitly is a pin like any other: a server presenting another is refused.
            known.trust(server.address, NEW);
            assertEquals(ErrorCode.CERTIFICATE_CHANGED, connectError(server, known));
            assertEquals(0, server.endpoint.loggedInSessions());
        }
    }

    private static ErrorCode connectError(TestServer server, KnownServers known) {
        return assertThrows(SynclineException.class, () -> Connection.open(settings(server), known, NEVER_ASKED)).code();
    }

    private static ConnectionSettings settings(TestServer server) {
        return ConnectionSettings.of(server.address, "alice", TestServer.PASSWORDS.get("alice").toCharArray(), "test");
    }

    private static List<String> entries(KnownServers known) throws Exception {
        return Files.readAllLines(known.file()).stream().filter(l -> !l.startsWith("#")).toList();
    }

    private static String fingerprint(char digit) {
        return String.join(":", java.util.Collections.nCopies(32, "" + digit + digit));
    }
}
