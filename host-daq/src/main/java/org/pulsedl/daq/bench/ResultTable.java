package org.pulsedl.daq.bench;

import java.io.PrintWriter;

/** The terminal table of one benchmark point; every column says which resolution it is. */
public final class ResultTable {
    private ResultTable() {}

    public static void print(PrintWriter out, BenchmarkPoint p) {
        out.printf("SNR %.2f dB measured%s%n", p.snrDbMeasured(),
                p.snrDbTarget() == null ? "" : String.format(" (target %.2f dB)", p.snrDbTarget()));
        if (p.crlb() != null) {
            out.printf("Cramér–Rao bound: σΔt %.1f ps (two-channel), σt %.1f ps (single), σA/A %.3f %%%n",
                    p.crlb().sigmaDtPs(), p.crlb().sigmaTSinglePs(), p.crlb().sigmaARelPct());
        }
        String head = String.format("%-14s %16s %11s %13s %9s %12s %14s %9s %8s",
                "method", "σΔt ps (2-ch)", "σΔt/√2 ps", "FWHMΔt ps fit", "σΔt/CRLB", "σE/E %", "FWHM E/E %", "σE/CRLB", "events");
        out.println(head);
        out.println("-".repeat(head.length()));
        for (MethodResult m : p.methods()) {
            out.printf("%-14s %16s %11s %13s %9s %12s %14s %9s %8d%n", m.name(),
                    m.sigmaDtPs() == null ? "—" : String.format("%.1f ± %.1f", m.sigmaDtPs(), m.sigmaDtErrPs()),
                    fmt(m.sigmaDtPs() == null ? null : m.sigmaDtPs() / Math.sqrt(2), "%.1f"),
                    fmt(m.fwhmDtPs(), "%.1f"),
                    fmt(ratio(m.sigmaDtPs(), p.crlb() == null ? null : p.crlb().sigmaDtPs()), "%.3f"),
                    fmt(m.energyResPct(), "%.4f"),
                    fmt(m.energyFwhmPct(), "%.4f"),
                    fmt(ratio(m.energyResPct(), p.crlb() == null ? null : p.crlb().sigmaARelPct()), "%.3f"),
                    m.nEvents());
        }
    }

    private static Double ratio(Double a, Double b) {
        return a == null || b == null ? null : a / b;
    }

    private static String fmt(Double v, String f) {
        return v == null ? "—" : String.format(f, v);
    }
}
