package org.syncline.distribution.internal.server;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.store.Database;

/**
 * The fixture of the master's monitoring tests: a real Derby database in a temp directory with the distribution
 * migrations applied before each test and closed after it.
 */
abstract class WithMonitoringDatabase {
    @TempDir
    Path tmp;
    protected Database db;

    @BeforeEach
    void openMonitoringDatabase() {
        db = Database.open(tmp.resolve("db"));
        db.migrate("distribution", MonitoringSchema.MIGRATIONS);
    }

    @AfterEach
    void closeMonitoringDatabase() {
        db.close();
    }
}
