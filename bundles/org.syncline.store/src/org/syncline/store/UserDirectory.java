package org.syncline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;
import org.syncline.store.internal.UtcTimestamps;

/** The accounts and groups of one server, with their passwords. */
public final class UserDirectory {
    public static final int MIN_PASSWORD_LENGTH = 8;
    public static final int MAX_PASSWORD_LENGTH = 1024;
    private static final String DUPLICATE_KEY = "23505";
    // Verified in place of a real hash when the name is unknown, so the answer takes as long as a wrong
    // password and does not tell which names exist. No password derives to all zero bytes.
    private static final String DECOY = PasswordHasher.SCHEME + "$" + PasswordHasher.ITERATIONS + "$"
            + Base64.getEncoder().encodeToString(new byte[16]) + "$" + Base64.getEncoder().encodeToString(new byte[32]);

    private final Database db;
    private final PasswordHasher hasher;

    public UserDirectory(Database db, PasswordHasher hasher) {
        this.db = Objects.requireNonNull(db, "db");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    public User create(String name, char[] password, Set<Role> roles) {
        Names.requireUserName(name);
        requirePassword(password);
        User user = new User(name, roles, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        // Hashing takes a good part of a second: do it before the transaction, not while holding locks.
        String hash = hasher.hash(password);
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO users (name, password_hash, created) VALUES (?, ?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, hash);
                UtcTimestamps.set(ps, 3, user.created());
                ps.executeUpdate();
            } catch (SQLException e) {
                if (DUPLICATE_KEY.equals(e.getSQLState())) {
                    throw new SynclineException(ErrorCode.ALREADY_EXISTS,
                            "A user named '" + name + "' already exists; choose another name.");
                }
                throw e;
            }
            insertRoles(c, name, user.roles());
            return user;
        });
    }

    /** Empty for an unknown name, including one that is not a valid user name at all. */
    public Optional<User> find(String name) {
        return account(name).map(Account::user);
    }

    /** Every user, ordered by name. */
    public List<User> list() {
        return db.inTransaction(c -> {
            Map<String, Instant> created = new LinkedHashMap<>();
            Map<String, Set<Role>> roles = new LinkedHashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT u.name, u.created, r.role FROM users u LEFT JOIN user_roles r ON r.user_name = u.name ORDER BY u.name")) {
                while (rs.next()) {
                    String name = rs.getString("name");
                    created.putIfAbsent(name, UtcTimestamps.get(rs, "created"));
                    Set<Role> set = roles.computeIfAbsent(name, n -> EnumSet.noneOf(Role.class));
                    String role = rs.getString("role");
                    if (role != null) {
                        set.add(Role.of(role));
                    }
                }
            }
            List<User> users = new ArrayList<>();
            created.forEach((name, when) -> users.add(new User(name, roles.get(name), when)));
            return users;
        });
    }

    public void setPassword(String name, char[] password) {
        Names.requireUserName(name);
        requirePassword(password);
        String hash = hasher.hash(password);
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE users SET password_hash = ? WHERE name = ?")) {
                ps.setString(1, hash);
                ps.setString(2, name);
                if (ps.executeUpdate() == 0) {
                    throw noSuchUser(name);
                }
            }
            return null;
        });
    }

    /** Replaces the user's roles; refuses to leave the server without an administrator. */
    public void setRoles(String name, Set<Role> roles) {
        Names.requireUserName(name);
        Set<Role> wanted = new User(name, roles, Instant.EPOCH).roles();
        db.inTransaction(c -> {
            Set<Role> current = lockAndLoadRoles(c, name);
            if (current.contains(Role.ADMIN) && !wanted.contains(Role.ADMIN)) {
                requireAnotherAdmin(c, name);
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM user_roles WHERE user_name = ?")) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
            insertRoles(c, name, wanted);
            return null;
        });
    }

    /** Removes the user with its roles and memberships; refuses to remove the last administrator. */
    public void remove(String name) {
        Names.requireUserName(name);
        db.inTransaction(c -> {
            if (lockAndLoadRoles(c, name).contains(Role.ADMIN)) {
                requireAnotherAdmin(c, name);
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM users WHERE name = ?")) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The user when the password is right; empty for a wrong password, an unknown or an invalid name. */
    public Optional<User> authenticate(String name, char[] password) {
        Optional<Account> account = account(name);
        if (account.isEmpty()) {
            hasher.verify(password == null ? new char[1] : password, DECOY);
            return Optional.empty();
        }
        return hasher.verify(password, account.get().hash()) ? Optional.of(account.get().user()) : Optional.empty();
    }

    /** True before the first user exists, when a server asks for its first administrator. */
    public boolean isEmpty() {
        return db.inTransaction(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT 1 FROM users FETCH FIRST ROW ONLY")) {
                return !rs.next();
            }
        });
    }

    public void createGroup(String group) {
        requireGroupName(group);
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO groups (name, created) VALUES (?, ?)")) {
                ps.setString(1, group);
                UtcTimestamps.set(ps, 2, Instant.now().truncatedTo(ChronoUnit.MILLIS));
                ps.executeUpdate();
            } catch (SQLException e) {
                if (DUPLICATE_KEY.equals(e.getSQLState())) {
                    throw new SynclineException(ErrorCode.ALREADY_EXISTS,
                            "A group named '" + group + "' already exists; choose another name.");
                }
                throw e;
            }
            return null;
        });
    }

    /** Removes the group and its memberships; the users stay. */
    public void removeGroup(String group) {
        requireGroupName(group);
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM groups WHERE name = ?")) {
                ps.setString(1, group);
                if (ps.executeUpdate() == 0) {
                    throw noSuchGroup(group);
                }
            }
            return null;
        });
    }

    /** Adds the user to the group; adding a member again changes nothing. */
    public void addMember(String group, String user) {
        requireGroupName(group);
        Names.requireUserName(user);
        db.inTransaction(c -> {
            requireRow(c, "SELECT 1 FROM groups WHERE name = ?", group, () -> noSuchGroup(group));
            requireRow(c, "SELECT 1 FROM users WHERE name = ?", user, () -> noSuchUser(user));
            if (!isMember(c, group, user)) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO group_members (group_name, user_name) VALUES (?, ?)")) {
                    ps.setString(1, group);
                    ps.setString(2, user);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Takes the user out of the group; taking out a user who is not a member changes nothing. */
    public void removeMember(String group, String user) {
        requireGroupName(group);
        Names.requireUserName(user);
        db.inTransaction(c -> {
            requireRow(c, "SELECT 1 FROM groups WHERE name = ?", group, () -> noSuchGroup(group));
            requireRow(c, "SELECT 1 FROM users WHERE name = ?", user, () -> noSuchUser(user));
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM group_members WHERE group_name = ? AND user_name = ?")) {
                ps.setString(1, group);
                ps.setString(2, user);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Every group, ordered by name. */
    public List<String> groups() {
        return db.inTransaction(c -> names(c, "SELECT name FROM groups ORDER BY name", null));
    }

    /** The groups the user belongs to, ordered by name. */
    public List<String> groupsOf(String user) {
        Names.requireUserName(user);
        return db.inTransaction(c -> {
            requireRow(c, "SELECT 1 FROM users WHERE name = ?", user, () -> noSuchUser(user));
            return names(c, "SELECT group_name FROM group_members WHERE user_name = ? ORDER BY group_name", user);
        });
    }

    /** The members of the group, ordered by name. */
    public List<String> members(String group) {
        requireGroupName(group);
        return db.inTransaction(c -> {
            requireRow(c, "SELECT 1 FROM groups WHERE name = ?", group, () -> noSuchGroup(group));
            return names(c, "SELECT user_name FROM group_members WHERE group_name = ? ORDER BY user_name", group);
        });
    }

    private record Account(User user, String hash) {
    }

    private Optional<Account> account(String name) {
        if (name == null || !isValidName(name)) {
            return Optional.empty();
        }
        return db.inTransaction(c -> {
            Instant created;
            String hash;
            try (PreparedStatement ps = c.prepareStatement("SELECT password_hash, created FROM users WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    hash = rs.getString("password_hash");
                    created = UtcTimestamps.get(rs, "created");
                }
            }
            return Optional.of(new Account(new User(name, roles(c, name), created), hash));
        });
    }

    private static boolean isValidName(String name) {
        try {
            Names.requireUserName(name);
            return true;
        } catch (SynclineException e) {
            return false;
        }
    }

    private static Set<Role> roles(Connection c, String name) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        try (PreparedStatement ps = c.prepareStatement("SELECT role FROM user_roles WHERE user_name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    roles.add(Role.of(rs.getString(1)));
                }
            }
        }
        return roles;
    }

    /*
     * Changes that can take away an administrator lock the role table first: two such changes running at
     * once would each see another administrator left and together remove both.
     */
    private static Set<Role> lockAndLoadRoles(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLE user_roles IN EXCLUSIVE MODE");
        }
        requireRow(c, "SELECT 1 FROM users WHERE name = ?", name, () -> noSuchUser(name));
        return roles(c, name);
    }

    private static void requireAnotherAdmin(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM user_roles WHERE role = ? AND user_name <> ?")) {
            ps.setString(1, Role.ADMIN.code());
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "'" + name
                            + "' is the last administrator; make another user an administrator first.");
                }
            }
        }
    }

    private static void insertRoles(Connection c, String name, Set<Role> roles) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_roles (user_name, role) VALUES (?, ?)")) {
            for (Role r : roles) {
                ps.setString(1, name);
                ps.setString(2, r.code());
                ps.executeUpdate();
            }
        }
    }

    private static boolean isMember(Connection c, String group, String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM group_members WHERE group_name = ? AND user_name = ?")) {
            ps.setString(1, group);
            ps.setString(2, user);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void requireRow(Connection c, String sql, String key, Supplier<SynclineException> otherwise)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw otherwise.get();
                }
            }
        }
    }

    private static List<String> names(Connection c, String sql, String key) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (key != null) {
                ps.setString(1, key);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private static void requirePassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A password needs at least "
                    + MIN_PASSWORD_LENGTH + " characters; choose a longer one.");
        }
        if (password.length > MAX_PASSWORD_LENGTH) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A password may have at most "
                    + MAX_PASSWORD_LENGTH + " characters; choose a shorter one.");
        }
    }

    // Group names follow the user-name rule; only the wording of the error differs.
    private static void requireGroupName(String group) {
        try {
            Names.requireUserName(group);
        } catch (SynclineException e) {
            throw new SynclineException(e.code(), e.getMessage().replace("user name", "group name"));
        }
    }

    private static SynclineException noSuchUser(String name) {
        return new SynclineException(ErrorCode.NOT_FOUND, "There is no user named '" + name
                + "'; check the name against the list of users.");
    }

    private static SynclineException noSuchGroup(String group) {
        return new SynclineException(ErrorCode.NOT_FOUND, "There is no group named '" + group
                + "'; check the name against the list of groups.");
    }
}
