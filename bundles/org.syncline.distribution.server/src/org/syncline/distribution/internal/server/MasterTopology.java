package org.syncline.distribution.internal.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.syncline.core.ErrorCode;
import org.syncline.core.LimitedInputStream;
import org.syncline.core.SynclineException;
import org.syncline.distribution.TopologySaved;
import org.syncline.distribution.TopologyVersion;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.TopologyFactory;
import org.syncline.model.topology.compare.TopologyChanges;
import org.syncline.model.topology.query.Elements;
import org.syncline.model.topology.validation.TopologyValidation;
import org.syncline.model.topology.xmi.TopologyXmi;
import org.syncline.store.Database;

/**
 * The topology the master keeps: versions in Derby, saved optimistically. A save names the version it was
 * made on; when another save came after that version the save is refused, naming who saved, when and what.
 * Saves are validated first and stored as the master writes them (canonical XMI), never as sent.
 */
final class MasterTopology {
    /** The largest topology accepted: about 50,000 servers with routes. */
    static final long MAX_XMI_BYTES = 32L * 1024 * 1024;
    private final Database database;
    private final long maxXmiBytes;
    private final List<Consumer<TopologyVersion>> saveListeners = new CopyOnWriteArrayList<>();
    /**
     * The newest version parsed once: enrolling 1,000 agents parsed the whole XMI twice per agent (place, then
     * list the agents), which made placing them quadratic. Only touched under this object's lock; handed out
     * as copies.
     */
    private long cachedVersion = -1;
    private Deployment cached;
    /** Hellos waiting for the placement under way to end (see {@link #placeAgent}). */
    private final List<Placing> waiting = new ArrayList<>();

    MasterTopology(Database database) {
        this(database, MAX_XMI_BYTES);
    }

    MasterTopology(Database database, long maxXmiBytes) {
        this.database = database;
        this.maxXmiBytes = maxXmiBytes;
    }

    TopologyVersion current() {
        return database.inTransaction(c -> TopologyTable.newest(c)).orElse(TopologyVersion.none());
    }

    /** The current topology as a model (an empty deployment before the first save), for checks against it. */
    Deployment model() {
        return EcoreUtil.copy(newestModel());
    }

    /** The newest version's model, parsed only when the version changed; callers must not change it. */
    private synchronized Deployment newestModel() {
        return database.inTransaction(c -> newestModel(c, TopologyTable.newest(c).orElse(TopologyVersion.none())));
    }

    private synchronized Deployment newestModel(Connection c, TopologyVersion newest) throws SQLException {
        if (newest.version() != cachedVersion) {
            cached = newest.version() == 0 ? empty() : read(c, newest.version());
            cachedVersion = newest.version();
        }
        return cached;
    }

    /** Streams the current topology (an empty deployment before the first save); returns its version. */
    TopologyVersion write(OutputStream out) {
        return database.inTransaction(c -> {
            TopologyVersion v = TopologyTable.newest(c).orElse(null);
            if (v == null) {
                try {
                    out.write(TopologyXmi.bytes(empty()));
                } catch (IOException e) {
                    throw new SynclineException(ErrorCode.CONNECTION_FAILED, "Sending the topology failed: " + e.getMessage(), e);
                }
                return TopologyVersion.none();
            }
            TopologyTable.copyXmi(c, v.version(), out);
            return v;
        });
    }

    /** Validates and stores the XMI read from {@code xmi} as the version after {@code baseVersion}. */
    TopologySaved save(String user, InputStream xmi, long baseVersion) {
        // read and checked before taking the lock: a slow upload never holds up another save
        Deployment next = TopologyXmi.read(new LimitedInputStream(xmi, maxXmiBytes, "it is larger than the " + maxXmiBytes + " bytes a topology may have"));
        TopologyValidation.Result result = TopologyValidation.validate(next);
        if (!result.ok()) {
            int n = result.errors().size();
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "The topology was not saved: " + (n == 1 ? "1 error" : n + " errors")
                    + ": " + String.join("; ", result.errors()));
        }
        byte[] canonical = TopologyXmi.bytes(next);
        TopologySaved saved = new TopologySaved(store(user, next, canonical, baseVersion), result.warnings());
        saveListeners.forEach(l -> l.accept(saved.version()));
        return saved;
    }

    /** Called after every committed save, by a user or by an agent's enrollment, in the saving thread. */
    void onSaved(Consumer<TopologyVersion> listener) {
        saveListeners.add(listener);
    }

    /** The servers of the current topology that are enrolled agents. */
    synchronized List<PlacedAgent> agents() {
        List<PlacedAgent> agents = new ArrayList<>();
        for (Server s : Elements.servers(newestModel())) {
            if (s.getAgentId() != null && !s.getAgentId().isEmpty()) {
                agents.add(new PlacedAgent(s.getAgentId(), s.getName(), s.getHost() == null ? "" : s.getHost(), s.getPort(),
                        List.copyOf(s.getRoles())));
            }
        }
        return agents;
    }

    /** An agent as the topology has it: its member id and the server it is. */
    record PlacedAgent(String id, String name, String host, int port, List<String> roles) {
    }

    /**
     * Puts an agent that said hello into the Unassigned pool as a new version saved by {@code agent:NAME},
     * unless a server with its member id is anywhere in the topology already (then only a changed address
     * is saved). Returns the version saved, or empty when nothing changed for this agent. Hellos that come
     * while a placement is being saved wait and are placed together in one version after it (1,000 agents
     * enrolling at once make a few dozen versions, not 1,000 copies of a growing topology).
     */
    Optional<TopologyVersion> placeAgent(PlacedAgent agent) {
        Placing mine = new Placing(agent, new CompletableFuture<>());
        synchronized (waiting) {
            waiting.add(mine);
        }
        placeWaiting().ifPresent(v -> saveListeners.forEach(l -> l.accept(v)));
        try {
            return mine.saved().join(); // placed by this thread's batch or by the one before it
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** A hello waiting to be placed, and what its placement saved. */
    private record Placing(PlacedAgent agent, CompletableFuture<Optional<TopologyVersion>> saved) {
    }

    /** Places every waiting hello in one version; empty when they were taken by an earlier batch or changed nothing. */
    private synchronized Optional<TopologyVersion> placeWaiting() {
        List<Placing> batch;
        synchronized (waiting) {
            batch = new ArrayList<>(waiting);
            waiting.clear();
        }
        if (batch.isEmpty()) {
            return Optional.empty();
        }
        try {
            Set<String> changed = new HashSet<>();
            Optional<TopologyVersion> saved = placeAgents(batch.stream().map(Placing::agent).toList(), changed);
            batch.forEach(p -> p.saved().complete(changed.contains(p.agent().id()) ? saved : Optional.empty()));
            return saved;
        } catch (RuntimeException e) {
            batch.forEach(p -> p.saved().completeExceptionally(e));
            throw e;
        }
    }

    /**
     * Places {@code agents} in one version (saved by {@code agent:NAME} for one, by {@code agents} for more);
     * {@code changed} gets the member ids whose server was added or moved. Empty when nothing changed.
     */
    synchronized Optional<TopologyVersion> placeAgents(List<PlacedAgent> agents, Set<String> changed) {
        Deployment[] placed = new Deployment[1];
        Optional<TopologyVersion> saved = database.inTransaction(c -> {
            TopologyVersion current = TopologyTable.newest(c).orElse(TopologyVersion.none());
            Deployment d = EcoreUtil.copy(newestModel(c, current));
            List<String> summaries = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (PlacedAgent agent : agents) {
                Server existing = Elements.servers(d).stream().filter(s -> agent.id().equals(s.getAgentId())).findFirst().orElse(null);
                if (existing != null) {
                    if (agent.host().equals(existing.getHost()) && agent.port() == existing.getPort()) {
                        continue;
                    }
                    existing.setHost(agent.host());
                    existing.setPort(agent.port());
                    names.add(existing.getName());
                    summaries.add("agent " + existing.getName() + " now listens at " + agent.host() + ":" + agent.port());
                } else {
                    Server s = TopologyFactory.eINSTANCE.createServer();
                    String name = AgentNames.unique(d, agent.name());
                    s.setName(name);
                    s.setHost(agent.host());
                    s.setPort(agent.port());
                    s.getRoles().addAll(agent.roles());
                    s.setAgentId(agent.id());
                    d.getUnassigned().add(s);
                    names.add(name);
                    summaries.add("agent " + name + " enrolled");
                }
                changed.add(agent.id());
            }
            if (names.isEmpty()) {
                return Optional.<TopologyVersion>empty();
            }
            String summary = summaries.size() == 1 ? summaries.get(0) : summaries.size() + " agents enrolled or moved: "
                    + String.join(", ", names.subList(0, Math.min(5, names.size()))) + (names.size() > 5 ? ", ..." : "");
            TopologyVersion v = new TopologyVersion(current.version() + 1, names.size() == 1 ? "agent:" + names.get(0) : "agents",
                    Instant.now().truncatedTo(ChronoUnit.MILLIS), summary);
            TopologyTable.insert(c, v, TopologyXmi.bytes(d));
            placed[0] = d;
            return Optional.of(v);
        });
        saved.ifPresent(v -> cache(v, placed[0]));
        return saved;
    }

    /** After a commit: the version just saved is the newest, and {@code d} is what was written for it. */
    private void cache(TopologyVersion v, Deployment d) {
        cachedVersion = v.version();
        cached = d;
    }

    /** One save at a time: the version check and the insert must see the same newest version. */
    private synchronized TopologyVersion store(String user, Deployment next, byte[] canonical, long baseVersion) {
        TopologyVersion saved = database.inTransaction(c -> {
            TopologyVersion current = TopologyTable.newest(c).orElse(TopologyVersion.none());
            if (baseVersion != current.version()) {
                throw conflict(baseVersion, current, TopologyTable.countAfter(c, baseVersion));
            }
            Deployment before = newestModel(c, current);
            String summary = current.version() == 0 ? created(next) : TopologyChanges.summary(before, next);
            TopologyVersion v = new TopologyVersion(current.version() + 1, user, Instant.now().truncatedTo(ChronoUnit.MILLIS), summary);
            TopologyTable.insert(c, v, canonical);
            return v;
        });
        cache(saved, next);
        return saved;
    }

    private static Deployment read(Connection c, long version) throws SQLException {
        ByteArrayOutputStream stored = new ByteArrayOutputStream();
        TopologyTable.copyXmi(c, version, stored);
        return TopologyXmi.read(new ByteArrayInputStream(stored.toByteArray()));
    }

    private static SynclineException conflict(long base, TopologyVersion current, long newer) {
        if (base > current.version() || base < 0) {
            return new SynclineException(ErrorCode.INVALID_ARGUMENT, "There is no version " + base + " of the topology; the current one is "
                    + current.version() + ".");
        }
        String when = current.savedAt().toString().substring(0, 19).replace('T', ' ') + " UTC";
        return new SynclineException(ErrorCode.CONFLICT, "Your change was made on version " + base + " of the topology, but "
                + current.savedBy() + " saved version " + current.version() + " at " + when + " (" + current.summary() + ")"
                + (newer > 1 ? ", the newest of " + newer + " saves since yours" : "")
                + "; load the current topology and make your change again.");
    }

    private static String created(Deployment d) {
        return "created the topology (" + count(d.getRegions().size(), "region") + ", " + count(Elements.groups(d).size(), "group") + ", "
                + count(Elements.servers(d).size(), "server") + ")";
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static Deployment empty() {
        Deployment d = TopologyFactory.eINSTANCE.createDeployment();
        d.setName("deployment");
        return d;
    }
}
