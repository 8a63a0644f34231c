package org.syncline.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on one connection inside a transaction that {@link Database#inTransaction} opens and ends. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection c) throws SQLException;
}
