package org.syncline.distribution.internal.ui.monitor;

import java.text.SimpleDateFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ILineSeries.PlotSymbolType;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.Range;
import org.syncline.distribution.AgentSample;

/** The four charts of the Monitor view, one per tab; each server is one series (network: one for in, one for out). */
final class MonitorCharts {
    static final String CPU = "CPU";
    static final String MEMORY = "Memory";
    static final String DISK = "Disk";
    static final String NETWORK = "Network";
    private static final int[] COLORS = { SWT.COLOR_BLUE, SWT.COLOR_RED, SWT.COLOR_DARK_GREEN, SWT.COLOR_MAGENTA, SWT.COLOR_DARK_CYAN,
            SWT.COLOR_DARK_YELLOW, SWT.COLOR_DARK_BLUE, SWT.COLOR_DARK_RED, SWT.COLOR_DARK_MAGENTA, SWT.COLOR_GRAY };

    private final Map<String, Chart> charts = new LinkedHashMap<>();

    /** One tab per chart, so each gets the whole view (Ctrl+Page Up/Down walks the tabs). */
    MonitorCharts(Composite parent) {
        GridLayoutFactory.fillDefaults().applyTo(parent);
        TabFolder tabs = new TabFolder(parent, SWT.TOP);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(tabs);
        chart(tabs, CPU, "CPU busy, %", true);
        chart(tabs, MEMORY, "Memory used, %", true);
        chart(tabs, DISK, "Disk used (fullest watched path), %", true);
        chart(tabs, NETWORK, "Network, bytes/s (in solid, out dashed)", false);
    }

    private void chart(TabFolder tabs, String key, String title, boolean percent) {
        TabItem tab = new TabItem(tabs, SWT.NONE);
        tab.setText(key);
        tab.setToolTipText(title);
        Chart c = new Chart(tabs, SWT.NONE);
        tab.setControl(c);
        c.getTitle().setVisible(false);
        c.getLegend().setPosition(SWT.RIGHT);
        IAxis x = c.getAxisSet().getXAxis(0);
        x.getTitle().setVisible(false);
        IAxis y = c.getAxisSet().getYAxis(0);
        y.getTitle().setText(percent ? "%" : "bytes/s");
        if (percent) {
            y.setRange(new Range(0, 100));
        }
        c.setData("percent", percent);
        charts.put(key, c);
    }

    /** Replaces every chart's series with {@code data} (samples per agent, oldest first) over the time from {@code since} to now. */
    void show(Map<String, List<AgentSample>> data, Instant since) {
        Instant now = Instant.now();
        boolean days = Duration.between(since, now).compareTo(Duration.ofHours(24)) > 0;
        for (Map.Entry<String, Chart> e : charts.entrySet()) {
            Chart c = e.getValue();
            if (c.isDisposed()) {
                return;
            }
            c.suspendUpdate(true);
            for (ISeries<?> s : c.getSeriesSet().getSeries()) {
                c.getSeriesSet().deleteSeries(s.getId());
            }
            int i = 0;
            for (Map.Entry<String, List<AgentSample>> agent : data.entrySet()) {
                Color color = c.getDisplay().getSystemColor(COLORS[i++ % COLORS.length]);
                List<AgentSample> samples = agent.getValue();
                switch (e.getKey()) {
                    case CPU -> series(c, agent.getKey(), samples, AgentSample::cpuPercent, color);
                    case MEMORY -> series(c, agent.getKey(), samples, AgentSample::memoryPercent, color);
                    case DISK -> series(c, agent.getKey(), samples, AgentSample::diskPercent, color);
                    default -> {
                        List<AgentSample> measured = samples.stream().filter(s -> s.netInPerSecond() >= 0).toList();
                        series(c, agent.getKey() + " in", measured, s -> s.netInPerSecond(), color);
                        ILineSeries<?> out = series(c, agent.getKey() + " out", measured, s -> s.netOutPerSecond(), color);
                        out.setLineStyle(org.eclipse.swtchart.LineStyle.DASH);
                    }
                }
            }
            IAxis x = c.getAxisSet().getXAxis(0);
            x.getTick().setFormat(new SimpleDateFormat(days ? "MM-dd HH:mm" : "HH:mm"));
            x.setRange(new Range(since.toEpochMilli(), now.toEpochMilli()));
            if (!Boolean.TRUE.equals(c.getData("percent"))) {
                c.getAxisSet().getYAxis(0).adjustRange();
            }
            c.suspendUpdate(false);
            c.redraw();
        }
    }

    private static ILineSeries<?> series(Chart c, String id, List<AgentSample> samples, ToDoubleFunction<AgentSample> value, Color color) {
        ILineSeries<?> s = (ILineSeries<?>) c.getSeriesSet().createSeries(SeriesType.LINE, id);
        Date[] x = new Date[samples.size()];
        double[] y = new double[samples.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = Date.from(samples.get(i).at());
            y[i] = value.applyAsDouble(samples.get(i));
        }
        s.setXDateSeries(x);
        s.setYSeries(y);
        s.setLineColor(color);
        s.setSymbolType(x.length < 60 ? PlotSymbolType.CIRCLE : PlotSymbolType.NONE); // a few points stay visible
        s.setSymbolSize(2);
        s.setSymbolColor(color);
        s.enableStack(false);
        return s;
    }

    double[] values(String chart, String series) {
        ISeries<?> s = charts.get(chart).getSeriesSet().getSeries(series);
        return s == null ? null : s.getYSeries();
    }

    List<String> series(String chart) {
        List<String> ids = new ArrayList<>();
        for (ISeries<?> s : charts.get(chart).getSeriesSet().getSeries()) {
            ids.add(s.getId());
        }
        return ids;
    }
}
