package org.pulsedl.hls.accel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pulsedl.quantizer.golden.Requantizer;
import org.pulsedl.quantizer.quant.QuantizedMultiplier;
import org.pulsedl.quantizer.quant.RoundingMode;
import org.pulsedl.quantizer.quant.Width;
import org.pulsedl.quantizer.testing.TestSeed;

/** The datapath formulas the RTL implements: packed DSP products, the average divider, the requantiser. */
class ArithmeticUnitTest {

    @Test
    void packedProductsAreExactForEveryOperand() {
        for (int hi = -127; hi <= 127; hi++) {
            for (int lo = -127; lo <= 127; lo++) {
                for (int a = -128; a <= 127; a++) {
                    long p = PackedMac.product(lo, hi, a);
                    if (PackedMac.low(p) != lo * a || PackedMac.high(p) != hi * a) {
                        assertEquals(lo * a + "," + hi * a, PackedMac.low(p) + "," + PackedMac.high(p),
                                "w_lo " + lo + " w_hi " + hi + " a " + a);
                    }
                }
            }
        }
        long extreme = ((long) 127 << PackedMac.SHIFT) + 127;
        assertEquals(true, extreme < (1L << 24), "packed operand fits the DSP48E1's 25-bit port");
    }

    @Test
    void averageDividerEqualsTfliteRoundingOverTheSupportedRange() {
        for (int n = 1; n <= 16; n++) {
            long max = 16L * 32768;
            for (long sum = -max; sum <= max; sum++) {
                long want = sum > 0 ? (sum + n / 2) / n : (sum - n / 2) / n;
                if (RequantUnit.averageDivide(sum, n) != want) {
                    assertEquals(want, RequantUnit.averageDivide(sum, n), "sum " + sum + " n " + n);
                }
            }
        }
    }

    @Test
    void requantiserEqualsGoldenForAllVariantsAndMultiplierWidths() {
        long seed = TestSeed.of("requantiser", 3L);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < 200_000; i++) {
            int modelBits = 2 + rnd.nextInt(30);
            int hwBits = modelBits + rnd.nextInt(32 - modelBits);
            boolean int16 = rnd.nextInt(3) == 0;
            RoundingMode mode = rnd.nextBoolean() ? RoundingMode.DOUBLE : RoundingMode.SINGLE;
            QuantizedMultiplier qm = QuantizedMultiplier.of(Math.scalb(rnd.nextDouble(), -rnd.nextInt(20)), modelBits);
            long acc = int16 ? rnd.nextLong(-(1L << 46), 1L << 46) : rnd.nextInt(-(1 << 28), 1 << 28);
            if (!int16 && mode == RoundingMode.DOUBLE && qm.shift() > 0) {
                acc >>= qm.shift();                                        // the validator's no-overflow rule
            }
            if (int16 && modelBits > 15 && qm.shift() > 14) {
                continue;                                                  // refused by the validator
            }
            int want = Requantizer.scale(acc, qm.m0(), qm.shift(), int16 ? Width.INT16 : Width.INT8, mode, modelBits);
            ParamEntry e = hardwareEntry(qm, int16, mode, hwBits);
            int rq = int16 ? Descriptor.RQ_INT64 : mode == RoundingMode.DOUBLE ? Descriptor.RQ_DOUBLE
                    : Descriptor.RQ_SINGLE;
            assertEquals(want, RequantUnit.scale(acc, e, rq, hwBits), "acc " + acc + " " + qm + " hw " + hwBits);
        }
    }

    /** The compiler's parameter fields (LayerProgram, docs §4.3), restated. */
    private static ParamEntry hardwareEntry(QuantizedMultiplier q, boolean int16, RoundingMode mode, int hw) {
        int mb = q.mBits();
        if (int16) {
            return mb > 15 ? new ParamEntry(0, (int) Math.min((q.m0() + (1L << (mb - 16))) >> (mb - 15), 0x7FFF),
                    15 - q.shift(), 0) : new ParamEntry(0, q.m0(), mb - q.shift(), 0);
        }
        int m = q.m0() << (hw - mb);
        return mode == RoundingMode.DOUBLE ? new ParamEntry(0, m, Math.max(-q.shift(), 0), Math.max(q.shift(), 0))
                : new ParamEntry(0, m, hw - q.shift(), 0);
    }
}
