package org.syncline.distribution.internal.ui.jobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.IAxis.Position;
import org.eclipse.swtchart.IBarSeries;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ILineSeries.PlotSymbolType;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.Range;
import org.syncline.distribution.JobRun;

/**
 * A job's last runs, oldest left: bytes of content delivered against bytes on the wire per run (bars, so
 * what delta and compression saved is the gap between them) and each run's duration (a line on the right axis).
 */
final class RunChart {
    static final String CONTENT = "content, bytes";
    static final String WIRE = "on the wire, bytes";
    static final String DURATION = "duration, s (right axis)";
    private final Chart chart;
    private final int durationAxis;

    RunChart(Composite parent) {
        chart = new Chart(parent, SWT.NONE);
        chart.getTitle().setVisible(false);
        chart.getLegend().setPosition(SWT.RIGHT);
        IAxis x = chart.getAxisSet().getXAxis(0);
        x.getTitle().setVisible(false);
        x.enableCategory(true);
        chart.getAxisSet().getYAxis(0).getTitle().setVisible(false); // the legend names the units: no room lost to titles
        durationAxis = chart.getAxisSet().createYAxis();
        IAxis seconds = chart.getAxisSet().getYAxis(durationAxis);
        seconds.setPosition(Position.Secondary);
        seconds.getTitle().setVisible(false);
    }

    Chart control() {
        return chart;
    }

    /** Shows {@code runs} (any order; finished ones only, oldest first). */
    void show(List<JobRun> runs) {
        if (chart.isDisposed()) {
            return;
        }
        List<JobRun> shown = new ArrayList<>(runs.stream().filter(JobRun::finished).toList());
        shown.sort(Comparator.comparingLong(JobRun::id));
        chart.suspendUpdate(true);
        for (ISeries<?> s : chart.getSeriesSet().getSeries()) {
            chart.getSeriesSet().deleteSeries(s.getId());
        }
        if (shown.isEmpty()) {
            // SWTChart cannot lay out a bar series without values: no run, no series
            chart.getAxisSet().getXAxis(0).setCategorySeries(new String[] { "" });
            chart.suspendUpdate(false);
            chart.redraw();
            return;
        }
        String[] names = new String[shown.size()];
        double[] content = new double[shown.size()];
        double[] wire = new double[shown.size()];
        double[] seconds = new double[shown.size()];
        for (int i = 0; i < names.length; i++) {
            JobRun r = shown.get(i);
            names[i] = "#" + r.id();
            content[i] = r.contentBytes();
            wire[i] = r.wireBytes();
            seconds[i] = RunFormat.millis(r) / 1000.0;
        }
        chart.getAxisSet().getXAxis(0).setCategorySeries(names);
        bar(CONTENT, content, SWT.COLOR_DARK_GREEN);
        bar(WIRE, wire, SWT.COLOR_DARK_BLUE);
        ILineSeries<?> d = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, DURATION);
        d.setYSeries(seconds);
        d.setYAxisId(durationAxis);
        d.setLineColor(chart.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        d.setSymbolType(PlotSymbolType.CIRCLE);
        d.setSymbolColor(chart.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        d.setSymbolSize(3);
        chart.getAxisSet().adjustRange();
        for (IAxis y : chart.getAxisSet().getYAxes()) {
            Range r = y.getRange();
            y.setRange(new Range(0, Math.max(r.upper * 1.1, 1)));
        }
        chart.suspendUpdate(false);
        chart.redraw();
    }

    private void bar(String id, double[] values, int color) {
        IBarSeries<?> s = (IBarSeries<?>) chart.getSeriesSet().createSeries(SeriesType.BAR, id);
        s.setYSeries(values);
        s.setBarColor(chart.getDisplay().getSystemColor(color));
    }

    /** The values of one series (0 content, 1 on the wire, 2 duration), oldest run first; null when not shown. */
    double[] values(int series) {
        ISeries<?> s = chart.getSeriesSet().getSeries(List.of(CONTENT, WIRE, DURATION).get(series));
        return s == null ? null : s.getYSeries();
    }
}
