package org.pulsedl.daq.sim;

/**
 * How the white Gaussian noise level is given: directly as σ in ADC codes, or as a target SNR in dB
 * (the authors' definition, DESIGN §3), from which {@link SimulatorConfig#noiseSigmaCodes()} derives σ.
 */
public sealed interface NoiseSpec {
    /** Noise σ in ADC codes (≥ 0). */
    record Sigma(double codes) implements NoiseSpec {
        public Sigma {
            if (!Double.isFinite(codes) || codes < 0) {
                throw new IllegalArgumentException("noise sigma must be a finite number of ADC codes >= 0, got " + codes);
            }
        }

        @Override public String toString() { return "sigma " + codes + " codes"; }
    }

    /** Target SNR in dB, 20·log10(mean(max − baseline) / σ(first sample)). */
    record SnrDb(double db) implements NoiseSpec {
        public SnrDb {
            if (!Double.isFinite(db)) throw new IllegalArgumentException("SNR must be a finite number of dB, got " + db);
        }

        @Override public String toString() { return "SNR " + db + " dB"; }
    }
}
