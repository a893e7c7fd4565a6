package org.pulsedl.quantizer.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.pulsedl.quantizer.model.FloatInference;
import org.pulsedl.quantizer.model.InputLayer;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.qmodel.QAvgPool1D;
import org.pulsedl.quantizer.qmodel.QBiasAdd;
import org.pulsedl.quantizer.qmodel.QConv1D;
import org.pulsedl.quantizer.qmodel.QDense;
import org.pulsedl.quantizer.qmodel.QLayer;
import org.pulsedl.quantizer.qmodel.QMaxPool1D;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.qmodel.Requant;
import org.pulsedl.quantizer.quant.QuantParams;

/**
 * The bit-exact integer inference of DESIGN §2 — the reference the RTL, the firmware and the emulator
 * must equal. Stateless and thread-safe; one window at a time or a batch in parallel.
 */
public final class GoldenModel {
    private final QuantizedModel model;

    public GoldenModel(QuantizedModel model) {
        this.model = model;
    }

    public QuantizedModel model() { return model; }

    /**
     * One window: {@code inputQ} is the quantised input {@code [length][channels]} row-major. Returns the last
     * layer's quantised outputs, or its accumulators for a raw last layer.
     */
    public long[] run(int[] inputQ) {
        return execute(inputQ, null).output;
    }

    /** Many windows, in parallel; the result does not depend on scheduling. */
    public long[][] runBatch(int[][] inputsQ) {
        long[][] out = new long[inputsQ.length][];
        IntStream.range(0, inputsQ.length).parallel().forEach(i -> out[i] = run(inputsQ[i]));
        return out;
    }

    /** ADC codes {@code [channel][sample]} through the input stage, then {@link #run}. */
    public long[] runFromAdc(short[][] adc) {
        return run(InputStageKernel.apply(model, adc));
    }

    /** The model input the input stage makes from ADC codes. */
    public int[] inputFromAdc(short[][] adc) {
        return InputStageKernel.apply(model, adc);
    }

    /** Physical outputs of one window ({@link QuantizedModel#toPhysical}). */
    public double[] physical(long[] output) {
        return model.toPhysical(output);
    }

    /**
     * One window with a per-layer trace. With a float model (after the quantiser's passes, so that layer
     * names match), each layer is compared with the float model run on {@code floatInput}, or on the
     * dequantised {@code inputQ} when {@code floatInput} is null.
     */
    public GoldenTrace trace(int[] inputQ, Model floatModel, double[] floatInput) {
        List<double[]> ref = null;
        if (floatModel != null) {
            double[] in = floatInput;
            if (in == null) {
                in = new double[inputQ.length];
                for (int i = 0; i < in.length; i++) {
                    in[i] = model.input().dequantize(inputQ[i]);
                }
            }
            ref = new FloatInference(floatModel).trace(in);
        }
        List<LayerTrace> rows = new ArrayList<>();
        execute(inputQ, new Tracer(floatModel, ref, rows));
        return new GoldenTrace(inputQ.clone(), rows);
    }

    private record Result(long[] output) {}

    private Result execute(int[] inputQ, Tracer tracer) {
        QuantParams in = model.input();
        if (inputQ.length != model.inputShape().size()) {
            throw new IllegalArgumentException("model '" + model.name() + "' expects " + model.inputShape().size()
                    + " input values, got " + inputQ.length);
        }
        for (int i = 0; i < inputQ.length; i++) {
            if (inputQ[i] < in.width().min() || inputQ[i] > in.width().max()) {
                throw new IllegalArgumentException("input value " + inputQ[i] + " at " + i + " outside the "
                        + in.width().label() + " range");
            }
        }
        int[] x = inputQ;
        long[] raw = null;
        for (int i = 0; i < model.layers().size(); i++) {
            QLayer layer = model.layers().get(i);
            ClampCounts counts = new ClampCounts();
            long[] acc = null;
            if (layer instanceof QConv1D c) {
                acc = Conv1dKernel.accumulate(c, x);
            } else if (layer instanceof QDense d) {
                acc = DenseKernel.accumulate(d, x);
            } else if (layer instanceof QMaxPool1D m) {
                x = PoolKernels.maxPool(m.name(), m.inputShape(), m.poolSize(), m.stride(), m.padding(), x);
            } else if (layer instanceof QAvgPool1D a) {
                x = PoolKernels.avgPool(a.name(), a.inputShape(), a.poolSize(), a.stride(), a.padding(), x);
            } else if (layer instanceof QBiasAdd b) {
                x = BiasAddKernel.apply(b, x, counts);
            }
            // QFlatten and QReshape leave the row-major data unchanged.
            if (acc != null) {
                Requant rq = layer instanceof QConv1D c ? c.requant() : ((QDense) layer).requant();
                if (rq == null) {
                    raw = acc;
                } else {
                    x = Requantizer.requantize(acc, rq, layer.input().width(), model.rounding(), model.mBits(), counts);
                }
            }
            if (tracer != null) {
                tracer.record(i, layer, raw != null ? raw : toLong(x), counts);
            }
        }
        return new Result(raw != null ? raw : toLong(x));
    }

    private static long[] toLong(int[] x) {
        long[] y = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i];
        }
        return y;
    }

    /** Collects {@link LayerTrace} rows during {@link #execute}. */
    private final class Tracer {
        private final Model floatModel;
        private final List<double[]> ref;
        private final List<LayerTrace> rows;

        Tracer(Model floatModel, List<double[]> ref, List<LayerTrace> rows) {
            this.floatModel = floatModel;
            this.ref = ref;
            this.rows = rows;
        }

        void record(int index, QLayer layer, long[] values, ClampCounts counts) {
            double[] deq = index == model.layers().size() - 1
                    ? model.dequantizeOutput(values)
                    : dequantize(layer.output(), values);
            double[] fr = null;
            double max = Double.NaN;
            double mean = Double.NaN;
            if (floatModel != null) {
                int fi = floatModel.indexOf(layer.name());
                if (fi < 0 || floatModel.layers().get(fi) instanceof InputLayer) {
                    throw new IllegalArgumentException("float model has no layer '" + layer.name() + "' to compare with");
                }
                fr = ref.get(fi);
                max = 0;
                double sum = 0;
                for (int i = 0; i < deq.length; i++) {
                    double d = Math.abs(deq[i] - fr[i]);
                    max = Math.max(max, d);
                    sum += d;
                }
                mean = sum / deq.length;
            }
            rows.add(new LayerTrace(index, layer.name(), layer.type(), layer.outputShape(), values, deq, fr, max, mean,
                    counts.belowMin, counts.aboveMax));
        }

        private double[] dequantize(QuantParams p, long[] v) {
            double[] d = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                d[i] = p.dequantize(v[i]);
            }
            return d;
        }
    }
}
