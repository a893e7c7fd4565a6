package org.pulsedl.hls.rtl;

import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.regmap.Access;
import org.pulsedl.hls.regmap.Field;
import org.pulsedl.hls.regmap.Register;
import org.pulsedl.hls.regmap.RegisterMap;

/**
 * The accelerator's registers (docs/accelerator.md §4.7), declared once: the RTL register file, the C header and the
 * Markdown table are all emitted from this map. The memory windows above 0x1000 (descriptors, parameter table,
 * weights) are decoded by the top level, not by the register file.
 */
public final class AcceleratorRegisters {
    /** Bus address of the accelerator (DESIGN §4). */
    public static final long BASE = 0x2000_0000L;
    /** Bytes of the register block at offset 0 (the register map's size). */
    public static final int REGISTER_BLOCK = 0x1000;
    /** Byte offsets of the memory windows. */
    public static final int DESCRIPTOR_WINDOW = 0x1000;
    public static final int PARAMETER_WINDOW = 0x2000;
    public static final int WEIGHT_WINDOW = 0x10000;

    private AcceleratorRegisters() {}

    /**
     * Bytes of the accelerator's bus aperture: the weight window's end rounded up to a power of two (the slave port's
     * address width). The SoC decodes exactly this many bytes; inside it, only the registers and the implemented part
     * of each window answer, every other address ends with a bus error.
     */
    public static long apertureBytes(AcceleratorConfig cfg) {
        return Long.highestOneBit(WEIGHT_WINDOW + weightBytes(cfg) - 1) << 1;
    }

    /** Bytes of the descriptor window backed by memory: the header record and max_layers records of 32 bytes. */
    public static long descriptorBytes(AcceleratorConfig cfg) {
        return 32L * (cfg.maxLayers() + 1);
    }

    /** Bytes of the parameter window backed by memory: 16 per entry. */
    public static long parameterBytes(AcceleratorConfig cfg) {
        return 16L * cfg.paramEntries();
    }

    /** Bytes of the weight window backed by memory: U per weight word. */
    public static long weightBytes(AcceleratorConfig cfg) {
        return (long) cfg.weightWords() * cfg.lanes();
    }

    public static RegisterMap map(AcceleratorConfig cfg) {
        return RegisterMap.builder("pdl_accel").base(BASE).size(REGISTER_BLOCK)
                .description("PulseDL neural-network accelerator (" + cfg.pes() + " PEs x " + cfg.lanes() + " lanes)")
                .register(Register.builder("ctrl", 0x000).description("Control")
                        .field(Field.bit("start", 0).description("Run in stream mode while 1 (program checked at start);"
                                + " clearing it stops cleanly: windows already taken from the input FIFO are computed"
                                + " and unloaded, then STATUS.running falls (counted in STOPS)"))
                        .field(Field.bit("stop", 1).description("Stop cleanly as if start were 0, and do not restart"
                                + " while 1"))
                        .field(Field.bit("flush", 2).description("Reserved: partial rounds launch by themselves when"
                                + " the input FIFO is empty"))
                        .field(Field.bit("clear", 3).access(Access.WO).description("Write 1: clear counters and the"
                                + " error code"))
                        .field(Field.bit("soft_reset", 4).access(Access.WO).description("Write 1: abort; clear the"
                                + " input FIFO, loader, controller, drain, unloader and result FIFO and the error code"
                                + " (not the programs or counters); STATUS.resetting while it lasts; counted in"
                                + " SOFT_RESETS. Write it with start 0 to stay stopped")))
                .register(Register.builder("status", 0x004).access(Access.RO).description("Status")
                        .field(Field.bit("running", 0).description("Streaming"))
                        .field(Field.bit("idle", 1).description("No round in progress, unloader idle"))
                        .field(Field.bit("input_empty", 2).description("No complete window in the input FIFO"))
                        .field(Field.bit("result_empty", 3).description("Result FIFO empty"))
                        .field(Field.bit("resetting", 4).description("A soft reset is in progress (input port"
                                + " closed)"))
                        .field(Field.bit("input_room", 5).description("The input FIFO has room for a whole window"))
                        .field(Field.builder("error", 15, 8).description("1 BAD_PROGRAM, 2 BAD_OPCODE,"
                                + " 4 WRITE_WHILE_RUNNING")))
                .register(Register.builder("caps", 0x008).access(Access.RO).description("Capabilities")
                        .field(Field.builder("pes", 7, 0).description("P (0 means 256)"))
                        .field(Field.builder("lanes", 15, 8).description("U"))
                        .field(Field.builder("a_bits", 20, 16).description("Activation bits (8 or 16)"))
                        .field(Field.bit("two_macs", 21).description("Two int8 MACs per DSP"))
                        .field(Field.builder("m_bits", 28, 24).description("Requantiser multiplier bits")))
                .register(Register.builder("caps2", 0x00C).access(Access.RO).description("Buffer sizes")
                        .field(Field.builder("act_depth", 15, 0).description("Entries of one activation region"))
                        .field(Field.builder("staging_depth", 31, 16).description("Entries of one staging buffer")))
                .register(Register.builder("caps3", 0x010).access(Access.RO).description("Memory sizes")
                        .field(Field.builder("weight_words", 23, 0).description("Weight-memory words of U bytes"))
                        .field(Field.builder("max_pool", 28, 24).description("Largest pool window")))
                .register(counter("windows_in", 0x020, "Windows accepted by the input FIFO"))
                .register(counter("windows_out", 0x024, "Windows whose results were pushed"))
                .register(counter("rounds", 0x028, "Rounds started"))
                .register(counter("busy_cycles", 0x02C, "Cycles with a round in progress"))
                .register(counter("idle_issue_cycles", 0x030, "Cycles in a round without an issued tap"))
                .register(counter("input_drops", 0x034, "Windows refused because the input FIFO was full"))
                .register(counter("result_stalls", 0x038, "Unloader cycles waiting on a full result FIFO"))
                .register(counter("clamp_low", 0x03C, "Write cycles with a value clamped at act_min"))
                .register(counter("clamp_high", 0x040, "Write cycles with a value clamped at act_max"))
                .register(counter("stops", 0x044, "Clean stops completed"))
                .register(counter("soft_resets", 0x048, "Soft resets"))
                .register(counter("frame_drops", 0x04C, "Windows dropped because their last sample (i_in_last or"
                        + " INPUT_PUSH.flags bit 0) did not come as sample N"))
                .register(Register.builder("input_push", 0x080).access(Access.WO)
                        .description("CPU-injected window sample (tests)")
                        .field(Field.builder("sample", 15, 0).description("ADC code or quantised value"))
                        .field(Field.builder("tag", 23, 16).description("Window tag, taken from its first sample"))
                        .field(Field.builder("flags", 31, 24).description("Bit 24: last sample of the window;"
                                + " bits 31:25 reserved (write 0)")))
                .register(Register.builder("result_pop", 0x084).access(Access.RO)
                        .description("Result FIFO head; reading pops it").readStrobe())
                .register(Register.builder("result_level", 0x088).access(Access.RO)
                        .description("Words in the result FIFO"))
                .register(Register.builder("input_time", 0x08C).access(Access.RW)
                        .description("Capture timestamp of the windows INPUT_PUSH writes, taken with a window's first"
                                + " sample; it comes back in the window's timestamp result word (i_in_time stamps the"
                                + " input port's windows)"))
                .register(interrupts(Register.builder("irq_status", 0x090).description("Interrupt causes (sticky;"
                        + " write 1 to clear); o_irq is high while a cause is set and enabled"), Access.W1C))
                .register(interrupts(Register.builder("irq_enable", 0x094).description("Interrupt enables, one per"
                        + " IRQ_STATUS bit"), Access.RW))
                .register(Register.builder("bus_error_addr", 0x098).access(Access.RO).description("Byte offset of the"
                        + " last access that ended with a bus error (no register or memory there)"))
                .build();
    }

    /** The interrupt causes, as fields of IRQ_STATUS and IRQ_ENABLE. */
    private static Register.Builder interrupts(Register.Builder r, Access access) {
        return r.field(Field.bit("results", 0).access(access).description("A window's results entered the result FIFO"))
                .field(Field.bit("error", 1).access(access).description("STATUS.error became non-zero"))
                .field(Field.bit("drop", 2).access(access).description("A window was dropped (INPUT_DROPS or"
                        + " FRAME_DROPS counted)"))
                .field(Field.bit("idle", 3).access(access).description("Streaming ended (a clean stop completed or an"
                        + " error stopped it)"))
                .field(Field.bit("bus_error", 4).access(access).description("An access hit no register or memory"
                        + " (see BUS_ERROR_ADDR)"));
    }

    private static Register counter(String name, long offset, String description) {
        return Register.builder(name, offset).access(Access.RO).description(description).build();
    }
}
