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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.syncline.core.ErrorCode;
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
import org.syncline.distribution.routing.RoutePlanner;
import org.syncline.distribution.routing.TypeRouting;
import org.syncline.model.topology.Deployment;
import org.syncline.protocol.Connection;
import org.syncline.server.api.Enrollment;
import org.syncline.store.Database;
import org.syncline.store.EnrolledServer;

/**
 * One run of a job, driven by the master over its member connections to the agents (TLS, pinned at enrollment).
 * The source scans the job's paths; then, hop by hop in the planned tree (parents before children), the child
 * scans its target path, sends the signature of each file it holds in another version (none for a whole-file hop
 * or a new file), its parent answers with the delta of its own copy, compressed by the hop's codec and level, and the child
 * applies it atomically and checks the SHA-256 the source scanned. So a child always receives its parent's copy,
 * and the bytes take the tree: the master grants the parent a per-run token for this child and the run's paths,
 * the child opens a TLS link to the parent with it and pulls each file the master names ({@link HopLinks},
 * {@link HopGrants}); the master only records state. A child that cannot reach its parent gets the hop relayed
 * through the master (which spools each delta to a temp file), noted on its target. Files the source no longer has
 * are deleted on a target when the job passes DELETE or ERASE. Each file's outcome is logged as it happens;
 * a later run skips files a target already holds in the source's version, so a cut-off run resumes file by file.
 * The run as it stands is pushed at its start, on every target state change, as throttled progress and at its end.
 * A receiver that drops out is out of date for the job and its not-yet-served subtree is re-planned through the
 * nearest live peer; a sender that drops out has its receiver start over from its new parent; a file that fails
 * on a live receiver is retried up to the job's retry limit.
 */
final class RunExecution {
    private static final Logger LOG = Logger.getLogger(RunExecution.class.getName());
    /** Progress pushes between state changes: at most one per this many milliseconds (about four a second). */
    static final long PROGRESS_EVERY_MS = 250;
    private final Database database;
    private final Job job;
    private final Deployment deployment;
    private volatile RoutePlan plan;
    /** Hops one sender serves at a time ({@code --set distribution.hop-parallelism=N}; {@link HopSchedule}). */
    private final int parallelism;
    private final Map<String, String> targetPaths;
    private final Map<String, AgentInfo> agents;
    private final Enrollment enrollment;
    private final Path spool;
    private final Clock clock;
    private final List<Scope> scopes;
    private final PathFilter filter;
    /** Which receivers take which files by the job's data-type tags, and who sends a file around a server that does not. */
    private final TypeRouting types;
    private final Consumer<JobRun> publisher;
    /** The master's links to its agents, kept open between runs (one per agent, shared by the hops in flight). */
    private final LinkPool links;
    private final Map<String, Set<String>> holds = new ConcurrentHashMap<>();
    /** Per receiver: the files it receives right now in a way its own children can follow as they land (cut-through). */
    private final Map<String, Set<String>> receiving = new ConcurrentHashMap<>();
    /** Per receiver: the files its delivery is done with (held, failed or not for it). */
    private final Map<String, Set<String>> passed = new ConcurrentHashMap<>();
    /** Receivers whose delivery ended (served, failed or dropped out). */
    private final Set<String> settled = ConcurrentHashMap.newKeySet();
    /** Notified whenever a receiver starts, holds, passes or settles a file: children waiting to know their sender. */
    private final Object fates = new Object();
    private final Map<String, String> failedNodes = new ConcurrentHashMap<>();
    /** The agents' listings, answered with the changes since the master's base where it has one. */
    private final IncrementalScans scans;
    /** The scans of this run: their bytes (both ways), how many, how many were answered with changes only. */
    private final ScanTally scanTally = new ScanTally();
    private final Map<String, RunTarget> states = new LinkedHashMap<>();
    private final Map<String, BandwidthCap> caps = new ConcurrentHashMap<>();
    private final Totals totals = new Totals();
    /** Per hop (parent NUL child): empty when its bytes go directly, else why the master relays them. */
    private final Map<String, String> relayed = new ConcurrentHashMap<>();
    private final Set<String> hopAgents = ConcurrentHashMap.newKeySet();
    /** Which codecs each agent of the run reads: a zstd hop to or from one that does not is refused with a sentence. */
    private final AgentCodecs codecs = new AgentCodecs(agent -> link(agent).request(DistributionMessages.CONTENT_CODECS, Json.object())
            .list("codecs", String.class));
    private JobRun run;
    private int seq;
    private long lastPush;

    /** A folder (or file) the run covers on the source, and the path its files have below the job's paths. */
    record Scope(String dir, String prefix) {
    }

    /** A file of the source: where it is there, its size and SHA-256. */
    private record Source(String path, long size, String sha256) {
    }

    /** A hop's sender died: the hop starts again from the parent the tree now gives the receiver. */
    private static final class SenderLost extends Exception {
        private static final long serialVersionUID = 1L;
        /** The server that died: the hop's parent, or the ancestor that sent a file around it. */
        final String sender;

        SenderLost(String sender, String why) {
            super(why, null, false, false);
            this.sender = sender;
        }
    }

    /**
     * @param deployment the topology the plan was made from (a dead agent's subtree is re-planned in it)
     * @param publisher  called with the run as it stands at its start, each target state change, throttled
     *                   progress, and its end
     */
    RunExecution(Database database, Job job, Deployment deployment, RoutePlan plan, Map<String, String> targetPaths, Map<String, AgentInfo> agents,
            Enrollment enrollment, LinkPool links, IncrementalScans scans, Path spool, Clock clock, List<Scope> scopes, JobRun run,
            Consumer<JobRun> publisher, int parallelism) {
        this.links = links;
        this.scans = scans;
        this.parallelism = Math.max(1, parallelism);
        this.database = database;
        this.job = job;
        this.deployment = deployment;
        this.plan = plan;
        this.targetPaths = targetPaths;
        this.agents = agents;
        this.enrollment = enrollment;
        this.spool = spool;
        this.clock = clock;
        this.scopes = scopes;
        this.run = run;
        this.publisher = publisher;
        this.filter = new PathFilter(job.includes(), job.excludes(), Operation.parseSet(String.join(",", job.operations())));
        this.types = new TypeRouting(job.typeTags(), deployment);
    }

    /** Runs to the end, logs the outcome and which targets are out of date for the job; never throws. */
    void run() {
        for (Hop h : plan.hops()) {
            states.put(h.to(), new RunTarget(h.to(), h.from(), RunTarget.PENDING, 0, 0, 0, ""));
        }
        for (String out : plan.leftOut()) {
            states.put(out, leftOut(out));
        }
        push(true);
        String error = "";
        try {
            Map<String, Source> manifest = scanSource();
            holds.put(plan.source(), ConcurrentHashMap.newKeySet());
            holds.get(plan.source()).addAll(manifest.keySet());
            serveHops(manifest);
        } catch (RuntimeException e) {
            error = "The source '" + plan.source() + "' could not be scanned or died: " + message(e);
            LOG.log(Level.INFO, error, e);
            synchronized (this) {
                for (Map.Entry<String, RunTarget> t : states.entrySet()) {
                    RunTarget r = t.getValue();
                    if (r.state().equals(RunTarget.PENDING) || r.state().equals(RunTarget.RECEIVING)) {
                        t.setValue(new RunTarget(r.server(), r.from(), RunTarget.FAILED, r.files(), r.contentBytes(), r.wireBytes(), error));
                    }
                }
            }
        } finally {
            endHops(); // the links to the agents stay open for the next run
            // before the run is logged as ended: a caller that sees it ended may start the next run at once
            scans.flush();
        }
        List<RunTarget> targets;
        synchronized (this) {
            targets = List.copyOf(states.values());
        }
        boolean anyFailed = targets.stream().anyMatch(t -> !t.state().equals(RunTarget.OK));
        boolean allFailed = !targets.isEmpty() && targets.stream().noneMatch(t -> t.state().equals(RunTarget.OK));
        String state = !error.isEmpty() || allFailed ? JobRun.FAILED : anyFailed ? JobRun.PARTIAL : JobRun.OK;
        JobRun done = standing(state, clock.instant(), error);
        try {
            database.inTransaction(c -> {
                RunTable.update(c, done);
                for (RunTarget t : targets) {
                    if (t.state().equals(RunTarget.OK)) {
                        if (done.path().isEmpty()) {
                            OutOfDateTable.clear(c, job.id(), t.server());
                        }
                    } else {
                        OutOfDateTable.mark(c, job.id(), t.server(), done.id(), done.started(), t.error());
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not log the end of run " + done.id(), e);
        }
        LOG.info(() -> "Run " + done.id() + " of job '" + job.name() + "': " + scanTally);
        run = done;
        publisher.accept(done);
    }

    /**
     * Serves every hop of the (possibly re-planned) tree: a hop starts as soon as its parent's own hop started (the
     * source's at once), and each of its files waits until the parent holds it or receives it directly as a whole
     * file, which the child then follows as it lands (cut-through, {@link #awaitSender}); so a subtree never waits
     * for the rest of its level, nor a file for its whole arrival one level up. A sender serves at most
     * {@link #parallelism} children at a time. Returns when every receiver was served.
     */
    private void serveHops(Map<String, Source> manifest) {
        Set<String> done = new HashSet<>();
        Map<String, String> active = new HashMap<>(); // receiver -> its sender, of the hops in flight
        RuntimeException[] fatal = new RuntimeException[1];
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "distribution-hop-" + run.id());
            t.setDaemon(true);
            return t;
        });
        try {
            synchronized (this) {
                while (true) {
                    if (fatal[0] != null) {
                        throw fatal[0];
                    }
                    List<Hop> ready = HopSchedule.ready(plan, done, active, parallelism);
                    if (ready.isEmpty() && active.isEmpty()) {
                        return;
                    }
                    for (Hop h : ready) {
                        active.put(h.to(), h.from());
                        states.put(h.to(), new RunTarget(h.to(), h.from(), RunTarget.RECEIVING, 0, 0, 0, ""));
                        push(true);
                        threads.execute(() -> serve(h, manifest, done, active, fatal));
                    }
                    if (ready.isEmpty()) {
                        wait(); // else look again at once: the children of the hops just started may start too
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The run was stopped.", e);
        } finally {
            threads.shutdownNow();
        }
    }

    /** One hop on its own thread; its outcome is recorded under the run's lock and wakes the scheduler. */
    private void serve(Hop hop, Map<String, Source> manifest, Set<String> done, Map<String, String> active, RuntimeException[] fatal) {
        RunTarget result = null;
        SenderLost lost = null;
        RuntimeException failure = null;
        try {
            result = deliver(hop, manifest);
        } catch (SenderLost e) {
            lost = e;
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            failure = new IllegalStateException("The hop to '" + hop.to() + "' failed: " + e, e);
        }
        synchronized (this) {
            active.remove(hop.to());
            if (failure != null) {
                fatal[0] = failure;
            } else if (lost != null) {
                // the receiver starts over from its new parent; what it took already counts as unchanged there
                replanAround(lost.sender, lost.getMessage());
            } else {
                states.put(hop.to(), result);
                done.add(hop.to());
                settled.add(hop.to());
            }
            push(true);
            notifyAll();
        }
        fateChanged();
    }

    /** {@code dead} dropped out: its subtree moves to the nearest live peer; pending receivers show their new parent. */
    private synchronized void replanAround(String dead, String why) {
        if (!plan.receivers().contains(dead) && plan.childrenOf(dead).isEmpty()) {
            return; // re-planned around it already (a child that was following it starts over from its new parent)
        }
        LOG.info(() -> "Run " + run.id() + ": '" + dead + "' dropped out (" + why + "); re-planning its subtree");
        plan = RoutePlanner.replan(deployment, plan, dead, job.typeTags());
        for (Hop h : plan.hops()) {
            RunTarget r = states.get(h.to());
            // only the moved receivers start over: hops in flight from live senders go on as they are
            if (r != null && !r.from().equals(h.from()) && (r.state().equals(RunTarget.PENDING) || r.state().equals(RunTarget.RECEIVING))) {
                states.put(h.to(), new RunTarget(h.to(), h.from(), RunTarget.PENDING, 0, 0, 0, ""));
            }
        }
    }

    private static RunTarget leftOut(String server) {
        return new RunTarget(server, "", RunTarget.LEFT_OUT, 0, 0, 0, "It was not online when the run was planned; it is out of date for this job.");
    }

    /** The run as it stands, with every target's state so far. */
    private JobRun standing(String state, java.time.Instant ended, String error) {
        JobRun r = run;
        return new JobRun(r.id(), r.job(), r.trigger(), r.path(), r.by(), r.started(), ended, state, totals.created, totals.createdBytes,
                totals.updated, totals.updatedBytes, totals.deleted, totals.unchanged, totals.failed, totals.createdBytes + totals.updatedBytes,
                totals.wire, scanTally.bytes(), scanTally.scans(), scanTally.incremental(), error, List.copyOf(states.values()));
    }

    /** Publishes the run as it stands: always on a state change, else at most every {@link #PROGRESS_EVERY_MS}. */
    private synchronized void push(boolean stateChanged) {
        long now = clock.millis();
        if (!stateChanged && now - lastPush < PROGRESS_EVERY_MS) {
            return;
        }
        lastPush = now;
        try {
            publisher.accept(standing(JobRun.RUNNING, null, ""));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "A run push failed", e);
        }
    }

    private Map<String, Source> scanSource() {
        Connection source = link(plan.source());
        Map<String, Source> manifest = new LinkedHashMap<>();
        for (Scope s : scopes) {
            for (ContentRoot.Entry e : scan(plan.source(), source, s.dir())) {
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

    private RunTarget deliver(Hop hop, Map<String, Source> manifest) throws SenderLost {
        String parent = hop.from();
        String child = hop.to();
        Set<String> held = ConcurrentHashMap.newKeySet();
        holds.put(child, held);
        receiving.put(child, ConcurrentHashMap.newKeySet());
        passed.put(child, ConcurrentHashMap.newKeySet());
        fateChanged();
        if (failedNodes.containsKey(parent)) {
            return fail(child, parent, "Its parent '" + parent + "' could not send: " + failedNodes.get(parent));
        }
        String refused = codecs.refusal(hop);
        if (refused != null) {
            return fail(child, parent, refused);
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
                    for (ContentRoot.Entry e : scan(child, c, dir)) {
                        String rel = join(s.prefix(), e.path());
                        if (!rel.isEmpty()) {
                            there.put(rel, e);
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            return alive(child) ? fail(child, parent, message(e)) : dropped(child, parent, message(e), new Progress());
        }
        Progress p = new Progress();
        for (Map.Entry<String, Source> m : manifest.entrySet()) {
            String rel = m.getKey();
            try {
                RunTarget early = deliverFile(hop, rel, m.getValue(), there, held, p);
                if (early != null) {
                    return early;
                }
            } finally {
                passed.get(child).add(rel);
                fateChanged();
            }
        }
        boolean deletes = filter.operations().contains(Operation.DELETE) || filter.operations().contains(Operation.ERASE);
        for (String rel : there.keySet().stream().sorted().toList()) {
            if (!deletes || manifest.containsKey(rel) || !filter.selects(rel) || !types.takes(child, rel)) {
                continue;
            }
            try {
                c.request(DistributionMessages.CONTENT_DELETE, Json.object("path", join(base, rel)));
                scans.written(agents.get(child).id(), join(base, rel), null);
                p.files++;
                synchronized (this) {
                    totals.deleted++;
                }
                report(new RunFile(child, parent, rel, RunFile.DELETE, "", 0, 0, ""));
            } catch (RuntimeException e) {
                if (!alive(child)) {
                    return dropped(child, parent, rel + ": " + message(e), p);
                }
                failed();
                p.error = p.error.isEmpty() ? rel + ": " + message(e) : p.error;
                report(new RunFile(child, parent, rel, RunFile.DELETE, "", 0, 0, message(e)));
            }
        }
        // an ok target's "error" notes that the master relayed its hop (the run's log says which links were direct)
        String note = p.error.isEmpty() ? relayed.getOrDefault(parent + "\u0000" + child, "") : p.error;
        return new RunTarget(child, parent, p.error.isEmpty() ? RunTarget.OK : RunTarget.FAILED, p.files, p.content, p.wire, note);
    }

    /** One file of the hop's delivery; a target when the delivery ends here (the receiver dropped out), else null. */
    private RunTarget deliverFile(Hop hop, String rel, Source src, Map<String, ContentRoot.Entry> there, Set<String> held, Progress p)
            throws SenderLost {
        String parent = hop.from();
        String child = hop.to();
        String base = targetPaths.get(child);
        if (!types.takes(child, rel)) {
            return null; // its type goes to other servers: not kept here, its children get it from further up
        }
        ContentRoot.Entry have = there.get(rel);
        if (have != null && have.sha256().equals(src.sha256())) {
            held.add(rel);
            synchronized (this) {
                totals.unchanged++;
            }
            report(new RunFile(child, parent, rel, RunFile.UNCHANGED, src.sha256(), 0, 0, ""));
            return null;
        }
        Operation op = have == null ? Operation.CREATE : Operation.UPDATE;
        if (!filter.passes(rel, op)) {
            return null;
        }
        String opName = have == null ? RunFile.CREATE : RunFile.UPDATE;
        // the parent, or the nearest ancestor holding the file when the parent's tags do not take it; a
        // sender still receiving it streams it on as it lands (cut-through)
        String sender = awaitSender(child, rel);
        if (!plan.parentOf(child).map(parent::equals).orElse(false)) {
            throw new SenderLost(parent, "'" + child + "' was re-planned under another parent");
        }
        if (failedNodes.containsKey(parent)) {
            return fail(child, parent, "Its parent '" + parent + "' could not send: " + failedNodes.get(parent));
        }
        Hop via = sender.equals(parent) ? hop : new Hop(sender, child, hop.mode(), hop.compression(), hop.bandwidthLimit(), hop.codec());
        String from = sender.equals(plan.source()) ? src.path() : join(targetPaths.get(sender), rel);
        for (int attempt = 0;; attempt++) {
            boolean following = false;
            try {
                following = receivingOf(sender).contains(rel);
                if (!following && !holds.getOrDefault(sender, Set.of()).contains(rel)) {
                    throw new IllegalStateException("'" + sender + "' does not hold this version (it failed there).");
                }
                long travelled;
                try {
                    travelled = transfer(via, from, join(base, rel), have != null, src.sha256(), rel, following);
                    held.add(rel);
                    scans.written(agents.get(child).id(), join(base, rel), new ContentRoot.Entry(join(base, rel), src.size(), src.sha256()));
                } finally {
                    receivingOf(child).remove(rel);
                    fateChanged();
                }
                p.files++;
                p.content += src.size();
                p.wire += travelled;
                synchronized (this) {
                    totals.wire += travelled;
                    if (have == null) {
                        totals.created++;
                        totals.createdBytes += src.size();
                    } else {
                        totals.updated++;
                        totals.updatedBytes += src.size();
                    }
                    states.put(child, new RunTarget(child, parent, RunTarget.RECEIVING, p.files, p.content, p.wire, ""));
                }
                report(new RunFile(child, sender, rel, opName, src.sha256(), src.size(), travelled, ""));
                push(false);
                break;
            } catch (RuntimeException | IOException e) {
                String why = message(e);
                if (!alive(child)) {
                    failed();
                    report(new RunFile(child, sender, rel, opName, "", 0, 0, why));
                    return dropped(child, parent, rel + ": " + why, p);
                }
                if (!sender.equals(plan.source()) && !alive(sender)) {
                    throw new SenderLost(sender, why);
                }
                if (following && awaitReceived(sender, rel)) {
                    attempt--; // the sender's own receiving failed on the way and it holds the file now: not a failed attempt
                    continue;
                }
                if (attempt >= job.retryLimit() || !holds.getOrDefault(sender, Set.of()).contains(rel)) {
                    failed();
                    p.error = p.error.isEmpty() ? rel + ": " + why : p.error;
                    report(new RunFile(child, sender, rel, opName, "", 0, 0, why));
                    break;
                }
                backoff(attempt);
            }
        }
        return null;
    }


    private synchronized void failed() {
        totals.failed++;
    }

    private Set<String> receivingOf(String node) {
        return receiving.getOrDefault(node, Set.of());
    }

    private void fateChanged() {
        synchronized (fates) {
            fates.notifyAll();
        }
    }

    /** Whether it is known if {@code node} holds file {@code rel} or receives it now (cut-through) or never will in this run. */
    private boolean fateKnown(String node, String rel) {
        return node.equals(plan.source()) || settled.contains(node) || holds.getOrDefault(node, Set.of()).contains(rel)
                || receivingOf(node).contains(rel) || passed.getOrDefault(node, Set.of()).contains(rel);
    }

    /**
     * Who sends file {@code rel} to {@code child}: the nearest ancestor that holds it or receives it now in a way
     * that can be followed, at the latest the source; waits until each ancestor on the way is known to have it or not.
     */
    private String awaitSender(String child, String rel) {
        synchronized (fates) {
            while (true) {
                Optional<String> up = plan.parentOf(child);
                String unknown = null;
                while (up.isPresent() && !up.get().equals(plan.source())) {
                    String a = up.get();
                    if (!fateKnown(a, rel)) {
                        unknown = a;
                        break;
                    }
                    if (holds.getOrDefault(a, Set.of()).contains(rel) || receivingOf(a).contains(rel)) {
                        return a;
                    }
                    up = plan.parentOf(a);
                }
                if (unknown == null) {
                    return plan.source();
                }
                waitForFates();
            }
        }
    }

    /** Waits until {@code sender} no longer receives {@code rel}; whether it holds it then. */
    private boolean awaitReceived(String sender, String rel) {
        synchronized (fates) {
            while (receivingOf(sender).contains(rel)) {
                waitForFates();
            }
        }
        return holds.getOrDefault(sender, Set.of()).contains(rel);
    }

    /** Waits (holding {@link #fates}) for a change, at most a second (a re-plan does not notify). */
    private void waitForFates() {
        try {
            fates.wait(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The run was stopped.", e);
        }
    }

    /** What one target took so far in this run. */
    private static final class Progress {
        long files;
        long content;
        long wire;
        String error = "";
    }

    /** The receiver dropped out mid-run: out of date for the job, its not-yet-served subtree re-planned around it. */
    private synchronized RunTarget dropped(String child, String parent, String why, Progress p) {
        failedNodes.put(child, why);
        replanAround(child, why);
        return new RunTarget(child, parent, RunTarget.OUT_OF_DATE, p.files, p.content, p.wire, "It dropped out during the run (" + why
                + "); it is out of date for this job until a later run reaches it.");
    }

    /** Waits before a retry: 200 ms, 400 ms, ... up to 5 s. */
    private static void backoff(int attempt) {
        try {
            Thread.sleep(Math.min(5000, 200L << Math.min(attempt, 5)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The run was stopped.", e);
        }
    }

    /**
     * Moves one file from parent to child and returns the bytes that travelled (signature, then delta): directly
     * between the agents when the child can reach its parent, else relayed through the master.
     */
    private long transfer(Hop hop, String fromPath, String toPath, boolean childHasOne, String sha256, String rel, boolean following)
            throws IOException {
        boolean againstBasis = hop.mode().equals(Hop.DELTA) && childHasOne;
        int level = Math.max(0, Math.min(9, hop.compression()));
        String refused = codecs.refusal(hop);
        if (refused != null) {
            throw new SynclineException(ErrorCode.PROTOCOL_VERSION, refused);
        }
        if (directLink(hop) == null) {
            if (!againstBasis) {
                receivingOf(hop.to()).add(rel); // a whole file pulled directly: the receiver's children can follow it
                fateChanged();
            }
            return link(hop.to()).request(DistributionMessages.HOP_PULL, Json.object("run", run.id(), "parent", hop.from(), "from", fromPath, "to",
                    toPath, "sha256", sha256, "codec", hop.codec(), "level", level, "delta", againstBasis, "await", following)).number("wireBytes");
        }
        return relay(hop, fromPath, toPath, againstBasis, level, sha256, following);
    }

    /**
     * The hop's direct link, set up on its first file: the parent issues a hop ticket for this run, this child and the
     * run's paths there; the child opens a link to the parent with it, or uses the one it kept open. Returns null when
     * the bytes go directly, else the sentence saying why the master relays them (the child cannot reach its parent).
     */
    private String directLink(Hop hop) {
        String key = hop.from() + "\u0000" + hop.to();
        String known = relayed.get(key);
        if (known != null) {
            return known.isEmpty() ? null : known;
        }
        AgentInfo parent = agents.get(hop.from());
        String fingerprint = parent == null ? "" : enrollment.member(parent.id()).map(EnrolledServer::fingerprint).orElse("");
        if (fingerprint.isEmpty()) {
            return relayHop(key, hop, "the master knows no certificate of '" + hop.from() + "'");
        }
        List<String> paths = scopes.stream().map(s -> hop.from().equals(plan.source()) ? s.dir() : join(targetPaths.get(hop.from()), s.prefix()))
                .distinct().toList();
        hopAgents.add(hop.from());
        JsonObject ticket = link(hop.from()).request(DistributionMessages.HOP_GRANT, Json.object("run", run.id(), "child", hop.to(), "paths",
                paths));
        try {
            hopAgents.add(hop.to());
            link(hop.to()).request(DistributionMessages.HOP_OPEN, Json.object("run", run.id(), "parent", hop.from(), "host", parent.host(), "port",
                    parent.port(), "fingerprint", fingerprint, "ticket", ticket.string("ticket"), "secret",
                    ticket.string("secret"), "cap", Math.max(0, hop.bandwidthLimit())));
        } catch (SynclineException e) {
            if (e.code() != ErrorCode.CONNECTION_FAILED || !alive(hop.to()) || !alive(hop.from())) {
                throw e; // a dead agent: failover, not a relay
            }
            return relayHop(key, hop, e.getMessage());
        }
        relayed.put(key, "");
        return null;
    }

    private String relayHop(String key, Hop hop, String why) {
        String note = "Relayed by the master: '" + hop.to() + "' has no direct link to '" + hop.from() + "' (" + why + ").";
        LOG.info(() -> "Run " + run.id() + ": " + note);
        relayed.put(key, note);
        return note;
    }

    /** Tells every agent that took part in direct hops that the run ended: its tickets revoked (links stay open until idle). */
    private void endHops() {
        for (String node : hopAgents) {
            Connection c = links.current(node);
            if (c != null) {
                try {
                    c.request(DistributionMessages.HOP_END, Json.object("run", run.id()));
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "Could not end the hops of run " + run.id() + " on '" + node + "'; its grants expire unused", e);
                }
            }
        }
    }

    /** The hop through the master: the parent's delta is spooled here, then uploaded to the child under the hop's cap. */
    private long relay(Hop hop, String fromPath, String toPath, boolean againstBasis, int level, String sha256, boolean following)
            throws IOException {
        String signature = againstBasis
                ? link(hop.to()).request(DistributionMessages.CONTENT_SIGNATURE, Json.object("path", toPath)).string("signature")
                : EMPTY_SIGNATURE;
        long sigBytes = againstBasis ? Base64.getDecoder().decode(signature).length : 0;
        Path delta = Files.createTempFile(spool, "delta", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(delta)) {
                link(hop.from()).download(DistributionMessages.CONTENT_DELTA, Json.object("path", fromPath, "signature", signature, "codec",
                        hop.codec(), "level", level, "sha256", sha256, "await", following), out);
            }
            try (InputStream in = capped(hop, Files.newInputStream(delta))) {
                link(hop.to()).upload(DistributionMessages.CONTENT_PATCH, Json.object("path", toPath, "codec", hop.codec(), "level", level,
                        "sha256", sha256, "delta", againstBasis), in);
            }
            return sigBytes + Files.size(delta);
        } finally {
            Files.deleteIfExists(delta);
        }
    }

    /** The hop's bytes no faster than its link's cap (one token bucket per hop for the whole run); as they are without one. */
    private InputStream capped(Hop hop, InputStream in) {
        if (hop.bandwidthLimit() <= 0) {
            return in;
        }
        return caps.computeIfAbsent(hop.from() + "\u0000" + hop.to(), k -> BandwidthCap.of(hop.bandwidthLimit())).throttle(in);
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

    /** The files below {@code dir} on agent {@code node}, from the changes since the master's base where it can. */
    private List<ContentRoot.Entry> scan(String node, Connection c, String dir) {
        IncrementalScans.Scan s = scans.scan(agents.get(node).id(), dir, body -> ScanRequest.ask(c, body));
        scanTally.add(s);
        return s.listing().entries();
    }

    /** What the scans of a run cost: logged at its end and kept in the run's record. */
    private static final class ScanTally {
        private long scans;
        private long incremental;
        private long bytes;

        synchronized long bytes() {
            return bytes;
        }

        synchronized long scans() {
            return scans;
        }

        synchronized long incremental() {
            return incremental;
        }

        synchronized void add(IncrementalScans.Scan s) {
            scans++;
            incremental += s.incremental() ? 1 : 0;
            bytes += s.bytes();
        }

        @Override
        public synchronized String toString() {
            return "scan bytes " + bytes + " in " + scans + " scan(s), " + incremental + " answered with changes only";
        }
    }

    private synchronized RunTarget fail(String child, String parent, String why) {
        failedNodes.put(child, why);
        return new RunTarget(child, parent, RunTarget.FAILED, 0, 0, 0, why);
    }

    /** Whether the agent still answers: its link is up, or a new one can be made now. */
    private boolean alive(String node) {
        if (links.current(node) != null) {
            return true;
        }
        try {
            link(node);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The master's link to agent {@code node}: the one kept open for the agent's member id (a server that enrols
     * again, with another certificate, gets a new id) and address, or a new one pinning its enrolled certificate.
     */
    private Connection link(String node) {
        AgentInfo a = agents.get(node);
        if (a == null) {
            throw new IllegalStateException("'" + node + "' is not an agent of this master.");
        }
        HostPort address = new HostPort(a.host(), a.port());
        return links.get(node, a.id() + " " + address, () -> enrollment.connectToMember(a.id(), address, "syncline-master-run", false));
    }

    private void report(RunFile f) {
        int n;
        synchronized (this) {
            n = seq++;
        }
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
