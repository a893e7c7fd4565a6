package org.pulsedl.daq.jmh;

import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.pulsedl.protocol.FrameDecoder;
import org.pulsedl.protocol.FrameEncoder;
import org.pulsedl.protocol.ResultBatch;
import org.pulsedl.protocol.ResultBatchWriter;

/**
 * The host link codec on full RESULT frames (2 raw outputs per record, 69 records per frame, 1,400-byte payload),
 * one thread. {@code *Frames} score frames per second, {@code *Records} result records per second (the same work
 * counted per record). Run with {@code scripts/jmh FrameCodecBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class FrameCodecBenchmark {
    private static final int OUTPUTS = 2;
    private static final int FRAMES = 256;
    /** Records in a full frame with 2 outputs (checked against ResultBatch.maxRecords in setUp). */
    private static final int RECORDS = 69;

    private final ResultBatchWriter writer = new ResultBatchWriter(OUTPUTS);
    private final FrameEncoder encoder = new FrameEncoder();
    private final int[][] outputs = new int[RECORDS][OUTPUTS];
    private ByteBuffer out;
    private byte[] stream;
    private long records;
    private FrameDecoder decoder;

    @Setup
    public void setUp() {
        if (ResultBatch.maxRecords(OUTPUTS) != RECORDS) {
            throw new IllegalStateException("a full frame holds " + ResultBatch.maxRecords(OUTPUTS) + " records");
        }
        Random r = new Random(1314);
        for (int[] o : outputs) {
            o[0] = r.nextInt();
            o[1] = r.nextInt();
        }
        out = ByteBuffer.allocate(FRAMES * 1416);
        encode();
        stream = java.util.Arrays.copyOf(out.array(), out.position());
        decoder = new FrameDecoder(f -> records += ResultBatch.decode(f.payload()).size());
    }

    /** Fills and encodes {@link #FRAMES} full RESULT frames. */
    private void encode() {
        out.clear();
        long t = 0;
        for (int f = 0; f < FRAMES; f++) {
            writer.clear();
            for (int i = 0; i < RECORDS; i++) {
                writer.add(t += 997, i & 1, 0, outputs[i], 0);
            }
            writer.writeFrame(encoder, 0, out);
        }
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int encodeFrames() {
        encode();
        return out.position();
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES * RECORDS)
    public int encodeRecords() {
        encode();
        return out.position();
    }

    /** Stream decoding (sync, length, CRC-32, sequence) plus the typed RESULT decode of every frame. */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public void decodeFrames(Blackhole bh) {
        decoder.feed(stream, 0, stream.length);
        bh.consume(records);
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES * RECORDS)
    public void decodeRecords(Blackhole bh) {
        decoder.feed(stream, 0, stream.length);
        bh.consume(records);
    }
}
