package org.pulsedl.hls.accel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.pulsedl.quantizer.quant.RoundingMode;

/** Presets and the constructor's refusals, one per rule, with the exact message. */
class AcceleratorConfigTest {

    private static String refusal(UnaryOperator<AcceleratorConfig.Builder> change) {
        return assertThrows(IllegalArgumentException.class,
                () -> change.apply(AcceleratorConfig.artix7Default().toBuilder()).build()).getMessage();
    }

    @Test
    void presets() {
        AcceleratorConfig a = AcceleratorConfig.artix7Default();
        assertEquals(224, a.arithmeticUnits());
        assertEquals(112, a.macDsps());
        assertTrue(a.int16FullRate());
        assertEquals(8, a.lanesFor(true));                  // fabric multipliers fill the odd lanes
        assertEquals(8, a.lanesFor(false));
        assertEquals(112, a.fabricMultipliers());
        AcceleratorConfig half = a.toBuilder().int16FullRate(false).build();
        assertEquals(4, half.lanesFor(true));
        assertEquals(0, half.fabricMultipliers());
        assertFalse(a.toBuilder().activationBits(8).accBits(32).build().int16FullRate(), "moot without int16");
        assertFalse(a.toBuilder().twoMacsPerDsp(false).build().int16FullRate(), "moot without packing");
        AcceleratorConfig s = AcceleratorConfig.small();
        assertEquals(8, s.macDsps());
        assertEquals(4, s.lanesFor(true));
        assertTrue(s.roundingModes().containsAll(EnumSet.allOf(RoundingMode.class)));
    }

    @Test
    void accumulatorWidthFormula() {
        assertEquals(33, AcceleratorConfig.minAccBits(1024, 16));   // 1024 · 32768 · 127 < 2^32
        assertEquals(25, AcceleratorConfig.minAccBits(512, 8));     // 512 · 255 · 127 = 16,581,120 < 2^24
        assertEquals(16, AcceleratorConfig.minAccBits(1, 8));       // 32,385 < 2^15
    }

    @Test
    void refusalsNameParameterValueAndLimit() {
        assertEquals("pes (P) must be in [1, 256], got 0", refusal(b -> b.pes(0)));
        assertEquals("lanes (U) must be a multiple of 4 (whole 32-bit weight words), got 6", refusal(b -> b.lanes(6)));
        assertEquals("weight_bits must be 8 (int8 weights, DESIGN §2), got 4", refusal(b -> b.weightBits(4)));
        assertEquals("activation_bits must be 8 or 16, got 12", refusal(b -> b.activationBits(12)));
        assertEquals("acc_bits must be in [33, 64] (max_fan_in 1024 with 16-bit activations needs 33), got 32",
                refusal(b -> b.accBits(32)));
        assertEquals("acc_bits must be >= 48 with 16-bit activations (TFLite 16x8 accumulator bound 2^47), got 40",
                refusal(b -> b.accBits(40)));
        assertEquals("m_bits must be in [2, 31], got 32", refusal(b -> b.mBits(32)));
        assertEquals("rounding_modes must name at least one of DOUBLE, SINGLE",
                refusal(b -> b.roundingModes(EnumSet.noneOf(RoundingMode.class))));
        assertEquals("max_pool must be in [1, 16], got 17", refusal(b -> b.maxPool(17)));
        assertEquals("act_depth must be in [16, 32768], got 8", refusal(b -> b.actDepth(8)));
        assertEquals("result_fifo_words must be in [33 (one window's record), 1048576], got 10",
                refusal(b -> b.resultFifoWords(10)));
        assertEquals("clock_mhz must be finite and > 0, got 0.0", refusal(b -> b.clockMHz(0)));
        assertEquals("mac_latency must be in [1, 16], got 0", refusal(b -> b.macLatency(0)));
    }
}
