package org.syncline.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.syncline.store.Role;
import org.syncline.store.User;

/** The SQL behind users and their roles; callers bring the transaction and the rules. */
public final class UserTable {
    private static final String DUPLICATE_KEY = "23505";

    /** A user with the hash that only authentication may see. */
    public record StoredUser(User user, String passwordHash) {
    }

    private UserTable() {
    }

    /** False when the name is taken. */
    public static boolean insert(Connection c, User user, String passwordHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (name, password_hash, created) VALUES (?, ?, ?)")) {
            ps.setString(1, user.name());
            ps.setString(2, passwordHash);
            UtcTimestamps.set(ps, 3, user.created());
            ps.executeUpdate();
        } catch (SQLException e) {
            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
        insertRoles(c, user.name(), user.roles());
        return true;
    }

    public static Optional<StoredUser> find(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT password_hash, created, disabled FROM users WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                User user = new User(name, roles(c, name), UtcTimestamps.get(rs, "created"), rs.getBoolean("disabled"));
                return Optional.of(new StoredUser(user, rs.getString("password_hash")));
            }
        }
    }

    public static boolean exists(Connection c, String name) throws SQLException {
        return Rows.exists(c, "SELECT 1 FROM users WHERE name = ?", name);
    }

    public static boolean isEmpty(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1 FROM users FETCH FIRST ROW ONLY")) {
            return !rs.next();
        }
    }

    /** Every user, ordered by name. */
    public static List<User> list(Connection c) throws SQLException {
        Map<String, Instant> created = new LinkedHashMap<>();
        Map<String, Set<Role>> roles = new LinkedHashMap<>();
        Set<String> disabled = new java.util.HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT u.name, u.created, u.disabled, r.role FROM users u LEFT JOIN user_roles r ON r.user_name = u.name ORDER BY u.name")) {
            while (rs.next()) {
                String name = rs.getString("name");
                created.putIfAbsent(name, UtcTimestamps.get(rs, "created"));
                if (rs.getBoolean("disabled")) {
                    disabled.add(name);
                }
                Set<Role> set = roles.computeIfAbsent(name, n -> EnumSet.noneOf(Role.class));
                String role = rs.getString("role");
                if (role != null) {
                    set.add(Role.of(role));
                }
            }
        }
        List<User> users = new ArrayList<>();
        created.forEach((name, when) -> users.add(new User(name, roles.get(name), when, disabled.contains(name))));
        return users;
    }

    /** False when there is no such user. */
    /** Enabled users whose names match {@code likePattern} (a LIKE pattern escaped with '!'), at most {@code limit}, in order. */
    public static List<String> enabledNamesLike(Connection c, String likePattern, int limit) throws SQLException {
        return Rows.strings(c, "SELECT name FROM users WHERE name LIKE ? ESCAPE '!' AND disabled = FALSE ORDER BY name FETCH FIRST " + limit
                + " ROWS ONLY", likePattern);
    }

    public static boolean setPasswordHash(Connection c, String name, String passwordHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE users SET password_hash = ? WHERE name = ?")) {
            ps.setString(1, passwordHash);
            ps.setString(2, name);
            return ps.executeUpdate() > 0;
        }
    }

    /**
     * Replaces the hash only while it is still {@code expected}: a login that upgrades an old hash must not
     * undo a password change that committed after the login read the row. False when it was not replaced.
     */
    public static boolean replacePasswordHash(Connection c, String name, String expected, String passwordHash)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE users SET password_hash = ? WHERE name = ? AND password_hash = ?")) {
            ps.setString(1, passwordHash);
            ps.setString(2, name);
            ps.setString(3, expected);
            return ps.executeUpdate() > 0;
        }
    }

    /** False when there is no such user. */
    public static boolean setDisabled(Connection c, String name, boolean disabled) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE users SET disabled = ? WHERE name = ?")) {
            ps.setBoolean(1, disabled);
            ps.setString(2, name);
            return ps.executeUpdate() > 0;
        }
    }

    /** Deletes the user; roles and memberships go with it (ON DELETE CASCADE). */
    public static boolean delete(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM users WHERE name = ?")) {
            ps.setString(1, name);
            return ps.executeUpdate() > 0;
        }
    }

    public static Set<Role> roles(Connection c, String name) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String code : Rows.strings(c, "SELECT role FROM user_roles WHERE user_name = ?", name)) {
            roles.add(Role.of(code));
        }
        return roles;
    }

    public static void replaceRoles(Connection c, String name, Set<Role> roles) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM user_roles WHERE user_name = ?")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
        insertRoles(c, name, roles);
    }

    /**
     * Holds the role table until the transaction ends. Two changes that each take away an administrator
     * would otherwise each see the other administrator still there and together remove both.
     */
    public static void lockRoles(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLE user_roles IN EXCLUSIVE MODE");
        }
    }

    public static int adminsOtherThan(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM user_roles WHERE role = ? AND user_name <> ?")) {
            ps.setString(1, Role.ADMIN.code());
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
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
}
