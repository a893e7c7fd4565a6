package org.pulsedl.daq.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pulsedl.quantizer.data.Dataset;

/** The resolution statistics on hand-made estimates, where every number can be checked by hand. */
class ResolutionBenchmarkTest {
    @Test
    void twoChannelSigmaIsTheSampleSigmaOfTheDifferenceInPs() {
        // Δt = t0 − t1 = {+0.010, −0.010, +0.010, −0.010} ns → mean 0, sample σ = 10 ps · √(4/3)
        double[][] t = {{5.010, 5.0}, {5.0, 5.010}, {7.010, 7.0}, {7.0, 7.010}};
        MethodResult r = ResolutionBenchmark.summarise("x", t, null, Truth.none(8), 2, null, null);
        assertEquals(10 * Math.sqrt(4.0 / 3), r.sigmaDtPs(), 1e-9);
        assertEquals(r.sigmaDtPs() / Math.sqrt(2 * 3), r.sigmaDtErrPs(), 1e-12);
        assertEquals(4, r.nEvents());
        assertNull(r.energyResPct());
    }

    @Test
    void failedEstimatesAreExcludedAndCounted() {
        double[][] t = {{1.0, 1.0}, {Double.NaN, 1.0}, {1.002, 1.0}, {1.0, 1.002}};
        MethodResult r = ResolutionBenchmark.summarise("x", t, null, Truth.none(8), 2, null, null);
        assertEquals(3, r.nEvents());
        assertEquals(1, r.nFailed());
    }

    @Test
    void energyResolutionIsRelativeToTheTrueAmplitudeAndPooledOverChannels() {
        // Ê/E = {0.99, 1.01, 0.99, 1.01}: mean 1, σ = 0.01·√(4/3) → 1.1547 %
        double[][] e = {{99, 101}, {198, 202}};
        MethodResult r = ResolutionBenchmark.summarise("x", null, e, new Truth(null, new double[] {100, 200}, 8), 2, null, null);
        assertEquals(100 * 0.01 * Math.sqrt(4.0 / 3), r.energyResPct(), 1e-9);
        assertEquals(2.3548200450309493 * r.energyResPct(), r.energyFwhmPct(), 1e-9);
        assertEquals(2, r.nEvents());
        assertNull(r.sigmaDtPs());
    }

    @Test
    void evaluateRunsEachMethodOnEveryChannelWindow() {
        short[][][] w = {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}};
        Dataset d = new Dataset(w, List.of(), new double[][] {{}, {}}, Map.of());
        // "time" = first sample in ns, so Δt = −2 ns in both events: σ = 0.
        Method first = new Method("first", true, true, (s, out) -> { out[0] = s[0]; out[1] = s[1]; });
        BenchmarkPoint p = ResolutionBenchmark.evaluate(d, 8, List.of(first), null, null, 40, null);
        MethodResult r = p.methods().get(0);
        assertEquals(0, r.sigmaDtPs(), 0);
        assertEquals(2, r.nEvents());
        // energies {2, 4, 6, 8}: mean 5, σ = √(20/3)
        assertEquals(100 * Math.sqrt(20.0 / 3) / 5, r.energyResPct(), 1e-9);
    }
}
