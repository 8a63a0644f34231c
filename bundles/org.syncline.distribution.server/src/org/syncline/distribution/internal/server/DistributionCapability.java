package org.syncline.distribution.internal.server;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.distribution.DistributionMessages;
import org.syncline.server.api.Capability;
import org.syncline.server.api.ServerContext;
import org.syncline.server.api.ServerSettings;
import org.syncline.store.Migration;

/**
 * Distribution. On a master: the topology (versions in the server's database, pushed on every save), the
 * agents that joined it (placed in the Unassigned pool at their first hello), their samples (raw and
 * 1-minute averages) and alert rules evaluated on a schedule. On an agent that joined a master: a reporter
 * that says hello and sends a sample of this machine every interval.
 */
public final class DistributionCapability implements Capability {
    static final String MASTER = "master";
    static final String AGENT = "agent";

    @Override
    public String name() {
        return DistributionMessages.CAPABILITY;
    }

    @Override
    public Set<String> roles() {
        return Set.of(MASTER, AGENT);
    }

    @Override
    public List<Migration> migrations() {
        return MonitoringSchema.MIGRATIONS;
    }

    @Override
    public AutoCloseable start(ServerContext context) {
        Set<String> roles = context.server().roles();
        boolean joined = context.enrollment().membership().isPresent();
        ServerSettings settings = context.settings();
        List<AutoCloseable> running = new ArrayList<>();
        if (roles.contains(MASTER)) {
            running.add(startMaster(context, settings));
        }
        if (roles.contains(AGENT) && joined) {
            // the content jobs read and write (issue #13): only the master this agent joined may touch it
            Path listings = context.directory().resolve("scan-listings");
            // a scan hashes only the files new or changed since the last one (size, modification time, racy)
            ContentRoot content = new ContentRoot(settings.string("distribution.root").filter(r -> !r.isBlank()).map(Path::of)
                    .orElse(context.directory().resolve("content")), new ScanHashes(listings), Clock.systemUTC(), ContentRoot::sha256);
            dropLeftoverParts(content);
            ScanAnswers scans = new ScanAnswers(new ListingStore(listings));
            content.onWrite(scans::written);
            running.add(scans::flush);
            new ContentHandlers(context.endpoint(), content, scans).register();
            HopLinks hopLinks = new HopLinks(content, context.directory());
            new HopHandlers(context.endpoint(), content, new HopGrants(Clock.systemUTC()), hopLinks).register();
            running.add(hopLinks);
            List<Path> watch = settings.string("distribution.watch").map(w -> Arrays.stream(w.split(",")).map(String::trim)
                    .filter(p -> !p.isEmpty()).map(Path::of).toList()).orElse(List.of(context.directory().getParent()));
            AgentReporter reporter = new AgentReporter(context.enrollment(), new HostProbe(watch), context.endpoint()::loggedInSessions,
                    settings.string("distribution.agent-name").orElse(context.server().hostName()),
                    settings.string("distribution.agent-host").orElse(""), String.join(",", roles),
                    positive(settings, "distribution.sample-interval", Duration.ofSeconds(5)), content,
                    positive(settings, "distribution.rescan-interval", Duration.ofSeconds(60)));
            reporter.start();
            running.add(reporter);
        } else if (roles.contains(AGENT) && !roles.contains(MASTER)) {
            throw new SynclineException(ErrorCode.CONFIG, "An agent reports to a master it joined: start it once with --join MASTER:PORT "
                    + "--token T (a token from 'syncline cli node token' on the master).");
        }
        return () -> {
            for (int i = running.size() - 1; i >= 0; i--) {
                running.get(i).close();
            }
        };
    }

    /** A kill -9 mid-write leaves a temp file behind: gone at the next start (a failure to look is only logged). */
    private static void dropLeftoverParts(ContentRoot content) {
        Logger log = Logger.getLogger(DistributionCapability.class.getName());
        try {
            int n = content.dropLeftoverParts();
            if (n > 0) {
                log.info(() -> "Deleted " + n + " temp file(s) of writes cut off when this agent last stopped, below " + content.path());
            }
        } catch (IOException e) {
            log.log(Level.WARNING, "Could not look for temp files left below " + content.path(), e);
        }
    }

    private static AutoCloseable startMaster(ServerContext context, ServerSettings settings) {
        Clock clock = Clock.systemUTC();
        MasterTopology topology = new MasterTopology(context.database());
        ManageGrants manage = new ManageGrants(context.database(), clock);
        new ManageHandlers(context.endpoint(), manage).register();
        new TopologyHandlers(context.endpoint(), topology, context.log(), manage).register();
        List<AlertChannels.OutsideChannel> outside = new ArrayList<>();
        settings.string("distribution.webhook").filter(u -> !u.isBlank()).ifPresent(u -> outside.add(new WebhookChannel(u)));
        MailChannel mail = MailChannel.of(settings);
        if (mail != null) {
            outside.add(mail);
        }
        AlertChannels channels = new AlertChannels(context.endpoint(), context.database(), outside, clock,
                positive(settings, "distribution.outbox-backoff", Duration.ofSeconds(2)),
                (int) settings.longValue("distribution.outbox-attempts", 30, 1, 10_000));
        AlertBook book = new AlertBook(context.database(), clock, channels);
        AgentRoster roster = new AgentRoster(topology, clock, overloadPercent(settings),
                (int) settings.longValue("distribution.offline-heartbeats", AgentRoster.OFFLINE_HEARTBEATS, 1, 1000));
        SampleStore samples = new SampleStore(context.database(), clock, settings.duration("distribution.raw-retention", Duration.ofHours(24)),
                settings.duration("distribution.minute-retention", Duration.ofDays(30)));
        new AgentHandlers(context.endpoint(), roster, samples, book::anyOpenFor).register();
        new AlertHandlers(context.endpoint(), context.database(), book, clock).register();
        new OutboxHandlers(context.endpoint(), context.database(), channels).register();
        new JobHandlers(context.endpoint(), context.database(), topology, clock, () -> roster.list(book::anyOpenFor), manage).register(); // replication jobs (issue #13)
        JobRunner runner = new JobRunner(context.database(), topology, () -> roster.list(book::anyOpenFor), context.enrollment(),
                context.directory().resolve("run-spool"), new IncrementalScans(new ListingStore(context.directory().resolve("scan-bases"))),
                clock, r -> context.endpoint().publish(DistributionMessages.RUNS_TOPIC,
                        DistributionMessages.RUN_CHANGED, Json.tree(r)), (int) settings.longValue("distribution.hop-parallelism", HopSchedule.AS_PLANNED, 1, 64));
        new RunHandlers(context.endpoint(), context.database(), runner).register();
        Clock scheduleClock = settings.string("distribution.schedule-clock").filter(f -> !f.isBlank()).<Clock>map(f -> new FileClock(Path.of(f)))
                .orElse(clock);
        JobTriggers triggers = new JobTriggers(context.database(), runner, scheduleClock);
        new TriggerHandlers(context.endpoint(), roster, triggers).register();
        roster.onHello(name -> guarded(() -> triggers.agentBack(name)).run());
        AgentStateWatch states = new AgentStateWatch(roster, book::anyOpenFor, a -> context.endpoint().publish(
                DistributionMessages.AGENT_STATES_TOPIC, DistributionMessages.AGENT_STATE, Json.tree(a)));
        roster.onHello(name -> guarded(states::check).run());
        ScheduledFuture<?> schedules = context.scheduler().scheduleWithFixedDelay(guarded(triggers::tick), 1, 1, TimeUnit.SECONDS);
        AlertEvaluator evaluator = new AlertEvaluator(context.database(), roster, book, clock);
        Duration every = positive(settings, "distribution.alert-interval", Duration.ofSeconds(5));
        ScheduledExecutorService monitor = thread("distribution-monitor");
        ScheduledExecutorService evaluation = thread("distribution-alerts");
        ScheduledExecutorService delivery = thread("distribution-alert-delivery");
        monitor.scheduleWithFixedDelay(guarded(samples::flush), 1, 1, TimeUnit.SECONDS);
        ScheduledExecutorService stateChecks = thread("distribution-agent-states");
        stateChecks.scheduleWithFixedDelay(guarded(states::check), 1, 1, TimeUnit.SECONDS);
        monitor.scheduleWithFixedDelay(guarded(samples::downsample), 10, 60, TimeUnit.SECONDS);
        evaluation.scheduleWithFixedDelay(evaluator::evaluate, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        delivery.scheduleWithFixedDelay(guarded(channels::deliverDue), 1, 1, TimeUnit.SECONDS);
        return () -> {
            schedules.cancel(false);
            runner.close();
            evaluation.shutdownNow();
            stateChecks.shutdownNow();
            delivery.shutdownNow();
            monitor.shutdown();
            monitor.awaitTermination(5, TimeUnit.SECONDS);
            samples.flush();
        };
    }

    /** {@code --set distribution.overload-percent=N} (1-100), or {@code never}: when agents count as overloaded and are left out of runs. */
    private static double overloadPercent(ServerSettings settings) {
        String v = settings.string("distribution.overload-percent").orElse("").trim();
        if (v.isEmpty()) {
            return AgentRoster.OVERLOAD_PERCENT;
        }
        if (v.equals("never")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            double p = Double.parseDouble(v);
            if (p >= 1 && p <= 100) {
                return p;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "--set distribution.overload-percent must be 1-100 or never, not '" + v + "'.");
    }

    private static Duration positive(ServerSettings settings, String key, Duration fallback) {
        Duration d = settings.duration(key, fallback);
        if (d.toMillis() < 100) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "--set " + key + " must be at least 1s.");
        }
        return d;
    }

    private static ScheduledExecutorService thread(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** A periodic task whose failure is logged instead of cancelling its schedule. */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                Logger.getLogger(DistributionCapability.class.getName()).log(Level.WARNING, "A distribution task failed", e);
            }
        };
    }
}
