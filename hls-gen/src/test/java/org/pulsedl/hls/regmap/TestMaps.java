package org.pulsedl.hls.regmap;

import java.util.List;

import org.pulsedl.hls.verilog.Provenance;

/** Register maps used by the regmap tests: the golden/simulation map and a matrix for the tools. */
final class TestMaps {
    static final Provenance PROVENANCE = new Provenance("pulsedl test", "pulsedl hls-gen test");

    private TestMaps() {
    }

    /** Every access type, enum values, a read strobe and a write strobe. Simulated by demo_regs_tb.v. */
    static RegisterMap demo() {
        return RegisterMap.builder("demo").base(0x2000_0000L).description("Demo peripheral")
                .register(Register.builder("ctrl", 0x0).description("Control")
                        .field(Field.bit("enable", 0).reset(1).description("Run the peripheral"))
                        .field(Field.builder("mode", 3, 2).reset(2).description("Operating mode")
                                .value("IDLE", 0, "do nothing").value("RUN", 1, "process windows")))
                .register(Register.builder("status", 0x4).description("Status and events")
                        .field(Field.bit("busy", 0).access(Access.RO).description("Processing a window"))
                        .field(Field.builder("done", 9, 8).access(Access.W1C).description("Window done, per channel")))
                .register(Register.builder("count", 0x8).access(Access.RO).description("Result FIFO head").readStrobe())
                .register(Register.builder("cmd", 0xc).access(Access.WO).description("Command word"))
                .build();
    }

    /** Maps that exercise the register-file generator's corners. */
    static List<RegisterMap> matrix() {
        return List.of(
                demo(),
                RegisterMap.builder("ident").description("Read-only identification")
                        .register(Register.builder("id", 0).access(Access.RO).description("Identifier")).build(),
                RegisterMap.builder("scratch")
                        .register(Register.builder("value", 0).reset(0xDEAD_BEEFL).description("Scratch word")).build(),
                RegisterMap.builder("sparse").base(0x1000_0000L).size(0x100)
                        .register(Register.builder("irq", 0x0).access(Access.W1C).description("Interrupt flags"))
                        .register(Register.builder("cfg", 0x40).description("Configuration").writeStrobe().readStrobe()
                                .field(Field.bit("top", 31).reset(1).description("Top bit"))
                                .field(Field.builder("mid", 20, 13).reset(0x5a).description("Middle"))
                                .field(Field.builder("low", 3, 0).access(Access.WO).description("Command nibble")))
                        .register(Register.builder("last", 0xfc).access(Access.RO).description("Last word")
                                .field(Field.builder("level", 15, 0).description("Level")))
                        .build(),
                RegisterMap.builder("push").register(Register.builder("data", 4).access(Access.WO).description("FIFO push"))
                        .build());
    }
}
