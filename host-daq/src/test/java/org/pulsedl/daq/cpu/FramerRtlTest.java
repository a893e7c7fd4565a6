package org.pulsedl.daq.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pulsedl.hls.accel.ResultHeader;
import org.pulsedl.protocol.EventFlag;
import org.pulsedl.protocol.Frame;
import org.pulsedl.protocol.FrameDecoder;
import org.pulsedl.protocol.FrameFlag;
import org.pulsedl.protocol.LinkCounters;
import org.pulsedl.protocol.MessageType;
import org.pulsedl.protocol.ResultBatch;
import org.pulsedl.quantizer.testing.TestSeed;

/**
 * The result framer (rtl/soc/pdl_framer.v) in Icarus ({@code testbenches/framer/tb_framer.v}): seeded random results
 * (ResultHeader words with sequence jumps, channels partly masked off, narrow or int64 outputs) enter its stream
 * input with random gaps, the transmit side takes bytes at random, and a CPU stand-in claims the link now and then
 * for a frame of its own. The protocol's {@link FrameDecoder} decodes every byte that left: no CRC error, no garbage,
 * one unbroken sequence across the framer's and the CPU's frames, and every record equal to the injected result
 * (timestamp, channel, saturated outputs and their flag); the framer's counters agree.
 */
class FramerRtlTest {
    /** The testbench's capture clock: a result's header sees TIME_BASE + index * TIME_STEP. */
    static final long TIME_BASE = 0x1_2345_0000L;
    static final long TIME_STEP = 977;
    static final Pattern SUMMARY = Pattern.compile("tb_framer: frames (\\d+) records (\\d+) drops (\\d+) expected (\\d+) "
            + "sequence (\\d+) cpu_frames (\\d+) bytes (\\d+) cycles (\\d+)");

    /** One run's settings. */
    record Setup(String name, int results, int outputs, boolean wide, int batch, int mask, int maxAge, int seq0,
                 boolean stall, int claims) {}

    /** What the framer should send for one injected result (null when its channel is masked off). */
    record Expected(long timestamp, int channel, int flags, int[] outputs) {}

    @Test
    void narrowOutputsMaskedChannelsClaimsAndPartialFrames() throws Exception {
        check(new Setup("narrow", 600, 2, false, 7, 0b1011, 300, -16, true, 6));
    }

    @Test
    void wideOutputsSaturateAndFullFramesOnly() throws Exception {
        check(new Setup("wide", 400, 3, true, 20, -1, 0, 1000, true, 3));
    }

    /** Nothing waits on either side: the framer's own rate, one byte per cycle (docs/performance.d/framer.md). */
    @Test
    void fullRateIsOneBytePerCycle() throws Exception {
        int outputs = 2;
        int batch = ResultBatch.maxRecords(outputs);
        Run r = check(new Setup("full-rate", batch * 10, outputs, false, batch, -1, 0, 0, false, 0));
        double perRecord = (double) r.cycles / r.records;
        int wire = ResultBatch.recordSize(outputs);
        System.out.printf("FramerRtlTest: %d records in %d frames of %d, %d bytes in %d cycles: %.2f cycles/record "
                        + "(%d bytes/record on the wire), %.4f records/cycle%n", r.records, r.frames, batch, r.bytes,
                r.cycles, perRecord, wire, 1 / perRecord);
        // one byte per cycle from the first byte to the last, but for one cycle between frames
        assertTrue(r.cycles <= r.bytes + r.frames, r.cycles + " cycles for " + r.bytes + " bytes");
    }

    record Run(long frames, long records, long bytes, long cycles) {}

    private Run check(Setup s) throws IOException {
        long seed = TestSeed.of("FramerRtlTest." + s.name, 20261205L);
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> words = new ArrayList<>();
        List<Expected> expected = new ArrayList<>();
        int sequence = 0;
        long drops = 0;
        for (int i = 0; i < s.results; i++) {
            if (random.nextInt(20) == 0) {
                int gap = 1 + random.nextInt(3);
                sequence += gap;
                drops += gap;
            }
            int channel = random.nextInt(4);
            words.add(ResultHeader.word(sequence++, channel));
            int[] out = new int[s.outputs];
            int flags = 0;
            for (int k = 0; k < s.outputs; k++) {
                if (s.wide) {
                    long v = random.nextInt(4) == 0 ? random.nextLong() : random.nextInt();
                    words.add((int) v);
                    words.add((int) (v >> 32));
                    out[k] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
                    if (out[k] != v) flags |= 1 << EventFlag.OUTPUT_CLIPPED.code();
                } else {
                    out[k] = random.nextInt();
                    words.add(out[k]);
                }
            }
            boolean kept = ((s.mask >>> channel) & 1) != 0;
            expected.add(kept ? new Expected(TIME_BASE + TIME_STEP * i, channel, flags, out) : null);
        }
        List<Expected> records = expected.stream().filter(e -> e != null).toList();

        Path dir = Files.createDirectories(CpuPrograms.targetDir().resolve("framer-rtl"));
        Path in = dir.resolve(s.name + ".hex");
        Path outFile = dir.resolve(s.name + ".out");
        StringBuilder hex = new StringBuilder();
        for (int w : words) hex.append(String.format("%08x%n", w));
        Files.writeString(in, hex.toString(), StandardCharsets.US_ASCII);
        Path root = CpuPrograms.root();
        Path vvp = dir.resolve("tb_framer.vvp");
        CpuSimulator.Run compile = CpuPrograms.run(List.of("iverilog", "-g2005", "-Wall", "-I" + root.resolve("rtl/generated"),
                "-s", "tb_framer", "-o", vvp.toString(), root.resolve("testbenches/framer/tb_framer.v").toString(),
                root.resolve("rtl/soc/pdl_framer.v").toString(), root.resolve("rtl/generated/pdl_framer_regs.v").toString()),
                120, "iverilog (scripts/setup.sh: PULSEDL_RTL_PACKAGES)");
        assertEquals(0, compile.exitCode(), compile.output() + compile.status());
        CpuSimulator.Run sim = CpuPrograms.run(List.of("vvp", "-n", vvp.toString(), "+results=" + in, "+words=" + words.size(),
                "+out=" + outFile, "+outputs=" + s.outputs, "+wide=" + (s.wide ? 1 : 0), "+batch=" + s.batch,
                "+mask=" + s.mask, "+max_age=" + s.maxAge, "+seq0=" + s.seq0, "+stall=" + (s.stall ? 1 : 0),
                "+claims=" + s.claims, "+seed=" + (int) seed), 300, "iverilog (vvp)");
        Matcher m = SUMMARY.matcher(sim.output());
        assertTrue(sim.exitCode() == 0 && m.find(), "seed " + seed + ": " + sim.output() + sim.status());

        List<Frame> frames = new ArrayList<>();
        FrameDecoder decoder = new FrameDecoder(frames::add);
        byte[] bytes = Files.readAllLines(outFile).stream().collect(java.io.ByteArrayOutputStream::new,
                (b, l) -> b.write(Integer.parseInt(l.trim(), 16)), (a, b) -> a.writeBytes(b.toByteArray())).toByteArray();
        decoder.feed(bytes);
        decoder.endOfStream();
        LinkCounters c = decoder.counters();
        String where = s.name + ", seed " + seed;
        assertEquals(0, c.crcErrors(), where + ": CRC errors");
        assertEquals(0, c.garbageBytes(), where + ": garbage");
        assertEquals(0, c.sequenceGaps() + c.lateFrames() + c.truncatedFrames(), where + ": " + c);

        int next = 0;
        long resultFrames = 0;
        long cpuFrames = 0;
        for (int f = 0; f < frames.size(); f++) {
            Frame frame = frames.get(f);
            assertEquals((s.seq0 + f) & 0xFFFF_FFFFL, frame.sequence(), where + ": frame " + f + "'s sequence");
            if (frame.messageType() == MessageType.STATS) {
                assertTrue(frame.has(FrameFlag.REPLY));
                cpuFrames++;
                continue;
            }
            assertEquals(MessageType.RESULT, frame.messageType(), where + ": frame " + f);
            resultFrames++;
            ResultBatch b = ResultBatch.decode(frame.payload());
            assertEquals(s.outputs, b.outputCount());
            assertTrue(b.size() >= 1 && b.size() <= s.batch, where + ": frame " + f + " holds " + b.size());
            boolean last = next + b.size() == records.size();
            if (s.maxAge == 0 && !last) assertEquals(s.batch, b.size(), where + ": only full frames before the drain");
            for (int i = 0; i < b.size(); i++, next++) {
                Expected e = records.get(next);
                String what = where + ": record " + next;
                assertEquals(e.timestamp, b.timestamps()[i], what + " timestamp");
                assertEquals(e.channel, b.channels()[i], what + " channel");
                assertEquals(e.flags, b.flags()[i], what + " flags");
                for (int k = 0; k < s.outputs; k++) assertEquals(e.outputs[k], b.output(i, k), what + " output " + k);
            }
        }
        assertEquals(records.size(), next, where + ": records sent");
        assertEquals(s.claims, cpuFrames, where + ": the CPU's frames");
        assertEquals(resultFrames, Long.parseLong(m.group(1)), where + ": framer counter frames");
        assertEquals(records.size(), Long.parseLong(m.group(2)), where + ": framer counter records");
        assertEquals(drops, Long.parseLong(m.group(3)), where + ": framer counter drops");
        assertEquals(sequence & 0xFFFF, Long.parseLong(m.group(4)), where + ": framer's expected sequence");
        assertEquals((s.seq0 + frames.size()) & 0xFFFF_FFFFL, Long.parseLong(m.group(5)), where + ": next frame sequence");
        System.out.printf("FramerRtlTest %s: seed %d, %d results (%d kept), %d RESULT + %d CPU frames, all bit-exact%n",
                s.name, seed, s.results, records.size(), resultFrames, cpuFrames);
        return new Run(resultFrames, records.size(), Long.parseLong(m.group(7)), Long.parseLong(m.group(8)));
    }
}
