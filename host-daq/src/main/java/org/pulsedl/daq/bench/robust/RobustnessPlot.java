package org.pulsedl.daq.bench.robust;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.pulsedl.daq.bench.PngFile;
import org.pulsedl.daq.bench.ReadableLogAxis;

/**
 * The robustness plot ({@code robustness.png}): per matrix point, σΔt/CRLB with its statistical error bar and
 * σE/bound (upper panel, the goals dashed), and the phase-bias rms (lower panel).
 */
public final class RobustnessPlot {
    public static final String FILE = "robustness.png";
    private static final Color[] PALETTE = {new Color(0xD62728), new Color(0x1F77B4), new Color(0x2CA02C), new Color(0x9467BD)};

    private RobustnessPlot() {}

    /** Writes the plot into {@code dir}; returns the file. */
    public static Path write(Path dir, List<RobustnessRow> rows) throws IOException {
        List<String> names = new ArrayList<>();
        Map<String, YIntervalSeries> time = new LinkedHashMap<>();
        Map<String, XYSeries> energy = new LinkedHashMap<>();
        Map<String, XYSeries> bias = new LinkedHashMap<>();
        for (RobustnessRow r : rows) {
            if (!names.contains(r.point().name())) names.add(r.point().name());
            int x = names.indexOf(r.point().name());
            YIntervalSeries t = time.computeIfAbsent(r.method(), m -> new YIntervalSeries(m + " σΔt/CRLB"));
            if (r.sigmaDtOverCrlb() != null) {
                t.add(x, r.sigmaDtOverCrlb(), r.sigmaDtOverCrlb() - r.sigmaDtOverCrlbErr(), r.sigmaDtOverCrlb() + r.sigmaDtOverCrlbErr());
            }
            XYSeries e = energy.computeIfAbsent(r.method(), m -> new XYSeries(m + " σE/bound"));
            if (r.energyOverBound() != null) e.add(x, r.energyOverBound());
            XYSeries b = bias.computeIfAbsent(r.method(), m -> new XYSeries(m + " phase bias rms"));
            if (r.phaseBiasRmsPs() != null) b.add(x, r.phaseBiasRmsPs());
        }
        SymbolAxis points = new SymbolAxis("matrix point (one factor at a time, then corners)", names.toArray(String[]::new));
        points.setVerticalTickLabels(true);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(points);
        plot.add(ratioPanel(time, energy), 3);
        plot.add(biasPanel(bias), 2);
        JFreeChart chart = new JFreeChart("Robustness over the real-detector matrix (error bars: statistical)",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        Path file = dir.resolve(FILE);
        PngFile.write(file, chart, 1200, 800);
        return file;
    }

    private static XYPlot ratioPanel(Map<String, YIntervalSeries> time, Map<String, XYSeries> energy) {
        YIntervalSeriesCollection t = new YIntervalSeriesCollection();
        time.values().forEach(t::addSeries);
        ReadableLogAxis axis = new ReadableLogAxis("ratio to the Cramér–Rao bound (log scale)");
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDefaultLinesVisible(false);
        Shape[] shapes = DefaultDrawingSupplier.createStandardSeriesShapes();
        for (int i = 0; i < t.getSeriesCount(); i++) {
            r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            r.setSeriesShape(i, shapes[0]);
        }
        XYPlot p = new XYPlot(t, null, axis, r);
        XYSeriesCollection e = new XYSeriesCollection();
        energy.values().forEach(e::addSeries);
        XYLineAndShapeRenderer er = new XYLineAndShapeRenderer(false, true);
        for (int i = 0; i < e.getSeriesCount(); i++) {
            er.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            er.setSeriesShape(i, shapes[1]);
            er.setSeriesShapesFilled(i, false);
        }
        p.setDataset(1, e);
        p.setRenderer(1, er);
        p.addRangeMarker(goal(RobustnessGoals.TIME, "σΔt goal"), Layer.BACKGROUND);
        p.addRangeMarker(goal(RobustnessGoals.ENERGY, "σE goal"), Layer.BACKGROUND);
        p.addRangeMarker(goal(1.0, "bound"), Layer.BACKGROUND);
        showing(axis, 0.9, RobustnessGoals.ENERGY, t, e);
        style(p);
        return p;
    }

    private static XYPlot biasPanel(Map<String, XYSeries> bias) {
        XYSeriesCollection b = new XYSeriesCollection();
        bias.values().forEach(b::addSeries);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        Shape[] shapes = DefaultDrawingSupplier.createStandardSeriesShapes();
        for (int i = 0; i < b.getSeriesCount(); i++) {
            r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            r.setSeriesShape(i, shapes[2]);
        }
        ReadableLogAxis axis = new ReadableLogAxis("phase bias rms (ps, log scale)");
        XYPlot p = new XYPlot(b, null, axis, r);
        p.addRangeMarker(goal(RobustnessGoals.PHASE_BIAS_PS, "goal at the default point"), Layer.BACKGROUND);
        showing(axis, RobustnessGoals.PHASE_BIAS_PS / 2, RobustnessGoals.PHASE_BIAS_PS, b);
        style(p);
        return p;
    }

    private static ValueMarker goal(double v, String what) {
        ValueMarker m = new ValueMarker(v, Color.DARK_GRAY,
                new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 5f}, 0f));
        m.setLabel(String.format("%s %s", what, BigDecimal.valueOf(v).stripTrailingZeros().toPlainString()));
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        return m;
    }

    /**
     * Sets a log axis to span the data and the goal lines ({@code lo}..{@code hi} at least): the auto range of a
     * log axis spans the data only, so a goal below every point would not be drawn.
     */
    private static void showing(ReadableLogAxis axis, double lo, double hi, XYDataset... data) {
        double min = lo, max = hi;
        for (XYDataset d : data) {
            for (int s = 0; s < d.getSeriesCount(); s++) {
                for (int i = 0; i < d.getItemCount(s); i++) {
                    double y = d.getYValue(s, i);
                    if (y > 0 && Double.isFinite(y)) {
                        min = Math.min(min, y);
                        max = Math.max(max, y);
                    }
                }
            }
        }
        axis.setRange(min / 1.15, max * 1.15);
    }

    private static void style(XYPlot p) {
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(Color.LIGHT_GRAY);
        p.setRangeGridlinePaint(Color.LIGHT_GRAY);
    }
}
