package org.pulsedl.daq.cli;

import org.pulsedl.quantizer.cli.InputFiles;
import java.awt.Color;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.YIntervalRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.daq.bench.PngFile;
import org.pulsedl.daq.sim.PulseSimulator;
import org.pulsedl.daq.sim.SimulatorConfig;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.data.DatasetIo;
import org.pulsedl.quantizer.golden.GoldenModel;
import org.pulsedl.quantizer.golden.GoldenTrace;
import org.pulsedl.quantizer.golden.LayerTrace;
import org.pulsedl.quantizer.io.OutputPaths;
import org.pulsedl.quantizer.qmodel.QLayer;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.train.FloatModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pulsedl trace}: runs the integer golden model layer by layer on ADC windows and compares every
 * layer with the float network: integer values, dequantised values, difference to float, and how often
 * each layer clamps. Over many windows it gathers each layer's range, drawn as a PNG against the layer's
 * quantisation grid.
 */
@Command(name = "trace", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Per-layer trace of the integer golden model against the float network.",
                "One window in full (--event, --channel), then per-layer ranges, differences and clamp counts over "
                        + "--events windows; --png draws the ranges."})
public final class TraceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "PATH", defaultValue = NeuralModel.BUILTIN,
            description = "A .qmodel or its folder (with float-model.json). Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--data", paramLabel = "FILE",
            description = "Dataset to trace (default: simulated with the options below, which --data refuses).")
    Path data;

    @Option(names = {"-n", "--events"}, paramLabel = "N", defaultValue = "1000",
            description = "Windows gathered for the per-layer ranges. Default: ${DEFAULT-VALUE}.")
    int events;

    @Option(names = "--event", paramLabel = "I", defaultValue = "0", description = "Event shown in full. Default: ${DEFAULT-VALUE}.")
    int event;

    @Option(names = "--channel", paramLabel = "C", defaultValue = "0", description = "Channel of the windows. Default: ${DEFAULT-VALUE}.")
    int channel;

    @Option(names = "--png", paramLabel = "FILE", description = "Write the per-layer ranges as a PNG.")
    Path png;

    @Mixin
    SimulatorOptions simulator;

    @Override
    public Integer call() throws Exception {
        if (png != null) OutputPaths.file("--png", png);
        if (data != null) simulator.refuseAll("with --data: the windows come from the file, not from the simulator");
        NeuralModel nn = ModelInput.resolve(model);
        FloatModelFile floatFile = nn.floatModel();
        if (floatFile == null || floatFile.adc() == null) {
            throw new IllegalArgumentException("trace compares with the float network: " + model + " has no float-model.json with its input normalisation");
        }
        if (events < 1) throw new IllegalArgumentException("--events must be >= 1, got " + events);
        Dataset d;
        if (data != null) {
            d = InputFiles.read(data, DatasetIo::read);
            nn.checkWindows(d.samples(), data.toString());
        } else {
            SimulatorConfig config = simulator.toConfig();
            nn.checkWindows(config.samples(), SimulatorOptions.windowsOf(config));
            d = PulseSimulator.generate(config, events);
        }
        if (event < 0 || event >= d.events()) throw new IllegalArgumentException("--event " + event + " outside the dataset's 0.." + (d.events() - 1));
        if (channel < 0 || channel >= d.channels()) throw new IllegalArgumentException("--channel " + channel + " outside 0.." + (d.channels() - 1));

        QuantizedModel q = nn.quantized();
        GoldenModel golden = new GoldenModel(q);
        PrintWriter w = spec.commandLine().getOut();
        GoldenTrace one = trace(golden, floatFile, d.waveform(event, channel));
        w.printf("event %d channel %d: input %s%n", event, channel, java.util.Arrays.toString(one.input()));
        for (LayerTrace t : one.layers()) {
            w.println(t);
            w.printf("    int  %s%n    real %s%n    float %s%n", head(t.values()), head(t.dequantized()), head(t.floatRef()));
        }

        int n = Math.min(events, d.events());
        int layers = one.layers().size();
        double[] lo = new double[layers], hi = new double[layers], maxDiff = new double[layers], sumDiff = new double[layers];
        long[] below = new long[layers], above = new long[layers];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int e = 0; e < n; e++) {
            List<LayerTrace> rows = trace(golden, floatFile, d.waveform(e, channel)).layers();
            for (int i = 0; i < layers; i++) {
                LayerTrace t = rows.get(i);
                for (double v : t.floatRef()) { lo[i] = Math.min(lo[i], v); hi[i] = Math.max(hi[i], v); }
                maxDiff[i] = Math.max(maxDiff[i], t.maxAbsDiff());
                sumDiff[i] += t.meanAbsDiff();
                below[i] += t.belowMin();
                above[i] += t.aboveMax();
            }
        }
        w.printf("%nover %d windows:%n%-20s %-12s %-24s %-24s %11s %11s %9s %9s%n", n, "layer", "type", "float range",
                "grid range", "max|int-f|", "mean|int-f|", "clamp lo", "clamp hi");
        YIntervalSeries floatSeries = new YIntervalSeries("float values (min..max)");
        YIntervalSeries gridSeries = new YIntervalSeries("quantisation grid (act_min..act_max)");
        for (int i = 0; i < layers; i++) {
            LayerTrace t = one.layers().get(i);
            double[] grid = grid(q.layers().get(i));
            w.printf("%-20s %-12s [%9.4g, %9.4g]   %-24s %11.4g %11.4g %9d %9d%n", t.name(), t.type(), lo[i], hi[i],
                    grid == null ? "raw accumulator" : String.format("[%9.4g, %9.4g]", grid[0], grid[1]),
                    maxDiff[i], sumDiff[i] / n, below[i], above[i]);
            // Per-layer scale (the grid's full scale, or the float range for a raw head), so that no layer's
            // magnitude flattens the others in the plot.
            double scale = grid != null ? Math.max(Math.abs(grid[0]), Math.abs(grid[1]))
                    : Math.max(Math.max(Math.abs(lo[i]), Math.abs(hi[i])), Double.MIN_NORMAL);
            floatSeries.add(i, (lo[i] + hi[i]) / 2 / scale, lo[i] / scale, hi[i] / scale);
            if (grid != null) gridSeries.add(i + 0.2, (grid[0] + grid[1]) / 2 / scale, grid[0] / scale, grid[1] / scale);
        }
        if (png != null) {
            writePng(png, q.name(), floatSeries, gridSeries, one.layers());
            w.println("wrote " + png);
        }
        w.flush();
        return 0;
    }

    private static GoldenTrace trace(GoldenModel golden, FloatModelFile f, short[] window) {
        short[][] adc = {window};
        return golden.trace(golden.inputFromAdc(adc), f.model(), f.adc().toModelInput(adc));
    }

    /** The real-valued range a requantised layer can output, or null for a raw accumulator output. */
    private static double[] grid(QLayer l) {
        if (l.output() == null) return null;
        int min = l.output().width().min(), max = l.output().width().max();
        if (l instanceof org.pulsedl.quantizer.qmodel.QConv1D c) { min = c.requant().actMin(); max = c.requant().actMax(); }
        if (l instanceof org.pulsedl.quantizer.qmodel.QDense dd) { min = dd.requant().actMin(); max = dd.requant().actMax(); }
        return new double[] {l.output().dequantize(min), l.output().dequantize(max)};
    }

    private static void writePng(Path file, String name, YIntervalSeries floats, YIntervalSeries grids, List<LayerTrace> rows)
            throws java.io.IOException {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(floats);
        data.addSeries(grids);
        NumberAxis x = new NumberAxis("layer (0 = " + rows.get(0).name() + ", last = " + rows.get(rows.size() - 1).name() + ")");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("real value / layer full scale (grid, or float range for a raw head)");
        YIntervalRenderer r = new YIntervalRenderer();
        r.setSeriesPaint(0, new Color(0x1F77B4));
        r.setSeriesPaint(1, Color.GRAY);
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        JFreeChart chart = new JFreeChart("Per-layer ranges of " + name + ": float values vs the integer grid", plot);
        PngFile.write(file, chart, 900, 600);
    }

    private static String head(long[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < Math.min(v.length, 12); i++) b.append(i == 0 ? "" : ", ").append(v[i]);
        return b.append(v.length > 12 ? ", … (" + v.length + ")]" : "]").toString();
    }

    private static String head(double[] v) {
        if (v == null) return "-";
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < Math.min(v.length, 12); i++) b.append(i == 0 ? "" : ", ").append(String.format("%.4g", v[i]));
        return b.append(v.length > 12 ? ", … (" + v.length + ")]" : "]").toString();
    }
}
