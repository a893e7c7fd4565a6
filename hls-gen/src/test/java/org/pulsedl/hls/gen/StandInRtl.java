package org.pulsedl.hls.gen;

import java.util.List;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.regmap.Access;
import org.pulsedl.hls.regmap.Field;
import org.pulsedl.hls.regmap.RegisterMap;
import org.pulsedl.hls.regmap.Register;
import org.pulsedl.hls.verilog.Banner;
import org.pulsedl.hls.verilog.ModuleSpec;
import org.pulsedl.hls.verilog.ParameterSpec;
import org.pulsedl.hls.verilog.PortSpec;
import org.pulsedl.hls.verilog.Provenance;
import org.pulsedl.hls.verilog.VerilogFile;
import org.pulsedl.hls.verilog.Width;
import org.pulsedl.hls.verilog.Assign;

/**
 * A small {@link RtlSource} for testing the generator without the accelerator RTL: one module carrying P and U as
 * parameters and a three-register map, both depending on the configuration as the real ones do.
 */
public final class StandInRtl implements RtlSource {
    public static final StandInRtl INSTANCE = new StandInRtl();

    @Override
    public List<VerilogFile> files(AcceleratorConfig c, Provenance provenance) {
        ModuleSpec m = ModuleSpec.builder("pulsedl_accel_standin")
                .header("pulsedl_accel_standin: a stand-in for the accelerator in generator tests.")
                .parameter(ParameterSpec.of("PES", c.pes(), "P"))
                .parameter(ParameterSpec.of("LANES", c.lanes(), "U"))
                .port(PortSpec.input("i_a", Width.ONE).comment("input").build())
                .port(PortSpec.output("o_y", Width.ONE).comment("output").build())
                .add(Assign.of("o_y", "i_a"))
                .build();
        return List.of(new VerilogFile(Banner.of(provenance, ConfigKey.canonical(c)), m));
    }

    @Override
    public RegisterMap registers(AcceleratorConfig c) {
        return RegisterMap.builder("accel").base(0x2000_0000L).size(0x1000).description("stand-in accelerator")
                .register(Register.builder("ctrl", 0x0).description("Control")
                        .field(Field.bit("start", 0).access(Access.WO).description("Start streaming")))
                .register(Register.builder("status", 0x4).access(Access.RO).description("Status"))
                .register(Register.builder("caps", 0x8).reset(c.pes() | c.lanes() << 8)
                        .description("P and U"))
                .build();
    }
}
