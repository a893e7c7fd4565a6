package org.pulsedl.quantizer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.pulsedl.quantizer.importer.ModelFiles;
import org.pulsedl.quantizer.model.LayerInfo;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.qmodel.QBiasAdd;
import org.pulsedl.quantizer.qmodel.QConv1D;
import org.pulsedl.quantizer.qmodel.QDense;
import org.pulsedl.quantizer.qmodel.QLayer;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.qmodel.Requant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pulsedl inspect MODEL}: layers, shapes, MACs, parameters, ranges and quantisation of any model file. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show a model's layers, shapes, MACs, parameters and quantisation (" + ModelFiles.SUPPORTED + ").")
public final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "The model file or folder.")
    Path model;

    @Override
    public Integer call() throws Exception {
        ModelFiles.Loaded m = InputFiles.read(model, ModelFiles::load);
        PrintWriter w = spec.commandLine().getOut();
        w.printf("%s: %s model '%s'%n", model, m.format(), m.name());
        if (m.isQuantized()) printQuantized(w, m.quantized());
        else {
            if (m.input() != null) w.printf("input stage: %s%n", m.input());
            printFloat(w, m.floatModel());
        }
        w.flush();
        return 0;
    }

    private static void printFloat(PrintWriter w, Model model) {
        w.printf("input %s%n", model.inputShape());
        for (LayerInfo row : model.summary()) w.println(row);
        w.printf("total: %d MACs, %d parameters%n", model.totalMacs(), model.totalParams());
    }

    private static void printQuantized(PrintWriter w, QuantizedModel q) {
        w.printf("input %s %s scale %.6g zero point %d; rounding %s, %d-bit multipliers%n", q.inputShape(),
                q.input().width(), q.input().scale(), q.input().zeroPoint(), q.rounding(), q.mBits());
        if (q.inputStage() != null) {
            w.printf("input stage: %d-bit ADC, baseline %s codes, code scale %s%n", q.inputStage().adcBits(),
                    Arrays.toString(q.inputStage().baseline()), Arrays.toString(q.inputStage().codeScale()));
        }
        long macs = 0, params = 0;
        for (QLayer l : q.layers()) {
            long lm = 0, lp = 0;
            String detail = "";
            if (l instanceof QConv1D c) {
                lm = (long) c.fanIn() * c.outputShape().size();
                lp = (long) c.fanIn() * c.filters() + c.filters();
                detail = String.format("K %d S %d %s, weights %s", c.kernelSize(), c.stride(), c.padding(), range(c.weights()));
            } else if (l instanceof QDense d) {
                lm = (long) d.fanIn() * d.units();
                lp = lm + d.units();
                detail = "weights " + range(d.weights());
            } else if (l instanceof QBiasAdd b) {
                lp = b.channels();
                detail = String.format("bias codes %s (%s), TFLite ADD arithmetic", Arrays.toString(b.bias()),
                        quant(b.biasQuant()));
            }
            macs += lm;
            params += lp;
            w.printf("%-16s %-8s %-9s -> %-9s MACs %6d params %5d  %s%n", l.name(), l.type(), l.inputShape(), l.outputShape(),
                    lm, lp, detail);
            w.printf("%16s in %s%s%n", "", quant(l.input()), requant(l));
        }
        w.printf("total: %d MACs, %d parameters; output %s%n", macs, params, q.rawOutput() ? "raw accumulators" : "requantised");
        q.outputs().forEach(o -> w.printf("output %s [%s] = %.6g · real + %.6g%n", o.name(), o.unit(), o.a(), o.b()));
    }

    private static String quant(org.pulsedl.quantizer.quant.QuantParams p) {
        return p == null ? "-" : String.format("%s s=%.4g z=%d", p.width(), p.scale(), p.zeroPoint());
    }

    private static String requant(QLayer l) {
        Requant r = l instanceof QConv1D c ? c.requant() : l instanceof QDense d ? d.requant() : null;
        if (l instanceof QBiasAdd b) return String.format(", out %s, act [%d, %d]", quant(b.output()), b.actMin(), b.actMax());
        if (r == null) return l.raw() ? ", out raw accumulator" : ", out " + quant(l.output());
        int sMin = Arrays.stream(r.shift()).min().orElse(0), sMax = Arrays.stream(r.shift()).max().orElse(0);
        return String.format(", out %s, act [%d, %d], shift %d..%d", quant(r.output()), r.actMin(), r.actMax(), sMin, sMax);
    }

    private static String range(byte[][] w) {
        int lo = 127, hi = -128;
        for (byte[] row : w) for (byte b : row) { lo = Math.min(lo, b); hi = Math.max(hi, b); }
        return "[" + lo + ", " + hi + "]";
    }
}
