package org.pulsedl.daq.bench;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.pulsedl.quantizer.io.AtomicOutput;

/**
 * A chart as PNG, written through {@link AtomicOutput} like every output: JFreeChart encodes into the partial's
 * stream, never into the target file.
 */
public final class PngFile {
    private PngFile() {}

    /** The body that draws {@code chart} at {@code width × height} pixels. */
    public static AtomicOutput.StreamBody of(JFreeChart chart, int width, int height) {
        return out -> ChartUtils.writeChartAsPNG(out, chart, width, height);
    }

    /** Writes {@code chart} to {@code file} atomically. */
    public static void write(java.nio.file.Path file, JFreeChart chart, int width, int height) throws java.io.IOException {
        AtomicOutput.write(file, of(chart, width, height));
    }
}
