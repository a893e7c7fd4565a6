package org.pulsedl.daq.sim;

/**
 * CR-RCⁿ shaper response to a step: {@code s(t) = (t/(nτ))ⁿ · exp(n − t/τ)} for t ≥ 0, which peaks at
 * t = nτ with value 1. The default benchmark {@code pdl2} uses n = 1, τ = 16 ns (DESIGN §3).
 */
public record CrRcShape(int order, double tauNs) implements PulseShape {
    public CrRcShape {
        if (order < 1) throw new IllegalArgumentException("CR-RC order n must be >= 1, got " + order);
        if (!(tauNs > 0) || Double.isInfinite(tauNs)) throw new IllegalArgumentException("CR-RC tau must be > 0 ns, got " + tauNs);
    }

    @Override
    public double value(double tNs) {
        if (tNs <= 0) return 0;
        double x = tNs / (order * tauNs);
        return pow(x, order) * Math.exp(order - tNs / tauNs);
    }

    @Override
    public double derivative(double tNs) {
        if (tNs < 0) return 0;
        if (tNs == 0) return order == 1 ? Math.E / tauNs : 0;
        // d/dt [xⁿ e^{n − t/τ}] = s(t) · (n/t − 1/τ)
        return value(tNs) * (order / tNs - 1 / tauNs);
    }

    @Override
    public double peakTimeNs() { return order * tauNs; }

    @Override
    public String describe() { return "CR-RC^" + order + " tau=" + tauNs + " ns"; }

    private static double pow(double x, int n) {
        double r = x;
        for (int i = 1; i < n; i++) r *= x;
        return r;
    }
}
