package org.pulsedl.hls.accel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.quant.Precision;

/**
 * MAC utilisation of the default model for P×U = 8, 32, 64, 128 and the default 224, measured on the simulator and
 * equal to the cycle model (docs/accelerator.md §6).
 */
class UtilisationTest {

    @Test
    void defaultModelUtilisationTable() {
        QuantizedModel model = DefaultModels.paper(Precision.INPUT_INT16, true);
        int[][] shapes = {{1, 8}, {2, 4}, {4, 8}, {8, 4}, {2, 16}, {8, 8}, {4, 16}, {16, 8}, {8, 16}, {28, 8}, {14, 16}};
        System.out.println("  P x  U =  AUs  DSP  cycles/round  cycles/window  utilisation  Mpulses/s@100MHz");
        for (int[] s : shapes) {
            AcceleratorConfig cfg = AcceleratorConfig.artix7Default().toBuilder().pes(s[0]).lanes(s[1]).build();
            LayerProgram program = LayerProgram.compile(model, cfg);
            DefaultModelTest.Measured m = DefaultModelTest.measure(program);
            CycleModel cm = new CycleModel(program);
            assertEquals(cm.roundCycles(), m.roundCycles(), "P=" + s[0] + " U=" + s[1]);
            System.out.printf(Locale.ROOT, "%3d x %2d = %4d %4d %13d %14.3f %12.3f %17.3f%n", s[0], s[1],
                    cfg.arithmeticUnits(), cfg.macDsps(), m.roundCycles(), m.cyclesPerWindow(), m.utilization(),
                    100e6 / (2 * m.cyclesPerWindow()) / 1e6);
            if (s[1] == 8) {
                assertTrue(m.utilization() >= 0.90, "U = 8 keeps every AU busy: " + m.utilization());
            }
        }
    }
}
