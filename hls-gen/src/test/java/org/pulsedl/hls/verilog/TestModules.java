package org.pulsedl.hls.verilog;

import java.util.List;

/** Small modules built with every builder, shared by the golden, tool and determinism tests. */
public final class TestModules {
    public static final Provenance PROVENANCE = new Provenance("pulsedl test", "pulsedl hls-gen test");

    private TestModules() {
    }

    /** A counter with a parameterised width, synchronous reset, enable and a wrap flag. */
    public static ModuleSpec counter() {
        return ModuleSpec.builder("counter")
                .header("counter: free-running counter with enable; a test fixture of the Verilog emitter.")
                .parameter(ParameterSpec.of("WIDTH", 8, "counter width in bits"))
                .port(PortSpec.input("i_clk", Width.ONE).comment("clock").build())
                .port(PortSpec.input("i_rst", Width.ONE).comment("synchronous reset, active high").build())
                .port(PortSpec.input("i_en", Width.ONE).comment("count this cycle").build())
                .port(PortSpec.output("o_count", Width.of("WIDTH")).comment("current count").build())
                .port(PortSpec.output("o_wrap", Width.ONE).comment("count is all ones").build())
                .add(RegSpec.of("count_r", Width.of("WIDTH"), "the count"),
                        AlwaysBlock.clocked("i_clk").reset("i_rst")
                                .onReset(Stmt.nonBlocking("count_r", "{WIDTH{1'b0}}"))
                                .add(Stmt.ifThen("i_en", Stmt.nonBlocking("count_r", "count_r + 1'b1")))
                                .build(),
                        Assign.of("o_count", "count_r"),
                        Assign.of("o_wrap", "&count_r", "all ones"))
                .build();
    }

    /**
     * A memory, a generate loop of counters and a combinational mux: {@code lanes} counters, the memory
     * written with lane 0's count and read at {@code i_raddr}.
     */
    public static ModuleSpec lanes(int lanes, int depth, int width, MemorySpec.ReadStyle style, String initFile) {
        ModuleSpec counter = counter();
        MemorySpec.Builder mem = MemorySpec.builder("trace_mem", Width.bits(width), depth)
                .clock("i_clk")
                .write("i_we", "waddr_r", "lane0_count")
                .read("i_re", "i_raddr")
                .readStyle(style)
                .comment("Trace of lane 0's count.");
        if (initFile != null) {
            mem.initFile(initFile);
        }
        MemorySpec m = mem.build();
        int aw = m.addressBits();
        WireSpec laneCount = WireSpec.builder("lane_count", Width.bits(width)).array(lanes).comment("per-lane count").build();
        return ModuleSpec.builder("lanes")
                .header("lanes: " + lanes + " counters in a generate loop and a " + depth + " x " + width + " trace memory.",
                        "A test fixture of the Verilog emitter.")
                .parameter(ParameterSpec.of("LANES", lanes, "number of counters"))
                .port(PortSpec.input("i_clk", Width.ONE).comment("clock").build())
                .port(PortSpec.input("i_rst", Width.ONE).comment("synchronous reset, active high").build())
                .port(PortSpec.input("i_en", Width.of("LANES")).comment("per-lane enable").build())
                .port(PortSpec.input("i_we", Width.ONE).comment("append lane 0's count to the trace").build())
                .port(PortSpec.input("i_re", Width.ONE).comment("read the trace").build())
                .port(PortSpec.input("i_raddr", Width.bits(aw)).comment("trace read address").build())
                .port(PortSpec.input("i_sel", Width.ONE).comment("1: output the trace, 0: lane 0").build())
                .port(PortSpec.output("o_data", Width.bits(width)).comment("selected data").build())
                .port(PortSpec.output("o_wrap", Width.of("LANES")).comment("per-lane wrap flags").build())
                .add(laneCount,
                        WireSpec.of("lane0_count", Width.bits(width), "lane 0's count"),
                        RegSpec.of("waddr_r", Width.bits(aw), "trace write pointer"),
                        RegSpec.comb("data", Width.bits(width)).comment("output mux").build(),
                        CommentBlock.of("One counter per lane."),
                        GenerateFor.builder("g_lane", "i", "0", "LANES")
                                .add(InstanceSpec.of(counter, "u_counter")
                                        .param("WIDTH", width)
                                        .connect("i_clk", "i_clk")
                                        .connect("i_rst", "i_rst")
                                        .connect("i_en", "i_en[i]")
                                        .connect("o_count", "lane_count[i]")
                                        .connect("o_wrap", "o_wrap[i]")
                                        .build())
                                .build(),
                        Assign.of("lane0_count", "lane_count[0]"),
                        m,
                        AlwaysBlock.clocked("i_clk").reset("i_rst").comment("Trace write pointer.")
                                .onReset(Stmt.nonBlocking("waddr_r", aw + "'d0"))
                                .add(Stmt.ifThen("i_we", Stmt.nonBlocking("waddr_r", "waddr_r + 1'b1")))
                                .build(),
                        AlwaysBlock.combinational().comment("Output select.")
                                .add(Stmt.caseOf("i_sel")
                                        .when("1'b1", Stmt.blocking("data", m.readData()))
                                        .otherwise(Stmt.blocking("data", "lane0_count"))
                                        .build())
                                .build(),
                        Assign.of("o_data", "data"))
                .build();
    }

    /** The files of {@link #lanes}: the counter it instantiates, then lanes itself. */
    public static List<VerilogFile> lanesFiles(int lanes, int depth, int width, MemorySpec.ReadStyle style, String initFile) {
        String input = "lanes " + lanes + " " + depth + " " + width + " " + style + " " + initFile;
        return List.of(new VerilogFile(PROVENANCE.banner("counter"), counter()),
                new VerilogFile(PROVENANCE.banner(input), lanes(lanes, depth, width, style, initFile)));
    }
}
