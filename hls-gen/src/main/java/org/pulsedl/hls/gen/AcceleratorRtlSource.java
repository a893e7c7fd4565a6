package org.pulsedl.hls.gen;

import java.util.List;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.regmap.RegisterMap;
import org.pulsedl.hls.rtl.AcceleratorRegisters;
import org.pulsedl.hls.rtl.AcceleratorRtl;
import org.pulsedl.hls.verilog.Provenance;
import org.pulsedl.hls.verilog.VerilogFile;

/** The accelerator RTL generator of {@code org.pulsedl.hls.rtl} ({@link AcceleratorRtl}, {@link AcceleratorRegisters}). */
final class AcceleratorRtlSource implements RtlSource {
    static final AcceleratorRtlSource INSTANCE = new AcceleratorRtlSource();

    private AcceleratorRtlSource() {}

    @Override
    public List<VerilogFile> files(AcceleratorConfig config, Provenance provenance) {
        return AcceleratorRtl.files(config, provenance);
    }

    @Override
    public RegisterMap registers(AcceleratorConfig config) {
        return AcceleratorRegisters.map(config);
    }
}
