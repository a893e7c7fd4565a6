package org.pulsedl.daq.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.protocol.EventFlag;
import org.pulsedl.protocol.ResultBatch;
import org.pulsedl.daq.sim.AmplitudeDistribution;
import org.pulsedl.daq.sim.PulseSimulator;
import org.pulsedl.daq.sim.SimulatorConfig;
import org.pulsedl.quantizer.golden.GoldenModel;
import org.pulsedl.quantizer.golden.fast.FastGoldenModel;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.testing.TestSeed;

class EmulatorEngineTest {
    private static EmulatorSettings settings(long seed, Arrival arrival, double rate, int threads) {
        return new EmulatorSettings(SimulatorConfig.pdl2().withSeed(seed), rate, arrival, 64, threads);
    }

    private static QuantizedModel shipped() throws Exception {
        return NeuralModel.builtin().quantized();
    }

    /** Every record equals the reference golden model on the regenerated window; timestamps strictly increase. */
    @Test
    void resultsAreTheReferenceGoldenModelsOnTheSimulatedWindows() throws Exception {
        long seed = TestSeed.of("EmulatorEngineTest", 1313);
        QuantizedModel q = shipped();
        GoldenModel reference = new GoldenModel(q);
        EmulatorSettings s = settings(seed, Arrival.POISSON, 2e6, 2);
        try (EmulatorEngine engine = new EmulatorEngine(s, FastGoldenModel.compile(q))) {
            long last = -1;
            for (int b = 0; b < 4; b++) {
                EmulatorEngine.Block block = engine.next();
                assertEquals(b, block.index());
                short[][][] windows = EmulatorWindows.block(s.sim(), b, s.blockEvents());
                ResultBatch r = block.results();
                assertEquals(s.blockEvents() * 2, r.size());
                for (int i = 0; i < r.size(); i++) {
                    assertEquals(i % 2, r.channels()[i]);
                    assertArrayEquals(reference.runFromAdc(windows[i]), outputs(r, i), "block " + b + " record " + i);
                    if (i % 2 == 0) {
                        assertTrue(r.timestamps()[i] > last, "timestamps increase");
                        last = r.timestamps()[i];
                    } else {
                        assertEquals(r.timestamps()[i - 1], r.timestamps()[i], "the channels of one event share its timestamp");
                    }
                }
            }
        }
    }

    /**
     * The board's windows are the simulator's own: block b equals a {@link PulseSimulator.EventSource} built from the
     * configuration as given (noise as an SNR, σ derived inside the simulator) with the block's seed, sample for sample.
     */
    @Test
    void windowsAreTheSimulatorsBitForBit() {
        long seed = TestSeed.of("EmulatorEngineTest.windows", 77);
        SimulatorConfig sim = SimulatorConfig.pdl2().withSeed(seed).withSnrDb(30);
        EmulatorWindows windows = new EmulatorWindows(sim);
        for (long b : new long[] {0, 1, 9}) {
            short[][][] got = windows.block(b, 100);
            PulseSimulator.EventSource source = new PulseSimulator.EventSource(sim.withSeed(EmulatorWindows.blockSeed(seed, b)));
            short[][] event = new short[2][sim.samples()];
            double[] labels = new double[3];
            for (int e = 0; e < 100; e++) {
                source.next(event, labels);
                for (int c = 0; c < 2; c++) assertArrayEquals(event[c], got[2 * e + c][0], "block " + b + " event " + e + " channel " + c);
            }
        }
    }

    /**
     * ADC_SATURATED marks exactly the records whose window touches either end of the ADC range (amplitudes from 60 %
     * to 100 % of full scale on a 5 % baseline: some clip, some do not); the flag is the record's own, not its event's.
     */
    @Test
    void saturationFlagsTheClippedWindows() throws Exception {
        SimulatorConfig sim = SimulatorConfig.pdl2().withSeed(TestSeed.of("EmulatorEngineTest.saturation", 5))
                .withAmplitude(new AmplitudeDistribution.Uniform(0.6, 1.0));
        EmulatorSettings s = new EmulatorSettings(sim, 1e4, Arrival.POISSON, 256, 2);
        int[] seen = new int[2];
        try (EmulatorEngine engine = new EmulatorEngine(s, FastGoldenModel.compile(shipped()))) {
            for (int b = 0; b < 2; b++) {
                EmulatorEngine.Block block = engine.next();
                ResultBatch r = block.results();
                for (int i = 0; i < r.size(); i++) {
                    boolean clipped = false;
                    for (short code : block.window(i)) clipped |= code <= 0 || code >= sim.fullScaleCodes();
                    boolean flagged = (r.flags()[i] & EventFlag.ADC_SATURATED.mask()) != 0;
                    assertEquals(clipped, flagged, "block " + b + " record " + i);
                    seen[flagged ? 1 : 0]++;
                }
            }
        }
        assertTrue(seen[0] > 0 && seen[1] > 0, "both kinds occur: " + seen[0] + " unsaturated, " + seen[1] + " saturated");
    }

    /** The records do not depend on the number of threads. */
    @Test
    void threadsDoNotChangeTheRecords() throws Exception {
        QuantizedModel q = shipped();
        List<long[]> one = records(settings(7, Arrival.POISSON, 1e5, 1), q);
        List<long[]> three = records(settings(7, Arrival.POISSON, 1e5, 3), q);
        assertEquals(one.size(), three.size());
        for (int i = 0; i < one.size(); i++) assertArrayEquals(one.get(i), three.get(i), "record " + i);
    }

    /** A pulser at 1 MHz on a 125 MHz clock: 125 ticks apart; at 10 MHz events overlap their 32-sample windows. */
    @Test
    void periodicArrivalsAndPileup() throws Exception {
        QuantizedModel q = shipped();
        try (EmulatorEngine engine = new EmulatorEngine(settings(3, Arrival.PERIODIC, 1e6, 1), FastGoldenModel.compile(q))) {
            ResultBatch r = engine.next().results();
            for (int i = 2; i < r.size(); i += 2) assertEquals(125, r.timestamps()[i] - r.timestamps()[i - 2]);
            for (int i = 0; i < r.size(); i++) assertEquals(0, r.flags()[i] & EventFlag.PILE_UP.mask());
        }
        try (EmulatorEngine engine = new EmulatorEngine(settings(3, Arrival.PERIODIC, 1e7, 1), FastGoldenModel.compile(q))) {
            ResultBatch r = engine.next().results();
            for (int i = 0; i < r.size(); i++) assertTrue((r.flags()[i] & EventFlag.PILE_UP.mask()) != 0);
        }
    }

    /** The raw outputs of record {@code i}, widened as the golden model returns them. */
    static long[] outputs(ResultBatch r, int i) {
        long[] o = new long[r.outputCount()];
        for (int k = 0; k < o.length; k++) o[k] = r.output(i, k);
        return o;
    }

    /** A pool of two blocks: block b repeats block b mod 2's outputs, with fresh, increasing timestamps. */
    @Test
    void aPoolRepeatsItsBlocks() throws Exception {
        QuantizedModel q = shipped();
        try (EmulatorEngine engine = new EmulatorEngine(settings(5, Arrival.POISSON, 1e5, 2).withPool(2), FastGoldenModel.compile(q))) {
            ResultBatch[] b = new ResultBatch[4];
            for (int i = 0; i < 4; i++) b[i] = engine.next().results();
            for (int i = 0; i < b[1].size(); i++) {
                assertArrayEquals(outputs(b[1], i), outputs(b[3], i));
                assertArrayEquals(outputs(b[0], i), outputs(b[2], i));
            }
            assertTrue(b[2].timestamps()[0] > b[1].timestamps()[b[1].size() - 1]);
        }
    }

    private static List<long[]> records(EmulatorSettings s, QuantizedModel q) throws Exception {
        List<long[]> all = new ArrayList<>();
        try (EmulatorEngine engine = new EmulatorEngine(s, FastGoldenModel.compile(q))) {
            for (int b = 0; b < 5; b++) {
                ResultBatch r = engine.next().results();
                for (int i = 0; i < r.size(); i++) {
                    all.add(new long[] {r.channels()[i], r.flags()[i], r.timestamps()[i], r.output(i, 0), r.output(i, 1)});
                }
            }
        }
        return all;
    }
}
