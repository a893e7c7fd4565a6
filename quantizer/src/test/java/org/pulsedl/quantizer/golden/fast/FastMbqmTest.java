package org.pulsedl.quantizer.golden.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pulsedl.quantizer.quant.MultiplyByQuantizedMultiplier;
import org.pulsedl.quantizer.testing.TestSeed;

/** The inlined requantisation forms equal {@link MultiplyByQuantizedMultiplier} on their whole domain. */
class FastMbqmTest {
    private static final int[] EDGE_ACC = {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, -65537, -65536, -65535, -32769,
        -32768, -2, -1, 0, 1, 2, 32767, 65535, 65536, Integer.MAX_VALUE - 1, Integer.MAX_VALUE};

    private static int randomAcc(SplittableRandom rnd) {
        return switch (rnd.nextInt(4)) {
            case 0 -> EDGE_ACC[rnd.nextInt(EDGE_ACC.length)];
            case 1 -> rnd.nextInt(-70000, 70000);
            default -> rnd.nextInt();
        };
    }

    private static int randomM0(SplittableRandom rnd, int mBits) {
        long top = 1L << mBits;
        return (int) switch (rnd.nextInt(5)) {
            case 0 -> 0;
            case 1 -> top - 1;
            case 2 -> top >> 1;
            default -> rnd.nextLong(top);
        };
    }

    @Test
    void doubleRoundingEqualsReference() {
        SplittableRandom rnd = new SplittableRandom(TestSeed.of("FastMbqm double", 11L));
        for (int i = 0; i < 2_000_000; i++) {
            int mBits = rnd.nextBoolean() ? (rnd.nextBoolean() ? 31 : 15) : 2 + rnd.nextInt(30);
            int acc = randomAcc(rnd);
            int m0 = randomM0(rnd, mBits);
            int shift = -31 + rnd.nextInt(mBits + 31);
            assertEquals(MultiplyByQuantizedMultiplier.multiplyDouble(acc, m0, shift, mBits),
                    FastMbqm.doubleRounding(acc, m0, shift, mBits), () -> acc + " " + m0 + " " + shift + " " + mBits);
        }
        // the one saturating SRDHM case
        assertEquals(MultiplyByQuantizedMultiplier.multiplyDouble(Integer.MIN_VALUE, Integer.MIN_VALUE, 0, 31),
                FastMbqm.doubleRounding(Integer.MIN_VALUE, Integer.MIN_VALUE, 0, 31));
    }

    @Test
    void singleEqualsReference() {
        SplittableRandom rnd = new SplittableRandom(TestSeed.of("FastMbqm single", 12L));
        for (int i = 0; i < 2_000_000; i++) {
            int mBits = rnd.nextBoolean() ? (rnd.nextBoolean() ? 31 : 15) : 2 + rnd.nextInt(30);
            int acc = randomAcc(rnd);
            int m0 = randomM0(rnd, mBits);
            int shift = -31 + rnd.nextInt(mBits + 31);
            assertEquals(MultiplyByQuantizedMultiplier.multiplySingle(acc, m0, shift, mBits),
                    FastMbqm.single(acc, m0, mBits - shift), () -> acc + " " + m0 + " " + shift + " " + mBits);
        }
    }

    @Test
    void int64EqualsReference() {
        SplittableRandom rnd = new SplittableRandom(TestSeed.of("FastMbqm int64", 13L));
        long limit = (1L << 47) - 1;
        for (int i = 0; i < 2_000_000; i++) {
            int mBits = rnd.nextBoolean() ? (rnd.nextBoolean() ? 31 : 15) : 2 + rnd.nextInt(30);
            long acc = switch (rnd.nextInt(4)) {
                case 0 -> rnd.nextBoolean() ? limit : -limit;
                case 1 -> randomAcc(rnd);
                default -> rnd.nextLong(-limit, limit + 1);
            };
            int m0 = randomM0(rnd, mBits);
            int maxShift = mBits > 15 ? 14 : mBits - 1;
            int shift = -31 + rnd.nextInt(maxShift + 32);
            int m = FastMbqm.reducedMultiplier(m0, mBits);
            int k = FastMbqm.int64Shift(shift, mBits);
            assertEquals(MultiplyByQuantizedMultiplier.multiplyInt64(acc, m0, shift, mBits), FastMbqm.int64(acc, m, k),
                    () -> acc + " " + m0 + " " + shift + " " + mBits);
        }
    }

    /** The all-int32 form, wherever the true result lies in int32, and the vector row kernels built on it. */
    @Test
    void int64ViaInt32EqualsReference() {
        SplittableRandom rnd = new SplittableRandom(TestSeed.of("FastMbqm int64ViaInt32", 14L));
        int checked = 0;
        int[] row = new int[37];
        int[] want = new int[37];
        for (int i = 0; i < 2_000_000; i++) {
            int mBits = rnd.nextBoolean() ? (rnd.nextBoolean() ? 31 : 15) : 2 + rnd.nextInt(30);
            int m0 = randomM0(rnd, mBits);
            int maxShift = mBits > 15 ? 14 : mBits - 1;
            int shift = -31 + rnd.nextInt(maxShift + 32);
            int m = FastMbqm.reducedMultiplier(m0, mBits);
            int k = FastMbqm.int64Shift(shift, mBits);
            int acc = randomAcc(rnd);
            long exact = ((long) acc * m + (1L << (k - 1))) >> k;
            if (exact != (int) exact) {
                continue;
            }
            checked++;
            assertEquals(MultiplyByQuantizedMultiplier.multiplyInt64(acc, m0, shift, mBits),
                    FastMbqm.int64ViaInt32(acc, m, k), () -> acc + " " + m0 + " " + shift + " " + mBits);
            if (i % 64 == 0 && Math.abs(exact) < (1L << 30)) {
                int z = rnd.nextInt(-32768, 32768);
                int lo = rnd.nextInt(-32768, 32768);
                int hi = rnd.nextInt(lo, 32768);
                for (int t = 0; t < row.length; t++) {
                    int a = t == 0 ? acc : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE,
                            (long) acc + rnd.nextInt(-1000, 1000)));
                    long r = ((long) a * m + (1L << (k - 1))) >> k;
                    if (Math.abs(r) >= (1L << 30)) {
                        a = acc;
                    }
                    row[t] = a;
                    long v = (long) z + MultiplyByQuantizedMultiplier.multiplyInt64(a, m0, shift, mBits);
                    want[t] = (int) Math.max(lo, Math.min(hi, v));
                }
                if (k <= 16) {
                    FastGoldenModel.requantRowSmallK(row, row.length, m, k, z, lo, hi);
                } else {
                    FastGoldenModel.requantRowLargeK(row, row.length, m, k, z, lo, hi);
                }
                for (int t = 0; t < row.length; t++) {
                    assertEquals(want[t], row[t]);
                }
            }
        }
        assertTrue(checked > 500_000, "checked " + checked);
    }

    /** The int8-input row kernels (validated multipliers: {@code 0 ≤ m0 < 2^mBits}) against the reference, clamp included. */
    @Test
    void int8RowKernelsEqualReference() {
        SplittableRandom rnd = new SplittableRandom(TestSeed.of("FastMbqm int8 rows", 15L));
        int[] row = new int[23];
        int[] acc = new int[23];
        for (int i = 0; i < 100_000; i++) {
            int mBits = rnd.nextBoolean() ? (rnd.nextBoolean() ? 31 : 15) : 2 + rnd.nextInt(30);
            int m0 = randomM0(rnd, mBits);
            int shift = -31 + rnd.nextInt(mBits + 31);
            boolean wide = rnd.nextBoolean();
            int z = wide ? 0 : rnd.nextInt(-128, 128);
            int lo = wide ? rnd.nextInt(-32768, 32768) : rnd.nextInt(-128, 128);
            int hi = rnd.nextInt(lo, wide ? 32768 : 128);
            int left = Math.max(shift, 0);
            for (int t = 0; t < row.length; t++) {
                int a = randomAcc(rnd);
                acc[t] = rnd.nextBoolean() ? a >> left : a;     // mostly without the 32-bit wrap the validator excludes
            }
            for (boolean dbl : new boolean[] {true, false}) {
                System.arraycopy(acc, 0, row, 0, row.length);
                if (dbl) {
                    FastGoldenModel.requantRowDouble(row, row.length, m0, shift, mBits, z, lo, hi);
                } else {
                    FastGoldenModel.requantRowSingle(row, row.length, m0, mBits - shift, z, lo, hi);
                }
                for (int t = 0; t < row.length; t++) {
                    int s = dbl ? MultiplyByQuantizedMultiplier.multiplyDouble(acc[t], m0, shift, mBits)
                            : MultiplyByQuantizedMultiplier.multiplySingle(acc[t], m0, shift, mBits);
                    int want = (int) Math.max(lo, Math.min(hi, (long) z + s));
                    int tt = t;
                    assertEquals(want, row[t], () -> (dbl ? "double " : "single ") + acc[tt] + " " + m0 + " " + shift + " " + mBits);
                }
            }
        }
    }
}
