package org.pulsedl.hls.accel;

import java.util.ArrayList;
import java.util.List;
import org.pulsedl.quantizer.qmodel.InputStage;
import org.pulsedl.quantizer.qmodel.QAvgPool1D;
import org.pulsedl.quantizer.qmodel.QBiasAdd;
import org.pulsedl.quantizer.qmodel.QConv1D;
import org.pulsedl.quantizer.qmodel.QDense;
import org.pulsedl.quantizer.qmodel.QLayer;
import org.pulsedl.quantizer.qmodel.QMaxPool1D;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.qmodel.Requant;
import org.pulsedl.quantizer.quant.MultiplyByQuantizedMultiplier;
import org.pulsedl.quantizer.quant.QuantParams;
import org.pulsedl.quantizer.quant.RoundingMode;
import org.pulsedl.quantizer.quant.Width;

/**
 * A quantised model compiled for one {@link AcceleratorConfig}: the three memory images the CPU writes through the
 * slave port (docs/accelerator.md §4) — descriptors (header + one 8-word descriptor per executed layer), the weight
 * memory and the parameter table. Everything the array does is determined by these words; the model is not needed
 * to run them.
 *
 * @param layerNames    the model's name of each descriptor's layer
 * @param macsPerWindow MACs of one window as the model counts them (padded taps included)
 */
public record LayerProgram(AcceleratorConfig config, ProgramHeader header, List<Descriptor> descriptors,
                           List<String> layerNames, int[] weightWords, int[] paramWords, long macsPerWindow) {

    public LayerProgram {
        descriptors = List.copyOf(descriptors);
        layerNames = List.copyOf(layerNames);
    }

    /**
     * Compiles {@code model} for {@code config}.
     *
     * @throws ProgramException naming the layer, the limit and the value when the model does not fit
     */
    public static LayerProgram compile(QuantizedModel model, AcceleratorConfig config) {
        return new ProgramCompiler(model, config).compile();
    }

    /** Header and descriptors as the CPU writes them: {@code 8 · (1 + layers)} words. */
    public int[] descriptorWords() {
        int[] w = new int[ProgramHeader.WORDS + Descriptor.WORDS * descriptors.size()];
        System.arraycopy(header.encode(), 0, w, 0, ProgramHeader.WORDS);
        for (int i = 0; i < descriptors.size(); i++) {
            System.arraycopy(descriptors.get(i).encode(), 0, w, ProgramHeader.WORDS + Descriptor.WORDS * i,
                    Descriptor.WORDS);
        }
        return w;
    }

    /** Weight-memory words in use (each {@code U} bytes wide). */
    public int weightMemoryWords() { return weightWords.length / config.cpuWordsPerWeightWord(); }

    /** Parameter-table entries in use. */
    public int paramTableEntries() { return paramWords.length / ParamEntry.WORDS; }

    /** {@code $readmemh} text of the descriptor memory: one 256-bit line per record (line 0 = header), w7 first. */
    public String descriptorHex() { return hex(descriptorWords(), Descriptor.WORDS); }

    /** {@code $readmemh} text of the weight memory: one line of {@code 8·U} bits per word, lane U−1 first. */
    public String weightHex() { return hex(weightWords, config.cpuWordsPerWeightWord()); }

    /** {@code $readmemh} text of the parameter table: one 128-bit line per entry, p3 first. */
    public String paramHex() { return hex(paramWords, ParamEntry.WORDS); }

    private static String hex(int[] words, int perLine) {
        StringBuilder sb = new StringBuilder();
        for (int line = 0; line < words.length / perLine; line++) {
            for (int j = perLine - 1; j >= 0; j--) {
                sb.append(String.format("%08x", words[line * perLine + j]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The compilation, one pass over the executed layers. */
    private static final class ProgramCompiler {
        private final QuantizedModel model;
        private final AcceleratorConfig cfg;
        private final List<Descriptor> descriptors = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final List<int[]> weightRows = new ArrayList<>();
        private final List<ParamEntry> params = new ArrayList<>();
        private long macs;

        ProgramCompiler(QuantizedModel model, AcceleratorConfig cfg) {
            this.model = model;
            this.cfg = cfg;
        }

        LayerProgram compile() {
            String m = "model '" + model.name() + "': ";
            for (QLayer l : model.layers()) {          // a layer the array has no unit for, whatever the config
                if (l instanceof QBiasAdd) {
                    throw new ProgramException(m + "layer '" + l.name() + "' (bias_add, a Conv1D bias the TFLite "
                            + "converter left as a separate quantised ADD) is not supported by the accelerator, which "
                            + "runs Conv1D, Dense and pooling only; run the model with pulsedl predict, or import the "
                            + "float model and quantise it with pulsedl quantize (the bias then lives in the Conv1D)");
                }
            }
            if (!cfg.roundingModes().contains(model.rounding())) {
                throw new ProgramException(m + "rounding " + model.rounding()
                        + " is not supported (rounding_modes = " + cfg.roundingModes() + ")");
            }
            QuantParams in = model.input();
            int inLen = model.inputShape().rank() == 2 ? model.inputShape().length() : 1;
            int inCh = model.inputShape().rank() == 2 ? model.inputShape().channels() : model.inputShape().size();
            checkWidth(m + "input", in.width());
            if (model.inputShape().size() > cfg.stagingDepth()) {
                throw new ProgramException(m + "input " + model.inputShape() + " = " + model.inputShape().size()
                        + " values exceeds staging_depth = " + cfg.stagingDepth());
            }
            // Without the array's input stage the windows arrive quantised: the CPU or host applies the model's.
            InputStage stage = cfg.inputStage() ? model.inputStage() : null;
            if (stage != null && model.mBits() > cfg.inputMBits()) {
                throw new ProgramException(m + "input stage: m_bits = " + model.mBits() + " exceeds input_m_bits = "
                        + cfg.inputMBits());
            }
            if (stage != null) {
                for (int c = 0; c < stage.channels(); c++) {
                    params.add(multiplier(-stage.baseline()[c], stage.m0()[c], stage.shift()[c],
                            model.rounding() == RoundingMode.DOUBLE ? Descriptor.RQ_DOUBLE : Descriptor.RQ_SINGLE,
                            cfg.inputMBits()));
                }
            }
            List<Integer> executed = new ArrayList<>();
            for (int i = 0; i < model.layers().size(); i++) {
                QLayer l = model.layers().get(i);
                if (l instanceof QConv1D || l instanceof QDense || l instanceof QMaxPool1D || l instanceof QAvgPool1D) {
                    executed.add(i);
                }
            }
            if (executed.isEmpty()) {
                throw new ProgramException(m + "has no Conv1D, Dense or pooling layer to execute");
            }
            if (executed.size() > cfg.maxLayers()) {
                throw new ProgramException(m + executed.size() + " executed layers exceed max_layers = "
                        + cfg.maxLayers());
            }
            int weightBase = 0;
            for (int e = 0; e < executed.size(); e++) {
                int li = executed.get(e);
                boolean last = e == executed.size() - 1;
                int src = e == 0 ? Descriptor.BUF_STAGING : descriptors.get(e - 1).dst();
                int dst = last ? Descriptor.BUF_RESULT
                        : src == Descriptor.BUF_REGION0 ? Descriptor.BUF_REGION1 : Descriptor.BUF_REGION0;
                Descriptor d = layer(li, model.layers().get(li), src, dst, last, weightBase);
                weightBase += d.isMac() ? d.groups() * d.fanIn() : 0;
                descriptors.add(d);
                names.add(model.layers().get(li).name());
            }
            if (weightBase > cfg.weightWords()) {
                int first = 0;
                int end = 0;
                for (Descriptor d : descriptors) {
                    end = d.weightBase() + (d.isMac() ? d.groups() * d.fanIn() : 0);
                    if (end > cfg.weightWords()) {
                        break;
                    }
                    first++;
                }
                throw new ProgramException(m + "weights need " + weightBase + " words of " + cfg.lanes()
                        + " bytes, exceeding weight_words = " + cfg.weightWords() + " (layer '" + names.get(first)
                        + "' ends at word " + end + ")");
            }
            if (params.size() > cfg.paramEntries()) {
                throw new ProgramException(m + "parameter table needs " + params.size()
                        + " entries (one per output channel and input channel), exceeding param_entries = "
                        + cfg.paramEntries());
            }
            Descriptor lastD = descriptors.get(descriptors.size() - 1);
            int outputs = lastD.outLen() * lastD.outCh();
            boolean raw = lastD.rqMode() == Descriptor.RQ_RAW && lastD.isMac();
            ProgramHeader header = new ProgramHeader(descriptors.size(), stage != null, in.width() == Width.INT16,
                    model.rounding() == RoundingMode.SINGLE, stage == null ? 0 : stage.adcBits(), inLen, inCh,
                    in.zeroPoint(), 0, outputs, raw && lastD.in16(), raw);
            int lanesWords = cfg.cpuWordsPerWeightWord();
            int[] weights = new int[weightRows.size() * lanesWords];
            for (int r = 0; r < weightRows.size(); r++) {
                int[] row = weightRows.get(r);
                for (int u = 0; u < cfg.lanes(); u++) {
                    weights[r * lanesWords + u / 4] |= (row[u] & 0xFF) << (8 * (u % 4));
                }
            }
            int[] paramWords = new int[params.size() * ParamEntry.WORDS];
            for (int p = 0; p < params.size(); p++) {
                System.arraycopy(params.get(p).encode(), 0, paramWords, p * ParamEntry.WORDS, ParamEntry.WORDS);
            }
            LayerProgram program = new LayerProgram(cfg, header, descriptors, names, weights, paramWords, macs);
            DescriptorStorage.check(cfg, program.descriptorWords());
            return program;
        }

        private void checkWidth(String what, Width w) {
            if (w == Width.INT16 && cfg.activationBits() < 16) {
                throw new ProgramException(what + " is int16 but activation_bits = " + cfg.activationBits());
            }
        }

        private Descriptor layer(int li, QLayer l, int src, int dst, boolean last, int weightBase) {
            String p = "layer " + li + " '" + l.name() + "' (" + l.type() + "): ";
            checkWidth(p + "input", l.input().width());
            if (l.output() != null) {
                checkWidth(p + "output", l.output().width());
            }
            boolean in16 = l.input().width() == Width.INT16;
            int inLen;
            int inCh;
            int outLen;
            int outCh;
            int k;
            int s;
            int pad;
            int opcode;
            if (l instanceof QConv1D c) {
                opcode = Descriptor.OP_CONV1D;
                inLen = c.inLength(); inCh = c.inChannels(); outLen = c.outLength(); outCh = c.filters();
                k = c.kernelSize(); s = c.stride(); pad = c.padLeft();
                limit(p, "kernel_size", k, "max_kernel", cfg.maxKernel());
                limit(p, "stride", s, "max_stride", cfg.maxStride());
            } else if (l instanceof QDense d) {
                opcode = Descriptor.OP_DENSE;
                inLen = 1; inCh = d.inputs(); outLen = 1; outCh = d.units(); k = 1; s = 1; pad = 0;
            } else {
                boolean max = l instanceof QMaxPool1D;
                opcode = max ? Descriptor.OP_MAXPOOL : Descriptor.OP_AVGPOOL;
                inLen = l.inputShape().length(); inCh = l.inputShape().channels();
                outLen = l.outputShape().length(); outCh = inCh;
                k = max ? ((QMaxPool1D) l).poolSize() : ((QAvgPool1D) l).poolSize();
                s = max ? ((QMaxPool1D) l).stride() : ((QAvgPool1D) l).stride();
                pad = max ? ((QMaxPool1D) l).padLeft() : ((QAvgPool1D) l).padLeft();
                limit(p, "pool_size", k, "max_pool", cfg.maxPool());
                limit(p, "stride", s, "max_stride", cfg.maxStride());
            }
            limit(p, "input length", inLen, "max_length", cfg.maxLength());
            limit(p, "output length", outLen, "max_length", cfg.maxLength());
            limit(p, "input channels", inCh, "max_channels", cfg.maxChannels());
            limit(p, "output channels", outCh, "max_channels", cfg.maxChannels());
            int outSize = outLen * outCh;
            String what = l.outputShape().rank() == 2 ? "output " + outLen + "x" + outCh + " =" : "output size";
            if (last) {
                limit(p, what, outSize, "max_outputs", cfg.maxOutputs());
            } else {
                limit(p, what, outSize, "act_depth", cfg.actDepth());
            }
            QuantParams inQ = l.input();
            if (!(l instanceof QConv1D || l instanceof QDense)) {
                Width w = inQ.width();
                return new Descriptor(opcode, src, dst, in16, in16, Descriptor.RQ_RAW, last, inLen, inCh, outLen,
                        outCh, k, s, pad, 0, 0, 0, inQ.zeroPoint(), inQ.zeroPoint(), w.min(), w.max());
            }
            int fanIn = k * inCh;
            limit(p, "fan-in", fanIn, "max_fan_in", cfg.maxFanIn());
            byte[][] w = l instanceof QConv1D c ? c.weights() : ((QDense) l).weights();
            long[] bias = l instanceof QConv1D c ? c.bias() : ((QDense) l).bias();
            Requant rq = l instanceof QConv1D c ? c.requant() : ((QDense) l).requant();
            long xMax = Math.max(inQ.width().max() - inQ.zeroPoint(), inQ.zeroPoint() - (long) inQ.width().min());
            long accLimit = cfg.accBits() >= 64 ? Long.MAX_VALUE : (1L << (cfg.accBits() - 1)) - 1;
            int mode = rq == null ? Descriptor.RQ_RAW : in16 ? Descriptor.RQ_INT64
                    : model.rounding() == RoundingMode.DOUBLE ? Descriptor.RQ_DOUBLE : Descriptor.RQ_SINGLE;
            // DOUBLE/SINGLE (int8 input) multiply by m0 << (M - m_bits); INT64 reduces m to 15 bits on any build
            if (mode != Descriptor.RQ_RAW && mode != Descriptor.RQ_INT64 && model.mBits() > cfg.mBits()) {
                throw new ProgramException(p + "m_bits = " + model.mBits() + " (int8 input, " + model.rounding()
                        + " rounding) exceeds m_bits = " + cfg.mBits());
            }
            int paramBase = params.size();
            for (int c = 0; c < outCh; c++) {
                long bound = (long) fanIn * xMax * 127 + Math.abs(bias[c]);
                if (bound > accLimit) {
                    throw new ProgramException(p + "accumulator bound " + bound + " of channel " + c
                            + " exceeds acc_bits = " + cfg.accBits());
                }
                long sumW = 0;
                for (byte wi : w[c]) {
                    sumW += wi;
                }
                long folded = RequantUnit.wrap(bias[c] - (long) inQ.zeroPoint() * sumW, cfg.accBits());
                params.add(rq == null ? new ParamEntry(folded, 0, 0, 0)
                        : withBias(multiplier(0, rq.m0()[c], rq.shift()[c], mode, cfg.mBits()), folded));
            }
            int lanesUsed = cfg.lanesFor(in16);
            int spread = cfg.lanes() / lanesUsed;
            int groups = (outCh + lanesUsed - 1) / lanesUsed;
            for (int g = 0; g < groups; g++) {
                for (int f = 0; f < fanIn; f++) {
                    int[] row = new int[cfg.lanes()];
                    for (int j = 0; j < lanesUsed; j++) {
                        int c = g * lanesUsed + j;
                        if (c < outCh) {
                            row[j * spread] = w[c][f];
                        }
                    }
                    weightRows.add(row);
                }
            }
            macs += (long) outLen * fanIn * outCh;
            int zOut = rq == null ? 0 : rq.output().zeroPoint();
            return new Descriptor(opcode, src, dst, in16, rq != null && rq.output().width() == Width.INT16, mode,
                    last, inLen, inCh, outLen, outCh, k, s, pad, weightBase, paramBase, groups, inQ.zeroPoint(), zOut,
                    rq == null ? 0 : rq.actMin(), rq == null ? 0 : rq.actMax());
        }

        private static ParamEntry withBias(ParamEntry e, long bias) {
            return new ParamEntry(bias, e.m(), e.shr(), e.shl());
        }

        /** The multiplier fields of a channel for a requantiser of {@code hw} multiplier bits (docs §3.5). */
        private ParamEntry multiplier(long bias, int m0, int shift, int mode, int hw) {
            int mb = model.mBits();
            return switch (mode) {
                case Descriptor.RQ_DOUBLE -> new ParamEntry(bias, m0 << (hw - mb), Math.max(-shift, 0),
                        Math.max(shift, 0));
                case Descriptor.RQ_SINGLE -> new ParamEntry(bias, m0 << (hw - mb), hw - shift, 0);
                default -> new ParamEntry(bias, MultiplyByQuantizedMultiplier.reducedMultiplier(m0, mb),
                        Math.min(mb, 15) - shift, 0);
            };
        }

        private static void limit(String prefix, String what, int value, String limit, int max) {
            if (value > max) {
                throw new ProgramException(prefix + what + " " + value + " exceeds " + limit + " = " + max);
            }
        }
    }
}
