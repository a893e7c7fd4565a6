package org.pulsedl.hls.gen;

import java.util.List;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.regmap.RegisterMap;
import org.pulsedl.hls.verilog.Provenance;
import org.pulsedl.hls.verilog.VerilogFile;

/**
 * The accelerator RTL generator. Its builder ({@code org.pulsedl.hls.rtl.AcceleratorRtl},
 * {@code AcceleratorRegisters}) is not in this build yet; until it is, generating refuses with a clear message.
 */
final class AcceleratorRtlSource implements RtlSource {
    static final AcceleratorRtlSource INSTANCE = new AcceleratorRtlSource();

    private AcceleratorRtlSource() {}

    @Override
    public List<VerilogFile> files(AcceleratorConfig config, Provenance provenance) {
        throw missing();
    }

    @Override
    public RegisterMap registers(AcceleratorConfig config) {
        throw missing();
    }

    private static IllegalStateException missing() {
        return new IllegalStateException("the accelerator RTL generator (org.pulsedl.hls.rtl.AcceleratorRtl) is not "
                + "part of this build yet");
    }
}
