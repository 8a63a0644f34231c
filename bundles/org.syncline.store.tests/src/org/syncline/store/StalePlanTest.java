package org.syncline.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A statement the pool keeps was planned for the table as it was when first prepared: a lookup by IN list prepared on
 * an empty table is planned as a scan of the whole table. Once the table has grown, a few executions later it must look
 * its keys up in the index instead of reading every row for each group of keys.
 */
class StalePlanTest {
    private static final String LOOKUP = "SELECT sha FROM chunks WHERE sha IN (" + String.join(", ", Collections.nCopies(20, "?")) + ")";

    @TempDir
    Path tmp;

    @Test
    void aLookupPreparedOnAnEmptyTableUsesTheIndexOnceTheTableHasGrown() {
        Random random = new Random(7);
        try (Database db = Database.open(tmp.resolve("db"))) {
            db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE chunks (sha CHAR(64) NOT NULL PRIMARY KEY, size INT NOT NULL)");
                }
                lookUp(c, random); // planned now, on the empty table
                return null;
            });
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO chunks (sha, size) VALUES (?, 4096)")) {
                    for (int i = 0; i < 5000; i++) {
                        ps.setString(1, key(random));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
            String plan = db.inTransaction(c -> {
                for (int i = 0; i < 30; i++) {
                    lookUp(c, random);
                }
                try (Statement s = c.createStatement()) {
                    s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
                    lookUp(c, random);
                    try (ResultSet rs = s.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
                        rs.next();
                        String text = rs.getString(1);
                        s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(0)");
                        return text;
                    }
                }
            });
            assertTrue(plan.contains("Index Scan ResultSet for CHUNKS") && !plan.contains("Table Scan"), plan);
        }
    }

    private static void lookUp(Connection c, Random random) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LOOKUP)) {
            for (int i = 1; i <= 20; i++) {
                ps.setString(i, key(random));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
        }
    }

    private static String key(Random random) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
