package org.pulsedl.hls.rtl;

import java.util.ArrayList;
import java.util.List;
import org.pulsedl.hls.verilog.Ifdef;
import org.pulsedl.hls.verilog.ModuleItem;

/**
 * A radix-4 Booth multiplier in fabric, written as adder rows so no tool maps it to DSPs (Yosys 0.23 ignores
 * {@code use_dsp = "no"} on {@code $mul}; every DSP48 is a MAC). Used by the requantiser (unsigned multiplier) and
 * by the {@code int16_full_rate} lanes of the arithmetic unit (signed int8 weight).
 *
 * <p>Rows are added LSB first (bits below a row's offset are final). Each row is written {@code u + r + neg} =
 * {@code ({u, neg} - {~r, 1}) >> 1} with {@code r = neg ? ~X : X}, X in {0, a, 2a}: the partial sum stays the carry
 * chain's first operand, so a row bit is one LUT6 (u, a_i, a_i-1, one, two, neg) and a CARRY4 bit, for half the rows
 * of a plain shift-and-add.
 */
final class BoothMultiplier {
    private BoothMultiplier() {}

    /**
     * {@code product = sext(a) * b mod 2^pw}, b unsigned ({@code zext}) or two's complement ({@code signedB}, even
     * {@code bw}). Unsigned: row 0 is {@code b[0] ? a : 0}, then one Booth row per digit of {@code b >> 1}
     * ({@code d = -2 b[2j+2] + b[2j+1] + b[2j]}, {@code b[0]} excluded) at bit {@code 2j+1}. Signed: the standard
     * digits {@code d = -2 b[2j+1] + b[2j] + b[2j-1]} at bit {@code 2j}; the top digit carries the sign.
     * Declares the wires {@code P_*} (P = {@code prefix}); the caller declares {@code product}.
     */
    static List<ModuleItem> rows(String prefix, String a, int aw, String b, int bw, boolean signedB, String product,
                                 int pw) {
        return rows(prefix, a, aw, b, bw, signedB, product, pw, -1);
    }

    /**
     * {@code P_p = a * b mod 2^pw} of two unsigned fields (wires {@code P_ua}, {@code P_ub}, {@code P_p} and the rows),
     * for products of descriptor fields: in fabric, so every DSP48 is a MAC.
     */
    static List<ModuleItem> unsignedProduct(String prefix, String a, int aw, String b, int bw, int pw, String comment) {
        return unsignedProduct(prefix, a, aw, b, bw, pw, comment, null);
    }

    /** As {@link #unsignedProduct(String, String, int, String, int, int, String)}, with a Verilator twin proven by {@code proof}. */
    static List<ModuleItem> unsignedProduct(String prefix, String a, int aw, String b, int bw, int pw, String comment,
                                            String proof) {
        List<ModuleItem> it = new ArrayList<>();
        it.add(V.wire(prefix + "_ua", aw + 1, "multiplicand, zero-extended (the Booth rows take it signed)"));
        it.add(V.wire(prefix + "_ub", bw, "multiplier"));
        it.add(V.wire(prefix + "_p", pw, comment));
        it.add(V.assign(prefix + "_ua", "{1'b0, " + a + "}"));
        it.add(V.assign(prefix + "_ub", b));
        it.addAll(rows(prefix, prefix + "_ua", aw + 1, prefix + "_ub", bw, false, prefix + "_p", pw, new int[0], proof));
        return it;
    }

    /**
     * As {@link #rows(String, String, int, String, int, boolean, String, int)}, with a pipeline register on
     * {@code i_clk} after Booth digit {@code cutAfter} (none when negative): the partial sum and both operands are
     * registered ({@code P_cs_r}, {@code P_ca_r}, {@code P_cb_r}) and the later rows read the registered copies, so
     * the product appears one cycle later and the carry chains are split in two.
     */
    static List<ModuleItem> rows(String prefix, String a, int aw, String b, int bw, boolean signedB, String product,
                                 int pw, int cutAfter) {
        return rows(prefix, a, aw, b, bw, signedB, product, pw, cutAfter < 0 ? new int[0] : new int[] {cutAfter});
    }

    /** Booth digits of a {@code bw}-bit multiplier: one per row after row 0 (unsigned), or bw / 2 (signed). */
    static int digits(int bw, boolean signedB) {
        return signedB ? bw / 2 : (bw - 1) / 2 + 1;
    }

    /**
     * Where {@code cuts} pipeline registers split {@code digits} Booth rows into {@code cuts + 1} runs of nearly equal
     * length: after digit {@code floor((i + 1) * digits / (cuts + 1)) - 1} for i = 0 .. cuts - 1 (one cut: after
     * {@code digits / 2 - 1}). Needs {@code cuts < digits}, so no two cuts fall on one row.
     */
    static int[] evenCuts(int digits, int cuts) {
        if (cuts >= digits) {
            throw new IllegalArgumentException(cuts + " multiplier cuts need more than " + digits + " Booth rows");
        }
        int[] at = new int[cuts];
        for (int i = 0; i < cuts; i++) {
            at[i] = (i + 1) * digits / (cuts + 1) - 1;
        }
        return at;
    }

    /**
     * As {@link #rows(String, String, int, String, int, boolean, String, int, int)} with a pipeline register after each
     * Booth digit in {@code cutsAfter} (ascending, distinct; a leading -1 registers both operands before the rows):
     * the product appears {@code cutsAfter.length} cycles later. The first cut's registers are {@code P_cs_r},
     * {@code P_ca_r}, {@code P_cb_r}, the k-th's (k ≥ 2) {@code P_cs<k>_r} and so on.
     */
    static List<ModuleItem> rows(String prefix, String a, int aw, String b, int bw, boolean signedB, String product,
                                 int pw, int[] cutsAfter) {
        return rows(prefix, a, aw, b, bw, signedB, product, pw, cutsAfter, null);
    }

    /**
     * As {@link #rows(String, String, int, String, int, boolean, String, int, int[])}; with {@code proof} (not null)
     * the rows after the last operand cut have a Verilator-only twin ({@link SimProduct}): one multiply of the
     * operands those rows read, into the last row's partial sum (same name and width), so every register and the
     * product's cycle stay as they are. {@code proof} names the formal proof that the rows equal the multiply; it is
     * written next to the {@code `ifdef}.
     */
    static List<ModuleItem> rows(String prefix, String a, int aw, String b, int bw, boolean signedB, String product,
                                 int pw, int[] cutsAfter, String proof) {
        if (signedB && bw % 2 != 0) {
            throw new IllegalArgumentException("a signed Booth multiplier needs an even width, got " + bw);
        }
        List<ModuleItem> it = new ArrayList<>();
        String p = prefix + "_";
        StringBuilder unused = new StringBuilder("&{1'b0");
        int cutsMade = 0;
        if (cutsAfter.length > 0 && cutsAfter[0] < 0) {
            // a cut before the rows: both operands registered (what computes them gets the cycle before)
            it.add(V.reg(p + "ca_r", aw, "pipeline cut before the rows: " + a));
            it.add(V.reg(p + "cb_r", bw, "pipeline cut before the rows: " + b));
            it.add(V.ff("Multiplier pipeline cut before the rows.", V.nb(p + "ca_r", a), V.nb(p + "cb_r", b)));
            a = p + "ca_r";
            b = p + "cb_r";
            cutsMade = 1;
        }
        SimProduct sim = new SimProduct(prefix, a, aw, b, bw, signedB, it.size());
        String last = null;
        int prev = 0;
        int first = 0;
        if (!signedB) {
            prev = Math.min(pw, aw);
            it.add(V.wire(p + "s0", prev, "multiplier row 0: " + b + "[0] * " + a));
            it.add(V.assign(p + "s0", "{" + prev + "{" + b + "[0]}} & " + V.sext(a, aw, prev)));
            last = p + "s0";
            first = 1;
        }
        it.add(V.wire(p + "a2", aw + 1, a + ", sign-extended by one bit"));
        it.add(V.assign(p + "a2", V.sext(a, aw, aw + 1)));
        String a2 = p + "a2";
        int digits = digits(bw, signedB);
        for (int j = 0; j < digits; j++) {
            int o = first + 2 * j;
            if (o >= pw) {
                break;
            }
            int k = first + 2 * j;                              // bit of b under the digit's middle weight
            String hi = bit(b, k + 1, bw);
            String mid = bit(b, k, bw);
            String lo = k == 0 || (!signedB && j == 0) ? "1'b0" : bit(b, k - 1, bw);
            int hw = Math.min(pw - o, aw + 2);
            String n = Integer.toString(j + 1);
            it.add(V.wire(p + "one" + n, 1, "digit " + j + " is +-1"));
            it.add(V.wire(p + "two" + n, 1, "digit " + j + " is +-2"));
            it.add(V.wire(p + "neg" + n, 1, "digit " + j + " is negative"));
            it.add(V.wire(p + "r" + n, aw + 1, "row " + (j + first) + ": |digit| * " + a + ", inverted when negative"));
            if (last == null) {
                it.add(V.wire(p + "s" + n, hw, "partial product after row 0"));
            } else {
                it.add(V.wire(p + "d" + n, hw + 1, "row " + (j + first) + ": 2 * (upper sum + row) + 1"));
                it.add(V.wire(p + "s" + n, o + hw, "partial product after row " + (j + first)));
            }
            it.add(V.assign(p + "one" + n, mid + " ^ " + lo));
            it.add(V.assign(p + "two" + n, hi + " ? (~" + mid + " & ~" + lo + ") : (" + mid + " & " + lo + ")"));
            it.add(V.assign(p + "neg" + n, hi + " & ~(" + mid + " & " + lo + ")"));
            it.add(V.assign(p + "r" + n, "({" + (aw + 1) + "{" + p + "one" + n + "}} & " + a2 + " | {" + (aw + 1)
                    + "{" + p + "two" + n + "}} & {" + a + ", 1'b0}) ^ {" + (aw + 1) + "{" + p + "neg" + n + "}}"));
            if (last == null) {
                // First signed row: nothing to add yet but its own +1 (the two's-complement completion).
                it.add(V.assign(p + "s" + n, V.sext(p + "r" + n, aw + 1, hw) + " + " + V.zext(p + "neg" + n, 1, hw)));
            } else {
                it.add(V.assign(p + "d" + n, "{" + V.sext(V.slice(last, prev - 1, o), prev - o, hw) + ", " + p + "neg"
                        + n + "} - {~" + V.sext(p + "r" + n, aw + 1, hw) + ", 1'b1}"));
                it.add(V.assign(p + "s" + n, "{" + p + "d" + n + "[" + hw + ":1], " + V.slice(last, o - 1, 0) + "}"));
                unused.append(", ").append(p).append("d").append(n).append("[0]");
            }
            if (hw < aw + 1) {
                unused.append(", ").append(p).append("r").append(n).append("[").append(aw).append(":").append(hw)
                        .append("]");
            }
            last = p + "s" + n;
            prev = o + hw;
            boolean lastRow = j + 1 >= digits || first + 2 * (j + 1) >= pw;
            // a cut at or past the last row registers the product (once)
            while (cutsMade < cutsAfter.length
                    && (j == Math.min(cutsAfter[cutsMade], digits - 1) || (lastRow && cutsMade == 0))) {
                String sfx = cutsMade == 0 ? "" : Integer.toString(cutsMade + 1);
                String cs = p + "cs" + sfx + "_r";
                it.add(V.reg(cs, prev, "pipeline cut: partial product after digit " + j));
                if (lastRow) {
                    sim.rowsEnd(it.size() - 1, last, prev);             // before the product register
                    it.add(V.ff("Multiplier pipeline cut (after the last row: the product).", V.nb(cs, last)));
                } else {
                    String ca = p + "ca" + sfx + "_r";
                    String cb = p + "cb" + sfx + "_r";
                    it.add(V.reg(ca, aw, "pipeline cut: " + a));
                    it.add(V.reg(cb, bw, "pipeline cut: " + b));
                    it.add(V.ff("Multiplier pipeline cut (the later rows read the registered copies).",
                            V.nb(cs, last), V.nb(ca, a), V.nb(cb, b)));
                    sim.operandCut(it.size(), ca, cb, cs, unused.length());
                    it.add(V.wire(p + "ca2" + sfx, aw + 1, ca + ", sign-extended by one bit"));
                    it.add(V.assign(p + "ca2" + sfx, V.sext(ca, aw, aw + 1)));
                    int lowUsed = first + 2 * (j + 1) - 1;          // the next digit's lowest bit of b
                    if (lowUsed > 0) {
                        unused.append(", ").append(cb).append("[").append(lowUsed - 1).append(":0]");
                    }
                    a = ca;
                    a2 = p + "ca2" + sfx;
                    b = cb;
                }
                last = cs;
                cutsMade++;
                if (lastRow) {
                    break;
                }
            }
            if (lastRow) {
                break;
            }
        }
        if (cutsMade != cutsAfter.length) {
            throw new IllegalArgumentException("multiplier " + prefix + ": " + cutsAfter.length + " cuts asked, "
                    + cutsMade + " fit its " + digits + " rows");
        }
        sim.rowsEnd(it.size(), last, prev);                         // a no-op after a product register
        it.add(V.assign(product, V.sext(last, prev, pw)));
        if (proof == null) {
            it.add(V.wire("unused_" + prefix + "_rows", 1, UNUSED_ROWS));
            it.add(V.assign("unused_" + prefix + "_rows", unused.append("}").toString()));
            return it;
        }
        return sim.split(it, unused.toString(), proof);
    }

    private static final String UNUSED_ROWS = "row LSBs (always 1) and row bits above the product";

    /**
     * The Verilator-only twin of a multiplier's last run of rows: the run (from the last operand cut, or the start, to
     * the last row) moves into the {@code `else} branch of {@code `ifdef VERILATOR}; the {@code `ifdef} branch drives
     * the last row's partial sum with {@code ext(a) * ext(b)} of the run's operands, at the sum's width (the low bits of
     * a product depend only on the low bits of its operands, so an unsigned multiply of the extended operands is
     * exact). The partial-sum register of the last operand cut then has no reader in Verilator (and Verilator drops
     * the rows before it as dead logic); the {@code unused_} wire says so.
     */
    private static final class SimProduct {
        private final String prefix;
        private String a;
        private final int aw;
        private String b;
        private final int bw;
        private final boolean signedB;
        private int start;
        private int end = -1;
        private String sum;
        private int sumWidth;
        private String deadSum;
        private int unusedAtStart = -1;

        SimProduct(String prefix, String a, int aw, String b, int bw, boolean signedB, int start) {
            this.prefix = prefix;
            this.a = a;
            this.aw = aw;
            this.b = b;
            this.bw = bw;
            this.signedB = signedB;
            this.start = start;
        }

        /** A cut that registers the operands (and the partial sum {@code cs}): the run starts after it, at item {@code at}. */
        void operandCut(int at, String ca, String cb, String cs, int unusedLength) {
            start = at;
            a = ca;
            b = cb;
            deadSum = cs;
            unusedAtStart = unusedLength;
        }

        /** The run ends before item {@code at}; the last row's partial sum is {@code sum} ({@code width} bits). */
        void rowsEnd(int at, String sum, int width) {
            if (end < 0) {
                end = at;
                this.sum = sum;
                sumWidth = width;
            }
        }

        List<ModuleItem> split(List<ModuleItem> items, String unused, String proof) {
            String headUnused = unusedAtStart < 0 ? "&{1'b0" : unused.substring(0, unusedAtStart);
            List<ModuleItem> rows = new ArrayList<>(items.subList(start, end));
            rows.add(V.wire("unused_" + prefix + "_rows", 1, UNUSED_ROWS));
            rows.add(V.assign("unused_" + prefix + "_rows", unused + "}"));
            List<ModuleItem> sim = new ArrayList<>();
            sim.add(V.wire(sum, sumWidth, "the rows' partial sum, as one multiply"));
            sim.add(V.assign(sum, V.sext(a, aw, sumWidth) + " * " + (signedB ? V.sext(b, bw, sumWidth)
                    : V.zext(b, bw, sumWidth))));
            sim.add(V.wire("unused_" + prefix + "_rows", 1, "the rows' inputs Verilator does not read"));
            sim.add(V.assign("unused_" + prefix + "_rows", headUnused + (deadSum == null ? "" : ", " + deadSum) + ", "
                    + a + ", " + b + "}"));
            List<ModuleItem> out = new ArrayList<>(items.subList(0, start));
            out.add(Ifdef.of("VERILATOR", List.of(
                    "Simulation speed under Verilator (docs/performance.md): the rows below as one multiply.",
                    "Equal to the rows by " + proof + ".",
                    "Synthesis (Yosys, Vivado), Icarus and the formal proofs do not define VERILATOR: they read the rows."),
                    sim, rows));
            out.addAll(items.subList(end, items.size()));
            return out;
        }
    }

    private static String bit(String b, int i, int bw) {
        return i < bw ? b + "[" + i + "]" : "1'b0";
    }
}
