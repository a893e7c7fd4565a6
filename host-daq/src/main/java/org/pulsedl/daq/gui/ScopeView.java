package org.pulsedl.daq.gui;

import java.awt.BasicStroke;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The scope: the newest raw window of each channel (ADC counts against ns from the window's first sample) with a
 * vertical marker where the network put the pulse's time (its time output within the window).
 */
final class ScopeView {
    private final XYSeriesCollection traces = new XYSeriesCollection();
    private final XYPlot plot;
    private final JFreeChart chart;
    private final ChartPanel panel;
    private final TextTitle subtitle = new TextTitle("no waveforms yet (the board sends every n-th event's window)");

    ScopeView() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setDrawSeriesLineAsPath(true);
        plot = new XYPlot(traces, new NumberAxis("time in window [ns]"), new NumberAxis("ADC counts"), r);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        chart = new JFreeChart("Scope", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(subtitle);
        chart.setAntiAlias(false);   // smoothing costs more paint time than the window can spend at high rates
        panel = new ChartPanel(chart, false, true, false, true, true);
    }

    ChartPanel panel() { return panel; }

    JFreeChart chart() { return chart; }

    XYSeriesCollection traces() { return traces; }

    void show(LiveSnapshot s) {
        List<ScopeTrace> list = s.traces();
        plot.clearDomainMarkers();
        traces.removeAllSeries();
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < list.size(); k++) {
            ScopeTrace t = list.get(k);
            XYSeries series = new XYSeries("channel " + t.channel(), false, true);
            for (int i = 0; i < t.samples().length; i++) series.add(i * s.tickNs(), t.samples()[i], false);
            traces.addSeries(series);
            r.setSeriesPaint(k, PlotColors.CHANNELS[t.channel() % PlotColors.CHANNELS.length]);
            r.setSeriesShapesVisible(k, true);
            if (!Double.isNaN(t.markerNs())) {
                ValueMarker m = new ValueMarker(t.markerNs(), PlotColors.CHANNELS[t.channel() % PlotColors.CHANNELS.length],
                        new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
                m.setLabel("network t ch" + t.channel());
                m.setLabelAnchor(k == 0 ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.BOTTOM_RIGHT);
                m.setLabelTextAnchor(k == 0 ? TextAnchor.TOP_LEFT : TextAnchor.BOTTOM_LEFT);
                plot.addDomainMarker(m, Layer.FOREGROUND);
                if (text.length() > 0) text.append(" · ");
                text.append(String.format(Locale.ROOT, "ch%d: network t = %.3f ns", t.channel(), t.markerNs()));
            }
        }
        subtitle.setText(list.isEmpty() ? "no waveforms yet (the board sends every n-th event's window)"
                : (text.length() == 0 ? "waiting for the network's result" : text.toString()));
    }
}
