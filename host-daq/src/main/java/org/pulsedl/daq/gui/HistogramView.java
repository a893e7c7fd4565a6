package org.pulsedl.daq.gui;

import java.awt.BasicStroke;
import java.awt.Font;
import java.util.function.DoubleUnaryOperator;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.pulsedl.daq.stats.Histogram;

/**
 * A live histogram chart: bars for the counts, a line for the fitted curve and a subtitle with the fit's numbers.
 * {@link #show} runs on the event thread and only copies the (aggregated) bins into the chart's datasets.
 */
final class HistogramView {
    /** Bars drawn at most (bins beyond are summed, {@link DisplayBins}). */
    static final int MAX_DISPLAY_BINS = 512;
    /** Points per displayed bin on the fitted curve. */
    private static final int CURVE_POINTS_PER_BIN = 3;

    private final XYSeriesCollection bars = new XYSeriesCollection();
    private final XYSeriesCollection curve = new XYSeriesCollection();
    private final TextTitle subtitle = new TextTitle("waiting for data");
    private final JFreeChart chart;
    private final ChartPanel panel;

    HistogramView(String title, String xLabel) {
        bars.addSeries(new XYSeries("counts", true, false));
        curve.addSeries(new XYSeries("fit", true, false));
        XYBarRenderer barRenderer = new XYBarRenderer(0);
        barRenderer.setBarPainter(new StandardXYBarPainter());
        barRenderer.setShadowVisible(false);
        barRenderer.setDrawBarOutline(false);
        barRenderer.setSeriesPaint(0, PlotColors.BARS);
        XYPlot plot = new XYPlot(bars, new NumberAxis(xLabel), new NumberAxis("counts per bin"), barRenderer);
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, PlotColors.FIT);
        line.setSeriesStroke(0, new BasicStroke(2f));
        line.setDrawSeriesLineAsPath(true);   // one path, not a draw call per segment
        plot.setDataset(1, curve);
        plot.setRenderer(1, line);
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        // Crisp bars: a bar one pixel wide keeps its colour (the GUI test finds it on screen), and unsmoothed
        // drawing costs the event thread far less paint time.
        chart.setAntiAlias(false);
        subtitle.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.addSubtitle(subtitle);
        panel = new ChartPanel(chart, false, true, false, true, true);
        panel.setMouseWheelEnabled(true);
    }

    ChartPanel panel() { return panel; }

    JFreeChart chart() { return chart; }

    /** The bars' dataset (series 0: bin centre, counts), for tests. */
    XYSeriesCollection bars() { return bars; }

    /**
     * Shows {@code h} (null: nothing yet) with {@code countsPerUnit}, the fitted density in counts per unit of x
     * (null: no fit), and the text under the title.
     */
    void show(Histogram h, DoubleUnaryOperator countsPerUnit, String text) {
        subtitle.setText(text);
        XYSeries b = bars.getSeries(0);
        XYSeries c = curve.getSeries(0);
        if (h == null) {
            b.clear();
            c.clear();
            return;
        }
        Histogram d = DisplayBins.merge(h, MAX_DISPLAY_BINS);
        bars.setIntervalWidth(d.binWidth());
        b.setNotify(false);
        b.clear();
        for (int i = 0; i < d.bins(); i++) b.add(d.binCenter(i), d.count(i), false);
        b.setNotify(true);
        c.setNotify(false);
        c.clear();
        if (countsPerUnit != null) {
            int n = d.bins() * CURVE_POINTS_PER_BIN;
            for (int i = 0; i <= n; i++) {
                double x = d.lo() + (d.hi() - d.lo()) * i / n;
                c.add(x, countsPerUnit.applyAsDouble(x) * d.binWidth(), false);
            }
        }
        c.setNotify(true);
    }
}
