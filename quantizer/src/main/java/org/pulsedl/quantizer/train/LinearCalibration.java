package org.pulsedl.quantizer.train;

/**
 * {@code t_ns = slope · t̂ + offset}: maps the label-free network's time output (samples, arbitrary offset) to ns.
 *
 * @param slope       ns per output unit
 * @param offset      ns
 * @param method      {@code labels} (least-squares fit) or {@code reference} (slope given, offset from a mean)
 * @param n           windows used
 * @param residualRms RMS of {@code t − (slope·t̂ + offset)} over a labelled fit in ns (NaN for a reference calibration)
 */
public record LinearCalibration(double slope, double offset, String method, int n, double residualRms) {

    /**
     * Least-squares line through {@code (pred[i], truth[i])}.
     *
     * @throws IllegalArgumentException with fewer than 2 points, mismatched lengths or constant predictions
     */
    public static LinearCalibration fit(double[] pred, double[] truth) {
        if (pred.length != truth.length) {
            throw new IllegalArgumentException("calibration needs one label per prediction, got " + pred.length
                    + " predictions and " + truth.length + " labels");
        }
        int n = pred.length;
        if (n < 2) {
            throw new IllegalArgumentException("calibration needs at least 2 labelled windows, got " + n);
        }
        double mp = 0;
        double mt = 0;
        for (int i = 0; i < n; i++) {
            mp += pred[i];
            mt += truth[i];
        }
        mp /= n;
        mt /= n;
        double spp = 0;
        double spt = 0;
        for (int i = 0; i < n; i++) {
            spp += (pred[i] - mp) * (pred[i] - mp);
            spt += (pred[i] - mp) * (truth[i] - mt);
        }
        if (!(spp > 0)) {
            throw new IllegalArgumentException("calibration: the predictions are constant; cannot fit a slope");
        }
        double slope = spt / spp;
        double offset = mt - slope * mp;
        double r = 0;
        for (int i = 0; i < n; i++) {
            double d = truth[i] - (slope * pred[i] + offset);
            r += d * d;
        }
        return new LinearCalibration(slope, offset, "labels", n, Math.sqrt(r / n));
    }

    /** Slope {@code slope}; offset such that the mean of the calibrated predictions is {@code referenceNs}. */
    public static LinearCalibration reference(double[] pred, double slope, double referenceNs) {
        if (pred.length == 0) {
            throw new IllegalArgumentException("calibration needs at least one window");
        }
        double m = 0;
        for (double p : pred) {
            m += p;
        }
        m /= pred.length;
        return new LinearCalibration(slope, referenceNs - slope * m, "reference", pred.length, Double.NaN);
    }

    public double apply(double pred) { return slope * pred + offset; }
}
