package org.pulsedl.hls.firmware;

import org.pulsedl.hls.accel.Descriptor;
import org.pulsedl.hls.accel.LayerProgram;

/** One-line descriptions of a program's layers for the comments of the generated files (STYLE item 8). */
public final class LayerText {
    private LayerText() {}

    /** {@code Conv1D 32x1 -> 16x8, K 4 S 2 pad 1, int16 in, requant INT64}. */
    public static String describe(Descriptor d) {
        String op = switch (d.opcode()) {
            case Descriptor.OP_CONV1D -> "Conv1D";
            case Descriptor.OP_DENSE -> "Dense";
            case Descriptor.OP_MAXPOOL -> "MaxPool1D";
            case Descriptor.OP_AVGPOOL -> "AvgPool1D";
            default -> "op " + d.opcode();
        };
        StringBuilder b = new StringBuilder(op).append(' ');
        if (d.opcode() == Descriptor.OP_DENSE) {
            b.append(d.inCh()).append(" -> ").append(d.outCh());
        } else {
            b.append(d.inLen()).append('x').append(d.inCh()).append(" -> ").append(d.outLen()).append('x')
                    .append(d.outCh()).append(", K ").append(d.kernel()).append(" S ").append(d.stride())
                    .append(" pad ").append(d.padLeft());
        }
        b.append(", ").append(d.in16() ? "int16" : "int8").append(" in");
        if (d.isMac()) {
            b.append(", ").append(switch (d.rqMode()) {
                case Descriptor.RQ_DOUBLE -> "requant DOUBLE";
                case Descriptor.RQ_SINGLE -> "requant SINGLE";
                case Descriptor.RQ_INT64 -> "requant INT64";
                default -> "raw accumulator out";
            });
        }
        return b.toString();
    }

    /** {@code layer 0 'conv1d'}. */
    public static String name(LayerProgram program, int i) {
        return "layer " + i + " '" + program.layerNames().get(i) + "'";
    }

    /** Weight-memory words of descriptor {@code d} ({@code groups · F} for MAC layers, 0 for pools). */
    public static int weightWords(Descriptor d) {
        return d.isMac() ? d.groups() * d.fanIn() : 0;
    }
}
