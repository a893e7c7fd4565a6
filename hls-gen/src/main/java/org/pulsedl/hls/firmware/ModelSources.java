package org.pulsedl.hls.firmware;

import java.util.List;
import org.pulsedl.hls.accel.Descriptor;
import org.pulsedl.hls.accel.LayerProgram;
import org.pulsedl.hls.accel.ParamEntry;
import org.pulsedl.hls.accel.ProgramHeader;
import org.pulsedl.hls.gen.BannerText;
import org.pulsedl.hls.verilog.Banner;

/**
 * The compiled model as C for the RISC-V firmware: {@code pulsedl_model.h} (sizes and declarations) and
 * {@code pulsedl_model.c} ({@code const uint32_t} arrays of the descriptor, weight and parameter words, exactly
 * the words the CPU writes through the slave port, docs/accelerator.md §4). Each layer's words are preceded by a
 * comment naming the layer and its shape. C99, clean under {@code -Wall -Wextra -Werror}.
 */
public final class ModelSources {
    public static final String HEADER = "pulsedl_model.h";
    public static final String SOURCE = "pulsedl_model.c";

    private ModelSources() {}

    public static String header(LayerProgram program, String modelName, Banner banner) {
        ProgramHeader h = program.header();
        StringBuilder b = new StringBuilder(BannerText.c(banner));
        b.append("#ifndef PULSEDL_MODEL_H\n#define PULSEDL_MODEL_H\n\n#include <stdint.h>\n\n");
        b.append("/*\n * Model '").append(CArrays.comment(modelName)).append("' compiled for P = ")
                .append(program.config().pes()).append(", U = ").append(program.config().lanes())
                .append(": the three memory images of\n")
                .append(" * docs/accelerator.md section 4, in the order the CPU writes them through the slave port.\n */\n");
        define(b, "PULSEDL_MODEL_NAME", CArrays.string(modelName), "model name");
        define(b, "PULSEDL_MODEL_LAYERS", program.descriptors().size() + "u", "executed layers (descriptors)");
        define(b, "PULSEDL_MODEL_INPUT_LENGTH", h.inLen() + "u", "input window length");
        define(b, "PULSEDL_MODEL_INPUT_CHANNELS", h.inCh() + "u", "input channels");
        define(b, "PULSEDL_MODEL_INPUT_STAGE", (h.inputStage() ? 1 : 0) + "u", "1: windows are ADC codes");
        define(b, "PULSEDL_MODEL_OUTPUTS", h.outputs() + "u", "outputs per window");
        define(b, "PULSEDL_MODEL_RAW_OUTPUTS", (h.rawOutputs() ? 1 : 0) + "u", "1: outputs are raw accumulators");
        define(b, "PULSEDL_MODEL_RESULT_WORDS", h.resultWordsPerWindow() + "u",
                "result-FIFO words per window (header and timestamp words + outputs)");
        define(b, "PULSEDL_MODEL_MACS_PER_WINDOW", program.macsPerWindow() + "u", "multiply-accumulates per window");
        define(b, "PULSEDL_MODEL_LANES", program.config().lanes() + "u",
                "U the weight words are laid out for (must equal CAPS.U)");
        b.append('\n');
        define(b, "PULSEDL_MODEL_DESCRIPTOR_WORDS", program.descriptorWords().length + "u",
                "header (8 words) + 8 words per layer");
        define(b, "PULSEDL_MODEL_WEIGHT_MEMORY_WORDS", program.weightMemoryWords() + "u", "weight-memory words (U bytes each)");
        define(b, "PULSEDL_MODEL_WEIGHT_WORDS", program.weightWords().length + "u", "32-bit words: U/4 per memory word");
        define(b, "PULSEDL_MODEL_PARAM_ENTRIES", program.paramTableEntries() + "u", "parameter-table entries");
        define(b, "PULSEDL_MODEL_PARAM_WORDS", program.paramWords().length + "u", "32-bit words: 4 per entry");
        b.append('\n');
        b.append("/* Descriptor memory image: write word i at the descriptor window + 4*i. */\n");
        b.append("extern const uint32_t pulsedl_model_descriptors[];\n");
        b.append("/* Weight memory image: write word i at the weight window + 4*i (lane u of a memory word in byte u%4 of word u/4). */\n");
        b.append("extern const uint32_t pulsedl_model_weights[];\n");
        b.append("/* Parameter table image: write word i at the parameter window + 4*i (p0 bias lo, p1 bias hi, p2 m, p3 shifts). */\n");
        b.append("extern const uint32_t pulsedl_model_params[];\n");
        b.append("\n#endif /* PULSEDL_MODEL_H */\n");
        return b.toString();
    }

    public static String source(LayerProgram program, Banner banner) {
        StringBuilder b = new StringBuilder(BannerText.c(banner));
        b.append("#include \"").append(HEADER).append("\"\n\n");
        descriptors(b, program);
        weights(b, program);
        params(b, program);
        return b.toString();
    }

    private static void descriptors(StringBuilder b, LayerProgram program) {
        int[] w = program.descriptorWords();
        ProgramHeader h = program.header();
        b.append("const uint32_t pulsedl_model_descriptors[PULSEDL_MODEL_DESCRIPTOR_WORDS] = {\n");
        b.append("    /* header: magic 'PDL' v1, ").append(h.layers()).append(" layers, input ").append(h.inLen())
                .append('x').append(h.inCh()).append(h.in16() ? " int16" : " int8")
                .append(h.inputStage() ? " from " + h.adcBits() + "-bit ADC codes" : "").append(", ")
                .append(h.outputs()).append(h.rawOutputs() ? " raw" : " requantised").append(" outputs */\n");
        b.append(CArrays.row(w, 0, ProgramHeader.WORDS));
        for (int i = 0; i < program.descriptors().size(); i++) {
            Descriptor d = program.descriptors().get(i);
            b.append("    /* ").append(CArrays.comment(LayerText.name(program, i) + ": " + LayerText.describe(d)))
                    .append(" */\n");
            int at = ProgramHeader.WORDS + i * Descriptor.WORDS;
            b.append(CArrays.row(w, at, at + Descriptor.WORDS));
        }
        b.append("};\n");
    }

    private static void weights(StringBuilder b, LayerProgram program) {
        int[] w = program.weightWords();
        int perWord = program.config().cpuWordsPerWeightWord();
        int perLine = perWord <= 8 ? perWord * Math.max(1, 8 / perWord) : 8;
        b.append("\nconst uint32_t pulsedl_model_weights[").append(w.length == 0 ? "1" : "PULSEDL_MODEL_WEIGHT_WORDS")
                .append("] = {\n");
        if (w.length == 0) {
            b.append("    0u, /* no MAC layer: no weights */\n");
        }
        List<Descriptor> ds = program.descriptors();
        for (int i = 0; i < ds.size(); i++) {
            Descriptor d = ds.get(i);
            int words = LayerText.weightWords(d);
            if (words == 0) {
                continue;
            }
            b.append("    /* ").append(CArrays.comment(LayerText.name(program, i))).append(": memory words ")
                    .append(d.weightBase()).append("..").append(d.weightBase() + words - 1).append(" (")
                    .append(d.groups()).append(" groups x fan-in ").append(d.fanIn()).append(") */\n");
            int from = d.weightBase() * perWord;
            int to = from + words * perWord;
            for (int at = from; at < to; at += perLine) {
                b.append(CArrays.row(w, at, Math.min(to, at + perLine)));
            }
        }
        b.append("};\n");
    }

    private static void params(StringBuilder b, LayerProgram program) {
        int[] w = program.paramWords();
        b.append("\nconst uint32_t pulsedl_model_params[").append(w.length == 0 ? "1" : "PULSEDL_MODEL_PARAM_WORDS")
                .append("] = {\n");
        if (w.length == 0) {
            b.append("    0u, /* no parameter entries */\n");
        }
        List<Descriptor> ds = program.descriptors();
        int entries = program.paramTableEntries();
        int firstLayerEntry = entries;
        for (Descriptor d : ds) {
            if (d.isMac()) {
                firstLayerEntry = Math.min(firstLayerEntry, d.paramBase());
            }
        }
        if (firstLayerEntry > 0) {
            b.append("    /* input stage: entries 0..").append(firstLayerEntry - 1)
                    .append(", one per input channel (bias = -baseline) */\n");
            for (int e = 0; e < firstLayerEntry; e++) {
                b.append(CArrays.row(w, e * ParamEntry.WORDS, (e + 1) * ParamEntry.WORDS));
            }
        }
        for (int i = 0; i < ds.size(); i++) {
            Descriptor d = ds.get(i);
            if (!d.isMac()) {
                continue;
            }
            b.append("    /* ").append(CArrays.comment(LayerText.name(program, i))).append(": entries ")
                    .append(d.paramBase()).append("..").append(d.paramBase() + d.outCh() - 1)
                    .append(", one per output channel */\n");
            for (int e = d.paramBase(); e < d.paramBase() + d.outCh(); e++) {
                b.append(CArrays.row(w, e * ParamEntry.WORDS, (e + 1) * ParamEntry.WORDS));
            }
        }
        b.append("};\n");
    }

    static void define(StringBuilder b, String name, String value, String comment) {
        b.append("#define ").append(name).append(" ".repeat(Math.max(1, 38 - name.length()))).append(value);
        b.append(" ".repeat(Math.max(1, 12 - value.length()))).append("/* ").append(CArrays.comment(comment))
                .append(" */\n");
    }
}
