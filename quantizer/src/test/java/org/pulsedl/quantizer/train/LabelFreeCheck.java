package org.pulsedl.quantizer.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.data.DatasetIo;
import org.pulsedl.quantizer.golden.GoldenModel;
import org.pulsedl.quantizer.qmodel.QModelFormat;
import org.pulsedl.quantizer.qmodel.QuantizedModel;

/**
 * Measures a label-free (or any per-channel) model on a two-channel test set: σ of {@code t̂0 − t̂1 − truth}
 * (σΔt, the bar), the slope of {@code t̂} against the true time over the test set (1 = the calibration
 * holds), and σ(Ê)/mean(Ê) of channel 0 when the model has an energy output. Handles time-only models, which
 * {@link ResolutionCheck} does not. Run:
 * <pre>java -cp ... org.pulsedl.quantizer.train.LabelFreeCheck test.h5 MODEL_DIR [MODEL_DIR ...]</pre>
 */
public final class LabelFreeCheck {
    private LabelFreeCheck() {}

    /** σΔt (ps), its uncertainty, slope of t̂ vs t (channel 0), mean of t̂ − t (ns), σE/E (%) or NaN. */
    public record Numbers(double sigmaDtPs, double errPs, double slope, double biasNs, double energyPercent) {
        String row(String method) {
            return String.format(Locale.ROOT, "%-12s sigma_dt %6.2f ± %4.2f ps (%.3f x CRLB 58.8)  slope %.4f  bias %+.3f ns  E %s",
                    method, sigmaDtPs, errPs, sigmaDtPs / 58.8, slope, biasNs,
                    Double.isNaN(energyPercent) ? "-" : String.format(Locale.ROOT, "%.4f %%", energyPercent));
        }
    }

    public static Numbers measure(Dataset test, Function<short[][], double[]> model) {
        int n = test.events();
        int i0 = test.labelIndex("t_ch0_ns");
        int i1 = test.labelIndex("t_ch1_ns");
        double[] dt = new double[n];
        double[] t = new double[n];
        double[] truth = new double[n];
        double[] e0 = new double[n];
        boolean[] hasE = new boolean[1];
        IntStream.range(0, n).parallel().forEach(e -> {
            double[] a = model.apply(new short[][] {test.waveform(e, 0)});
            double[] b = model.apply(new short[][] {test.waveform(e, 1)});
            dt[e] = a[0] - b[0] - (test.labels()[e][i0] - test.labels()[e][i1]);
            t[e] = a[0];
            truth[e] = test.labels()[e][i0];
            e0[e] = a.length > 1 ? a[1] : Double.NaN;
            if (a.length > 1) {
                hasE[0] = true;
            }
        });
        double sdt = ResolutionCheck.sd(dt);
        LinearCalibration fit = LinearCalibration.fit(truth, t);    // t̂ = slope · t + c
        double bias = ResolutionCheck.mean(t) - ResolutionCheck.mean(truth);
        return new Numbers(1000 * sdt, 1000 * sdt / Math.sqrt(2.0 * (n - 1)), fit.slope(), bias,
                hasE[0] ? 100 * ResolutionCheck.sd(e0) / ResolutionCheck.mean(e0) : Double.NaN);
    }

    public static void main(String[] args) throws IOException {
        Dataset test = DatasetIo.read(Path.of(args[0]));
        for (int k = 1; k < args.length; k++) {
            Path dir = Path.of(args[k]);
            System.out.println(dir);
            FloatModelFile f = FloatModelFile.read(dir.resolve(TrainingRun.FLOAT_MODEL));
            System.out.println(measure(test, f::runFromAdc).row("nn_float"));
            QuantizedModel m = QModelFormat.read(dir.resolve(TrainingRun.QMODEL));
            GoldenModel g = new GoldenModel(m);
            System.out.println(measure(test, a -> g.physical(g.runFromAdc(a))).row("nn_int"));
        }
    }
}
