package org.syncline.distribution.internal.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;
import org.syncline.distribution.ManageGrant;
import org.syncline.protocol.AccessCheck;
import org.syncline.protocol.Grant;
import org.syncline.protocol.Principal;
import org.syncline.protocol.Right;
import org.syncline.store.Database;
import org.syncline.store.Migration;

/**
 * The distribution-manage right: the users and groups (besides admins) that may change the topology and the
 * jobs on this master, kept in Derby. Every changing message asks {@link #require} first, so the check is on
 * the server for each message; a refusal names the user, what was refused and the right it needs.
 */
final class ManageGrants {
    /** Migration 7 of the component distribution. */
    static final Migration MIGRATION = Migration.sql(7, "the distribution-manage right", """
            CREATE TABLE distribution_manage_grant (
                kind VARCHAR(8) NOT NULL,
                subject VARCHAR(255) NOT NULL,
                granted_by VARCHAR(255) NOT NULL,
                granted_ms BIGINT NOT NULL,
                PRIMARY KEY (kind, subject))""");

    private final Database database;
    private final Clock clock;

    ManageGrants(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    List<ManageGrant> all() {
        return database.inTransaction(ManageGrants::all);
    }

    ManageGrant grant(String kind, String subject, String by) {
        String k = kind(kind);
        String s = Names.requireUserName(subject);
        return database.inTransaction(c -> {
            if (find(c, k, s) != null) {
                throw new SynclineException(ErrorCode.ALREADY_EXISTS, "The " + k + " '" + s + "' holds the " + ManageGrant.RIGHT + " right already.");
            }
            ManageGrant g = new ManageGrant(k, s, by, Instant.ofEpochMilli(clock.millis()));
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO distribution_manage_grant (kind, subject, granted_by, granted_ms) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, k);
                ps.setString(2, s);
                ps.setString(3, by);
                ps.setLong(4, g.grantedAt().toEpochMilli());
                ps.executeUpdate();
            }
            return g;
        });
    }

    ManageGrant revoke(String kind, String subject) {
        String k = kind(kind);
        return database.inTransaction(c -> {
            ManageGrant g = find(c, k, subject);
            if (g == null) {
                throw new SynclineException(ErrorCode.NOT_FOUND, "The " + k + " '" + Names.printable(subject) + "' does not hold the "
                        + ManageGrant.RIGHT + " right; 'syncline cli distribution managers' lists who does.");
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM distribution_manage_grant WHERE kind = ? AND subject = ?")) {
                ps.setString(1, k);
                ps.setString(2, subject);
                ps.executeUpdate();
            }
            return g;
        });
    }

    /**
     * Refuses with ACCESS_DENIED unless {@code p} is an admin or holds the right itself or through a group.
     *
     * @param what what was asked, as the refusal says it: "save the topology", "remove job 'site'"
     */
    void require(Principal p, String what) {
        List<Grant> grants = all().stream()
                .map(g -> g.kind().equals(ManageGrant.GROUP) ? Grant.group(g.subject(), Right.MANAGE) : Grant.user(g.subject(), Right.MANAGE))
                .toList();
        if (!AccessCheck.allows(p, grants, Right.MANAGE)) {
            throw new SynclineException(ErrorCode.ACCESS_DENIED, "User '" + (p == null ? "?" : p.name()) + "' may not " + what
                    + ": that needs the " + ManageGrant.RIGHT + " right on the distribution master (an administrator grants it with "
                    + "'syncline cli distribution grant NAME').");
        }
    }

    private static String kind(String kind) {
        String k = kind == null ? "" : kind.toLowerCase(Locale.ROOT);
        if (!k.equals(ManageGrant.USER) && !k.equals(ManageGrant.GROUP)) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A grant is for a 'user' or a 'group', not '" + Names.printable(String.valueOf(kind)) + "'.");
        }
        return k;
    }

    private static List<ManageGrant> all(Connection c) throws SQLException {
        List<ManageGrant> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT kind, subject, granted_by, granted_ms FROM distribution_manage_grant ORDER BY kind, subject");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new ManageGrant(rs.getString(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4))));
            }
        }
        return out;
    }

    private static ManageGrant find(Connection c, String kind, String subject) throws SQLException {
        return all(c).stream().filter(g -> g.kind().equals(kind) && g.subject().equals(subject)).findFirst().orElse(null);
    }
}
