package org.syncline.distribution.internal.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.syncline.core.HostPort;
import org.syncline.core.SynclineException;
import org.syncline.core.delta.Signature;
import org.syncline.core.filter.Operation;
import org.syncline.core.filter.PathFilter;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.distribution.AgentInfo;
import org.syncline.distribution.DistributionMessages;
import org.syncline.distribution.Job;
import org.syncline.distribution.JobRun;
import org.syncline.distribution.RunFile;
import org.syncline.distribution.RunTarget;
import org.syncline.distribution.routing.Hop;
import org.syncline.distribution.routing.RoutePlan;
import org.syncline.protocol.Connection;
import org.syncline.protocol.ConnectionState;
import org.syncline.server.api.Enrollment;
import org.syncline.store.Database;

/**
 * One run of a job, driven by the master over its member connections to the agents (TLS, pinned at enrollment).
 * The source scans the job's paths; then, hop by hop in the planned tree (parents before children), the child
 * scans its target path, sends the signature of each file it holds in another version (none for a whole-file hop
 * or a new file), its parent answers with the delta of its own copy, deflated at the hop's level, and the child
 * applies it atomically and checks the SHA-256 the source scanned. So a child always receives its parent's copy;
 * the bytes pass through the master, which spools each delta to a temp file. Files the source no longer has
 * are deleted on a target when the job passes DELETE or ERASE. Each file's outcome is logged as it happens;
 * a later run skips files a target already holds in the source's version, so a cut-off run resumes file by file.
 */
final class RunExecution {
    private static final Logger LOG = Logger.getLogger(RunExecution.class.getName());
    private final Database database;
    private final Job job;
    private final RoutePlan plan;
    private final Map<String, String> targetPaths;
    private final Map<String, AgentInfo> agents;
    private final Enrollment enrollment;
    private final Path spool;
    private final Clock clock;
    private final List<Scope> scopes;
    private final PathFilter filter;
    private final Map<String, Connection> links = new HashMap<>();
    private final Map<String, Set<String>> holds = new HashMap<>();
    private final Map<String, String> failedNodes = new HashMap<>();
    private JobRun run;
    private int seq;

    /** A folder (or file) the run covers on the source, and the path its files have below the job's paths. */
    record Scope(String dir, String prefix) {
    }

    /** A file of the source: where it is there, its size and SHA-256. */
    private record Source(String path, long size, String sha256) {
    }

    RunExecution(Database database, Job job, RoutePlan plan, Map<String, String> targetPaths, Map<String, AgentInfo> agents, Enrollment enrollment,
            Path spool, Clock clock, List<Scope> scopes, JobRun run) {
        this.database = database;
        this.job = job;
        this.plan = plan;
        this.targetPaths = targetPaths;
        this.agents = agents;
        this.enrollment = enrollment;
        this.spool = spool;
        this.clock = clock;
        this.scopes = scopes;
        this.run = run;
        this.filter = new PathFilter(job.includes(), job.excludes(), Operation.parseSet(String.join(",", job.operations())));
    }

    /** Runs to the end and logs the outcome; never throws. */
    void run() {
        Totals totals = new Totals();
        List<RunTarget> targets = new ArrayList<>();
        String error = "";
        try {
            Map<String, Source> manifest = scanSource();
            holds.put(plan.source(), new HashSet<>(manifest.keySet()));
            for (Hop hop : plan.hops()) {
                targets.add(deliver(hop, manifest, totals));
            }
        } catch (RuntimeException e) {
            error = "The source '" + plan.source() + "' could not be scanned: " + message(e);
            LOG.log(Level.INFO, error, e);
        } finally {
            links.values().forEach(Connection::close);
        }
        for (String out : plan.leftOut()) {
            targets.add(new RunTarget(out, "", RunTarget.LEFT_OUT, 0, 0, 0, "It was not online when the run was planned; it is out of date for this job."));
        }
        boolean anyFailed = targets.stream().anyMatch(t -> !t.state().equals(RunTarget.OK));
        boolean allFailed = !targets.isEmpty() && targets.stream().noneMatch(t -> t.state().equals(RunTarget.OK));
        String state = !error.isEmpty() || allFailed ? JobRun.FAILED : anyFailed ? JobRun.PARTIAL : JobRun.OK;
        JobRun r = run;
        JobRun done = new JobRun(r.id(), r.job(), r.trigger(), r.path(), r.by(), r.started(), clock.instant(), state, totals.created, totals.createdBytes,
                totals.updated, totals.updatedBytes, totals.deleted, totals.unchanged, totals.failed, totals.createdBytes + totals.updatedBytes,
                totals.wire, error, targets);
        try {
            database.inTransaction(c -> {
                RunTable.update(c, done);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not log the end of run " + r.id(), e);
        }
        run = done;
    }

    private Map<String, Source> scanSource() {
        Connection source = link(plan.source());
        Map<String, Source> manifest = new LinkedHashMap<>();
        for (Scope s : scopes) {
            for (ContentRoot.Entry e : scan(source, s.dir())) {
                String rel = join(s.prefix(), e.path());
                if (rel.isEmpty()) {
                    rel = s.dir().substring(s.dir().lastIndexOf('/') + 1); // a source path that is a file
                }
                if (filter.selects(rel) && !manifest.containsKey(rel)) {
                    manifest.put(rel, new Source(join(s.dir(), e.path()), e.size(), e.sha256()));
                }
            }
        }
        return manifest;
    }

    private RunTarget deliver(Hop hop, Map<String, Source> manifest, Totals totals) {
        String parent = hop.from();
        String child = hop.to();
        Set<String> held = new HashSet<>();
        holds.put(child, held);
        if (failedNodes.containsKey(parent)) {
            return fail(child, parent, "Its parent '" + parent + "' could not send: " + failedNodes.get(parent));
        }
        String base = targetPaths.get(child);
        Map<String, ContentRoot.Entry> there = new HashMap<>();
        Connection c;
        try {
            c = link(child);
            Set<String> scanned = new HashSet<>();
            for (Scope s : scopes) {
                String dir = join(base, s.prefix());
                if (scanned.add(dir)) {
                    for (ContentRoot.Entry e : scan(c, dir)) {
                        String rel = join(s.prefix(), e.path());
                        if (!rel.isEmpty()) {
                            there.put(rel, e);
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            return fail(child, parent, message(e));
        }
        long files = 0;
        long content = 0;
        long wire = 0;
        String firstError = "";
        for (Map.Entry<String, Source> m : manifest.entrySet()) {
            String rel = m.getKey();
            Source src = m.getValue();
            ContentRoot.Entry have = there.get(rel);
            if (have != null && have.sha256().equals(src.sha256())) {
                held.add(rel);
                totals.unchanged++;
                report(new RunFile(child, parent, rel, RunFile.UNCHANGED, src.sha256(), 0, 0, ""));
                continue;
            }
            Operation op = have == null ? Operation.CREATE : Operation.UPDATE;
            if (!filter.passes(rel, op)) {
                continue;
            }
            String opName = have == null ? RunFile.CREATE : RunFile.UPDATE;
            try {
                if (!holds.get(parent).contains(rel)) {
                    throw new IllegalStateException("'" + parent + "' does not hold this version (it failed there).");
                }
                String from = parent.equals(plan.source()) ? src.path() : join(targetPaths.get(parent), rel);
                long travelled = transfer(hop, from, join(base, rel), have != null, src.sha256());
                held.add(rel);
                files++;
                content += src.size();
                wire += travelled;
                totals.wire += travelled;
                if (have == null) {
                    totals.created++;
                    totals.createdBytes += src.size();
                } else {
                    totals.updated++;
                    totals.updatedBytes += src.size();
                }
                report(new RunFile(child, parent, rel, opName, src.sha256(), src.size(), travelled, ""));
            } catch (RuntimeException | IOException e) {
                totals.failed++;
                String why = message(e);
                firstError = firstError.isEmpty() ? rel + ": " + why : firstError;
                report(new RunFile(child, parent, rel, opName, "", 0, 0, why));
                if (!connected(child)) {
                    failedNodes.put(child, why);
                    return new RunTarget(child, parent, RunTarget.FAILED, files, content, wire, firstError);
                }
            }
        }
        boolean deletes = filter.operations().contains(Operation.DELETE) || filter.operations().contains(Operation.ERASE);
        for (String rel : there.keySet().stream().sorted().toList()) {
            if (!deletes || manifest.containsKey(rel) || !filter.selects(rel)) {
                continue;
            }
            try {
                c.request(DistributionMessages.CONTENT_DELETE, Json.object("path", join(base, rel)));
                files++;
                totals.deleted++;
                report(new RunFile(child, parent, rel, RunFile.DELETE, "", 0, 0, ""));
            } catch (RuntimeException e) {
                totals.failed++;
                firstError = firstError.isEmpty() ? rel + ": " + message(e) : firstError;
                report(new RunFile(child, parent, rel, RunFile.DELETE, "", 0, 0, message(e)));
            }
        }
        return new RunTarget(child, parent, firstError.isEmpty() ? RunTarget.OK : RunTarget.FAILED, files, content, wire, firstError);
    }

    /** Moves one file from parent to child and returns the bytes that travelled (signature, then delta). */
    private long transfer(Hop hop, String fromPath, String toPath, boolean childHasOne, String sha256) throws IOException {
        boolean againstBasis = hop.mode().equals(Hop.DELTA) && childHasOne;
        String signature = againstBasis
                ? link(hop.to()).request(DistributionMessages.CONTENT_SIGNATURE, Json.object("path", toPath)).string("signature")
                : EMPTY_SIGNATURE;
        long sigBytes = againstBasis ? Base64.getDecoder().decode(signature).length : 0;
        int level = Math.max(0, Math.min(9, hop.compression()));
        Path delta = Files.createTempFile(spool, "delta", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(delta)) {
                link(hop.from()).download(DistributionMessages.CONTENT_DELTA, Json.object("path", fromPath, "signature", signature, "level", level,
                        "sha256", sha256), out);
            }
            try (InputStream in = Files.newInputStream(delta)) {
                link(hop.to()).upload(DistributionMessages.CONTENT_PATCH, Json.object("path", toPath, "level", level, "sha256", sha256), in);
            }
            return sigBytes + Files.size(delta);
        } finally {
            Files.deleteIfExists(delta);
        }
    }

    private static final String EMPTY_SIGNATURE = emptySignature();

    private static String emptySignature() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Signature.empty().write(out);
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ContentRoot.Entry> scan(Connection c, String dir) {
        return c.request(DistributionMessages.CONTENT_SCAN, Json.object("dir", dir)).list("files", JsonObject.class).stream()
                .map(o -> Json.read(o, ContentRoot.Entry.class)).toList();
    }

    private RunTarget fail(String child, String parent, String why) {
        failedNodes.put(child, why);
        return new RunTarget(child, parent, RunTarget.FAILED, 0, 0, 0, why);
    }

    private boolean connected(String node) {
        Connection c = links.get(node);
        return c != null && c.state() == ConnectionState.CONNECTED;
    }

    private Connection link(String node) {
        Connection c = links.get(node);
        if (c != null && c.state() == ConnectionState.CONNECTED) {
            return c;
        }
        AgentInfo a = agents.get(node);
        if (a == null) {
            throw new IllegalStateException("'" + node + "' is not an agent of this master.");
        }
        if (c != null) {
            c.close();
        }
        c = enrollment.connectToMember(a.id(), new HostPort(a.host(), a.port()), "syncline-master-run", false);
        links.put(node, c);
        return c;
    }

    private void report(RunFile f) {
        int n = seq++;
        database.inTransaction(c -> {
            RunTable.addFile(c, run.id(), n, f);
            return null;
        });
    }

    static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "/" + b;
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Counts per operation over every target delivery. */
    private static final class Totals {
        long created;
        long createdBytes;
        long updated;
        long updatedBytes;
        long deleted;
        long unchanged;
        long failed;
        long wire;
    }
}
