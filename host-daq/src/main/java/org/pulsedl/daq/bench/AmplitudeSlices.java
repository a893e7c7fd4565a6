package org.pulsedl.daq.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pulsedl.daq.stats.SampleStats;
import org.pulsedl.quantizer.data.Dataset;

/**
 * Time resolution in amplitude slices (issue 9): σΔt of the events whose amplitude falls in each of
 * {@value #SLICES} slices holding equal numbers of events. The amplitude is the true one when the dataset has
 * it, otherwise the largest sample above the first, averaged over the channels — a method-independent measure
 * that any capture has.
 */
public final class AmplitudeSlices {
    static final int SLICES = 8;
    /** Relative spread below which the amplitude counts as fixed and slicing says nothing. */
    static final double FIXED_SPREAD = 0.05;

    /** One slice: its amplitude range and mean, the events in it, and σΔt ± error in ps. */
    public record Slice(double amplitudeLo, double amplitudeHi, double amplitudeMean, int events, Double sigmaDtPs, Double sigmaDtErrPs) {}

    private AmplitudeSlices() {}

    /** The amplitude of every event: the truth when known, else the mean peak height above the first sample. */
    static double[] amplitudes(Dataset data, Truth truth) {
        if (truth.hasAmplitude()) return truth.amplitude();
        double[] a = new double[data.events()];
        for (int ev = 0; ev < a.length; ev++) {
            double sum = 0;
            for (int c = 0; c < data.channels(); c++) {
                short[] w = data.waveform(ev, c);
                int max = Integer.MIN_VALUE;
                for (short v : w) max = Math.max(max, v);
                sum += max - w[0];
            }
            a[ev] = sum / Math.max(1, data.channels());
        }
        return a;
    }

    /** True when the amplitudes spread enough for slices (and a spectrum) to mean something. */
    static boolean varies(double[] amplitude) {
        SampleStats s = SampleStats.of(amplitude);
        return s.n() > 2 * SLICES && s.sigma() > FIXED_SPREAD * Math.abs(s.mean());
    }

    /** σΔt per slice for times {@code t} ({@code [event][channel]}, two channels at least). */
    static List<Slice> of(double[][] t, double[] amplitude) {
        Integer[] order = new Integer[amplitude.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (x, y) -> Double.compare(amplitude[x], amplitude[y]));
        List<Slice> out = new ArrayList<>();
        for (int s = 0; s < SLICES; s++) {
            int from = s * order.length / SLICES, to = (s + 1) * order.length / SLICES;
            double[] dt = new double[to - from];
            double sumA = 0;
            for (int i = from; i < to; i++) {
                int ev = order[i];
                dt[i - from] = 1e3 * (t[ev][0] - t[ev][1]);
                sumA += amplitude[ev];
            }
            SampleStats st = SampleStats.of(dt);
            boolean ok = st.n() >= 2;
            out.add(new Slice(amplitude[order[from]], amplitude[order[to - 1]], sumA / (to - from), st.n(),
                    ok ? st.sigma() : null, ok ? st.sigmaError() : null));
        }
        return List.copyOf(out);
    }
}
