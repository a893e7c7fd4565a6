package org.pulsedl.daq.bench;

/**
 * The Cramér–Rao bound of one benchmark point, in the units the reports use.
 *
 * @param model         where the pulse model behind the bound comes from: {@code exact} (the simulation's own),
 *                      {@code recorded} (the dataset's attributes), {@code assumed} (options or defaults) or
 *                      {@code estimated} (a template averaged from the data)
 * @param colouredNoise the bound for the measured noise covariance when the noise is measurably coloured, else null
 */
public record CrlbSummary(double sigmaDtPs, double sigmaTSinglePs, double sigmaARelPct, String model, CrlbSummary colouredNoise) {
    /** A bound for white noise from the simulation's own pulse model. */
    public CrlbSummary(double sigmaDtPs, double sigmaTSinglePs, double sigmaARelPct) {
        this(sigmaDtPs, sigmaTSinglePs, sigmaARelPct, "exact", null);
    }
}
