package org.pulsedl.quantizer.train;

/**
 * One epoch of training, as logged and written to {@code training.json}.
 *
 * @param phase     {@code float} or {@code qat}
 * @param epoch     1-based within the phase
 * @param lr        learning rate used
 * @param trainLoss mean standardised MSE over the epoch's batches
 * @param valLoss   standardised MSE on the validation set (NaN without one)
 * @param valRmse   per target, RMSE on the validation set in label units
 * @param seconds   wall time of the epoch
 */
public record EpochRecord(String phase, int epoch, double lr, double trainLoss, double valLoss, double[] valRmse,
                          double seconds) {
    public EpochRecord {
        valRmse = valRmse.clone();
    }

    @Override
    public double[] valRmse() { return valRmse.clone(); }
}
