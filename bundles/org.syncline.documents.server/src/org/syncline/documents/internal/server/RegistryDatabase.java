package org.syncline.documents.internal.server;

import org.syncline.store.SqlWork;

/**
 * The one interface between the documents registry and the database engine that keeps its metadata. Every
 * table class and the registry above them reach the database only through {@link #inTransaction}, and every
 * statement they prepare is SQL that Derby and PostgreSQL both accept ({@code PortableSqlTest} keeps it so);
 * what is engine-specific (opening, transactions, retries, the schema's migration bookkeeping) lives in the
 * implementation: {@link DerbyRegistryDatabase} today, a PostgreSQL one for a large deployment later.
 */
interface RegistryDatabase {
    /**
     * Runs {@code work} in one transaction, committed when it returns and rolled back when it throws; a failed
     * statement is reported as a {@link org.syncline.core.SynclineException} naming the problem.
     */
    <T> T inTransaction(SqlWork<T> work);
}
