package org.syncline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.store.internal.UserTable;

class UserDirectoryTest {
    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
    private static final Set<Role> USER = EnumSet.of(Role.USER);

    @TempDir
    Path tmp;
    private Database db;
    private UserDirectory users;

    @BeforeEach
    void open() {
        db = Database.open(tmp.resolve("db"));
        users = new UserDirectory(db, new PasswordHasher());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void namesToSuggestStartWithThePrefixLeaveOutDisabledUsersAndTakeUnderscoreLiterally() {
        for (String name : new String[] { "ben", "bea", "benedikt", "bo_b", "bob", "carol" }) {
            users.create(name, pw(name + "-secret-1"), USER);
        }
        users.setDisabled("bea", true);
        users.createGroup("berlin-office");
        users.createGroup("board");
        assertEquals(new UserDirectory.NameMatches(List.of("ben", "benedikt"), List.of("berlin-office")), users.namesStartingWith("BE", 10));
        assertEquals(List.of("ben"), users.namesStartingWith("be", 1).users(), "at most the limit, in order");
        assertEquals(List.of("bo_b"), users.namesStartingWith("bo_", 10).users(), "'_' is a character here, not LIKE's any character");
        assertEquals(List.of("board"), users.namesStartingWith("bo", 10).groups());
        for (String nothing : new String[] { "", " ", "%", "b%", "x".repeat(65), "bé" }) {
            assertEquals(new UserDirectory.NameMatches(List.of(), List.of()), users.namesStartingWith(nothing, 10), nothing);
        }
    }

    @Test
    void aDisabledUserWithTheRightPasswordIsRefusedByNameAndEnablingLetsThemBackIn() {
        users.create("alice", pw("alice-secret"), EnumSet.of(Role.ADMIN, Role.USER));
        users.create("carol", pw("carol-secret"), USER);
        users.setDisabled("carol", true);
        assertTrue(users.find("carol").orElseThrow().disabled());
        assertTrue(users.list().stream().filter(u -> u.name().equals("carol")).findFirst().orElseThrow().disabled());
        assertFalse(users.list().stream().filter(u -> u.name().equals("alice")).findFirst().orElseThrow().disabled());
        SynclineException refused = assertThrows(SynclineException.class, () -> users.authenticate("carol", pw("carol-secret")));
        assertEquals(ErrorCode.ACCOUNT_DISABLED, refused.code());
        assertTrue(refused.getMessage().contains("'carol' is disabled"), refused.getMessage());
        // a wrong password says nothing about the account being disabled
        assertEquals(Optional.empty(), users.authenticate("carol", pw("not-her-password")));
        users.setDisabled("carol", false);
        assertTrue(users.authenticate("carol", pw("carol-secret")).isPresent());
    }

    @Test
    void theLastEnabledAdministratorCannotBeDisabled() {
        users.create("alice", pw("alice-secret"), EnumSet.of(Role.ADMIN, Role.USER));
        SynclineException e = assertThrows(SynclineException.class, () -> users.setDisabled("alice", true));
        assertTrue(e.getMessage().contains("last administrator"), e.getMessage());
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(SynclineException.class, () -> users.setDisabled("nobody", true)).code());
    }

    @Test
    void createdUsersCanBeFoundAndAreListedByName() {
        assertTrue(users.isEmpty());
        Instant before = Instant.now().minusSeconds(1);
        User carol = users.create("carol", pw("carol-secret"), USER);
        users.create("alice", pw("alice-secret"), EnumSet.of(Role.ADMIN, Role.USER));
        users.create("bob", pw("bob-secret"), Set.of());
        assertFalse(users.isEmpty());

        assertEquals(List.of("alice", "bob", "carol"), users.list().stream().map(User::name).toList());
        assertEquals(Optional.of(carol), users.find("carol"));
        User alice = users.find("alice").orElseThrow();
        assertEquals(EnumSet.of(Role.ADMIN, Role.USER), alice.roles());
        assertTrue(alice.isAdmin());
        assertFalse(carol.isAdmin());
        assertTrue(users.find("bob").orElseThrow().roles().isEmpty());
        assertTrue(alice.created().isAfter(before) && alice.created().isBefore(Instant.now().plusSeconds(1)));
        assertEquals(users.list().get(0), alice);
        assertEquals(Optional.empty(), users.find("dave"));
        assertEquals(Optional.empty(), users.find("Not A Name"));
    }

    @Test
    void rolesAreStoredInLowerCase() {
        users.create("alice", pw("alice-secret"), EnumSet.of(Role.ADMIN, Role.USER));
        List<String> stored = db.inTransaction(c -> {
            List<String> roles = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT role FROM user_roles ORDER BY role")) {
                while (rs.next()) {
                    roles.add(rs.getString(1));
                }
            }
            return roles;
        });
        assertEquals(List.of("admin", "user"), stored);
        assertEquals(Role.ADMIN, Role.of("admin"));
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> Role.of("ADMIN"));
    }

    @Test
    void aDuplicateNameIsRefusedAndTheFirstAccountKept() {
        users.create("alice", pw("first-password"), ADMIN);
        assertCode(ErrorCode.ALREADY_EXISTS, () -> users.create("alice", pw("second-password"), USER));
        assertTrue(users.authenticate("alice", pw("first-password")).isPresent());
        assertTrue(users.find("alice").orElseThrow().isAdmin());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "Alice", "a b", "../etc", "-dash", "tab\tname",
            "a1234567890123456789012345678901234567890123456789012345678901234" })
    void invalidNamesAreRefused(String name) {
        assertCode(ErrorCode.INVALID_NAME, () -> users.create(name, pw("long-enough"), USER));
        assertCode(ErrorCode.INVALID_NAME, () -> users.setPassword(name, pw("long-enough")));
        assertCode(ErrorCode.INVALID_NAME, () -> users.remove(name));
        assertTrue(users.isEmpty());
    }

    @Test
    void passwordsMustHave8To1024Characters() {
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> users.create("alice", pw("1234567"), USER));
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> users.create("alice", new char[1025], USER));
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> users.create("alice", null, USER));
        assertTrue(users.isEmpty());
        users.create("alice", pw("12345678"), USER);
        users.create("bob", "x".repeat(1024).toCharArray(), USER);
        assertTrue(users.authenticate("bob", "x".repeat(1024).toCharArray()).isPresent());
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> users.setPassword("alice", pw("short")));
    }

    @Test
    void setPasswordReplacesTheOldOne() {
        users.create("alice", pw("old-password"), USER);
        users.setPassword("alice", pw("new-password"));
        assertTrue(users.authenticate("alice", pw("old-password")).isEmpty());
        assertTrue(users.authenticate("alice", pw("new-password")).isPresent());
        assertCode(ErrorCode.NOT_FOUND, () -> users.setPassword("bob", pw("new-password")));
    }

    @Test
    void authenticateAcceptsOnlyTheRightPassword() {
        User alice = users.create("alice", pw("alice-secret"), USER);
        assertEquals(Optional.of(alice), users.authenticate("alice", pw("alice-secret")));
        assertEquals(Optional.empty(), users.authenticate("alice", pw("alice-secreT")));
        assertEquals(Optional.empty(), users.authenticate("alice", null));
        assertEquals(Optional.empty(), users.authenticate("bob", pw("alice-secret")));
        assertEquals(Optional.empty(), users.authenticate("Not A Name", pw("alice-secret")));
        assertEquals(Optional.empty(), users.authenticate(null, pw("alice-secret")));
    }

    /** An unknown name must cost a hash too; without one it would answer in about a millisecond. */
    @Test
    void anUnknownNameIsCheckedAgainstADecoyThatCostsWhatAStoredHashCosts() {
        // An unknown name verifies a decoy instead of answering at once, so the answer does not tell which names
        // exist. That only holds if the decoy is read (an unreadable hash is refused before any work) and carries
        // the parameters of real hashes; asserted on the hashes themselves, since timings on a shared machine lie.
        PasswordHasher hasher = new PasswordHasher();
        String real = hasher.hash(pw("alice-secret"));
        String decoy = UserDirectory.DECOY_HASH;
        assertFalse(hasher.needsRehash(decoy), decoy);
        assertEquals(parameters(real), parameters(decoy));
        assertFalse(hasher.verify(pw("wrong-password"), decoy));
        assertFalse(hasher.verify(pw("alice-secret"), decoy));

        users.create("alice", pw("alice-secret"), USER);
        assertEquals(Optional.empty(), users.authenticate("nobody", pw("wrong-password")));
        assertEquals(Optional.empty(), users.authenticate("nobody", null));
    }

    /** "$argon2id$v=19$m=...,t=...,p=...$": everything but salt and hash. */
    private static String parameters(String encoded) {
        int end = 0;
        for (int i = 0; i < 3; i++) {
            end = encoded.indexOf('$', end + 1);
        }
        return encoded.substring(0, end);
    }

    @Test
    void removeDeletesTheUserWithRolesAndMemberships() {
        users.create("root", pw("root-secret"), ADMIN);
        users.create("alice", pw("alice-secret"), EnumSet.of(Role.ADMIN, Role.USER));
        users.createGroup("staff");
        users.addMember("staff", "alice");
        users.remove("alice");
        assertEquals(Optional.empty(), users.find("alice"));
        assertEquals(Optional.empty(), users.authenticate("alice", pw("alice-secret")));
        assertEquals(List.of(), users.members("staff"));
        assertCode(ErrorCode.NOT_FOUND, () -> users.remove("alice"));

        users.create("alice", pw("other-secret"), USER);
        assertEquals(USER, users.find("alice").orElseThrow().roles());
        assertEquals(List.of(), users.groupsOf("alice"));
    }

    @Test
    void theLastAdministratorCannotBeRemovedOrDemoted() {
        users.create("root", pw("root-secret"), ADMIN);
        users.create("alice", pw("alice-secret"), USER);
        SynclineException e = assertCode(ErrorCode.INVALID_ARGUMENT, () -> users.remove("root"));
        assertTrue(e.getMessage().contains("last administrator"), e.getMessage());
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> users.setRoles("root", USER));
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> users.setRoles("root", Set.of()));
        assertTrue(users.find("root").orElseThrow().isAdmin());

        users.setRoles("alice", EnumSet.of(Role.ADMIN, Role.USER));
        users.setRoles("root", USER);
        assertFalse(users.find("root").orElseThrow().isAdmin());
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> users.remove("alice"));
        users.remove("root");
        assertEquals(List.of("alice"), users.list().stream().map(User::name).toList());
        assertCode(ErrorCode.NOT_FOUND, () -> users.setRoles("root", ADMIN));
    }

    /**
     * Two administrators demoting each other at once: exactly one is refused, and neither deadlocks. The
     * table lock in UserTable also closes a narrower window (both counts read before either delete) that
     * this test does not reliably reach; it passed with the lock removed.
     */
    @Test
    void concurrentDemotionsLeaveOneAdministrator() throws Exception {
        users.create("root", pw("root-secret"), ADMIN);
        users.create("alice", pw("alice-secret"), ADMIN);
        for (int round = 0; round < 5; round++) {
            users.setRoles("root", ADMIN);
            users.setRoles("alice", ADMIN);
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> demotions = new ArrayList<>();
                for (String name : List.of("root", "alice")) {
                    demotions.add(pool.submit(() -> {
                        start.await();
                        users.setRoles(name, USER);
                        return null;
                    }));
                }
                int refused = 0;
                for (Future<?> f : demotions) {
                    try {
                        f.get(60, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        assertEquals(ErrorCode.INVALID_ARGUMENT, ((SynclineException) e.getCause()).code());
                        refused++;
                    }
                }
                assertEquals(1, refused, "round " + round);
                assertEquals(1, users.list().stream().filter(User::isAdmin).count(), "round " + round);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void groupsAreCreatedListedByNameAndRemoved() {
        users.createGroup("staff");
        users.createGroup("admins");
        assertEquals(List.of("admins", "staff"), users.groups());
        assertCode(ErrorCode.ALREADY_EXISTS, () -> users.createGroup("staff"));
        SynclineException e = assertCode(ErrorCode.INVALID_NAME, () -> users.createGroup("Bad Group"));
        assertTrue(e.getMessage().contains("group name"), e.getMessage());
        users.removeGroup("staff");
        assertEquals(List.of("admins"), users.groups());
        assertCode(ErrorCode.NOT_FOUND, () -> users.removeGroup("staff"));
    }

    @Test
    void membersJoinAndLeaveGroups() {
        users.create("alice", pw("alice-secret"), USER);
        users.create("bob", pw("bob-secret-1"), USER);
        users.createGroup("staff");
        users.createGroup("ops");
        users.addMember("staff", "bob");
        users.addMember("staff", "alice");
        users.addMember("staff", "alice");
        users.addMember("ops", "alice");
        assertEquals(List.of("alice", "bob"), users.members("staff"));
        assertEquals(List.of("ops", "staff"), users.groupsOf("alice"));
        assertEquals(List.of("staff"), users.groupsOf("bob"));

        users.removeMember("staff", "alice");
        users.removeMember("staff", "alice");
        assertEquals(List.of("ops"), users.groupsOf("alice"));

        users.removeGroup("ops");
        assertEquals(List.of(), users.groupsOf("alice"));
        assertTrue(users.find("alice").isPresent(), "removing a group keeps its users");

        assertCode(ErrorCode.NOT_FOUND, () -> users.addMember("nope", "alice"));
        assertCode(ErrorCode.NOT_FOUND, () -> users.addMember("staff", "nobody"));
        assertCode(ErrorCode.NOT_FOUND, () -> users.removeMember("staff", "nobody"));
        assertCode(ErrorCode.NOT_FOUND, () -> users.groupsOf("nobody"));
        assertCode(ErrorCode.NOT_FOUND, () -> users.members("nope"));
    }

    @Test
    void usersSurviveAReopen() {
        users.create("alice", pw("alice-secret"), ADMIN);
        users.createGroup("staff");
        users.addMember("staff", "alice");
        db.close();
        db = Database.open(tmp.resolve("db"));
        users = new UserDirectory(db, new PasswordHasher());
        assertTrue(users.authenticate("alice", pw("alice-secret")).orElseThrow().isAdmin());
        assertEquals(List.of("staff"), users.groupsOf("alice"));
    }

    @Test
    void aPbkdf2HashIsReplacedByArgon2idAtTheNextLogin() throws Exception {
        User alice = users.create("alice", pw("alice-secret"), USER);
        String old = PasswordHasherTest.pbkdf2Hash(pw("alice-secret"), 1000);
        storeHash("alice", old);

        assertEquals(Optional.of(alice), users.authenticate("alice", pw("alice-secret")));
        String upgraded = storedHash("alice");
        assertTrue(upgraded.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), upgraded);
        assertTrue(new PasswordHasher().verify(pw("alice-secret"), upgraded));
        assertEquals(Optional.of(alice), users.authenticate("alice", pw("alice-secret")));
        assertEquals(upgraded, storedHash("alice"), "a current hash is not rewritten at every login");
    }

    @Test
    void aWrongPasswordDoesNotUpgradeTheHash() throws Exception {
        users.create("alice", pw("alice-secret"), USER);
        String old = PasswordHasherTest.pbkdf2Hash(pw("alice-secret"), 1000);
        storeHash("alice", old);

        assertEquals(Optional.empty(), users.authenticate("alice", pw("wrong-secret")));
        assertEquals(old, storedHash("alice"));
    }

    @Test
    void anUpgradeDoesNotUndoAPasswordChangeThatCameFirst() throws Exception {
        users.create("alice", pw("alice-secret"), USER);
        String old = PasswordHasherTest.pbkdf2Hash(pw("alice-secret"), 1000);
        storeHash("alice", old);
        users.setPassword("alice", pw("newer-secret"));
        String changed = storedHash("alice");

        // What authenticate writes when another change committed after it read the old hash.
        boolean replaced = db.inTransaction(c -> UserTable.replacePasswordHash(c, "alice", old, "upgrade-of-old"));
        assertFalse(replaced);
        assertEquals(changed, storedHash("alice"));
        assertTrue(users.authenticate("alice", pw("newer-secret")).isPresent());
    }

    @Test
    void aTamperedStoredHashIsRefusedWithTheUsersName() {
        users.create("alice", pw("alice-secret"), USER);
        storeHash("alice", storedHash("alice").replace("m=19456,t=2,p=1", "m=19456,t=2,p=1000"));

        SynclineException e = assertCode(ErrorCode.INTEGRITY, () -> users.authenticate("alice", pw("alice-secret")));
        assertTrue(e.getMessage().startsWith("The stored password hash of 'alice' cannot be checked because its argon2id "
                + "parameters 'm=19456,t=2,p=1000'"), e.getMessage());
        users.setPassword("alice", pw("alice-secret"));
        assertTrue(users.authenticate("alice", pw("alice-secret")).isPresent(), "setting the password again repairs it");
    }

    private void storeHash(String name, String hash) {
        assertTrue(db.inTransaction(c -> UserTable.setPasswordHash(c, name, hash)));
    }

    private String storedHash(String name) {
        return db.inTransaction(c -> UserTable.find(c, name)).orElseThrow().passwordHash();
    }

    private static char[] pw(String s) {
        return s.toCharArray();
    }

    private static SynclineException assertCode(ErrorCode code, Executable action) {
        SynclineException e = assertThrows(SynclineException.class, action);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }
}
