package org.pulsedl.daq.bench;

import java.io.PrintWriter;

/** The terminal table of one benchmark point; every column says which resolution it is. */
public final class ResultTable {
    private ResultTable() {}

    public static void print(PrintWriter out, BenchmarkPoint p) {
        out.printf("SNR %.2f dB measured%s%n", p.snrDbMeasured(),
                p.snrDbTarget() == null ? "" : String.format(" (target %.2f dB)", p.snrDbTarget()));
        if (p.crlb() != null) {
            CrlbSummary b = p.crlb();
            out.printf("Cramér–Rao bound: σΔt %.1f ps (two-channel), σt %.1f ps (single), σA/A %.3f %%%s%n",
                    b.sigmaDtPs(), b.sigmaTSinglePs(), b.sigmaARelPct(), b.model().equals("exact") ? "" : " (" + b.model() + " pulse model)");
            if (b.colouredNoise() != null) {
                out.printf("  for the measured (coloured) noise covariance: σΔt %.1f ps, σt %.1f ps, σA/A %.3f %%%n",
                        b.colouredNoise().sigmaDtPs(), b.colouredNoise().sigmaTSinglePs(), b.colouredNoise().sigmaARelPct());
            }
        }
        String head = String.format("%-14s %16s %11s %13s %9s %12s %14s %9s %8s",
                "method", "σΔt ps (2-ch)", "σΔt/√2 ps", "FWHMΔt ps fit", "σΔt/CRLB", "σE/E %", "FWHM E/E %", "σE/CRLB", "events");
        out.println(head);
        out.println("-".repeat(head.length()));
        for (MethodResult m : p.methods()) {
            // A flagged number is never printed plain: "!" marks it, the reason follows the table.
            String tm = m.flagsFor(Flag.TIME).isEmpty() ? "" : "!";
            String em = m.flagsFor(Flag.ENERGY).isEmpty() ? "" : "!";
            out.printf("%-14s %16s %11s %13s %9s %12s %14s %9s %8d%n", m.name(),
                    m.sigmaDtPs() == null ? "—" : String.format("%.1f ± %.1f", m.sigmaDtPs(), m.sigmaDtErrPs()) + tm,
                    fmt(m.sigmaDtPs() == null ? null : m.sigmaDtPs() / Math.sqrt(2), "%.1f", tm),
                    fmt(m.fwhmDtPs(), "%.1f", tm),
                    fmt(ratio(m.sigmaDtPs(), p.crlb() == null ? null : p.crlb().sigmaDtPs()), "%.3f", tm),
                    fmt(m.energyResPct(), "%.4f", em),
                    fmt(m.energyFwhmPct(), "%.4f", em),
                    fmt(ratio(m.energyResPct(), p.crlb() == null ? null : p.crlb().sigmaARelPct()), "%.3f", em),
                    m.nEvents());
        }
        printTruth(out, p);
        printSpectra(out, p);
        for (MethodResult m : p.methods()) {
            for (Flag f : m.flags()) out.printf("! %s (%s): %s%n", m.name(), f.quantity(), f.message());
        }
    }

    /** The methods against the truth, when the dataset has it (DESIGN §3 "Truth and bias"). */
    private static void printTruth(PrintWriter out, BenchmarkPoint p) {
        if (p.methods().stream().noneMatch(m -> m.truth() != null)) return;
        String head = String.format("%-14s %15s %15s %22s %12s %9s %12s",
                "vs truth", "phase bias rms", "phase bias max", "σ(t̂−t) ps per channel", "E bias %", "E slope", "E lin. %");
        out.println();
        out.println(head);
        out.println("-".repeat(head.length()));
        for (MethodResult m : p.methods()) {
            TruthMetrics t = m.truth();
            if (t == null) continue;
            out.printf("%-14s %15s %15s %22s %12s %9s %12s%n", m.name(),
                    fmt(t.phaseBiasRmsPs(), "%.1f ps", ""), fmt(t.phaseBiasMaxPs(), "%.1f ps", ""),
                    t.sigmaTruthPs() == null ? "—" : perChannel(t.sigmaTruthPs()),
                    fmt(t.energyBiasPct(), "%+.3f", ""), fmt(t.energySlope(), "%.4f", ""),
                    fmt(t.energyLinearityPct(), "%.3f", ""));
        }
    }

    /** Lines of each method's spectrum and σΔt by amplitude, when the amplitude varies. */
    private static void printSpectra(PrintWriter out, BenchmarkPoint p) {
        for (MethodResult m : p.methods()) {
            EnergySpectrum s = m.spectrum();
            if (s == null) continue;
            out.printf("%nspectrum %s (%s):%s%n", m.name(), s.unit(), s.lines().isEmpty() ? " no line found" : "");
            for (org.pulsedl.daq.stats.LineFit l : s.lines()) {
                out.printf("  line at %.1f ± %.1f: FWHM %.2f (%.3f %%), area %.0f, background %.1f per bin, χ²/ndf %.2f%n",
                        l.centroid(), l.centroidError(), l.fwhm(), l.fwhmPct(), l.area(), l.background(), l.chi2PerNdf());
            }
        }
        for (MethodResult m : p.methods()) {
            if (m.dtVsAmplitude() == null) continue;
            StringBuilder b = new StringBuilder();
            for (AmplitudeSlices.Slice s : m.dtVsAmplitude()) {
                b.append(String.format("  %.0f: %s", s.amplitudeMean(), s.sigmaDtPs() == null ? "—" : String.format("%.1f", s.sigmaDtPs())));
            }
            out.printf("σΔt ps vs amplitude (codes) %s:%s%n", m.name(), b);
        }
    }

    private static String perChannel(double[] v) {
        StringBuilder b = new StringBuilder();
        for (double x : v) b.append(b.length() == 0 ? "" : " / ").append(String.format("%.1f", x));
        return b.toString();
    }

    private static Double ratio(Double a, Double b) {
        return a == null || b == null ? null : a / b;
    }

    private static String fmt(Double v, String f, String mark) {
        return v == null ? "—" : String.format(f, v) + mark;
    }
}
