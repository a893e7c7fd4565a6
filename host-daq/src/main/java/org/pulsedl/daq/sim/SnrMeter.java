package org.pulsedl.daq.sim;

import org.pulsedl.quantizer.data.Dataset;

/**
 * Measures the SNR with the authors' definition (DESIGN §3): per channel, baseline = mean over events of the
 * first sample, noise = standard deviation over events of the first sample (unbiased, n − 1), signal = mean
 * over events of (max sample − baseline); SNR = signal / noise, dB = 20·log10.
 */
public final class SnrMeter {
    private SnrMeter() {}

    /**
     * One measurement. {@code signalCodes}/{@code noiseCodes}/{@code snrDb} combine the channels: mean of the
     * per-channel signals over the root-mean-square of the per-channel noise σ.
     */
    public record Snr(double signalCodes, double noiseCodes, double[] channelSignalCodes, double[] channelNoiseCodes) {
        public double linear() { return signalCodes / noiseCodes; }

        public double db() { return 20 * Math.log10(linear()); }

        public double channelDb(int channel) { return 20 * Math.log10(channelSignalCodes[channel] / channelNoiseCodes[channel]); }
    }

    /** SNR of all channels of {@code dataset} (needs at least 2 events). */
    public static Snr measure(Dataset dataset) {
        return measure(dataset.waveforms());
    }

    /** SNR of waveforms {@code [event][channel][sample]} (at least 2 events). */
    public static Snr measure(short[][][] waveforms) {
        if (waveforms.length < 2) throw new IllegalArgumentException("SNR needs at least 2 events, got " + waveforms.length);
        Accumulator sum = new Accumulator(waveforms[0].length);
        for (short[][] event : waveforms) sum.add(event);
        return sum.snr();
    }

    /**
     * The SNR of events seen one at a time, in constant memory (for a streamed {@code simulate}): per channel the
     * integer sums of the first sample, of its square and of the maximum, which are exact for any number of
     * 16-bit events below 2^33.
     */
    public static final class Accumulator {
        private final long[] first;
        private final long[] firstSquared;
        private final long[] max;
        private long events;

        public Accumulator(int channels) {
            first = new long[channels];
            firstSquared = new long[channels];
            max = new long[channels];
        }

        public void add(short[][] event) {
            for (int c = 0; c < first.length; c++) {
                short[] w = event[c];
                first[c] += w[0];
                firstSquared[c] += (long) w[0] * w[0];
                int m = w[0];
                for (int k = 1; k < w.length; k++) m = Math.max(m, w[k]);
                max[c] += m;
            }
            events++;
        }

        public long events() { return events; }

        /** The SNR of the events added (at least 2). */
        public Snr snr() {
            if (events < 2) throw new IllegalArgumentException("SNR needs at least 2 events, got " + events);
            int channels = first.length;
            double[] signal = new double[channels];
            double[] noise = new double[channels];
            double sumSignal = 0;
            double sumVar = 0;
            for (int c = 0; c < channels; c++) {
                double mean = (double) first[c] / events;
                // Σ(x − mean)² = Σx² − (Σx)²/n, from exact integer sums.
                double var = (firstSquared[c] - (double) first[c] * first[c] / events) / (events - 1);
                signal[c] = (double) max[c] / events - mean;
                noise[c] = Math.sqrt(Math.max(var, 0));
                sumSignal += signal[c];
                sumVar += var;
            }
            return new Snr(sumSignal / channels, Math.sqrt(sumVar / channels), signal, noise);
        }
    }
}
