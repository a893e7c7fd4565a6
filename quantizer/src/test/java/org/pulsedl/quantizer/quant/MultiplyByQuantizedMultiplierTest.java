package org.pulsedl.quantizer.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pulsedl.quantizer.quant.MultiplyByQuantizedMultiplier.multiplyDouble;
import static org.pulsedl.quantizer.quant.MultiplyByQuantizedMultiplier.multiplyInt64;
import static org.pulsedl.quantizer.quant.MultiplyByQuantizedMultiplier.multiplySingle;
import static org.pulsedl.quantizer.quant.MultiplyByQuantizedMultiplier.roundingDivideByPot;
import static org.pulsedl.quantizer.quant.MultiplyByQuantizedMultiplier.saturatingRoundingDoublingHighMul;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pulsedl.quantizer.testing.TestSeed;

class MultiplyByQuantizedMultiplierTest {
    private static final int HALF = 1 << 30;   // 0.5 in Q31

    @Test
    void srdhmSaturatesOnlyMinTimesMin() {
        assertEquals(Integer.MAX_VALUE, saturatingRoundingDoublingHighMul(Integer.MIN_VALUE, Integer.MIN_VALUE));
        assertEquals(Integer.MIN_VALUE + 1, saturatingRoundingDoublingHighMul(Integer.MIN_VALUE, Integer.MAX_VALUE));
        assertEquals(1 << 29, saturatingRoundingDoublingHighMul(HALF, HALF));
    }

    @Test
    void srdhmTiesGoUp() {
        // a · 0.5 with a odd: exact result x.5
        assertEquals(1, saturatingRoundingDoublingHighMul(1, HALF));     //  0.5 →  1
        assertEquals(0, saturatingRoundingDoublingHighMul(-1, HALF));    // -0.5 →  0
        assertEquals(2, saturatingRoundingDoublingHighMul(3, HALF));     //  1.5 →  2
        assertEquals(-1, saturatingRoundingDoublingHighMul(-3, HALF));   // -1.5 → -1
        assertEquals(-2, saturatingRoundingDoublingHighMul(-5, HALF));   // -2.5 → -2
    }

    @Test
    void rdbpTiesAwayFromZero() {
        assertEquals(3, roundingDivideByPot(5, 1));
        assertEquals(-3, roundingDivideByPot(-5, 1));
        assertEquals(2, roundingDivideByPot(4, 1));
        assertEquals(-2, roundingDivideByPot(-4, 1));
        assertEquals(2, roundingDivideByPot(7, 2));
        assertEquals(-2, roundingDivideByPot(-7, 2));
        assertEquals(2, roundingDivideByPot(6, 2));
        assertEquals(-2, roundingDivideByPot(-6, 2));
        assertEquals(-1, roundingDivideByPot(-5, 2));
        assertEquals(12345, roundingDivideByPot(12345, 0));
        assertEquals(-1, roundingDivideByPot(Integer.MIN_VALUE, 31));
        assertEquals(1, roundingDivideByPot(Integer.MAX_VALUE, 31));
    }

    @Test
    void doubleRoundsTwiceSingleOnce() {
        // 101 · 0.25 = 25.25: SRDHM gives 50.5 → 51, then 51/2 = 25.5 → 26; single rounding gives 25.
        assertEquals(26, multiplyDouble(101, HALF, -1, 31));
        assertEquals(25, multiplySingle(101, HALF, -1, 31));
        // 101 · 0.5 = 50.5 and −50.5: DOUBLE's SRDHM rounds ties up, SINGLE too.
        assertEquals(51, multiplyDouble(101, HALF, 0, 31));
        assertEquals(-50, multiplyDouble(-101, HALF, 0, 31));
        assertEquals(51, multiplySingle(101, HALF, 0, 31));
        assertEquals(-50, multiplySingle(-101, HALF, 0, 31));
        // −6 · 0.25 = −1.5: DOUBLE ends in RDBP (away from zero) → −2, SINGLE rounds up → −1.
        assertEquals(-2, multiplyDouble(-6, HALF, -1, 31));
        assertEquals(-1, multiplySingle(-6, HALF, -1, 31));
    }

    @Test
    void leftShiftForMultipliersAboveOne() {
        assertEquals(300, multiplyDouble(100, 3 << 29, 2, 31));   // 0.75 · 2^2 = 3
        assertEquals(300, multiplySingle(100, 3 << 29, 2, 31));
    }

    @Test
    void fifteenBitPathsMatchHandValues() {
        int half15 = 1 << 14;
        assertEquals(26, multiplyDouble(101, half15, -1, 15));
        assertEquals(25, multiplySingle(101, half15, -1, 15));
    }

    @Test
    void int64VariantReducesTheMultiplier() {
        // M0 = 2^30 (0.5) reduces to 2^14; (1000·2^14 + 2^14) >> 15 = 500 (500.5 floors), 1001 → 501 (ties up).
        assertEquals(500, multiplyInt64(1000, HALF, 0, 31));
        assertEquals(501, multiplyInt64(1001, HALF, 0, 31));
        assertEquals(-500, multiplyInt64(-1001, HALF, 0, 31));
        // M0 ≥ 0x7FFF0000 saturates the reduced multiplier at 0x7FFF.
        assertEquals(32 * 32767, multiplyInt64(1 << 20, Integer.MAX_VALUE, 0, 31));
        assertEquals(32 * 32767, multiplyInt64(1 << 20, 0x7FFF0000, 0, 31));
        // a 15-bit multiplier is used as is
        assertEquals(501, multiplyInt64(1001, 1 << 14, 0, 15));
        // a large 48-bit accumulator
        assertEquals(1L << 30, multiplyInt64(1L << 46, HALF, -15, 31));
    }

    @Test
    void singleAndDoubleDifferByAtMostOne() {
        long seed = TestSeed.of("singleAndDoubleDifferByAtMostOne", 20240611L);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int mBits : new int[] {31, 15}) {
            for (int i = 0; i < 200_000; i++) {
                int acc = rnd.nextInt(-(1 << 24), 1 << 24);
                double m = Math.scalb(0.5 + rnd.nextDouble() * 0.5, -rnd.nextInt(0, 20));
                QuantizedMultiplier q = QuantizedMultiplier.of(m, mBits);
                int d = multiplyDouble(acc, q.m0(), q.shift(), mBits);
                int s = multiplySingle(acc, q.m0(), q.shift(), mBits);
                assertTrue(Math.abs(d - s) <= 1, () -> "acc " + acc + " M " + m + ": DOUBLE " + d + " SINGLE " + s);
                double exact = acc * q.value();
                assertTrue(Math.abs(s - exact) <= 0.5, "SINGLE is correctly rounded");
            }
        }
    }

    @Test
    void fewerBitsEqualTfliteOnAScaledMultiplier() {
        long seed = TestSeed.of("fewerBitsEqualTfliteOnAScaledMultiplier", 7L);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < 200_000; i++) {
            int acc = rnd.nextInt();
            int mBits = rnd.nextInt(2, 31);
            int m0 = rnd.nextInt(1 << (mBits - 1), 1 << mBits);
            int shift = -rnd.nextInt(0, 32);
            assertEquals(multiplyDouble(acc, m0 << (31 - mBits), shift, 31), multiplyDouble(acc, m0, shift, mBits),
                    () -> "acc " + acc + " m0 " + m0 + " mBits " + mBits + " shift " + shift);
        }
    }
}
