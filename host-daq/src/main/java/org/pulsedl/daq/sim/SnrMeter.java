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
        int events = waveforms.length;
        if (events < 2) throw new IllegalArgumentException("SNR needs at least 2 events, got " + events);
        int channels = waveforms[0].length;
        double[] signal = new double[channels];
        double[] noise = new double[channels];
        double sumSignal = 0;
        double sumVar = 0;
        for (int c = 0; c < channels; c++) {
            double mean = 0;
            for (short[][] ev : waveforms) mean += ev[c][0];
            mean /= events;
            double ss = 0;
            double maxSum = 0;
            for (short[][] ev : waveforms) {
                short[] w = ev[c];
                double d = w[0] - mean;
                ss += d * d;
                int max = w[0];
                for (int k = 1; k < w.length; k++) max = Math.max(max, w[k]);
                maxSum += max;
            }
            double var = ss / (events - 1);
            signal[c] = maxSum / events - mean;
            noise[c] = Math.sqrt(var);
            sumSignal += signal[c];
            sumVar += var;
        }
        return new Snr(sumSignal / channels, Math.sqrt(sumVar / channels), signal, noise);
    }
}
