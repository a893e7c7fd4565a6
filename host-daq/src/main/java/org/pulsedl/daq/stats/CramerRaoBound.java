package org.pulsedl.daq.stats;

import org.pulsedl.daq.sim.PulseShape;

/**
 * Cramér–Rao bound for {@code x_k = A·s(kT − t0) + b + n_k} with white Gaussian noise σ and (A, t0, b) jointly
 * unknown (DESIGN §3, REFERENCES §2). The Fisher matrix is {@code F = JᵀJ/σ²} with columns ∂/∂A = s(kT − t0),
 * ∂/∂t0 = −A·s′(kT − t0), ∂/∂b = 1; the bounds are diag(F⁻¹). Because the bound depends on where the samples
 * fall on the pulse, the <em>variance</em> is averaged over t0 uniform in [onset, onset + T) (midpoints of
 * {@code phasePoints} equal sub-intervals) and the square root taken afterwards.
 *
 * @param sigmaTimeNs     single-channel time bound σ_t in ns
 * @param sigmaAmplitude  amplitude bound σ_A in ADC codes
 * @param sigmaBaseline   baseline bound σ_b in ADC codes
 * @param amplitude       pulse amplitude A the bound was computed for (codes)
 * @param noiseSigma      white-noise σ the bound was computed for (codes)
 */
public record CramerRaoBound(double sigmaTimeNs, double sigmaAmplitude, double sigmaBaseline,
                             double amplitude, double noiseSigma) {

    /** Default number of phase points for the average (more than enough: the integrand is smooth in t0). */
    public static final int DEFAULT_PHASE_POINTS = 256;

    /**
     * Computes the phase-averaged bound.
     *
     * @param shape        true pulse shape (unit peak)
     * @param amplitude    pulse amplitude A above baseline, ADC codes (> 0)
     * @param noiseSigma   white-noise standard deviation σ, ADC codes (> 0)
     * @param periodNs     sample period T in ns (pdl2: 8)
     * @param nSamples     number of samples in the window (pdl2: 32)
     * @param onsetNs      nominal onset, ns after the first sample; t0 ranges over [onset, onset + T) (pdl2: 64)
     * @param phasePoints  number of phase points for the average (e.g. {@link #DEFAULT_PHASE_POINTS})
     */
    public static CramerRaoBound compute(PulseShape shape, double amplitude, double noiseSigma, double periodNs,
                                         int nSamples, double onsetNs, int phasePoints) {
        if (!(amplitude > 0)) throw new IllegalArgumentException("amplitude must be > 0 codes, got " + amplitude);
        if (!(noiseSigma > 0)) throw new IllegalArgumentException("noise sigma must be > 0 codes, got " + noiseSigma);
        if (!(periodNs > 0)) throw new IllegalArgumentException("sample period must be > 0 ns, got " + periodNs);
        if (nSamples < 3) throw new IllegalArgumentException("need at least 3 samples for 3 parameters, got " + nSamples);
        if (phasePoints < 1) throw new IllegalArgumentException("phase points must be >= 1, got " + phasePoints);
        double varT = 0, varA = 0, varB = 0;
        double[] f = new double[9];
        for (int p = 0; p < phasePoints; p++) {
            double t0 = onsetNs + (p + 0.5) / phasePoints * periodNs;
            java.util.Arrays.fill(f, 0);
            for (int k = 0; k < nSamples; k++) {
                double t = k * periodNs - t0;
                double ja = shape.value(t);
                double jt = -amplitude * shape.derivative(t);
                f[0] += ja * ja; f[1] += ja * jt; f[2] += ja;
                f[4] += jt * jt; f[5] += jt;
                f[8] += 1;
            }
            f[3] = f[1]; f[6] = f[2]; f[7] = f[5];
            double[] d = SymmetricSolver.inverseDiagonal(f, 3);
            varA += d[0]; varT += d[1]; varB += d[2];
        }
        double s2 = noiseSigma * noiseSigma / phasePoints;
        return new CramerRaoBound(Math.sqrt(varT * s2), Math.sqrt(varA * s2), Math.sqrt(varB * s2), amplitude, noiseSigma);
    }

    /**
     * The phase-averaged bound for stationary Gaussian noise of autocovariance {@code autocovariance[j]} at lag j
     * (zero beyond the array): {@code F = Jᵀ C⁻¹ J} with C the Toeplitz covariance of the window. For
     * {@code {σ²}} it equals {@link #compute}. C is factored once (Cholesky); each phase solves for the three
     * Jacobian columns.
     *
     * @throws IllegalArgumentException when the covariance is not positive definite
     */
    public static CramerRaoBound computeColoured(PulseShape shape, double amplitude, double[] autocovariance, double periodNs,
                                                 int nSamples, double onsetNs, int phasePoints) {
        if (autocovariance.length == 0 || !(autocovariance[0] > 0)) {
            throw new IllegalArgumentException("noise variance (autocovariance at lag 0) must be > 0");
        }
        double[] c = new double[nSamples * nSamples];
        for (int i = 0; i < nSamples; i++) {
            for (int j = 0; j < nSamples; j++) {
                int lag = Math.abs(i - j);
                c[i * nSamples + j] = lag < autocovariance.length ? autocovariance[lag] : 0;
            }
        }
        if (!SymmetricSolver.cholesky(c, nSamples)) {
            throw new IllegalArgumentException("the measured noise covariance is not positive definite");
        }
        double varT = 0, varA = 0, varB = 0;
        double[] f = new double[9];
        double[][] cols = new double[3][nSamples];
        for (int p = 0; p < phasePoints; p++) {
            double t0 = onsetNs + (p + 0.5) / phasePoints * periodNs;
            for (int k = 0; k < nSamples; k++) {
                double t = k * periodNs - t0;
                cols[0][k] = shape.value(t);
                cols[1][k] = -amplitude * shape.derivative(t);
                cols[2][k] = 1;
            }
            double[][] whitened = new double[3][];
            for (int a = 0; a < 3; a++) {
                whitened[a] = cols[a].clone();
                SymmetricSolver.forwardSubstitute(c, nSamples, whitened[a]);   // L⁻¹ J: then F = (L⁻¹J)ᵀ(L⁻¹J)
            }
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    double sum = 0;
                    for (int k = 0; k < nSamples; k++) sum += whitened[a][k] * whitened[b][k];
                    f[3 * a + b] = sum;
                }
            }
            double[] d = SymmetricSolver.inverseDiagonal(f, 3);
            varA += d[0]; varT += d[1]; varB += d[2];
        }
        return new CramerRaoBound(Math.sqrt(varT / phasePoints), Math.sqrt(varA / phasePoints), Math.sqrt(varB / phasePoints),
                amplitude, Math.sqrt(autocovariance[0]));
    }

    /**
     * The bound at a given SNR in the authors' definition (DESIGN §3): SNR = mean max sample above baseline / σ,
     * so σ = (phase-averaged noise-free max sample above baseline) / 10^(dB/20).
     */
    public static CramerRaoBound atSnrDb(PulseShape shape, double amplitude, double snrDb, double periodNs,
                                         int nSamples, double onsetNs) {
        double sigma = meanMaxSample(shape, amplitude, periodNs, nSamples, onsetNs, DEFAULT_PHASE_POINTS)
                / Math.pow(10, snrDb / 20);
        return compute(shape, amplitude, sigma, periodNs, nSamples, onsetNs, DEFAULT_PHASE_POINTS);
    }

    /** Noise-free maximum sample above baseline, averaged over the arrival phase (codes). */
    public static double meanMaxSample(PulseShape shape, double amplitude, double periodNs, int nSamples,
                                       double onsetNs, int phasePoints) {
        double sum = 0;
        for (int p = 0; p < phasePoints; p++) {
            double t0 = onsetNs + (p + 0.5) / phasePoints * periodNs;
            double max = 0;
            for (int k = 0; k < nSamples; k++) max = Math.max(max, shape.value(k * periodNs - t0));
            sum += max;
        }
        return amplitude * sum / phasePoints;
    }

    public double sigmaTimePs() { return sigmaTimeNs * 1e3; }

    /** Two identical independent channels: σΔt = √2 · σ_t, in ps. */
    public double twoChannelSigmaDtPs() { return Math.sqrt(2) * sigmaTimePs(); }

    /** Relative amplitude bound σ_A / A (a fraction; ×100 for %). */
    public double relativeAmplitude() { return sigmaAmplitude / amplitude; }
}
