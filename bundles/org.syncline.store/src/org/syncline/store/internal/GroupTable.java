package org.syncline.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The SQL behind groups and their members; callers bring the transaction and the rules. */
public final class GroupTable {
    private static final String DUPLICATE_KEY = "23505";

    private GroupTable() {
    }

    /** False when the name is taken. */
    public static boolean insert(Connection c, String group, Instant created) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO groups (name, created) VALUES (?, ?)")) {
            ps.setString(1, group);
            UtcTimestamps.set(ps, 2, created);
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** Deletes the group; its memberships go with it (ON DELETE CASCADE). */
    public static boolean delete(Connection c, String group) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM groups WHERE name = ?")) {
            ps.setString(1, group);
            return ps.executeUpdate() > 0;
        }
    }

    public static boolean exists(Connection c, String group) throws SQLException {
        return Rows.exists(c, "SELECT 1 FROM groups WHERE name = ?", group);
    }

    /** Adds the membership unless it is there already. */
    public static void addMember(Connection c, String group, String user) throws SQLException {
        if (Rows.exists(c, "SELECT 1 FROM group_members WHERE group_name = ? AND user_name = ?", group, user)) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO group_members (group_name, user_name) VALUES (?, ?)")) {
            ps.setString(1, group);
            ps.setString(2, user);
            ps.executeUpdate();
        }
    }

    public static void removeMember(Connection c, String group, String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM group_members WHERE group_name = ? AND user_name = ?")) {
            ps.setString(1, group);
            ps.setString(2, user);
            ps.executeUpdate();
        }
    }

    public static List<String> names(Connection c) throws SQLException {
        return Rows.strings(c, "SELECT name FROM groups ORDER BY name");
    }

    /** Groups whose names start with {@code likePattern}'s prefix (a LIKE pattern escaped with '!'), at most {@code limit}, in order. */
    public static List<String> namesLike(Connection c, String likePattern, int limit) throws SQLException {
        return Rows.strings(c, "SELECT name FROM groups WHERE name LIKE ? ESCAPE '!' ORDER BY name FETCH FIRST " + limit + " ROWS ONLY", likePattern);
    }

    public static List<String> groupsOf(Connection c, String user) throws SQLException {
        return Rows.strings(c, "SELECT group_name FROM group_members WHERE user_name = ? ORDER BY group_name", user);
    }

    public static List<String> members(Connection c, String group) throws SQLException {
        return Rows.strings(c, "SELECT user_name FROM group_members WHERE group_name = ? ORDER BY user_name", group);
    }
}
