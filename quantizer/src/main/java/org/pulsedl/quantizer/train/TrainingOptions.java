package org.pulsedl.quantizer.train;

/**
 * Hyper-parameters of {@link Trainer}. Start from {@link #defaults()} and change fields with the withers.
 *
 * @param epochs         maximum float-training epochs
 * @param qatEpochs      quantisation-aware fine-tuning epochs after float training (0 = none)
 * @param batch          mini-batch size
 * @param learningRate   Adam learning rate of the first epoch
 * @param finalLrFactor  the learning rate decays exponentially per epoch to {@code learningRate · finalLrFactor}
 *                       at the last epoch (1 = constant)
 * @param qatLearningRate Adam learning rate of the first QAT epoch (decays by the same factor over the QAT epochs)
 * @param patience       stop after this many epochs without a better validation loss (0 = never stop early)
 * @param valFraction    fraction of events held out for validation, in [0, 0.9]
 * @param seed           seeds initial weights (when the trainer builds them), shuffling and the split
 * @param threads        TensorFlow intra/inter-op threads (0 = TensorFlow's default, all cores)
 */
public record TrainingOptions(int epochs, int qatEpochs, int batch, double learningRate, double finalLrFactor,
                              double qatLearningRate, int patience, double valFraction, long seed, int threads) {

    public TrainingOptions {
        require(epochs >= 1, "epochs must be >= 1, got " + epochs);
        require(qatEpochs >= 0, "QAT epochs must be >= 0, got " + qatEpochs);
        require(batch >= 1, "batch size must be >= 1, got " + batch);
        require(learningRate > 0 && Double.isFinite(learningRate), "learning rate must be > 0, got " + learningRate);
        require(finalLrFactor > 0 && finalLrFactor <= 1, "final learning-rate factor must be in (0, 1], got " + finalLrFactor);
        require(qatLearningRate > 0 && Double.isFinite(qatLearningRate), "QAT learning rate must be > 0, got " + qatLearningRate);
        require(patience >= 0, "patience must be >= 0, got " + patience);
        require(valFraction >= 0 && valFraction <= 0.9, "validation fraction must be in [0, 0.9], got " + valFraction);
        require(threads >= 0, "threads must be >= 0, got " + threads);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The defaults of {@code pulsedl train} (docs/training.md explains the choice). */
    public static TrainingOptions defaults() {
        return new TrainingOptions(60, 10, 256, 3e-3, 0.02, 1e-4, 15, 0.1, 1, 0);
    }

    /** Learning rate of float epoch {@code e} (0-based). */
    public double learningRate(int e) { return decayed(learningRate, e, epochs); }

    /** Learning rate of QAT epoch {@code e} (0-based). */
    public double qatLearningRate(int e) { return decayed(qatLearningRate, e, qatEpochs); }

    private double decayed(double lr, int e, int n) {
        return n <= 1 ? lr : lr * Math.pow(finalLrFactor, (double) e / (n - 1));
    }

    public TrainingOptions withEpochs(int v) {
        return new TrainingOptions(v, qatEpochs, batch, learningRate, finalLrFactor, qatLearningRate, patience, valFraction, seed, threads);
    }

    public TrainingOptions withQatEpochs(int v) {
        return new TrainingOptions(epochs, v, batch, learningRate, finalLrFactor, qatLearningRate, patience, valFraction, seed, threads);
    }

    public TrainingOptions withBatch(int v) {
        return new TrainingOptions(epochs, qatEpochs, v, learningRate, finalLrFactor, qatLearningRate, patience, valFraction, seed, threads);
    }

    public TrainingOptions withLearningRate(double v) {
        return new TrainingOptions(epochs, qatEpochs, batch, v, finalLrFactor, qatLearningRate, patience, valFraction, seed, threads);
    }

    public TrainingOptions withFinalLrFactor(double v) {
        return new TrainingOptions(epochs, qatEpochs, batch, learningRate, v, qatLearningRate, patience, valFraction, seed, threads);
    }

    public TrainingOptions withQatLearningRate(double v) {
        return new TrainingOptions(epochs, qatEpochs, batch, learningRate, finalLrFactor, v, patience, valFraction, seed, threads);
    }

    public TrainingOptions withPatience(int v) {
        return new TrainingOptions(epochs, qatEpochs, batch, learningRate, finalLrFactor, qatLearningRate, v, valFraction, seed, threads);
    }

    public TrainingOptions withValFraction(double v) {
        return new TrainingOptions(epochs, qatEpochs, batch, learningRate, finalLrFactor, qatLearningRate, patience, v, seed, threads);
    }

    public TrainingOptions withSeed(long v) {
        return new TrainingOptions(epochs, qatEpochs, batch, learningRate, finalLrFactor, qatLearningRate, patience, valFraction, v, threads);
    }

    public TrainingOptions withThreads(int v) {
        return new TrainingOptions(epochs, qatEpochs, batch, learningRate, finalLrFactor, qatLearningRate, patience, valFraction, seed, v);
    }
}
