package org.pulsedl.quantizer.train;

import java.util.Arrays;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.model.Shape;
import org.pulsedl.quantizer.quant.AdcInput;

/**
 * Training samples made from a {@link Dataset}: float model inputs {@code (adc − baseline) · codeScale}
 * ({@link AdcInput}) and the target labels in their own units. In per-channel mode every channel of an
 * event is one single-channel sample ({@link TargetSpec}); {@link #event} keeps the event of each sample so
 * that a validation split never separates the channels of one event.
 */
public final class TrainingSet {
    private final Shape inputShape;
    private final float[] inputs;
    private final float[] targets;
    private final int[] event;
    private final int targetCount;
    private final float[] weights;

    private TrainingSet(Shape inputShape, float[] inputs, float[] targets, int[] event, int targetCount, float[] weights) {
        this.inputShape = inputShape;
        this.inputs = inputs;
        this.targets = targets;
        this.event = event;
        this.targetCount = targetCount;
        this.weights = weights;
    }

    /**
     * This set with a loss weight per sample ({@link LossWeight#weights}), or {@code null} for plain MSE.
     *
     * @throws IllegalArgumentException if the number of weights is not the number of samples
     */
    public TrainingSet withWeights(float[] w) {
        if (w != null && w.length != size()) {
            throw new IllegalArgumentException(w.length + " loss weights for " + size() + " samples");
        }
        return new TrainingSet(inputShape, inputs, targets, event, targetCount, w);
    }

    /** Whether the loss weighs the samples ({@link #withWeights}). */
    public boolean weighted() { return weights != null; }

    /** Loss weight of sample {@code s} (1 when the set is not weighted). */
    public float weight(int s) { return weights == null ? 1f : weights[s]; }

    /**
     * The samples of {@code data} for {@code spec}, normalised by {@code adc} (one channel per model input
     * channel: 1 in per-channel mode).
     *
     * @throws IllegalArgumentException for an empty dataset, an unknown target label or a mismatched {@code adc}
     */
    public static TrainingSet from(Dataset data, TargetSpec spec, AdcInput adc) {
        requireEvents(data);
        int[][] columns = spec.columns(data);
        int modelChannels = spec.perChannel() ? 1 : data.channels();
        if (adc.baseline().length != modelChannels) {
            throw new IllegalArgumentException("the input normalisation has " + adc.baseline().length
                    + " channel(s), the model input has " + modelChannels);
        }
        int len = data.samples();
        int perEvent = spec.perChannel() ? data.channels() : 1;
        int n = data.events() * perEvent;
        int t = spec.templates().size();
        float[] x = new float[n * len * modelChannels];
        float[] y = new float[n * t];
        int[] ev = new int[n];
        int s = 0;
        for (int e = 0; e < data.events(); e++) {
            for (int k = 0; k < perEvent; k++, s++) {
                ev[s] = e;
                for (int c = 0; c < modelChannels; c++) {
                    short[] w = data.waveform(e, spec.perChannel() ? k : c);
                    for (int l = 0; l < len; l++) {
                        x[(s * len + l) * modelChannels + c] = (float) ((code(w[l], adc.adcBits()) - adc.baseline()[c]) * adc.codeScale()[c]);
                    }
                }
                for (int i = 0; i < t; i++) {
                    y[s * t + i] = (float) data.labels()[e][columns[spec.perChannel() ? k : 0][i]];
                }
            }
        }
        return new TrainingSet(Shape.of(len, modelChannels), x, y, ev, t, null);
    }

    /**
     * Unlabelled single-channel samples (the label-free mode): every channel of every event is one
     * {@code [samples][1]} window normalised by {@code adc} (one channel); no targets ({@link #targetCount} 0).
     */
    public static TrainingSet windows(Dataset data, AdcInput adc) {
        requireEvents(data);
        if (adc.baseline().length != 1) {
            throw new IllegalArgumentException("the input normalisation has " + adc.baseline().length
                    + " channel(s), single-channel windows need 1");
        }
        int len = data.samples();
        int n = data.events() * data.channels();
        float[] x = new float[n * len];
        int[] ev = new int[n];
        int s = 0;
        for (int e = 0; e < data.events(); e++) {
            for (int c = 0; c < data.channels(); c++, s++) {
                ev[s] = e;
                short[] w = data.waveform(e, c);
                for (int l = 0; l < len; l++) {
                    x[s * len + l] = (float) ((code(w[l], adc.adcBits()) - adc.baseline()[0]) * adc.codeScale()[0]);
                }
            }
        }
        return new TrainingSet(Shape.of(len, 1), x, new float[0], ev, 0, null);
    }

    /**
     * The input normalisation the trainer records (DESIGN §2 input stage): per model channel, baseline = the
     * median first sample (the window starts before the pulse), code scale = 1 / the largest excursion above
     * it, so pulses map to about [0, 1]. The integer input range is calibrated separately on these values.
     */
    public static AdcInput normalisation(Dataset data, boolean perChannel) {
        requireEvents(data);
        int bits = adcBits(data);
        int modelChannels = perChannel ? 1 : data.channels();
        int[] baseline = new int[modelChannels];
        double[] scale = new double[modelChannels];
        for (int c = 0; c < modelChannels; c++) {
            int from = perChannel ? 0 : c;
            int to = perChannel ? data.channels() : c + 1;
            int[] first = new int[data.events() * (to - from)];
            int max = Integer.MIN_VALUE;
            int i = 0;
            for (int e = 0; e < data.events(); e++) {
                for (int ch = from; ch < to; ch++) {
                    short[] w = data.waveform(e, ch);
                    first[i++] = code(w[0], bits);
                    for (short v : w) {
                        max = Math.max(max, code(v, bits));
                    }
                }
            }
            Arrays.sort(first);
            baseline[c] = first[first.length / 2];
            scale[c] = 1.0 / Math.max(max - baseline[c], 1);
        }
        return new AdcInput(bits, baseline, scale);
    }

    /** ADC bits from the dataset's {@code adc_bits} attribute, else the fewest bits holding its largest code. */
    public static int adcBits(Dataset data) {
        String attr = data.attributes().get("adc_bits");
        if (attr != null) {
            try {
                int b = Integer.parseInt(attr.trim());
                if (b >= 1 && b <= 16) {
                    return b;
                }
            } catch (NumberFormatException ignored) {
                // fall through to the inferred width
            }
        }
        int max = 1;
        for (short[][] ev : data.waveforms()) {
            for (short[] w : ev) {
                for (short v : w) {
                    max = Math.max(max, v & 0xFFFF);
                }
            }
        }
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(max));
    }

    private static int code(short v, int bits) { return bits == 16 ? v & 0xFFFF : v; }

    private static void requireEvents(Dataset data) {
        if (data.events() == 0 || data.samples() == 0) {
            throw new IllegalArgumentException("the dataset is empty (" + data.events() + " events, "
                    + data.samples() + " samples per window); training needs events");
        }
    }

    public Shape inputShape() { return inputShape; }

    public int size() { return event.length; }

    public int targetCount() { return targetCount; }

    public int inputSize() { return inputShape.size(); }

    /** Inputs, {@code [sample][length][channels]} row-major; not copied. */
    float[] inputs() { return inputs; }

    /** Targets {@code [sample][target]} in label units; not copied. */
    float[] targets() { return targets; }

    /** Event index of sample {@code s}. */
    public int event(int s) { return event[s]; }

    /** Input window of sample {@code s} as doubles (for {@code FloatInference}). */
    public double[] input(int s) {
        int size = inputSize();
        double[] x = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = inputs[s * size + i];
        }
        return x;
    }

    /** Target {@code i} of sample {@code s}. */
    public double target(int s, int i) { return targets[s * targetCount + i]; }
    /**
     * {@code [train sample indices, validation sample indices]}, split by event with the seed, so the samples
     * (channels) of one event never straddle the split.
     */
    public int[][] splitByEvent(double valFraction, long seed) {
        int events = 0;
        for (int s = 0; s < size(); s++) {
            events = Math.max(events, event(s) + 1);
        }
        int[] ev = new int[events];
        for (int e = 0; e < events; e++) {
            ev[e] = e;
        }
        Trainer.shuffle(ev, new java.util.SplittableRandom(seed));
        int valEvents = (int) Math.round(events * valFraction);
        boolean[] isVal = new boolean[events];
        for (int i = 0; i < valEvents; i++) {
            isVal[ev[i]] = true;
        }
        int nVal = 0;
        for (int s = 0; s < size(); s++) {
            nVal += isVal[event(s)] ? 1 : 0;
        }
        int[] train = new int[size() - nVal];
        int[] val = new int[nVal];
        int a = 0;
        int b = 0;
        for (int s = 0; s < size(); s++) {
            if (isVal[event(s)]) {
                val[b++] = s;
            } else {
                train[a++] = s;
            }
        }
        return new int[][] {train, val};
    }
}
