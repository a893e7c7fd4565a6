package org.pulsedl.daq.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pulsedl.daq.sim.PulseSimulator;
import org.pulsedl.daq.sim.SimulatorConfig;
import org.pulsedl.quantizer.data.Dataset;

/**
 * A deliberately broken estimator must be flagged, and an efficient one must not (DESIGN §3 "Truth and bias").
 * The broken one is the failure the issue found: times nearly constant while the truth spans a whole sample
 * period, so σΔt between the two identical channels looks better than the bound.
 */
class MethodFlagsTest {
    private static final CrlbSummary PDL2_BOUND = new CrlbSummary(58.8, 41.6, 0.254);

    private static Map<String, MethodResult> run(Dataset data, List<Method> methods) {
        BenchmarkPoint p = ResolutionBenchmark.evaluate(data, 8, methods, PDL2_BOUND, 47.4, 47.4, null);
        return p.methods().stream().collect(Collectors.toMap(MethodResult::name, Function.identity()));
    }

    @Test
    void aNearlyConstantTimeIsFlaggedBelowTheBoundWithTheReason() {
        Dataset data = PulseSimulator.generate(SimulatorConfig.pdl2(), 2000);
        // 64 ns plus a femtosecond-scale wobble from the last sample: no information about the onset at all.
        Method constant = new Method("constant", true, false, (w, out) -> out[0] = 64 + 1e-6 * (w[w.length - 1] - w[0]));
        MethodRegistry.PulseModel model = BenchmarkRun.pulseModel(SimulatorConfig.pdl2(), 32);
        Method fit = MethodRegistry.create(List.of("template_fit"), model, null).get(0);
        Map<String, MethodResult> r = run(data, List.of(constant, fit));

        MethodResult c = r.get("constant");
        assertTrue(c.sigmaDtPs() < 1, "σΔt of the constant estimator: " + c.sigmaDtPs());
        List<String> codes = c.flagsFor(Flag.TIME).stream().map(Flag::code).toList();
        assertTrue(codes.contains("below_bound") && codes.contains("hidden_channel_error"), codes::toString);
        Flag below = c.flagsFor(Flag.TIME).get(codes.indexOf("below_bound"));
        assertTrue(below.message().contains("a bias common to both channels cancels in Δt"), below::message);
        // The truth spans one sample period uniformly: σ(t̂ − t_true) per channel ≈ 8 ns/√12 = 2.31 ns.
        assertEquals(8000 / Math.sqrt(12), c.truth().sigmaTruthPs()[0], 100);

        MethodResult f = r.get("template_fit");
        assertEquals(List.of(), f.flags(), "the maximum-likelihood fit is efficient and unbiased");
        assertTrue(f.truth().phaseBiasRmsPs() < 10, "template fit phase bias " + f.truth().phaseBiasRmsPs());
    }

    @Test
    void anEstimatorStuckAtItsRangeEdgeIsFlaggedSaturated() {
        Dataset data = PulseSimulator.generate(SimulatorConfig.pdl2(), 500);
        // A clamp at 66 ns catches most onsets (64 … 72 ns + the time to cross): the output sits at the edge.
        Method clamped = new Method("clamped", true, false, (w, out) -> out[0] = Math.min(66, 60 + 0.01 * w[12]));
        MethodResult r = run(data, List.of(clamped)).get("clamped");
        assertTrue(r.flagsFor(Flag.TIME).stream().anyMatch(f -> f.code().equals("saturated")), r.flags()::toString);
    }
}
