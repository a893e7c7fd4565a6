package org.pulsedl.hls.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.accel.Descriptor;
import org.pulsedl.hls.accel.PackedMac;
import org.pulsedl.hls.accel.ParamEntry;
import org.pulsedl.hls.accel.RequantUnit;
import org.pulsedl.hls.verilog.VerilogFile;
import org.pulsedl.quantizer.testing.TestSeed;

/**
 * Unit tests of the generated arithmetic unit and requantiser under Icarus: random operand vectors (plus the extreme
 * ones) go through the module, and each result equals {@code PackedMac} / {@code RequantUnit}.
 */
class DatapathUnitTest {

    /** Runs {@code module} in a vector testbench: one input vector per line in, one output line per vector out. */
    private static List<String> runVectors(String name, VerilogFile dut, String tbBody, List<String> vectors)
            throws Exception {
        Path dir = RtlBench.dir("unit-" + name);
        Files.writeString(dir.resolve(dut.fileName()), dut.text());
        Files.write(dir.resolve("vectors.hex"), vectors);
        String tb = "`timescale 1ns / 1ps\n`default_nettype none\nmodule tb;\n" + tbBody
                + "\nendmodule\n`default_nettype wire\n";
        Files.writeString(dir.resolve("tb.v"), tb);
        RtlBench.run(dir, List.of("iverilog", "-g2005", "-Wall", "-o", "tb.vvp", "-s", "tb", dut.fileName(), "tb.v"),
                120);
        RtlBench.run(dir, List.of("vvp", "-n", "tb.vvp", "+n=" + vectors.size()), 300);
        return Files.readAllLines(dir.resolve("out.hex"));
    }

    private static VerilogFile file(List<VerilogFile> files, String module) {
        return files.stream().filter(f -> f.module().name().equals(module)).findFirst().orElseThrow();
    }

    /** Packed int8 pairs equal PackedMac; int16 products on the low lane, and the fabric high lane at full rate. */
    @ParameterizedTest(name = "int16_full_rate {0}, mac_latency {1}")
    // 6: the fast-clock AU (registered DSP product, cut fabric rows); 7: also the DSP's operands registered
    @CsvSource({"false, 4", "true, 4", "true, 6", "true, 7"})
    void packedMacsEqualPackedMac(boolean fullRate, int macLatency) throws Exception {
        long seed = TestSeed.of("DatapathUnitTest.packedMacsEqualPackedMac", 1234);
        SplittableRandom rnd = new SplittableRandom(seed);
        AcceleratorConfig cfg = AcceleratorConfig.small().toBuilder().twoMacsPerDsp(true).int16FullRate(fullRate)
                .macLatency(macLatency).build();
        assertEquals(fullRate, cfg.int16FullRate(), "configuration");
        VerilogFile au = file(AcceleratorRtl.files(cfg, RtlBench.PROVENANCE), AcceleratorRtl.TOP + "_au");
        List<String> vectors = new ArrayList<>();
        List<int[]> ops = new ArrayList<>();
        int[] edge = {-127, -1, 0, 1, 127};
        int[] aEdge = {-128, -1, 0, 1, 127};
        for (int lo : edge) {
            for (int hi : edge) {
                for (int a : aEdge) {
                    ops.add(new int[] {lo, hi, a, 0});
                }
            }
        }
        for (int w = -127; w <= 127; w++) {           // every weight through the fabric multiplier's Booth digits
            for (int a : new int[] {-32768, -32767, -21846, -1, 0, 1, 21845, 32767}) {
                ops.add(new int[] {-w, w, a, 1});
            }
        }
        for (int i = 0; i < 3000; i++) {
            boolean in16 = i % 5 == 0;
            ops.add(new int[] {rnd.nextInt(255) - 127, rnd.nextInt(255) - 127,
                    in16 ? rnd.nextInt(65536) - 32768 : rnd.nextInt(256) - 128, in16 ? 1 : 0});
        }
        for (int[] o : ops) {
            vectors.add(String.format("%01x%04x%02x%02x", o[3], o[2] & 0xFFFF, o[1] & 0xFF, o[0] & 0xFF));
        }
        String body = """
                  reg clk = 0;
                  reg [32:0] vec [0:8191];
                  reg [7:0] wlo, whi;
                  reg [15:0] a;
                  reg in16;
                  wire [47:0] lo, hi;
                  integer i, n, fd;
                  pdl_accel_au dut (.i_clk(clk), .i_w_lo(wlo), .i_w_hi(whi), .i_a(a), .i_in16(in16),
                    .i_acc_en(1'b1), .i_acc_first(1'b1), .i_capture(1'b1), .o_shadow_lo(lo), .o_shadow_hi(hi));
                  task tick; begin #5 clk = 1; #5 clk = 0; end endtask
                  initial begin
                    if (!$value$plusargs("n=%d", n)) n = 0;
                    $readmemh("vectors.hex", vec, 0, n - 1);
                    fd = $fopen("out.hex", "w");
                    for (i = 0; i < n; i = i + 1) begin
                      {in16, a, whi, wlo} = vec[i];
                      tick; tick; tick; tick; tick; tick;
                      $fdisplay(fd, "%012x %012x", lo, hi);
                    end
                    $fclose(fd);
                    $finish;
                  end""";
        // The AU's accumulators are as wide as the largest fan-in's sum needs (RtlShape.auAcc), not acc_bits.
        int accW = Math.min(cfg.accBits(), AcceleratorConfig.minAccBits(cfg.maxFanIn(), cfg.activationBits()));
        List<String> out = runVectors("au", au, body.replace("wire [47:0] lo, hi;", "wire [" + (accW - 1)
                + ":0] lo, hi;"), vectors);
        for (int i = 0; i < ops.size(); i++) {
            int[] o = ops.get(i);
            long expLo;
            long expHi;
            if (o[3] == 1) {
                expLo = (long) o[0] * o[2];
                expHi = fullRate ? (long) o[1] * o[2] : 0;
            } else {
                long p = PackedMac.product(o[0], o[1], o[2]);
                expLo = PackedMac.low(p);
                expHi = PackedMac.high(p);
                assertEquals((long) o[0] * o[2], expLo, "PackedMac low");
                assertEquals((long) o[1] * o[2], expHi, "PackedMac high");
            }
            String[] f = out.get(i).trim().split("\\s+");
            String what = "seed " + seed + " w_lo " + o[0] + " w_hi " + o[1] + " a " + o[2] + " in16 " + o[3];
            assertEquals(expLo, RequantUnit.wrap(Long.parseLong(f[0], 16), accW), what + ": lane 2j");
            assertEquals(expHi, RequantUnit.wrap(Long.parseLong(f[1], 16), accW), what + ": lane 2j+1");
        }
        System.out.println("DatapathUnitTest: " + ops.size() + " packed MAC operand sets equal PackedMac");
    }

    // Latencies choose the pipeline cuts (RtlShape.rqCuts/inCuts): requant_latency 6 → 2 cuts, 5 → 1, 4 → none.
    @Test
    void requantiserEqualsRequantUnit() throws Exception {
        checkRequantiser(AcceleratorConfig.small(), false, 5678);
    }

    @Test
    void narrowRequantiserEqualsRequantUnit() throws Exception {
        checkRequantiser(AcceleratorConfig.small().toBuilder().mBits(16).requantLatency(5).build(), false, 5679);
    }

    @Test
    void inputStageRequantiserEqualsRequantUnit() throws Exception {
        checkRequantiser(AcceleratorConfig.small().toBuilder().mBits(16).build(), true, 5680);
        checkRequantiser(AcceleratorConfig.small().toBuilder().inputMBits(16).inputLatency(6).build(), true, 5682);
    }

    // Deep pipelines for a fast clock (docs/accelerator.md, timing): registered inputs, the rows cut into short runs.
    @Test
    void deepRequantiserEqualsRequantUnit() throws Exception {
        checkRequantiser(AcceleratorConfig.small().toBuilder().requantLatency(12).build(), false, 5683);
        checkRequantiser(AcceleratorConfig.small().toBuilder().mBits(16).requantLatency(13).build(), false, 5684);
        checkRequantiser(AcceleratorConfig.small().toBuilder().requantLatency(16).build(), false, 5686);
    }

    @Test
    void deepInputStageRequantiserEqualsRequantUnit() throws Exception {
        checkRequantiser(AcceleratorConfig.small().toBuilder().inputLatency(11).build(), true, 5685);
        checkRequantiser(AcceleratorConfig.small().toBuilder().inputLatency(16).build(), true, 5687);
    }

    @Test
    void int8BuildRequantiserEqualsRequantUnit() throws Exception {
        checkRequantiser(AcceleratorConfig.small().toBuilder().activationBits(8).accBits(32).mBits(20)
                .requantLatency(4).build(), false, 5681);
    }

    /**
     * Random vectors within what the compiler and the model validator produce (the RTL relies on it): DOUBLE with
     * shl > 0 has shr = 0 and {@code acc << shl} within int32 (the input stage's variant wraps like Java for any shl,
     * shr), SINGLE/INT64 shr >= 1, INT64 m < 2^15 and |acc| < 2^47, pool sums of at most 16 int16 values.
     */
    private static void checkRequantiser(AcceleratorConfig cfg, boolean inputStage, long defaultSeed)
            throws Exception {
        String module = AcceleratorRtl.TOP + (inputStage ? "_requant_in" : "_requant");
        long seed = TestSeed.of("DatapathUnitTest." + module + "." + cfg.mBits(), defaultSeed);
        SplittableRandom rnd = new SplittableRandom(seed);
        int accBits = cfg.accBits();
        int mBits = inputStage ? cfg.inputMBits() : cfg.mBits();
        RtlShape shape = new RtlShape(cfg, AcceleratorRtl.TOP);
        int latency = 2 + (inputStage ? shape.inCuts() : shape.rqCuts());   // pipeline cuts from the latency budget
        VerilogFile rq = file(AcceleratorRtl.files(cfg, RtlBench.PROVENANCE), module);
        boolean int16 = cfg.activationBits() == 16;
        long actHalf = 1L << (cfg.activationBits() - 1);
        int[] modes = inputStage ? new int[] {RequantRtl.DOUBLE, RequantRtl.SINGLE, RequantRtl.RAW}
                : int16 ? new int[] {RequantRtl.DOUBLE, RequantRtl.SINGLE, RequantRtl.INT64, RequantRtl.RAW,
                        RequantRtl.MAX, RequantRtl.AVG}
                : new int[] {RequantRtl.DOUBLE, RequantRtl.SINGLE, RequantRtl.RAW, RequantRtl.MAX, RequantRtl.AVG};
        List<String> vectors = new ArrayList<>();
        List<long[]> expected = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            int mode = modes[i % modes.length];
            long value = rnd.nextLong(-(1L << 40), 1L << 40);
            long bias = rnd.nextLong(-(1L << 30), 1L << 30);
            int m = 0;
            int shr = 0;
            int shl = 0;
            int count = 1 + rnd.nextInt(16);
            int zout = rnd.nextInt(256) - 128;
            int amin = -128 + rnd.nextInt(64);
            int amax = 127 - rnd.nextInt(64);
            long exp;
            if (mode == RequantRtl.AVG) {
                value = rnd.nextLong(-cfg.maxPool() * actHalf, cfg.maxPool() * (actHalf - 1) + 1);
                exp = RequantUnit.averageDivide(value, count);
            } else if (mode == RequantRtl.MAX) {
                value = rnd.nextLong(-actHalf, actHalf);
                exp = value;
            } else {
                int mMax = mode == RequantRtl.INT64 ? 15 : mBits;
                m = switch (rnd.nextInt(8)) {
                    case 0 -> (int) rnd.nextLong(1L << mMax);
                    case 1 -> (int) ((1L << mMax) - 1);
                    default -> (int) ((1L << (mMax - 1)) + rnd.nextLong(1L << (mMax - 1)));
                };
                if (mode == RequantRtl.DOUBLE) {
                    if (inputStage) {
                        shl = rnd.nextInt(31);
                        shr = rnd.nextInt(32);
                    } else if (rnd.nextBoolean()) {
                        shl = 1 + rnd.nextInt(Math.min(mBits - 1, 30));
                        long lim = Integer.MAX_VALUE >> shl;
                        value = rnd.nextLong(-lim, lim + 1) - bias;
                    } else {
                        shr = rnd.nextInt(32);
                    }
                } else if (mode == RequantRtl.SINGLE) {
                    shr = 1 + rnd.nextInt(mBits + 31);
                }
                if (mode == RequantRtl.SINGLE && m > 0 && rnd.nextInt(4) == 0) {
                    // around the int32 saturation bounds: y = 2^31 - 1, 2^31, -2^31, -2^31 - 1
                    shr = Math.max(1, 63 - Long.numberOfLeadingZeros(m) - rnd.nextInt(2));   // m / 2^shr in [1, 4)
                    long[] target = {Integer.MAX_VALUE, 1L << 31, Integer.MIN_VALUE, Integer.MIN_VALUE - 1L};
                    long acc = (target[rnd.nextInt(4)] << shr) / m + rnd.nextInt(5) - 2;
                    value = Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, acc)) - bias;
                } else if ((mode == RequantRtl.SINGLE || mode == RequantRtl.DOUBLE && shl == 0)
                        && rnd.nextInt(8) == 0) {
                    long[] edge = {Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0, 1};
                    value = edge[rnd.nextInt(edge.length)] - bias;                // int32 extremes of acc
                } else if (mode == RequantRtl.INT64) {
                    shr = 1 + rnd.nextInt(46);
                    long acc = rnd.nextInt(4) == 0 ? (rnd.nextBoolean() ? 1 : -1) * ((1L << 47) - 1)
                            : rnd.nextLong(-(1L << 47) + 1, 1L << 47);
                    value = acc - bias;
                }
                if (mode != RequantRtl.RAW && rnd.nextInt(4) == 0) {
                    amin = -32768;
                    amax = 32767;
                    zout = 0;
                }
                Descriptor d = new Descriptor(1, 1, 1, mode == 2, false, mode, false, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 0,
                        zout, amin, amax);
                exp = RequantUnit.drainMac(value, new ParamEntry(bias, m, shr, shl), d, accBits, mBits);
            }
            expected.add(new long[] {exp});
            vectors.add(String.format("%01x%016x%016x%08x%02x%02x%02x%04x%04x%04x", mode, value, bias, m, shr, shl,
                    count, zout & 0xFFFF, amin & 0xFFFF, amax & 0xFFFF));
        }
        String body = """
                  reg clk = 0;
                  reg [235:0] vec [0:8191];
                  reg [3:0] mode4;
                  reg [63:0] value, bias;
                  reg [31:0] m;
                  reg [7:0] shr, shl, cnt;
                  reg [15:0] zout, amin, amax;
                  wire [63:0] out;
                  wire clo, chi;
                  integer i, n, fd;
                  MODULE dut (.i_clk(clk), .i_mode(mode4[2:0]), .i_value(value), .i_bias(bias), .i_m(m),
                    .i_shr(shr[5:0]), .i_shl(shl[4:0]), .i_count(cnt[4:0]), .i_zout(zout), .i_min(amin),
                    .i_max(amax), .o_value(out), .o_clamp_lo(clo), .o_clamp_hi(chi));
                  task tick; begin #5 clk = 1; #5 clk = 0; end endtask
                  initial begin
                    if (!$value$plusargs("n=%d", n)) n = 0;
                    $readmemh("vectors.hex", vec, 0, n - 1);
                    fd = $fopen("out.hex", "w");
                    for (i = 0; i < n; i = i + 1) begin
                      {mode4, value, bias, m, shr, shl, cnt, zout, amin, amax} = vec[i];
                      TICKS
                      #1 $fdisplay(fd, "%016x", out);
                    end
                    $fclose(fd);
                    $finish;
                  end""".replace("MODULE", module).replace("TICKS", "tick; ".repeat(latency).strip());
        List<String> out = runVectors(module.substring(AcceleratorRtl.TOP.length() + 1) + "-" + cfg.mBits() + "-l" + latency, rq, body,
                vectors);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i)[0], Long.parseUnsignedLong(out.get(i).trim(), 16),
                    "seed " + seed + " vector " + i + " (" + vectors.get(i) + ")");
        }
        System.out.println("DatapathUnitTest: " + expected.size() + " " + module + " (m_bits " + mBits
                + ") vectors equal RequantUnit");
    }
}
