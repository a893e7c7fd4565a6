package org.pulsedl.hls.gen;

import java.util.Locale;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.accel.CycleModel;
import org.pulsedl.hls.accel.Descriptor;
import org.pulsedl.hls.accel.Estimates;
import org.pulsedl.hls.accel.ResourceEstimate;
import org.pulsedl.hls.verilog.Banner;

/**
 * The estimates as people read them: the per-layer cycle model (steady state, one round = both contexts of P
 * windows) and the totals, as a terminal table ({@link #text}) and as Markdown ({@link #markdown}); and as
 * {@code estimates.json} with its banner ({@link #json}).
 */
public final class EstimatesReport {
    private EstimatesReport() {}

    /** {@link Estimates#toJson()} with a {@code generated} member first. */
    public static String json(Estimates e, Banner banner) {
        String body = e.toJson();
        if (!body.startsWith("{\n")) {
            throw new IllegalStateException("Estimates.toJson() no longer starts with an object");
        }
        return "{\n" + BannerText.jsonMember(banner) + body.substring(2);
    }

    /** The table {@code pulsedl generate} prints. */
    public static String text(Estimates e) {
        AcceleratorConfig c = e.config();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "model '%s' on P=%d x U=%d (%d AUs%s), %s MHz%n", e.model(), c.pes(),
                c.lanes(), c.arithmeticUnits(), c.twoMacsPerDsp() ? ", two MACs per DSP48" + (c.int16FullRate()
                        ? ", int16 on all lanes (" + c.fabricMultipliers() + " fabric 8x16 multipliers)" : "") : "",
                fmt(c.clockMHz())));
        b.append("cycle model per layer (steady state; a round runs 2P windows, contexts A and B interleaved):\n");
        b.append(String.format(Locale.ROOT, "  %-16s %-9s %8s %6s %12s %12s %12s %6s%n", "layer", "op",
                "groups/w", "F", "cycles/round", "cycles/win", "MACs/win", "util"));
        for (CycleModel.LayerCycles l : e.layers()) {
            b.append(String.format(Locale.ROOT, "  %-16s %-9s %8d %6d %12d %12.2f %12d %6s%n", l.name(), op(l.opcode()),
                    l.groupsPerWindow(), l.fanIn(), l.cyclesPerRound(), l.cyclesPerRound() / (2.0 * c.pes()),
                    l.macsPerWindow(), l.macsPerWindow() == 0 ? "-" : String.format(Locale.ROOT, "%.3f",
                            layerUtilization(l, c))));
        }
        ResourceEstimate r = e.resources();
        b.append(String.format(Locale.ROOT, "  %-16s %-9s %8s %6s %12d %12.2f %12d %6.3f%n", "total", "", "", "",
                e.roundCycles(), e.cyclesPerWindow(), e.macsPerWindow(), e.macUtilization()));
        b.append(String.format(Locale.ROOT, "throughput: %.4g two-channel pulses/s at 100 MHz, %.4g at %s MHz; "
                        + "latency %d cycles%n", e.pulsesPerSecondAt100MHz(), e.pulsesPerSecondAtClock(),
                fmt(c.clockMHz()), e.latencyCycles()));
        b.append(String.format(Locale.ROOT, "resources (7-series estimate): %d DSP48E1, %s BRAM36 (%d BRAM36 + %d BRAM18),"
                + " %d LUT, %d FF%n", r.dsp(), fmt(r.bram()), r.bram36(), r.bram18(), r.lut(), r.ff()));
        if (!c.inputStage()) {
            b.append("input stage: none (input_stage = false): windows must arrive quantised; the CPU or host applies"
                    + " the model's input stage\n");
        }
        return b.toString();
    }

    /** The same numbers as a Markdown section (for the generated README). */
    public static String markdown(Estimates e) {
        AcceleratorConfig c = e.config();
        StringBuilder b = new StringBuilder();
        b.append("| layer | op | groups/window | F | cycles/round | cycles/window | MACs/window | lane utilisation |\n");
        b.append("|---|---|---|---|---|---|---|---|\n");
        for (CycleModel.LayerCycles l : e.layers()) {
            b.append(String.format(Locale.ROOT, "| `%s` | %s | %d | %d | %d | %.2f | %d | %s |%n", l.name(),
                    op(l.opcode()), l.groupsPerWindow(), l.fanIn(), l.cyclesPerRound(),
                    l.cyclesPerRound() / (2.0 * c.pes()), l.macsPerWindow(),
                    l.macsPerWindow() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", layerUtilization(l, c))));
        }
        b.append(String.format(Locale.ROOT, "| **total** | | | | **%d** | **%.2f** | **%d** | **%.3f** |%n%n",
                e.roundCycles(), e.cyclesPerWindow(), e.macsPerWindow(), e.macUtilization()));
        ResourceEstimate r = e.resources();
        b.append("| estimate | value |\n|---|---|\n");
        b.append(String.format(Locale.ROOT, "| cycles per window | %.3f |%n", e.cyclesPerWindow()));
        b.append(String.format(Locale.ROOT, "| MAC utilisation | %.3f |%n", e.macUtilization()));
        b.append(String.format(Locale.ROOT, "| two-channel pulses/s at 100 MHz | %.4g |%n", e.pulsesPerSecondAt100MHz()));
        b.append(String.format(Locale.ROOT, "| two-channel pulses/s at %s MHz | %.4g |%n", fmt(c.clockMHz()),
                e.pulsesPerSecondAtClock()));
        b.append(String.format(Locale.ROOT, "| latency (first sample to last result word) | %d cycles |%n",
                e.latencyCycles()));
        b.append(String.format(Locale.ROOT, "| DSP48E1 | %d |%n| BRAM36 equivalents | %s |%n| LUT | %d |%n| FF | %d |%n",
                r.dsp(), fmt(r.bram()), r.lut(), r.ff()));
        return b.toString();
    }

    /** MACs of the layer over the AU-cycles it occupies: {@code macs · 2P / (cycles_per_round · P · U)}. */
    static double layerUtilization(CycleModel.LayerCycles l, AcceleratorConfig c) {
        return l.cyclesPerRound() == 0 ? 0
                : (double) l.macsPerWindow() * 2 * c.pes() / ((double) l.cyclesPerRound() * c.arithmeticUnits());
    }

    static String op(int opcode) {
        return switch (opcode) {
            case Descriptor.OP_CONV1D -> "Conv1D";
            case Descriptor.OP_DENSE -> "Dense";
            case Descriptor.OP_MAXPOOL -> "MaxPool1D";
            case Descriptor.OP_AVGPOOL -> "AvgPool1D";
            default -> "op" + opcode;
        };
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }
}
