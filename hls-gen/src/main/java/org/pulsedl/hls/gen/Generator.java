package org.pulsedl.hls.gen;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.accel.Estimates;
import org.pulsedl.hls.accel.LayerProgram;
import org.pulsedl.hls.accel.ResultHeaderVerilog;
import org.pulsedl.hls.firmware.ConfigHeader;
import org.pulsedl.hls.firmware.ModelSources;
import org.pulsedl.hls.firmware.ProgramImages;
import org.pulsedl.hls.regmap.MemoryMap;
import org.pulsedl.hls.regmap.MemoryMapEmitter;
import org.pulsedl.hls.regmap.RegisterFileVerilog;
import org.pulsedl.hls.regmap.RegisterMap;
import org.pulsedl.hls.regmap.RegisterMapCHeader;
import org.pulsedl.hls.regmap.RegisterMapJson;
import org.pulsedl.hls.regmap.RegisterMapMarkdown;
import org.pulsedl.hls.rtl.AcceleratorRegisters;
import org.pulsedl.hls.soc.SocRegisters;
import org.pulsedl.protocol.ProtocolCHeader;
import org.pulsedl.protocol.ProtocolVerilogHeader;
import org.pulsedl.hls.verilog.Banner;
import org.pulsedl.hls.verilog.Provenance;
import org.pulsedl.hls.verilog.VerilogFile;
import org.pulsedl.quantizer.qmodel.QModelFormat;
import org.pulsedl.quantizer.qmodel.QuantizedModel;

/**
 * {@code pulsedl generate} without the command line: model + configuration → every output file, in memory.
 * The model is compiled first ({@link LayerProgram#compile} refuses a model that does not fit, naming the layer,
 * limit and value), so nothing is produced for a refused model. Banners hash the canonical model JSON and the
 * canonical configuration ({@link ConfigKey#canonical}), never file paths or dates, so the output depends only on
 * the inputs and the command text.
 */
public final class Generator {
    public static final String ACCEL_REGS_C = "pulsedl_accel_regs.h";
    public static final String ACCEL_REGS_MD = "pulsedl_accel_regs.md";
    public static final String ACCEL_REGS_JSON = "pulsedl_accel_regs.json";
    public static final String MEMORY_MAP_MD = "soc_memory_map.md";
    public static final String MEMORY_MAP_VH = "soc_memory_map.vh";
    public static final String MEMORY_MAP_C = "pulsedl_soc_map.h";
    public static final String MEMORY_MAP_LD = "pulsedl_soc_memory.ld";
    public static final String README = "README.md";
    /** The tool named in every banner; bump with the project version (GeneratorVersionTest checks the pom). */
    public static final String TOOL = "pulsedl hls-gen 0.1.0";

    private Generator() {}

    public static GeneratedFiles generate(QuantizedModel model, AcceleratorConfig config, Provenance provenance,
                                          OutputLayout layout, RtlSource rtl) {
        LayerProgram program = LayerProgram.compile(model, config);
        Estimates estimates = Estimates.of(model.name(), program);
        String configText = ConfigKey.canonical(config);
        MemoryMap soc = MemoryMap.pulsedlSoc(64 * 1024, AcceleratorRegisters.apertureBytes(config));
        Banner modelBanner = Banner.of(provenance, List.of(QModelFormat.contentJson(model).getBytes(StandardCharsets.UTF_8),
                configText.getBytes(StandardCharsets.UTF_8)));
        Banner configBanner = Banner.of(provenance, List.of(configText.getBytes(StandardCharsets.UTF_8),
                soc.canonical().getBytes(StandardCharsets.UTF_8)));
        RegisterMap registers = rtl.registers(config);

        Map<String, String> files = new LinkedHashMap<>();
        for (VerilogFile f : rtl.files(config, provenance)) {
            put(files, layout.rtl() + "/" + f.fileName(), f.text());
        }
        String fw = layout.firmware() + "/";
        put(files, fw + ModelSources.HEADER, ModelSources.header(program, model.name(), modelBanner));
        put(files, fw + ModelSources.SOURCE, ModelSources.source(program, modelBanner));
        put(files, fw + ACCEL_REGS_C, RegisterMapCHeader.emit(registers, provenance));
        put(files, fw + ConfigHeader.FILE, ConfigHeader.emit(config, soc, configBanner));
        put(files, fw + ProgramImages.DESCRIPTORS, ProgramImages.descriptors(program, modelBanner));
        put(files, fw + ProgramImages.WEIGHTS, ProgramImages.weights(program, modelBanner));
        put(files, fw + ProgramImages.PARAMS, ProgramImages.params(program, modelBanner));
        String docs = layout.docs() + "/";
        put(files, docs + ACCEL_REGS_MD, RegisterMapMarkdown.emit(registers, provenance));
        put(files, docs + ACCEL_REGS_JSON, RegisterMapJson.emit(registers, provenance));
        put(files, docs + MEMORY_MAP_MD, MemoryMapEmitter.markdown(soc, provenance));
        put(files, layout.rtl() + "/" + MEMORY_MAP_VH, MemoryMapEmitter.verilogInclude(soc, provenance));
        put(files, fw + MEMORY_MAP_C, MemoryMapEmitter.cHeader(soc, provenance));
        put(files, fw + MEMORY_MAP_LD, MemoryMapEmitter.linkerMemory(soc, provenance));
        // The host protocol does not depend on the model; it rides along so a generated firmware folder is complete.
        put(files, fw + ProtocolCHeader.FILE, ProtocolCHeader.text());
        put(files, layout.rtl() + "/" + ProtocolVerilogHeader.FILE, ProtocolVerilogHeader.text());
        put(files, layout.rtl() + "/" + ResultHeaderVerilog.FILE, ResultHeaderVerilog.emit(provenance));
        for (RegisterMap peripheral : List.of(SocRegisters.uart(soc), SocRegisters.timer(soc), SocRegisters.simCtrl(soc),
                SocRegisters.adc(soc), SocRegisters.framer(soc))) {
            VerilogFile rf = RegisterFileVerilog.file(peripheral, provenance);
            put(files, layout.rtl() + "/" + rf.fileName(), rf.text());
            put(files, fw + peripheral.name() + "_regs.h", RegisterMapCHeader.emit(peripheral, provenance));
            put(files, docs + peripheral.name() + "_regs.md", RegisterMapMarkdown.emit(peripheral, provenance));
        }
        put(files, docs + README, ConfigReadme.emit(program, estimates, layout, files.keySet(), modelBanner));
        put(files, layout.estimates(), EstimatesReport.json(estimates, modelBanner));
        return new GeneratedFiles(files, layout, program, estimates);
    }

    private static void put(Map<String, String> files, String path, String text) {
        if (files.put(path, text) != null) {
            throw new IllegalStateException("two generated files at " + path);
        }
    }
}
