package org.pulsedl.hls.rtl;

import java.util.ArrayList;
import java.util.List;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.regmap.RegisterFileVerilog;
import org.pulsedl.hls.regmap.RegisterMap;
import org.pulsedl.hls.regmap.RegisterMapJson;
import org.pulsedl.hls.verilog.Banner;
import org.pulsedl.hls.verilog.ModuleSpec;
import org.pulsedl.hls.verilog.Provenance;
import org.pulsedl.hls.verilog.VerilogFile;

/**
 * The accelerator RTL for one {@link AcceleratorConfig} (docs/accelerator.md; "RTL implementation notes"): one module
 * per file, bottom-up — arithmetic-unit pair, requantisers (PE and input stage), processing element, the array's units
 * (program memories, controller, drain, loader, unloader), array, register file, top ({@value #TOP}). The output is a function of the configuration alone, so equal inputs give equal bytes.
 */
public final class AcceleratorRtl {
    /** Name of the top module; every other module starts with it. */
    public static final String TOP = "pdl_accel";

    private AcceleratorRtl() {}

    /**
     * The Verilog files, leaf modules first (a valid compile order).
     *
     * @throws IllegalArgumentException when a latency is below what the RTL pipeline implements or a memory does
     *                                  not fit its slave-port window (the message names the parameter and limit)
     */
    public static List<VerilogFile> files(AcceleratorConfig config, Provenance provenance) {
        RtlShape s = new RtlShape(config, TOP);
        RegisterMap map = AcceleratorRegisters.map(config);
        ModuleSpec au = ArithmeticUnitRtl.module(s);
        ModuleSpec requant = RequantRtl.module(s, RequantRtl.pe(s));
        ModuleSpec requantIn = config.inputStage() ? RequantRtl.module(s, RequantRtl.input(s)) : null;
        ModuleSpec pe = ProcessingElementRtl.module(s, au, requant);
        ArrayRtl.Units units = ArrayRtl.Units.of(s, requantIn);
        ModuleSpec array = ArrayRtl.module(s, pe, units);
        ModuleSpec regs = RegisterFileVerilog.module(map);
        ModuleSpec top = TopRtl.module(s, array, regs, map);
        Banner banner = provenance.banner(canonical(config));
        List<VerilogFile> files = new ArrayList<>(List.of(new VerilogFile(banner, au), new VerilogFile(banner, requant)));
        if (requantIn != null) {
            files.add(new VerilogFile(banner, requantIn));
        }
        files.add(new VerilogFile(banner, pe));
        for (ModuleSpec unit : units.all()) {
            files.add(new VerilogFile(banner, unit));
        }
        files.addAll(List.of(new VerilogFile(banner, array),
                RegisterFileVerilog.file(map, provenance), new VerilogFile(banner, top)));
        return List.copyOf(files);
    }

    /** The generator's input as text: the configuration record and the register map, for the banner hash. */
    static String canonical(AcceleratorConfig config) {
        return "accelerator-rtl 1\n" + config + "\n" + RegisterMapJson.canonical(AcceleratorRegisters.map(config));
    }
}
