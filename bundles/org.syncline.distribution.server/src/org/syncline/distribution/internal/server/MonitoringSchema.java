package org.syncline.distribution.internal.server;

import java.util.ArrayList;
import java.util.List;

import org.syncline.store.Migration;

/**
 * The schema of the component {@code distribution}: the topology (1), agents' samples, raw and as 1-minute
 * averages (2), alert rules and alerts (3). Times are epoch milliseconds and minutes are epoch minutes
 * (BIGINT), so grouping by minute is plain portable SQL.
 */
final class MonitoringSchema {
    static final List<Migration> MIGRATIONS;

    static {
        List<Migration> all = new ArrayList<>(TopologyTable.MIGRATIONS);
        all.add(Migration.sql(2, "agent samples, raw and 1-minute averages", """
                CREATE TABLE distribution_sample (
                    agent_id VARCHAR(64) NOT NULL,
                    at_ms BIGINT NOT NULL,
                    minute_no BIGINT NOT NULL,
                    cpu DOUBLE NOT NULL,
                    mem_used BIGINT NOT NULL,
                    mem_total BIGINT NOT NULL,
                    net_in BIGINT NOT NULL,
                    net_out BIGINT NOT NULL,
                    sessions INT NOT NULL,
                    uptime_s BIGINT NOT NULL)""",
                "CREATE INDEX distribution_sample_agent ON distribution_sample (agent_id, at_ms)",
                "CREATE INDEX distribution_sample_minute ON distribution_sample (minute_no)",
                """
                CREATE TABLE distribution_sample_disk (
                    agent_id VARCHAR(64) NOT NULL,
                    at_ms BIGINT NOT NULL,
                    minute_no BIGINT NOT NULL,
                    path VARCHAR(1024) NOT NULL,
                    free_bytes BIGINT NOT NULL,
                    total_bytes BIGINT NOT NULL)""",
                "CREATE INDEX distribution_sample_disk_agent ON distribution_sample_disk (agent_id, at_ms)",
                "CREATE INDEX distribution_sample_disk_minute ON distribution_sample_disk (minute_no)",
                """
                CREATE TABLE distribution_minute (
                    agent_id VARCHAR(64) NOT NULL,
                    minute_no BIGINT NOT NULL,
                    cpu DOUBLE NOT NULL,
                    mem_used BIGINT NOT NULL,
                    mem_total BIGINT NOT NULL,
                    net_in BIGINT NOT NULL,
                    net_out BIGINT NOT NULL,
                    sessions INT NOT NULL,
                    uptime_s BIGINT NOT NULL,
                    PRIMARY KEY (agent_id, minute_no))""",
                """
                CREATE TABLE distribution_minute_disk (
                    agent_id VARCHAR(64) NOT NULL,
                    minute_no BIGINT NOT NULL,
                    path VARCHAR(1024) NOT NULL,
                    free_bytes BIGINT NOT NULL,
                    total_bytes BIGINT NOT NULL)""",
                "CREATE INDEX distribution_minute_disk_agent ON distribution_minute_disk (agent_id, minute_no)"));
        all.add(Migration.sql(3, "alert rules and alerts", """
                CREATE TABLE distribution_alert_rule (
                    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    kind VARCHAR(16) NOT NULL,
                    seconds INT NOT NULL,
                    host VARCHAR(255) NOT NULL,
                    port INT NOT NULL,
                    above DOUBLE NOT NULL,
                    for_seconds INT NOT NULL,
                    agent VARCHAR(64) NOT NULL,
                    created_by VARCHAR(255) NOT NULL,
                    created_ms BIGINT NOT NULL)""",
                """
                CREATE TABLE distribution_alert (
                    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    rule_id BIGINT NOT NULL,
                    rule_text VARCHAR(255) NOT NULL,
                    target VARCHAR(255) NOT NULL,
                    raised_ms BIGINT NOT NULL,
                    cleared_ms BIGINT,
                    message VARCHAR(1000) NOT NULL)""",
                "CREATE INDEX distribution_alert_open ON distribution_alert (cleared_ms)"));
        all.add(JobTable.MIGRATION); // 4: replication jobs
        all.add(RunTable.MIGRATION); // 5: runs of jobs and per-file reports
        all.add(OutOfDateTable.MIGRATION); // 6: targets out of date per job (failover and recovery)
        all.add(ManageGrants.MIGRATION); // 7: the distribution-manage right
        all.add(OutboxTable.MIGRATION); // 8: the alert outbox
        MIGRATIONS = List.copyOf(all);
    }

    private MonitoringSchema() {
    }
}
