package org.pulsedl.daq.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the plots state (DESIGN §3 output; issue 9 "plots a referee would accept"). */
class BenchmarkPlotsTest {
    @TempDir Path dir;

    private static BenchmarkPoint point() {
        SplittableRandom rng = new SplittableRandom(7);
        double[][] t = new double[4000][2];
        for (double[] ev : t) {
            double onset = 64 + 8 * rng.nextDouble();
            ev[0] = onset + 0.2 + 0.04 * gauss(rng);
            ev[1] = onset + 0.04 * gauss(rng);
        }
        MethodResult r = ResolutionBenchmark.summarise("x", t, null, Truth.none(8), 2, new CrlbSummary(58.8, 41.6, 0.254), null);
        return new BenchmarkPoint(47.4, 47.45, new CrlbSummary(58.8, 41.6, 0.254), List.of(r));
    }

    private static double gauss(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    @Test
    void aTimeHistogramStatesEverythingAReaderNeeds() {
        BenchmarkPoint p = point();
        MethodResult m = p.methods().get(0);
        String s = BenchmarkPlots.dtStats(m, p);
        String sigma = String.format("σ = %.1f ± %.1f ps", m.sigmaDtPs(), m.sigmaDtErrPs());
        for (String part : new String[] {"N = 4000", "bin ", "mean 200.", "ps subtracted", sigma, "fit FWHM = ",
                "χ²/ndf = ", "SNR 47.45 dB", "CRLB σΔt 58.8 ps"}) {
            assertTrue(s.contains(part), "'" + part + "' missing from: " + s);
        }
    }

    @Test
    void theSweepPlotIsAReadablePng() throws IOException {
        BenchmarkPlots.write(dir, point(), List.of(point(), point()));
        Path png = dir.resolve("sigma_dt_vs_snr.png");
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(900, img.getWidth());
        assertEquals(600, img.getHeight());
    }

    @Test
    void theLogAxisLabelsOneTwoFiveInEveryDecade() {
        ReadableLogAxis axis = new ReadableLogAxis("σ");
        axis.setRange(20, 800);
        List<?> ticks = axis.refreshTicksVertical(null, new java.awt.geom.Rectangle2D.Double(0, 0, 100, 400),
                org.jfree.chart.ui.RectangleEdge.LEFT);
        List<String> labels = ticks.stream().map(t -> ((org.jfree.chart.axis.NumberTick) t).getText())
                .filter(l -> !l.isEmpty()).toList();
        assertEquals(List.of("20", "50", "100", "200", "500"), labels);
    }
}
