package org.syncline.distribution.internal.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.syncline.distribution.AgentSample;
import org.syncline.distribution.AlertRule;
import org.syncline.distribution.internal.server.MasterTopology.PlacedAgent;
import org.syncline.store.Database;

/**
 * Evaluates every rule against the agents and the ports it names, on a schedule, raising and clearing
 * through the {@link AlertBook}. A threshold must hold from one sample on for the rule's seconds before it
 * raises; it clears as soon as a sample is at or below the threshold. Channels deliver on their own thread,
 * so a slow channel never holds evaluation up.
 */
final class AlertEvaluator {
    private static final Logger LOG = Logger.getLogger(AlertEvaluator.class.getName());
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private final Database database;
    private final AgentRoster roster;
    private final AlertBook book;
    private final Clock clock;
    /** Since when a threshold has held, per rule and agent. */
    private final Map<String, Instant> above = new ConcurrentHashMap<>();

    AlertEvaluator(Database database, AgentRoster roster, AlertBook book, Clock clock) {
        this.database = database;
        this.roster = roster;
        this.book = book;
        this.clock = clock;
    }

    void evaluate() {
        try {
            List<AlertRule> rules = database.inTransaction(AlertTables::rules);
            Set<String> keep = new HashSet<>();
            for (AlertRule r : rules) {
                if (r.kind().equals(AlertRule.PORT)) {
                    port(r);
                    continue;
                }
                for (PlacedAgent a : roster.placed()) {
                    if (r.agent().isEmpty() || r.agent().equals(a.name())) {
                        if (r.kind().equals(AlertRule.SILENT)) {
                            silent(r, a);
                        } else {
                            keep.add(r.id() + "/" + a.id());
                            threshold(r, a);
                        }
                    }
                }
            }
            above.keySet().retainAll(keep);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Evaluating alert rules failed; trying again at the next round", e);
        }
    }

    private void silent(AlertRule r, PlacedAgent a) {
        Instant last = roster.lastSeen(a.id());
        long quiet = Duration.between(last, clock.instant()).toSeconds();
        if (quiet >= r.seconds()) {
            book.raise(r, a.name(), "Agent " + a.name() + " has sent nothing for " + quiet + " s (rule: " + r.describe() + ").");
        } else {
            book.clear(r.id(), a.name());
        }
    }

    private void threshold(AlertRule r, PlacedAgent a) {
        Optional<AgentSample> last = roster.last(a.id());
        if (last.isEmpty()) {
            return; // nothing measured: a silent rule covers it
        }
        double value = switch (r.kind()) {
            case AlertRule.CPU -> last.get().cpuPercent();
            case AlertRule.MEMORY -> last.get().memoryPercent();
            default -> last.get().diskPercent();
        };
        String key = r.id() + "/" + a.id();
        if (value > r.above()) {
            Instant since = above.computeIfAbsent(key, k -> last.get().at());
            if (!clock.instant().isBefore(since.plusSeconds(r.forSeconds()))) {
                book.raise(r, a.name(), String.format(Locale.ROOT, "Agent %s: %s at %.1f%%, above %.0f%% for %d s or more.", a.name(), r.kind(),
                        value, r.above(), r.forSeconds()));
            }
        } else {
            above.remove(key);
            book.clear(r.id(), a.name());
        }
    }

    private void port(AlertRule r) {
        String target = r.host() + ":" + r.port();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(r.host(), r.port()), (int) CONNECT_TIMEOUT.toMillis());
            book.clear(r.id(), target);
        } catch (IOException e) {
            book.raise(r, target, "Port " + target + " does not accept connections from the master (" + e.getMessage() + ").");
        }
    }
}
