package org.pulsedl.daq.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.text.DecimalFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYBarDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.pulsedl.daq.stats.GaussianFit;
import org.pulsedl.daq.stats.Histogram;
import org.pulsedl.quantizer.io.AtomicOutput;

/** PNG plots of a benchmark: Δt and energy histograms with their Gaussian fits, and σΔt vs SNR with the bound. */
public final class BenchmarkPlots {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 600;
    private static final String SWEEP_PLOT = "sigma_dt_vs_snr.png";

    /** Distinct, print-friendly series colours (the bound is drawn black and dashed). */
    private static final Color[] PALETTE = {Color.BLACK, new Color(0xD62728), new Color(0x1F77B4), new Color(0x2CA02C),
            new Color(0x9467BD), new Color(0xFF7F0E), new Color(0x8C564B), new Color(0x17BECF)};

    private BenchmarkPlots() {}

    /** Names of the plots this class draws: a file in the plots folder with such a name is an earlier run's plot. */
    private static final String STALE_PLOT = "(dt|energy)_[A-Za-z0-9_.-]+\\.png|" + Pattern.quote(SWEEP_PLOT);

    /**
     * Writes one Δt histogram per time method and one energy histogram per energy method of {@code main}, and with
     * a sweep the σΔt-vs-SNR plot, into {@code dir}, all committed together; plots of an earlier run that this run
     * does not draw (a method not run) are removed, other files are left alone. Returns the files.
     */
    public static List<Path> write(Path dir, BenchmarkPoint main, List<BenchmarkPoint> sweep) throws IOException {
        Map<Path, JFreeChart> charts = new LinkedHashMap<>(histograms(dir, main));
        if (!sweep.isEmpty()) charts.put(dir.resolve(SWEEP_PLOT), sweepChart(sweep));
        try (AtomicOutput.Batch b = AtomicOutput.batch()) {
            for (Map.Entry<Path, JFreeChart> c : charts.entrySet()) b.write(c.getKey(), PngFile.of(c.getValue(), WIDTH, HEIGHT));
            if (Files.isDirectory(dir)) {
                try (Stream<Path> old = Files.list(dir)) {
                    for (Path p : old.toList()) {
                        if (p.getFileName().toString().matches(STALE_PLOT) && !charts.containsKey(p)) b.remove(p);
                    }
                }
            }
            b.commit();
        }
        return List.copyOf(charts.keySet());
    }

    /** One Δt histogram per time method and one energy histogram per energy method, by file. */
    private static Map<Path, JFreeChart> histograms(Path dir, BenchmarkPoint p) {
        Map<Path, JFreeChart> charts = new LinkedHashMap<>();
        for (MethodResult m : p.methods()) {
            if (m.dtFit() != null) {
                String title = String.format("%s: Δt = t̂0 − t̂1 (two-channel), σ = %.1f ± %.1f ps, fit FWHM = %.1f ps, χ²/ndf = %.2f",
                        m.name(), m.sigmaDtPs(), m.sigmaDtErrPs(), m.dtFit().fwhm(), m.dtFit().chi2PerNdf());
                charts.put(dir.resolve("dt_" + m.name() + ".png"), histogram(title, "Δt − mean (ps)", m.dtFit()));
            }
            if (m.energyFit() != null) {
                String title = String.format("%s: energy, σE/E = %.4f %%, FWHM = %.4f %% (fit σ %.4f %%)",
                        m.name(), m.energyResPct(), m.energyFwhmPct(), m.energyFit().sigma());
                charts.put(dir.resolve("energy_" + m.name() + ".png"), histogram(title, "Ê/E relative to mean − 1 (%)", m.energyFit()));
            }
        }
        return charts;
    }

    /** σΔt (two-channel) vs measured SNR for every time method, with the Cramér–Rao bound as a curve. */
    private static JFreeChart sweepChart(List<BenchmarkPoint> sweep) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries bound = new XYSeries("Cramér–Rao bound");
        for (BenchmarkPoint p : sweep) if (p.crlb() != null) bound.add(p.snrDbMeasured(), p.crlb().sigmaDtPs());
        if (bound.getItemCount() > 0) data.addSeries(bound);
        if (!sweep.isEmpty()) {
            for (MethodResult first : sweep.get(0).methods()) {
                if (first.sigmaDtPs() == null) continue;
                XYSeries s = new XYSeries(first.name());
                for (BenchmarkPoint p : sweep) {
                    for (MethodResult m : p.methods()) {
                        if (m.name().equals(first.name()) && m.sigmaDtPs() != null) s.add(p.snrDbMeasured(), m.sigmaDtPs());
                    }
                }
                data.addSeries(s);
            }
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Two-channel time resolution σΔt vs SNR",
                "SNR (dB, measured)", "σΔt (ps)", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogAxis y = new LogAxis("σΔt (ps)");
        y.setSmallestValue(1);
        y.setNumberFormatOverride(new DecimalFormat("0"));
        plot.setRangeAxis(y);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        if (bound.getItemCount() > 0) {
            r.setSeriesPaint(0, Color.BLACK);
            r.setSeriesStroke(0, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {8f, 6f}, 0f));
            r.setSeriesShapesVisible(0, false);
        }
        plot.setRenderer(r);
        style(plot);
        return chart;
    }

    private static JFreeChart histogram(String title, String xLabel, MethodResult.FitSummary fit) {
        Histogram h = fit.histogram();
        XYSeries bars = new XYSeries("events");
        for (int i = 0; i < h.bins(); i++) bars.add(h.binCenter(i), h.count(i));
        XYSeriesCollection barData = new XYSeriesCollection(bars);
        JFreeChart chart = ChartFactory.createXYBarChart(title, xLabel, false, "events / bin",
                new XYBarDataset(barData, h.binWidth()), PlotOrientation.VERTICAL, true, false, false);
        chart.getTitle().setFont(chart.getTitle().getFont().deriveFont(14f));
        XYPlot plot = chart.getXYPlot();
        XYBarRenderer bar = (XYBarRenderer) plot.getRenderer();
        bar.setBarPainter(new StandardXYBarPainter());
        bar.setShadowVisible(false);
        bar.setSeriesPaint(0, new Color(90, 130, 200));
        bar.setDrawBarOutline(false);

        // Expected counts per bin of the fitted Gaussian: N · width · pdf.
        GaussianFit g = fit.fit();
        double scale = g.normalisation() * h.binWidth() / (g.sigma() * Math.sqrt(2 * Math.PI));
        XYSeries curve = new XYSeries("Gaussian fit");
        double lo = h.lo();
        double hi = h.hi();
        for (int i = 0; i <= 400; i++) {
            double x = lo + (hi - lo) * i / 400;
            double z = (x - fit.mean()) / fit.sigma();
            curve.add(x, scale * Math.exp(-0.5 * z * z));
        }
        plot.setDataset(1, new XYSeriesCollection(curve));
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, new Color(200, 40, 40));
        line.setSeriesStroke(0, new BasicStroke(2f));
        plot.setRenderer(1, line);
        style(plot);
        return chart;
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    }
}
