package org.pulsedl.quantizer.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.data.DatasetIo;
import org.pulsedl.quantizer.golden.GoldenModel;
import org.pulsedl.quantizer.qmodel.QModelFormat;
import org.pulsedl.quantizer.qmodel.QuantizedModel;

/**
 * Measures a trained per-channel model on a fixed-amplitude two-channel test set (the bar):
 * σ of {@code t̂_ch0 − t̂_ch1} and σ(Ê)/mean(Ê) of channel 0, for the float model, the fake-quantised
 * model and the integer (golden) model. Run:
 * <pre>java -cp ... org.pulsedl.quantizer.train.ResolutionCheck test.h5 models/pdl2 [model.qmodel ...]</pre>
 * Output 0 is the time (ns), output 1 the amplitude. The CRLB numbers are those of DESIGN §3 for pdl2.
 */
public final class ResolutionCheck {
    static final double CRLB_DT_PS = 59.0;
    static final double CRLB_E_PERCENT = 0.254;

    /** σΔt in ps, its statistical uncertainty, σ(Ê)/mean(Ê) in %. */
    public record Numbers(double sigmaDtPs, double sigmaDtErrPs, double energyPercent) {
        String row(String method) {
            return String.format(Locale.ROOT, "%-12s sigma_dt %6.2f ± %4.2f ps  (%.3f x CRLB)   E %.4f %%  (%.3f x CRLB)",
                    method, sigmaDtPs, sigmaDtErrPs, sigmaDtPs / CRLB_DT_PS, energyPercent, energyPercent / CRLB_E_PERCENT);
        }
    }

    private ResolutionCheck() {}

    public static Numbers measure(Dataset test, Function<short[][], double[]> channelModel) {
        int n = test.events();
        double[] dt = new double[n];
        double[] e0 = new double[n];
        java.util.stream.IntStream.range(0, n).parallel().forEach(e -> {
            double[] a = channelModel.apply(new short[][] {test.waveform(e, 0)});
            double[] b = channelModel.apply(new short[][] {test.waveform(e, 1)});
            double truth = test.labels()[e][test.labelIndex("t_ch0_ns")] - test.labels()[e][test.labelIndex("t_ch1_ns")];
            dt[e] = a[0] - b[0] - truth;
            e0[e] = a[1];
        });
        double sdt = sd(dt);
        return new Numbers(1000 * sdt, 1000 * sdt / Math.sqrt(2.0 * (n - 1)), 100 * sd(e0) / mean(e0));
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    public static void main(String[] args) throws IOException {
        Dataset test = DatasetIo.read(Path.of(args[0]));
        Path dir = Path.of(args[1]);
        FloatModelFile f = FloatModelFile.read(dir.resolve(TrainingRun.FLOAT_MODEL));
        System.out.println(measure(test, f::runFromAdc).row("nn_float"));
        java.util.List<String> q = args.length > 2 ? java.util.List.of(args).subList(2, args.length) : java.util.List.of(TrainingRun.QMODEL);
        for (String name : q) {
            QuantizedModel m = QModelFormat.read(dir.resolve(name));
            FakeQuantInference fq = new FakeQuantInference(m);
            GoldenModel g = new GoldenModel(m);
            System.out.println(name + " (" + m.metadata().get("precision") + ", " + m.rounding() + ", m_bits " + m.mBits() + ")");
            System.out.println(measure(test, fq::runFromAdc).row("nn_fakequant"));
            System.out.println(measure(test, a -> g.physical(g.runFromAdc(a))).row("nn_int"));
        }
    }
}
