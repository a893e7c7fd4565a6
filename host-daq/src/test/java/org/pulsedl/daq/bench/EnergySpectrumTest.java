package org.pulsedl.daq.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.daq.sim.AmplitudeDistribution;
import org.pulsedl.daq.sim.PulseSimulator;
import org.pulsedl.daq.sim.SimulatorConfig;
import org.pulsedl.daq.stats.LineFit;
import org.pulsedl.daq.stats.SampleStats;
import org.pulsedl.quantizer.data.Dataset;

/**
 * A spectrum with two lines on a flat continuum: the lines are found and fitted, and the fitted width agrees
 * with the width of the events the truth says came from the line — a check the fit cannot see.
 */
class EnergySpectrumTest {
    private static final double FULL_SCALE = 4095;
    private static final double LINE = 0.6, LINE_SIGMA = 0.003, LOW_LINE = 0.3;

    @TempDir Path dir;

    private Dataset simulate(int events) throws IOException {
        StringBuilder b = new StringBuilder("energy,counts\n");
        for (int i = 0; 0.05 + 0.0005 * i < 0.95; i++) {
            double e = 0.05 + 0.0005 * i;
            double c = 1 + 40 * Math.exp(-0.5 * Math.pow((e - LINE) / LINE_SIGMA, 2))
                    + 20 * Math.exp(-0.5 * Math.pow((e - LOW_LINE) / LINE_SIGMA, 2));
            b.append(String.format("%.4f,%.6f%n", e, c));
        }
        Path file = Files.writeString(dir.resolve("lines.csv"), b.toString());
        SimulatorConfig c = SimulatorConfig.pdl2().withAmplitude(AmplitudeDistribution.Spectrum.read(file, 1.0));
        return PulseSimulator.generate(c, events);
    }

    private static MethodResult templateFit(Dataset data) {
        MethodRegistry.PulseModel model = BenchmarkRun.pulseModel(SimulatorConfig.pdl2(), 32);
        List<Method> fit = MethodRegistry.create(List.of("template_fit"), model, null);
        return ResolutionBenchmark.evaluate(data, 8, fit, null, null, 47.4, null).methods().get(0);
    }

    @Test
    void bothLinesAreFoundAndTheFittedWidthMatchesTheTruthSelectedEvents() throws IOException {
        Dataset data = simulate(12000);
        MethodResult r = templateFit(data);
        EnergySpectrum s = r.spectrum();
        assertNotNull(s);
        assertTrue(s.calibrated());
        assertEquals(2, s.lines().size(), s::toString);
        LineFit high = s.lines().get(0);
        assertEquals(LINE * FULL_SCALE, high.centroid(), 0.002 * LINE * FULL_SCALE);
        assertEquals(LOW_LINE * FULL_SCALE, s.lines().get(1).centroid(), 0.004 * LOW_LINE * FULL_SCALE);

        // Independently: the calibrated energies of the windows whose true amplitude lies within 3σ of the line.
        double[] truth = data.labelColumn(PulseSimulator.AMPLITUDE_LABEL);
        MethodRegistry.PulseModel model = BenchmarkRun.pulseModel(SimulatorConfig.pdl2(), 32);
        Method fit = MethodRegistry.create(List.of("template_fit"), model, null).get(0);
        List<Double> inLine = new ArrayList<>();
        for (int ev = 0; ev < data.events(); ev++) {
            if (Math.abs(truth[ev] - LINE * FULL_SCALE) > 3 * LINE_SIGMA * FULL_SCALE) continue;
            for (int ch = 0; ch < data.channels(); ch++) {
                double[] out = {Double.NaN, Double.NaN};
                fit.estimator().estimate(data.waveform(ev, ch), out);
                inLine.add((out[1] - r.truth().energyIntercept()) / r.truth().energySlope());
            }
        }
        SampleStats st = SampleStats.of(inLine.stream().mapToDouble(Double::doubleValue).toArray());
        double truthFwhmPct = 100 * SampleStats.FWHM_PER_SIGMA * st.sigma() / st.mean();
        assertEquals(truthFwhmPct, high.fwhmPct(), 0.08 * truthFwhmPct, "fit " + high + " vs truth-selected " + truthFwhmPct);
        assertTrue(high.chi2PerNdf() < 3, high::toString);

        assertEquals(AmplitudeSlices.SLICES, r.dtVsAmplitude().size());
        assertTrue(r.dtVsAmplitude().get(0).sigmaDtPs() > 2 * r.dtVsAmplitude().get(AmplitudeSlices.SLICES - 1).sigmaDtPs(),
                "σΔt falls with the amplitude");
    }

    @Test
    void withoutTrueAmplitudesTheSpreadIsFlaggedAndTheSpectrumIsUncalibrated() throws IOException {
        Dataset labelled = simulate(4000);
        Dataset capture = new Dataset(labelled.waveforms(), List.of(), new double[labelled.events()][0], Map.of());
        MethodResult r = templateFit(capture);
        assertTrue(r.flagsFor(Flag.ENERGY).stream().anyMatch(f -> f.code().equals("amplitude_spread")), r.flags()::toString);
        assertNotNull(r.spectrum());
        assertTrue(!r.spectrum().calibrated());
        assertEquals(2, r.spectrum().lines().size());
        assertNull(r.truth());
    }

    @Test
    void aFixedAmplitudeHasNoSpectrum() {
        MethodResult r = templateFit(PulseSimulator.generate(SimulatorConfig.pdl2(), 500));
        assertNull(r.spectrum());
        assertNull(r.dtVsAmplitude());
        assertTrue(Arrays.stream(new String[] {"amplitude_spread"}).noneMatch(c -> r.flags().stream().anyMatch(f -> f.code().equals(c))));
    }
}
