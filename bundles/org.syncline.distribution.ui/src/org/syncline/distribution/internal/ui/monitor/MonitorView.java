package org.syncline.distribution.internal.ui.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;
import org.syncline.core.SynclineException;
import org.syncline.distribution.AgentSample;
import org.syncline.distribution.client.MonitorClient;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.Server;
import org.syncline.ui.NotePane;
import org.syncline.ui.Servers;
import org.syncline.ui.UiRunner;

/**
 * CPU, memory, disk and network of the servers selected in the Topology tree or editor, over the chosen range:
 * the master's stored samples (raw within a day, 1-minute averages beyond), then every sample it pushes. A
 * selected group stands for its servers. Each server is a series of each chart, named in the legend.
 */
public final class MonitorView extends ViewPart implements LiveMonitoring.Listener {
    public static final String ID = "org.syncline.distribution.ui.views.monitor";
    public static final String SELECT_TEXT = "Select a server (or a group) in the Topology tree or the topology editor to see its CPU, memory, disk and network over time.";

    /** The ranges offered, in the order of the combo. */
    enum Range {
        MINUTES_15("Last 15 minutes", Duration.ofMinutes(15)), HOUR("Last hour", Duration.ofHours(1)), DAY("Last 24 hours", Duration.ofHours(24)),
        MONTH("Last 30 days", Duration.ofDays(30));

        final String label;
        final Duration length;

        Range(String label, Duration length) {
            this.label = label;
            this.length = length;
        }
    }

    private UiRunner ui;
    private NotePane pane;
    private Composite charts;
    private Combo rangeChoice;
    private MonitorCharts chartSet;
    private Range range = Range.MINUTES_15;
    private LiveMonitoring live;
    private final Set<String> selected = new LinkedHashSet<>();
    private final Map<String, List<AgentSample>> data = new LinkedHashMap<>();
    private int generation;
    private final ISelectionListener selectionListener = this::selectionChanged;
    private final Runnable serversChanged = () -> ui.execute(this::serverMaybeChanged);

    @Override
    public void createPartControl(Composite parent) {
        ui = new UiRunner(parent.getDisplay());
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(bar);
        Label l = new Label(bar, SWT.NONE);
        l.setText("&Range:");
        rangeChoice = new Combo(bar, SWT.READ_ONLY);
        for (Range r : Range.values()) {
            rangeChoice.add(r.label);
        }
        rangeChoice.select(0);
        rangeChoice.addListener(SWT.Selection, e -> setRange(Range.values()[rangeChoice.getSelectionIndex()]));

        pane = new NotePane(parent);
        charts = new Composite(pane.area(), SWT.NONE);
        chartSet = new MonitorCharts(charts);
        getSite().getPage().addPostSelectionListener(selectionListener);
        Servers.addListener(serversChanged);
        serverMaybeChanged();
        ISelection current = getSite().getPage().getSelection();
        if (current != null) {
            selectionChanged(getSite().getPage().getActivePart(), current);
        }
    }

    private void serverMaybeChanged() {
        if (pane.isDisposed()) {
            return;
        }
        LiveMonitoring next = LiveMonitoring.follow(live, this);
        if (next != live) {
            live = next;
            reload();
        }
        show();
    }

    private void selectionChanged(IWorkbenchPart part, ISelection s) {
        if (part == this || !(s instanceof IStructuredSelection ss)) {
            return;
        }
        if (ss.isEmpty()) {
            if (part != null && part.getSite().getId().startsWith("org.syncline.distribution.ui.") && !selected.isEmpty()) {
                select(Set.of()); // nothing selected in the tree or the editor: nothing to chart
            }
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        for (Object o : ss.toList()) {
            if (o instanceof Server server) {
                names.add(server.getName());
            } else if (o instanceof Group g) {
                g.getServers().forEach(x -> names.add(x.getName()));
            }
        }
        boolean topologyPart = ss.toList().stream().allMatch(o -> o instanceof org.eclipse.emf.ecore.EObject);
        if (!topologyPart || names.equals(selected)) {
            return;
        }
        select(names);
    }

    /** Shows {@code names} (server names, which are their agents' names). */
    public void select(Set<String> names) {
        selected.clear();
        selected.addAll(names);
        reload();
    }

    /** Chooses the range at {@code index} of the combo: 0 the last 15 minutes, 1 the last hour, 2 a day, 3 30 days. */
    public void setRange(int index) {
        setRange(Range.values()[index]);
    }

    private void setRange(Range r) {
        range = r;
        rangeChoice.select(r.ordinal());
        reload();
    }

    /** Reads the stored series of every selected server for the range; pushes keep them current afterwards. */
    private void reload() {
        int mine = ++generation;
        data.clear();
        show();
        if (live == null || selected.isEmpty()) {
            return;
        }
        List<String> agents = new ArrayList<>(selected);
        Instant since = Instant.now().minus(range.length);
        LiveMonitoring source = live;
        Job.createSystem("Read the samples of " + String.join(", ", agents), monitor -> {
            Map<String, List<AgentSample>> read = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            try {
                MonitorClient client = source.monitorClient();
                for (String a : agents) {
                    try {
                        read.put(a, new ArrayList<>(client.monitor(a, since).samples()));
                    } catch (SynclineException e) {
                        missing.add(e.getMessage());
                    }
                }
                ui.execute(() -> loaded(mine, read, missing));
            } catch (SynclineException e) {
                ui.execute(() -> failed(mine, "The samples could not be read: " + e.getMessage()));
            }
            return Status.OK_STATUS;
        }).schedule();
    }

    private void loaded(int mine, Map<String, List<AgentSample>> read, List<String> missing) {
        if (mine != generation || pane.isDisposed()) {
            return;
        }
        data.putAll(read);
        setContentDescription(missing.isEmpty() ? describe() : String.join(" ", missing));
        show();
    }

    private void failed(int mine, String message) {
        if (mine == generation && !pane.isDisposed()) {
            pane.note(message);
        }
    }

    @Override
    public void sample(AgentSample s) {
        if (pane.isDisposed() || !selected.contains(s.agent()) || !data.containsKey(s.agent())) {
            return;
        }
        List<AgentSample> series = data.get(s.agent());
        Instant since = Instant.now().minus(range.length);
        series.removeIf(x -> x.at().isBefore(since));
        series.add(s);
        chartSet.show(data, Instant.now().minus(range.length));
        setContentDescription(describe());
    }

    @Override
    public void changed() {
        show();
    }

    private String describe() {
        long none = selected.stream().filter(a -> data.getOrDefault(a, List.of()).isEmpty()).count();
        return none == 0 ? range.label + " of " + String.join(", ", selected.stream().map(this::withState).toList())
                : range.label + ": no samples yet from " + String.join(", ", selected.stream().filter(a -> data.getOrDefault(a, List.of()).isEmpty()).toList())
                        + " (a server reports once an agent runs on it).";
    }

    /** "web-1 (offline)": an agent's name with the state the master gives it, as it is pushed. */
    private String withState(String agent) {
        String state = live == null ? null : live.state(agent);
        return state == null ? agent : agent + " (" + state + ")";
    }

    private void show() {
        if (pane.isDisposed()) {
            return;
        }
        String why = live == null ? "Connect to a server with the master role (File > Connect to Server...) to see its agents." : live.problem();
        if (why == null && selected.isEmpty()) {
            why = SELECT_TEXT;
        }
        if (why != null) {
            pane.note(why);
            setContentDescription("");
        } else {
            chartSet.show(data, Instant.now().minus(range.length));
            pane.show(charts);
            setContentDescription(describe());
        }
    }

    /** The text shown instead of the charts, or null when the charts are shown. */
    public String emptyText() {
        return pane.note();
    }

    /** The values of one series of one chart ("CPU", "Memory", "Disk", "Network"), for tests and accessibility. */
    public double[] values(String chart, String series) {
        return chartSet.values(chart, series);
    }

    public List<String> series(String chart) {
        return chartSet.series(chart);
    }

    @Override
    public void setFocus() {
        rangeChoice.setFocus();
    }

    @Override
    public void dispose() {
        getSite().getPage().removePostSelectionListener(selectionListener);
        Servers.removeListener(serversChanged);
        if (live != null) {
            live.removeListener(this);
        }
        super.dispose();
    }
}
