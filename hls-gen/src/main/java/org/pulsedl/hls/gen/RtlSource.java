package org.pulsedl.hls.gen;

import java.util.List;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.regmap.RegisterMap;
import org.pulsedl.hls.verilog.Provenance;
import org.pulsedl.hls.verilog.VerilogFile;

/**
 * Where {@code pulsedl generate} gets the accelerator's hardware description from: its Verilog files and its
 * register map (declared once, DESIGN §4). The generator depends on this interface, not on the RTL builder, so
 * the firmware, docs and estimates can be produced and tested with any implementation (tests use a tiny stand-in).
 */
public interface RtlSource {

    /** The accelerator's Verilog, one module per file, each carrying a banner made from {@code provenance}. */
    List<VerilogFile> files(AcceleratorConfig config, Provenance provenance);

    /** The accelerator's slave-port register map for {@code config}. */
    RegisterMap registers(AcceleratorConfig config);

    /** The generated accelerator of {@code org.pulsedl.hls.rtl} (docs/accelerator.md). */
    static RtlSource accelerator() {
        return AcceleratorRtlSource.INSTANCE;
    }
}
