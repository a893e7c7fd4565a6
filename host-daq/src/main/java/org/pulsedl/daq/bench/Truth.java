package org.pulsedl.daq.bench;

import org.pulsedl.daq.sim.PulseSimulator;
import org.pulsedl.quantizer.data.Dataset;

/**
 * What is known of the pulses behind a dataset (DESIGN §3 "Truth and bias"): the true onset of every channel
 * (labels {@code t_ch<c>_ns}) and the true amplitude (label {@code amplitude}), each null when the dataset
 * has no such labels (a real capture).
 *
 * @param timeNs    {@code [event][channel]} true onset after the first sample, ns; or null
 * @param amplitude {@code [event]} true peak above the baseline, ADC codes; or null
 * @param periodNs  sample period, ns (the sampling phase of an onset is {@code (t / T) mod 1})
 */
public record Truth(double[][] timeNs, double[] amplitude, double periodNs) {
    public static Truth of(Dataset data, double periodNs) {
        double[][] t = null;
        boolean allTimes = data.channels() > 0;
        for (int c = 0; c < data.channels(); c++) allTimes &= data.labelNames().contains(PulseSimulator.timeLabel(c));
        if (allTimes) {
            t = new double[data.events()][data.channels()];
            for (int c = 0; c < data.channels(); c++) {
                double[] col = data.labelColumn(PulseSimulator.timeLabel(c));
                for (int ev = 0; ev < col.length; ev++) t[ev][c] = col[ev];
            }
        }
        double[] a = data.labelNames().contains(PulseSimulator.AMPLITUDE_LABEL)
                ? data.labelColumn(PulseSimulator.AMPLITUDE_LABEL) : null;
        return new Truth(t, a, periodNs);
    }

    /** No truth: a real capture. */
    public static Truth none(double periodNs) {
        return new Truth(null, null, periodNs);
    }

    public boolean hasTime() { return timeNs != null; }

    public boolean hasAmplitude() { return amplitude != null; }
}
