package org.pulsedl.daq.bench;

/** The Cramér–Rao bound of one benchmark point, in the units the reports use. */
public record CrlbSummary(double sigmaDtPs, double sigmaTSinglePs, double sigmaARelPct) {
}
