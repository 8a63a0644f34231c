package org.syncline.distribution.internal.ui.monitor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.syncline.core.SynclineException;
import org.syncline.distribution.AgentInfo;
import org.syncline.distribution.AgentSample;
import org.syncline.distribution.Alert;
import org.syncline.distribution.AlertEvent;
import org.syncline.distribution.client.AlertsClient;
import org.syncline.distribution.client.MonitorClient;
import org.syncline.ui.ConnectedServer;
import org.syncline.ui.Servers;
import org.syncline.ui.UiRunner;

/**
 * What the workbench knows live of one master: its agents with their states, its alerts with their history,
 * and every sample as the master pushes it. One per server, shared by the Monitor and Alerts views, the state
 * colours and the alert popup; the push subscriptions are made once per connection. UI thread only, except
 * the network work inside its jobs.
 */
public final class LiveMonitoring {
    /** What views hear; every call comes on the UI thread. */
    public interface Listener {
        default void sample(AgentSample sample) {
        }

        /** An alert was raised or cleared by the master (after {@link #alerts()} holds it). */
        default void alert(AlertEvent event) {
        }

        /** The agents, their states or the alert list were (re)read, or {@link #problem()} changed. */
        default void changed() {
        }
    }

    private static final Map<String, LiveMonitoring> ALL = new HashMap<>();
    private static final int AGENTS_REFRESH_MILLIS = 1500;

    private final ConnectedServer server;
    private final UiRunner ui = UiRunner.forWorkbench();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, AgentInfo> agents = new LinkedHashMap<>();
    private final Map<Long, Alert> alerts = new LinkedHashMap<>();
    private Object subscribedOn;
    private String problem = "Not read yet.";
    private boolean agentsRefreshPending;

    private LiveMonitoring(ConnectedServer server) {
        this.server = server;
    }

    public static LiveMonitoring of(ConnectedServer server) {
        // made anew when the server was removed and added again: the old one's handle is not connected for good
        return ALL.compute(server.label(), (label, old) -> old != null && old.server == server ? old : new LiveMonitoring(server));
    }

    /**
     * The monitoring of the server selected in the Servers view when it is connected, else null: moves
     * {@code listener} over from {@code current} when that changed, and starts it.
     */
    public static LiveMonitoring follow(LiveMonitoring current, Listener listener) {
        LiveMonitoring next = Servers.selected().filter(ConnectedServer::isConnected).map(LiveMonitoring::of).orElse(null);
        if (next != current) {
            if (current != null) {
                current.removeListener(listener);
            }
            if (next != null) {
                next.addListener(listener);
            }
        }
        if (next != null) {
            next.start();
        }
        return next;
    }

    public ConnectedServer server() {
        return server;
    }

    public void addListener(Listener l) {
        if (!listeners.contains(l)) {
            listeners.add(l);
        }
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** Null while the master is read; else why nothing is shown ("not connected", "not a master"). */
    public String problem() {
        return problem;
    }

    public Collection<AgentInfo> agents() {
        return agents.values();
    }

    /** Every alert the master keeps, open and cleared, newest first. */
    public List<Alert> alerts() {
        List<Alert> out = new ArrayList<>(alerts.values());
        out.sort((a, b) -> b.raisedAt().compareTo(a.raisedAt()));
        return out;
    }

    public MonitorClient monitorClient() {
        return server.client(MonitorClient.class, c -> {
            MonitorClient client = new MonitorClient(c);
            client.watchSamples(s -> ui.execute(() -> sampled(s)));
            client.watchStates(a -> ui.execute(() -> stateChanged(a)));
            return client;
        });
    }

    private AlertsClient alertsClient() {
        return server.client(AlertsClient.class, c -> {
            AlertsClient client = new AlertsClient(c);
            client.watchAlerts(e -> ui.execute(() -> alerted(e)));
            return client;
        });
    }

    /**
     * Subscribes on the current connection (once) and reads the agents and alerts; a server that is not
     * connected or has no master role leaves a {@link #problem()} instead. Safe to call on every change of
     * the connections.
     */
    public void start() {
        if (!server.isConnected()) {
            subscribedOn = null;
            settle("Not connected to " + server.label() + ".", List.of(), List.of());
            return;
        }
        Job.createSystem("Read the agents and alerts of " + server.label(), monitor -> {
            try {
                MonitorClient m = monitorClient();
                AlertsClient a = alertsClient();
                if (m == subscribedOn) {
                    return Status.OK_STATUS;
                }
                List<AgentInfo> read = m.agents();
                List<Alert> history = a.alerts(true);
                ui.execute(() -> {
                    subscribedOn = m;
                    settle(null, read, history);
                });
            } catch (SynclineException e) {
                ui.execute(() -> settle(server.label() + " shows no monitoring: " + e.getMessage(), List.of(), List.of()));
            }
            return Status.OK_STATUS;
        }).schedule();
    }

    private void settle(String why, List<AgentInfo> read, List<Alert> history) {
        problem = why;
        agents.clear();
        read.forEach(a -> agents.put(a.name(), a));
        alerts.clear();
        history.forEach(a -> alerts.put(a.id(), a));
        listeners.forEach(Listener::changed);
    }

    private void sampled(AgentSample s) {
        listeners.forEach(l -> l.sample(s));
        refreshAgentsSoon(); // a report may change its agent's state (back online, overloaded)
    }

    /** The master pushed an agent's new state (offline after missed heartbeats, back online, ...). */
    private void stateChanged(AgentInfo a) {
        if (problem != null) {
            return;
        }
        agents.put(a.name(), a);
        listeners.forEach(Listener::changed);
    }

    private void alerted(AlertEvent e) {
        alerts.put(e.alert().id(), e.alert());
        listeners.forEach(l -> l.alert(e));
        listeners.forEach(Listener::changed);
        refreshAgentsSoon();
    }

    /** Reads the agents' states again after a push said they changed, at most once per interval. */
    private void refreshAgentsSoon() {
        if (agentsRefreshPending || problem != null) {
            return;
        }
        agentsRefreshPending = true;
        org.eclipse.swt.widgets.Display.getCurrent().timerExec(AGENTS_REFRESH_MILLIS, () -> Job.createSystem("Read the agents of " + server.label(), monitor -> {
            try {
                List<AgentInfo> read = monitorClient().agents();
                ui.execute(() -> {
                    agentsRefreshPending = false;
                    agents.clear();
                    read.forEach(a -> agents.put(a.name(), a));
                    listeners.forEach(Listener::changed);
                });
            } catch (SynclineException e) {
                ui.execute(() -> agentsRefreshPending = false);
            }
            return Status.OK_STATUS;
        }).schedule());
    }

    /** The state the master gives the agent named {@code name}, or null when it is not an agent it knows. */
    public String state(String name) {
        AgentInfo a = agents.get(name);
        return a == null ? null : a.state();
    }
}
