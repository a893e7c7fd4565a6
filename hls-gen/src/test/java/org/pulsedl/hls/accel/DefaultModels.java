package org.pulsedl.hls.accel;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.model.ModelSpec;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.quant.AdcInput;
import org.pulsedl.quantizer.quant.PostTrainingQuantizer;
import org.pulsedl.quantizer.quant.Precision;
import org.pulsedl.quantizer.quant.QuantizationOptions;

/**
 * The default network (PulseDL-II's CNN on one 32-sample channel window, two raw int32 outputs, 9,792 MACs),
 * quantised from Glorot-initialised weights on CR-RC-like windows, with a 12-bit ADC input stage.
 */
final class DefaultModels {
    static final int ADC_BITS = 12;
    static final int BASELINE = 205;
    static final double CODE_SCALE = 1.0 / 2867;

    private DefaultModels() {}

    static QuantizedModel paper(Precision precision, boolean pulsedl2Style) {
        Model model = ModelSpec.paper(32, 1, 2).build("pdl2-default", 7L);
        QuantizationOptions o = (pulsedl2Style ? QuantizationOptions.pulsedl2()
                : QuantizationOptions.tflite().withRawLastLayer(true))
                .withPrecision(precision).withAdc(AdcInput.uniform(ADC_BITS, 1, BASELINE, CODE_SCALE));
        List<double[]> calibration = new ArrayList<>();
        for (short[] w : adcWindows(new SplittableRandom(11), 200)) {
            double[] x = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                x[i] = (w[i] - BASELINE) * CODE_SCALE;
            }
            calibration.add(x);
        }
        return new PostTrainingQuantizer(o).quantize(model, calibration);
    }

    /** CR-RC-like pulses with random amplitude and phase, baseline and noise, as 12-bit codes. */
    static List<short[]> adcWindows(SplittableRandom rnd, int n) {
        List<short[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double amp = 0.2 + 0.8 * rnd.nextDouble();
            double t0 = 6 + 4 * rnd.nextDouble();
            short[] w = new short[32];
            for (int l = 0; l < 32; l++) {
                double t = (l - t0) / 2.0;
                double pulse = t > 0 ? amp * t * Math.exp(1 - t) : 0;
                int code = (int) Math.round(BASELINE + pulse / CODE_SCALE + 6 * (rnd.nextDouble() * 2 - 1));
                w[l] = (short) Math.max(0, Math.min(4095, code));
            }
            out.add(w);
        }
        return out;
    }
}
