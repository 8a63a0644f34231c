package org.syncline.distribution.internal.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.distribution.JobRun;
import org.syncline.distribution.RunFile;
import org.syncline.store.Migration;

/**
 * The SQL of job runs: distribution_run (the job, state and start as columns, the whole {@link JobRun} with its
 * totals and per-target results as JSON) and distribution_run_file (each target's report of each file: which
 * target holds which version of a file after which run).
 */
final class RunTable {
    static final Migration MIGRATION = Migration.sql(5, "runs of replication jobs and the targets' per-file reports", """
            CREATE TABLE distribution_run (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                job_id BIGINT NOT NULL,
                state VARCHAR(16) NOT NULL,
                started_ms BIGINT NOT NULL,
                body CLOB NOT NULL)""",
            "CREATE INDEX distribution_run_job ON distribution_run (job_id, id)",
            """
            CREATE TABLE distribution_run_file (
                run_id BIGINT NOT NULL,
                seq INT NOT NULL,
                server VARCHAR(255) NOT NULL,
                from_server VARCHAR(255) NOT NULL,
                path VARCHAR(4096) NOT NULL,
                operation VARCHAR(16) NOT NULL,
                sha256 VARCHAR(64) NOT NULL,
                content_bytes BIGINT NOT NULL,
                wire_bytes BIGINT NOT NULL,
                error VARCHAR(1000) NOT NULL,
                PRIMARY KEY (run_id, seq))""",
            "CREATE INDEX distribution_run_file_server ON distribution_run_file (server, path)");

    private RunTable() {
    }

    /** Stores a new run and returns it with its id. */
    static JobRun insert(Connection c, long jobId, JobRun run) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO distribution_run (job_id, state, started_ms, body) VALUES (?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, jobId);
            ps.setString(2, run.state());
            ps.setLong(3, run.started().toEpochMilli());
            ps.setString(4, Json.write(run));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        JobRun stored = withId(run, id);
        update(c, stored);
        return stored;
    }

    static void update(Connection c, JobRun run) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE distribution_run SET state = ?, body = ? WHERE id = ?")) {
            ps.setString(1, run.state());
            ps.setString(2, Json.write(run));
            ps.setLong(3, run.id());
            ps.executeUpdate();
        }
    }

    static void addFile(Connection c, long runId, int seq, RunFile f) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO distribution_run_file (run_id, seq, server, from_server, path, operation, "
                + "sha256, content_bytes, wire_bytes, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, runId);
            ps.setInt(2, seq);
            ps.setString(3, f.server());
            ps.setString(4, f.from());
            ps.setString(5, f.path());
            ps.setString(6, f.operation());
            ps.setString(7, f.sha256());
            ps.setLong(8, f.contentBytes());
            ps.setLong(9, f.wireBytes());
            ps.setString(10, f.error().length() > 1000 ? f.error().substring(0, 1000) : f.error());
            ps.executeUpdate();
        }
    }

    /** A file report with its place in the run ({@code seq}, from 0 in the order they came). */
    record Numbered(int seq, RunFile file) {
    }

    /** The run's file reports after {@code afterSeq} (-1: from the first), in order, at most {@code limit}. */
    static List<Numbered> files(Connection c, long runId, long afterSeq, int limit) throws SQLException {
        List<Numbered> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, server, from_server, path, operation, sha256, content_bytes, wire_bytes, error "
                + "FROM distribution_run_file WHERE run_id = ? AND seq > ? ORDER BY seq FETCH FIRST " + limit + " ROWS ONLY")) {
            ps.setLong(1, runId);
            ps.setLong(2, afterSeq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Numbered(rs.getInt(1), new RunFile(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getString(9))));
                }
            }
        }
        return out;
    }

    static Optional<JobRun> byId(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT body FROM distribution_run WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs.getString(1))) : Optional.empty();
            }
        }
    }

    /** The job's runs, newest first. */
    static List<JobRun> ofJob(Connection c, long jobId, int limit) throws SQLException {
        List<JobRun> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT body FROM distribution_run WHERE job_id = ? ORDER BY id DESC")) {
            ps.setLong(1, jobId);
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs.getString(1)));
                }
            }
        }
        return out;
    }

    /** Runs still marked running when the master starts were cut short by its stop: they are marked interrupted. */
    static void interruptLeftovers(Connection c) throws SQLException {
        List<JobRun> running = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT body FROM distribution_run WHERE state = ?")) {
            ps.setString(1, JobRun.RUNNING);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    running.add(read(rs.getString(1)));
                }
            }
        }
        for (JobRun r : running) {
            update(c, new JobRun(r.id(), r.job(), r.trigger(), r.path(), r.by(), r.started(), r.started(), JobRun.INTERRUPTED, r.filesCreated(),
                    r.bytesCreated(), r.filesUpdated(), r.bytesUpdated(), r.filesDeleted(), r.filesUnchanged(), r.filesFailed(), r.contentBytes(),
                    r.wireBytes(), r.scanBytes(), r.scans(), r.incrementalScans(),
                    "The master stopped during the run; the next run sends what is missing.", r.targets()));
        }
    }

    private static JobRun withId(JobRun r, long id) {
        return new JobRun(id, r.job(), r.trigger(), r.path(), r.by(), r.started(), r.ended(), r.state(), r.filesCreated(), r.bytesCreated(),
                r.filesUpdated(), r.bytesUpdated(), r.filesDeleted(), r.filesUnchanged(), r.filesFailed(), r.contentBytes(), r.wireBytes(),
                r.scanBytes(), r.scans(), r.incrementalScans(), r.error(), r.targets());
    }

    private static JobRun read(String body) {
        return JobRun.read(JsonObject.parse(body)); // a run logged before scans were counted has none
    }
}
