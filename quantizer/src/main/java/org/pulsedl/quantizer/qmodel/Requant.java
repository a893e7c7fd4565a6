package org.pulsedl.quantizer.qmodel;

import org.pulsedl.quantizer.quant.QuantParams;

/**
 * The requantisation of a Conv1D/Dense output (DESIGN §2): per output channel {@code c},
 * {@code q = clamp(output.zeroPoint + MBQM(acc, m0[c], shift[c]), actMin, actMax)}.
 * Fused ReLU/ReLU6 are expressed only through {@code actMin/actMax}.
 */
public record Requant(QuantParams output, int[] m0, int[] shift, int actMin, int actMax) {
    public Requant {
        if (m0.length != shift.length) {
            throw new IllegalArgumentException("m0 has " + m0.length + " values but shift " + shift.length);
        }
    }
}
