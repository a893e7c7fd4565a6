package org.pulsedl.daq.acq;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What {@link EventAnalysis} found. Times are in ps; Δt is two-channel (σ of t₀ − t₁), and the per-channel value
 * assumes two equal, independent channels (σ/√2), as the benchmark reports it.
 *
 * @param records   result records analysed
 * @param pileup    records flagged pile-up
 * @param saturated records flagged ADC-saturated
 * @param timing    the Δt statistics, or null without two channels of times
 * @param energy    the strongest line of the energy spectrum, or null without energies
 */
public record AnalysisSummary(long records, long pileup, long saturated, Timing timing, Energy energy) {
    /**
     * @param pairs            events with a time on channels 0 and 1
     * @param meanPs           mean Δt
     * @param sigmaPs          sample σ of Δt
     * @param sigmaErrorPs     its statistical uncertainty
     * @param fitSigmaPs       σ of a Gaussian fitted to the Δt histogram (null when too few)
     * @param fitFwhmPs        its FWHM
     * @param perChannelSigmaPs σ/√2
     */
    public record Timing(long pairs, double meanPs, double sigmaPs, double sigmaErrorPs, Double fitSigmaPs, Double fitFwhmPs,
                         double perChannelSigmaPs) {}

    /**
     * @param entries     energies in the spectrum
     * @param unit        their unit (the model's energy output unit)
     * @param centroid    centroid of the strongest fitted line (null when no line could be fitted)
     * @param sigma       its σ
     * @param fwhm        its FWHM
     * @param fwhmPct     the resolution at that line, FWHM / centroid in %
     */
    public record Energy(long entries, String unit, Double centroid, Double sigma, Double fwhm, Double fwhmPct) {}

    /** Adds the fields to a summary JSON object. */
    public void putInto(ObjectNode o) {
        o.put("pileup", pileup);
        o.put("saturated", saturated);
        if (timing != null) {
            ObjectNode t = o.putObject("delta_t");
            t.put("pairs", timing.pairs());
            t.put("mean_ps", timing.meanPs());
            t.put("sigma_ps", timing.sigmaPs());
            t.put("sigma_error_ps", timing.sigmaErrorPs());
            if (timing.fitSigmaPs() != null) t.put("fit_sigma_ps", timing.fitSigmaPs());
            if (timing.fitFwhmPs() != null) t.put("fit_fwhm_ps", timing.fitFwhmPs());
            t.put("per_channel_sigma_ps", timing.perChannelSigmaPs());
        }
        if (energy != null) {
            ObjectNode e = o.putObject("energy");
            e.put("entries", energy.entries());
            e.put("unit", energy.unit());
            if (energy.centroid() != null) {
                e.put("line_centroid", energy.centroid());
                e.put("line_sigma", energy.sigma());
                e.put("line_fwhm", energy.fwhm());
                e.put("resolution_fwhm_pct", energy.fwhmPct());
            }
        }
    }

    /** One line for people. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (timing != null) {
            sb.append(String.format(java.util.Locale.ROOT, "Δt σ %.1f ps (two-channel; /√2: %.1f ps)", timing.sigmaPs(), timing.perChannelSigmaPs()));
            if (timing.fitFwhmPs() != null) sb.append(String.format(java.util.Locale.ROOT, ", fit FWHM %.1f ps", timing.fitFwhmPs()));
        }
        if (energy != null && energy.fwhmPct() != null) {
            if (sb.length() > 0) sb.append("; ");
            sb.append(String.format(java.util.Locale.ROOT, "energy line at %.1f %s, resolution %.2f %% FWHM", energy.centroid(), energy.unit(), energy.fwhmPct()));
        }
        return sb.toString();
    }
}
