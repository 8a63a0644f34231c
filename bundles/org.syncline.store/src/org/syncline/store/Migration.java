package org.syncline.store;

import java.sql.Statement;


/** One step of a component's schema. A released migration never changes: a new schema is a new migration. */
public record Migration(int version, String description, SqlWork<?> change) {

    /** A migration made of plain SQL statements, run in order. */
    public static Migration sql(int version, String description, String... statements) {
        return new Migration(version, description, c -> {
            try (Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
            return null;
        });
    }
}
