package org.pulsedl.daq.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYBarDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.pulsedl.daq.stats.GaussianFit;
import org.pulsedl.daq.stats.Histogram;
import org.pulsedl.daq.stats.LineFit;
import org.pulsedl.quantizer.io.AtomicOutput;

/** PNG plots of a benchmark: Δt and energy histograms with their Gaussian fits, and σΔt vs SNR with the bound. */
public final class BenchmarkPlots {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 600;
    private static final String SWEEP_PLOT = "sigma_dt_vs_snr.png";
    private static final String PHASE_BIAS_PLOT = "bias_vs_phase.png";

    /** Distinct, print-friendly series colours (the bound is drawn black and dashed). */
    private static final Color[] PALETTE = {Color.BLACK, new Color(0xD62728), new Color(0x1F77B4), new Color(0x2CA02C),
            new Color(0x9467BD), new Color(0xFF7F0E), new Color(0x8C564B), new Color(0x17BECF)};

    private BenchmarkPlots() {}

    /** Names of the plots this class draws: a file in the plots folder with such a name is an earlier run's plot. */
    private static final String SLICES_PLOT = "sigma_dt_vs_amplitude.png";
    private static final String STALE_PLOT = "(dt|energy|spectrum)_[A-Za-z0-9_.-]+\\.png|" + Pattern.quote(SWEEP_PLOT) + "|"
            + Pattern.quote(PHASE_BIAS_PLOT) + "|" + Pattern.quote(SLICES_PLOT);

    /**
     * Writes one Δt histogram per time method and one energy histogram per energy method of {@code main}, the
     * bias-vs-phase plot when the dataset has true times, and with a sweep the σΔt-vs-SNR plot, into {@code dir}, all committed together; plots of an earlier run that this run
     * does not draw (a method not run) are removed, other files are left alone. Returns the files.
     */
    public static List<Path> write(Path dir, BenchmarkPoint main, List<BenchmarkPoint> sweep) throws IOException {
        Map<Path, JFreeChart> charts = new LinkedHashMap<>(histograms(dir, main));
        JFreeChart bias = phaseBiasChart(main);
        if (bias != null) charts.put(dir.resolve(PHASE_BIAS_PLOT), bias);
        for (MethodResult m : main.methods()) {
            if (m.spectrum() != null) charts.put(dir.resolve("spectrum_" + m.name() + ".png"), spectrumChart(m.name(), m.spectrum()));
        }
        JFreeChart slices = slicesChart(main);
        if (slices != null) charts.put(dir.resolve(SLICES_PLOT), slices);
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
                String title = String.format("%s: Δt = t̂0 − t̂1 (two-channel)", m.name());
                charts.put(dir.resolve("dt_" + m.name() + ".png"),
                        histogram(title, dtStats(m, p), "Δt − mean (ps)", m.dtFit(), m.flagsFor(Flag.TIME)));
            }
            if (m.energyFit() != null) {
                // One definition of the energy FWHM everywhere (table, JSON, plots): 2.355 × σE/E.
                String title = String.format("%s: energy Ê/E, σE/E = %.4f %%, FWHM = 2.355σ = %.4f %%",
                        m.name(), m.energyResPct(), m.energyFwhmPct());
                String stats = String.format("N = %d windows, bin %.4f %%; fit σ %.4f %%, χ²/ndf = %.2f; SNR %.2f dB%s",
                        m.energyFit().histogram().total(), m.energyFit().histogram().binWidth(), m.energyFit().sigma(),
                        m.energyFit().chi2PerNdf(), p.snrDbMeasured(),
                        p.crlb() == null ? "" : String.format(", CRLB σA/A %.4f %%", p.crlb().sigmaARelPct()));
                charts.put(dir.resolve("energy_" + m.name() + ".png"), histogram(title, stats,
                        "Ê/E relative to mean − 1 (%)", m.energyFit(), m.flagsFor(Flag.ENERGY)));
            }
        }
        return charts;
    }

    /** What a Δt histogram states beside its bars: N, bin width, subtracted mean, σ ± error, fit, SNR, bound. */
    static String dtStats(MethodResult m, BenchmarkPoint p) {
        return String.format("N = %d, bin %.2f ps, mean %.1f ps subtracted; σ = %.1f ± %.1f ps, "
                        + "fit FWHM = %.1f ps, χ²/ndf = %.2f; SNR %.2f dB%s",
                m.nEvents(), m.dtFit().histogram().binWidth(), m.meanDtPs(), m.sigmaDtPs(), m.sigmaDtErrPs(),
                m.dtFit().fwhm(), m.dtFit().chi2PerNdf(), p.snrDbMeasured(),
                p.crlb() == null ? "" : String.format(", CRLB σΔt %.1f ps", p.crlb().sigmaDtPs()));
    }

    /**
     * The phase-dependent time bias of every time method against the truth: mean of t̂ − t_true (overall mean
     * removed) vs the sampling phase of the true onset. Null when the dataset has no true times.
     */
    private static JFreeChart phaseBiasChart(BenchmarkPoint p) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (MethodResult m : p.methods()) {
            if (m.truth() == null || m.truth().phaseBiasPs() == null) continue;
            double[] bias = m.truth().phaseBiasPs();
            XYSeries s = new XYSeries(String.format("%s (rms %.1f ps)", m.name(), m.truth().phaseBiasRmsPs()));
            for (int b = 0; b < bias.length; b++) if (Double.isFinite(bias[b])) s.add((b + 0.5) / bias.length, bias[b]);
            data.addSeries(s);
        }
        if (data.getSeriesCount() == 0) return null;
        JFreeChart chart = ChartFactory.createXYLineChart("Time bias vs sampling phase (t̂ − t_true, mean removed; "
                        + TruthMetrics.PHASE_BINS + " bins)", "sampling phase of the true onset (fraction of a sample period)", "bias (ps)", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) r.setSeriesPaint(i, PALETTE[(i + 1) % PALETTE.length]);
        plot.setRenderer(r);
        style(plot);
        return chart;
    }

    /**
     * σΔt (two-channel) vs measured SNR for every time method with its statistical error bar, and the
     * Cramér–Rao bound as a dashed curve. Each method has its own marker shape, so coinciding series (the
     * integer and float network) stay visible.
     */
    private static JFreeChart sweepChart(List<BenchmarkPoint> sweep) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        YIntervalSeries bound = new YIntervalSeries("Cramér–Rao bound");
        for (BenchmarkPoint p : sweep) {
            if (p.crlb() != null) bound.add(p.snrDbMeasured(), p.crlb().sigmaDtPs(), p.crlb().sigmaDtPs(), p.crlb().sigmaDtPs());
        }
        if (bound.getItemCount() > 0) data.addSeries(bound);
        if (!sweep.isEmpty()) {
            for (MethodResult first : sweep.get(0).methods()) {
                if (first.sigmaDtPs() == null) continue;
                YIntervalSeries s = new YIntervalSeries(first.name());
                for (BenchmarkPoint p : sweep) {
                    for (MethodResult m : p.methods()) {
                        if (m.name().equals(first.name()) && m.sigmaDtPs() != null) {
                            double err = m.sigmaDtErrPs() == null ? 0 : m.sigmaDtErrPs();
                            s.add(p.snrDbMeasured(), m.sigmaDtPs(), m.sigmaDtPs() - err, m.sigmaDtPs() + err);
                        }
                    }
                }
                data.addSeries(s);
            }
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Two-channel time resolution σΔt vs SNR (error bars: statistical)",
                "SNR (dB, measured)", "σΔt (ps)", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRangeAxis(new ReadableLogAxis("σΔt (ps, log scale)"));
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDefaultLinesVisible(true);
        r.setCapLength(6);
        Shape[] shapes = DefaultDrawingSupplier.createStandardSeriesShapes();
        for (int i = 0; i < data.getSeriesCount(); i++) {
            r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            r.setSeriesShape(i, shapes[i % shapes.length]);
            r.setSeriesShapesFilled(i, i % 2 == 0);   // alternate hollow markers: a series on top of another shows both
        }
        if (bound.getItemCount() > 0) {
            r.setSeriesPaint(0, Color.BLACK);
            r.setSeriesStroke(0, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {8f, 6f}, 0f));
            r.setSeriesShapesVisible(0, false);
        }
        plot.setRenderer(r);
        style(plot);
        return chart;
    }

    /** The energy spectrum with each fitted line (Gaussian on its linear background) drawn over it. */
    private static JFreeChart spectrumChart(String method, EnergySpectrum s) {
        Histogram h = s.histogram();
        XYSeries bars = new XYSeries("events");
        for (int i = 0; i < h.bins(); i++) bars.add(h.binCenter(i), h.count(i));
        StringBuilder lines = new StringBuilder();
        for (LineFit l : s.lines()) {
            lines.append(lines.length() == 0 ? "" : "; ").append(String.format("%.1f: FWHM %.3f %% (χ²/ndf %.2f)",
                    l.centroid(), l.fwhmPct(), l.chi2PerNdf()));
        }
        JFreeChart chart = ChartFactory.createXYBarChart(String.format("%s: energy spectrum (%s)", method, s.unit()),
                "energy (" + s.unit() + ")", false, "windows / bin (" + String.format("%.3g", h.binWidth()) + ")",
                new XYBarDataset(new XYSeriesCollection(bars), h.binWidth()), PlotOrientation.VERTICAL, true, false, false);
        chart.addSubtitle(new TextTitle(s.lines().isEmpty() ? "no line found" : "lines: " + lines,
                new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        XYPlot plot = chart.getXYPlot();
        XYBarRenderer bar = (XYBarRenderer) plot.getRenderer();
        bar.setBarPainter(new StandardXYBarPainter());
        bar.setShadowVisible(false);
        bar.setSeriesPaint(0, new Color(90, 130, 200));
        XYSeriesCollection fits = new XYSeriesCollection();
        for (LineFit l : s.lines()) {
            XYSeries c = new XYSeries(String.format("line fit at %.1f", l.centroid()));
            double half = EnergySpectrum.WINDOW_SIGMAS * l.sigma();
            // Per coarse bin: the Gaussian's density times the bin width, plus the background scaled to the bin.
            double fineWidth = 2 * half / 50;
            for (int i = 0; i <= 200; i++) {
                double x = l.centroid() - half + 2 * half * i / 200;
                double z = (x - l.centroid()) / l.sigma();
                double g = l.area() * h.binWidth() / (l.sigma() * Math.sqrt(2 * Math.PI)) * Math.exp(-0.5 * z * z);
                double bg = (l.background() + l.slope() * (x - l.centroid())) * h.binWidth() / fineWidth;
                c.add(x, g + bg);
            }
            fits.addSeries(c);
        }
        plot.setDataset(1, fits);
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < fits.getSeriesCount(); i++) {
            line.setSeriesPaint(i, PALETTE[(i + 1) % PALETTE.length]);
            line.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(1, line);
        style(plot);
        return chart;
    }

    /** σΔt in amplitude slices for every time method, with error bars; null at a fixed amplitude. */
    private static JFreeChart slicesChart(BenchmarkPoint p) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (MethodResult m : p.methods()) {
            if (m.dtVsAmplitude() == null) continue;
            YIntervalSeries s = new YIntervalSeries(m.name());
            for (AmplitudeSlices.Slice sl : m.dtVsAmplitude()) {
                if (sl.sigmaDtPs() == null) continue;
                s.add(sl.amplitudeMean(), sl.sigmaDtPs(), sl.sigmaDtPs() - sl.sigmaDtErrPs(), sl.sigmaDtPs() + sl.sigmaDtErrPs());
            }
            data.addSeries(s);
        }
        if (data.getSeriesCount() == 0) return null;
        JFreeChart chart = ChartFactory.createXYLineChart("Two-channel time resolution σΔt in amplitude slices ("
                        + AmplitudeSlices.SLICES + " slices of equal counts)", "amplitude (ADC codes, slice mean)", "σΔt (ps)",
                data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRangeAxis(new ReadableLogAxis("σΔt (ps, log scale)"));
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDefaultLinesVisible(true);
        Shape[] shapes = DefaultDrawingSupplier.createStandardSeriesShapes();
        for (int i = 0; i < data.getSeriesCount(); i++) {
            r.setSeriesPaint(i, PALETTE[(i + 1) % PALETTE.length]);
            r.setSeriesShape(i, shapes[i % shapes.length]);
            r.setSeriesShapesFilled(i, i % 2 == 0);
        }
        plot.setRenderer(r);
        style(plot);
        return chart;
    }

    private static JFreeChart histogram(String title, String stats, String xLabel, MethodResult.FitSummary fit, List<Flag> flags) {
        Histogram h = fit.histogram();
        XYSeries bars = new XYSeries("events");
        for (int i = 0; i < h.bins(); i++) bars.add(h.binCenter(i), h.count(i));
        XYSeriesCollection barData = new XYSeriesCollection(bars);
        JFreeChart chart = ChartFactory.createXYBarChart(title, xLabel, false, "events / bin",
                new XYBarDataset(barData, h.binWidth()), PlotOrientation.VERTICAL, true, false, false);
        chart.getTitle().setFont(chart.getTitle().getFont().deriveFont(14f));
        chart.addSubtitle(new TextTitle(stats, new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        boolean poorFit = flags.stream().anyMatch(f -> f.code().equals("poor_gaussian_fit"));
        if (!flags.isEmpty()) {
            TextTitle marks = new TextTitle("flagged: " + String.join("; ", flags.stream().map(Flag::code).distinct().toList())
                    + " (see the report)", new Font(Font.SANS_SERIF, Font.BOLD, 12));
            marks.setPaint(new Color(0xB00000));
            chart.addSubtitle(marks);
        }
        XYPlot plot = chart.getXYPlot();
        XYBarRenderer bar = (XYBarRenderer) plot.getRenderer();
        bar.setBarPainter(new StandardXYBarPainter());
        bar.setShadowVisible(false);
        bar.setSeriesPaint(0, new Color(90, 130, 200));
        bar.setDrawBarOutline(false);

        // Expected counts per bin of the fitted Gaussian: N · width · pdf.
        GaussianFit g = fit.fit();
        double scale = g.normalisation() * h.binWidth() / (g.sigma() * Math.sqrt(2 * Math.PI));
        // Over a clearly non-Gaussian histogram the curve is drawn dashed and says so (DESIGN §3 flags).
        XYSeries curve = new XYSeries(poorFit ? "Gaussian fit — poor, do not read σ as a Gaussian width" : "Gaussian fit");
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
        line.setSeriesStroke(0, poorFit
                ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 5f}, 0f)
                : new BasicStroke(2f));
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
