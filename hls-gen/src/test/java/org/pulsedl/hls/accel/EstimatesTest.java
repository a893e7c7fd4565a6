package org.pulsedl.hls.accel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pulsedl.quantizer.quant.Precision;

/** estimates.json carries the fields issue 4 asks for, with the default configuration's numbers. */
class EstimatesTest {

    @Test
    void defaultEstimatesJson() {
        LayerProgram p = LayerProgram.compile(DefaultModels.paper(Precision.INPUT_INT16, true),
                AcceleratorConfig.artix7Default());
        Estimates e = Estimates.of("pdl2-default", p);
        String json = e.toJson();
        System.out.print(json);
        for (String field : new String[] {"cycles_per_window", "mac_utilization", "macs_per_window", "dsp", "bram",
                                          "lut", "ff", "two_channel_pulses_per_second_at_100mhz"}) {
            assertTrue(json.contains("\"" + field + "\": "), field);
        }
        assertTrue(json.contains("\"macs_per_window\": 9792,"));
        assertTrue(json.contains("\"dsp\": 112,"));
        assertTrue(e.pulsesPerSecondAt100MHz() >= 1e6);
        assertTrue(e.macUtilization() >= 0.90);
        assertTrue(json.equals(Estimates.of("pdl2-default", p).toJson()), "deterministic");
    }
}
