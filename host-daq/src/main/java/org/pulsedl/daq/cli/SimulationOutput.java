package org.pulsedl.daq.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import org.pulsedl.daq.sim.PulseSimulator;
import org.pulsedl.daq.sim.SimulatorConfig;
import org.pulsedl.daq.sim.SnrMeter;
import org.pulsedl.quantizer.data.CsvDatasetWriter;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.data.DatasetIo;
import org.pulsedl.quantizer.data.DatasetSize;
import org.pulsedl.quantizer.data.Hdf5DatasetFormat;
import org.pulsedl.quantizer.io.AtomicOutput;

/**
 * Writes the events of {@code simulate} to the output file, atomically, after checking the size fits
 * (issue 8: {@code --events 1000000000} ran 85 s, then died out of memory). CSV is streamed — events are
 * generated and written one at a time, in constant memory, for any count — and refused only when the disk
 * cannot hold it. HDF5 is written from memory (jhdf writes whole arrays), so a count whose arrays exceed the
 * JVM's memory is refused up front with the estimate and the ways out.
 */
final class SimulationOutput {
    /** Events formatted to estimate a CSV file's size. */
    static final int ESTIMATE_EVENTS = 256;
    private static final int PROGRESS_EVERY = 4096;

    /** What was written: the shape and the measured SNR (null below 2 events). */
    record Written(int events, int channels, int samples, SnrMeter.Snr snr) {}

    private SimulationOutput() {}

    static Written write(SimulatorConfig config, int events, Path out, LongConsumer progress) throws IOException {
        try {
            return switch (DatasetIo.formatOf(out)) {
                case CSV -> streamCsv(config, events, out, progress);
                case HDF5 -> hdf5(config, events, out, progress);
            };
        } catch (IOException e) {
            throw DatasetIo.namingFile(out, e);
        }
    }

    private static Written streamCsv(SimulatorConfig config, int events, Path out, LongConsumer progress) throws IOException {
        int sampled = Math.min(events, ESTIMATE_EVENTS);
        long sampleBytes = writeCsv(config, sampled, OutputStream.nullOutputStream(), out, done -> { }).bytes();
        long estimate = DatasetSize.saturatingMultiply(sampleBytes / sampled + 1, events);
        DatasetSize.requireDiskSpace(out, estimate, "estimated from the first " + sampled + " events");
        SnrMeter.Accumulator[] snr = new SnrMeter.Accumulator[1];
        AtomicOutput.write(out, stream -> snr[0] = writeCsv(config, events, stream, out, progress).snr());
        return written(config, events, snr[0].events() >= 2 ? snr[0].snr() : null);
    }

    private record CsvResult(long bytes, SnrMeter.Accumulator snr) {}

    /** Simulates {@code events} events straight into CSV on {@code stream}; one event in memory at a time. */
    private static CsvResult writeCsv(SimulatorConfig config, int events, OutputStream stream, Path out, LongConsumer progress)
            throws IOException {
        int channels = config.channels();
        int samples = config.samples();
        Counting counted = new Counting(stream);
        CsvDatasetWriter writer = new CsvDatasetWriter(counted, out, channels, samples, PulseSimulator.labelNames(channels),
                PulseSimulator.attributes(config));
        PulseSimulator.EventSource source = new PulseSimulator.EventSource(config);
        SnrMeter.Accumulator snr = new SnrMeter.Accumulator(channels);
        short[][] waveform = new short[channels][samples];
        double[] labels = new double[channels + 1];
        for (int e = 0; e < events; e++) {
            source.next(waveform, labels);
            writer.add(waveform, labels);
            snr.add(waveform);
            if ((e + 1) % PROGRESS_EVERY == 0) progress.accept(e + 1);
        }
        writer.finish();
        progress.accept(events);
        return new CsvResult(counted.bytes, snr);
    }

    private static Written hdf5(SimulatorConfig config, int events, Path out, LongConsumer progress) throws IOException {
        int channels = config.channels();
        int samples = config.samples();
        int labels = channels + 1;
        String shortfall = DatasetSize.heapShortfall(Hdf5DatasetFormat.writeHeapBytes(events, channels, samples, labels));
        if (shortfall != null) {
            throw new IllegalArgumentException(out + ": " + events + " events of " + channels + " x " + samples
                    + " samples written as HDF5 " + shortfall + "; write CSV instead (e.g. --out " + csvName(out)
                    + ", streamed in constant memory), simulate fewer events, or " + DatasetSize.HEAP_ADVICE);
        }
        DatasetSize.requireDiskSpace(out, Hdf5DatasetFormat.fileBytes(events, channels, samples, labels), "the samples and labels");
        Dataset dataset = PulseSimulator.generate(config, events, progress);
        DatasetIo.write(dataset, out);
        return written(config, events, events >= 2 ? SnrMeter.measure(dataset) : null);
    }

    private static Written written(SimulatorConfig config, int events, SnrMeter.Snr snr) {
        return new Written(events, config.channels(), config.samples(), snr);
    }

    private static String csvName(Path out) {
        String name = String.valueOf(out.getFileName());
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + ".csv";
    }

    /** Counts the bytes passed on, for the size estimate. */
    private static final class Counting extends OutputStream {
        private final OutputStream out;
        private long bytes;

        Counting(OutputStream out) { this.out = out; }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytes += len;
        }

        @Override
        public void flush() throws IOException { out.flush(); }
    }
}
