package org.pulsedl.quantizer.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QuantizeMultiplierTest {

    private static void assertMultiplier(int m0, int shift, QuantizedMultiplier q) {
        assertEquals(m0, q.m0(), "m0");
        assertEquals(shift, q.shift(), "shift");
    }

    @Test
    void powersOfTwo() {
        assertMultiplier(1 << 30, 0, QuantizedMultiplier.of(0.5));
        assertMultiplier(1 << 30, -1, QuantizedMultiplier.of(0.25));
        assertMultiplier(1 << 30, 1, QuantizedMultiplier.of(1.0));
    }

    @Test
    void tenthRoundsToNearest() {
        // 0.1 = 0.8 · 2^-3; 0.8 · 2^31 = 1717986918.4
        assertMultiplier(1717986918, -3, QuantizedMultiplier.of(0.1));
    }

    @Test
    void roundingUpTo2pow31Renormalises() {
        // q = 1 − 2^-33: q · 2^31 = 2^31 − 0.25 rounds to 2^31 → halve, shift + 1
        assertMultiplier(1 << 30, 1, QuantizedMultiplier.of(1 - Math.scalb(1.0, -33)));
    }

    @Test
    void tinyMultiplierBecomesZero() {
        assertMultiplier(1 << 30, -31, QuantizedMultiplier.of(Math.scalb(1.0, -32)));
        assertMultiplier(0, 0, QuantizedMultiplier.of(Math.scalb(1.0, -33)));
        assertMultiplier(0, 0, QuantizedMultiplier.of(Double.MIN_VALUE));
        assertMultiplier(0, 0, QuantizedMultiplier.of(0.0));
    }

    @Test
    void fifteenBitMultipliers() {
        assertMultiplier(1 << 14, 0, QuantizedMultiplier.of(0.5, 15));
        assertMultiplier(24576, 0, QuantizedMultiplier.of(0.75, 15));
        assertMultiplier(1 << 14, 1, QuantizedMultiplier.of(1 - Math.scalb(1.0, -17), 15));
        // 0.1 = 0.8 · 2^-3; 0.8 · 2^15 = 26214.4
        assertMultiplier(26214, -3, QuantizedMultiplier.of(0.1, 15));
    }

    @Test
    void fifteenBitIsThirtyOneBitRounded() {
        QuantizedMultiplier q = QuantizedMultiplier.of(0.3, 15);
        assertEquals(0.3, q.value(), 0.3 * Math.scalb(1.0, -15));
    }

    @Test
    void refusesNegativeAndHuge() {
        assertEquals("multiplier must be finite and >= 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> QuantizedMultiplier.of(-1.0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> QuantizedMultiplier.of(Math.scalb(1.0, 40)));
        assertEquals("m_bits must be in [2, 31], got 32",
                assertThrows(IllegalArgumentException.class, () -> QuantizedMultiplier.of(0.5, 32)).getMessage());
    }
}
