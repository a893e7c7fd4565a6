package org.pulsedl.hls.soc;

import org.pulsedl.hls.regmap.Access;
import org.pulsedl.hls.regmap.Field;
import org.pulsedl.hls.regmap.MemoryMap;
import org.pulsedl.hls.regmap.Register;
import org.pulsedl.hls.regmap.RegisterMap;

/**
 * The registers of the SoC's own peripherals (rtl/soc; docs/soc.md), declared once here and emitted like the
 * accelerator's: a Verilog register file {@code pdl_<peripheral>_regs.v} that the hand-written peripheral wraps, a C header
 * for the firmware's HAL and a Markdown table. Bases come from the memory map, so a moved region moves all three.
 */
public final class SocRegisters {
    /** Reset value of the UART's bit time: fast enough for simulation; firmware sets the real baud rate. */
    public static final long UART_DIV_RESET = 16;

    private SocRegisters() {}

    /** UART: 8N1, a transmit and a receive FIFO, a bit time in clock cycles, two interrupt sources. */
    public static RegisterMap uart(MemoryMap map) {
        MemoryMap.Region r = map.region("uart");
        return RegisterMap.builder("pdl_uart").base(r.base()).size(r.size())
                .description("UART, 8N1 with transmit and receive FIFOs")
                .register(Register.builder("tx", 0x0).description("Transmit: a write queues one byte (dropped while tx_full)")
                        .field(Field.builder("data", 7, 0).access(Access.WO).description("Byte to send")))
                .register(Register.builder("rx", 0x4).readStrobe()
                        .description("Receive: the oldest received byte; reading pops it")
                        .field(Field.builder("data", 7, 0).access(Access.RO).description("Received byte (valid when valid is 1)"))
                        .field(Field.bit("valid", 8).access(Access.RO).description("1: data holds a byte (the FIFO was not empty)")))
                .register(Register.builder("status", 0x8).description("FIFO levels and line errors")
                        .field(Field.bit("tx_full", 0).access(Access.RO).description("Transmit FIFO full: a write to tx is dropped"))
                        .field(Field.bit("tx_idle", 1).access(Access.RO).description("Transmit FIFO empty and the last stop bit sent"))
                        .field(Field.bit("rx_valid", 2).access(Access.RO).description("Receive FIFO not empty"))
                        .field(Field.bit("rx_overrun", 3).access(Access.W1C).description("A byte arrived while the receive FIFO was full (lost)"))
                        .field(Field.bit("rx_frame_error", 4).access(Access.W1C).description("A byte without its stop bit (dropped)"))
                        .field(Field.builder("tx_level", 15, 8).access(Access.RO).description("Bytes in the transmit FIFO"))
                        .field(Field.builder("rx_level", 23, 16).access(Access.RO).description("Bytes in the receive FIFO")))
                .register(Register.builder("div", 0xC).description("Bit time")
                        .field(Field.builder("cycles", 15, 0).access(Access.RW).reset(UART_DIV_RESET)
                                .description("Clock cycles per bit (at least 4); 868 is 115200 baud at 100 MHz")))
                .register(Register.builder("irq_en", 0x10).description("Interrupt enables (the UART's line is level)")
                        .field(Field.bit("rx", 0).access(Access.RW).description("While the receive FIFO is not empty"))
                        .field(Field.bit("tx_idle", 1).access(Access.RW).description("While the transmitter is idle")))
                .build();
    }

    /** Timer: the machine timer of the privileged spec; MTIP is {@code mtime >= mtimecmp}. */
    public static RegisterMap timer(MemoryMap map) {
        MemoryMap.Region r = map.region("timer");
        return RegisterMap.builder("pdl_timer").base(r.base()).size(r.size())
                .description("Machine timer: mtime counts clock cycles; the timer interrupt is mtime >= mtimecmp")
                .register(Register.builder("mtime_lo", 0x0).access(Access.RO)
                        .description("mtime bits 31:0 (read hi, lo, hi again when hi changed)"))
                .register(Register.builder("mtime_hi", 0x4).access(Access.RO).description("mtime bits 63:32"))
                .register(Register.builder("mtimecmp_lo", 0x8).access(Access.RW).reset(0xFFFF_FFFFL)
                        .description("mtimecmp bits 31:0"))
                .register(Register.builder("mtimecmp_hi", 0xC).access(Access.RW).reset(0xFFFF_FFFFL)
                        .description("mtimecmp bits 63:32 (write 0xffffffff first to avoid a spurious interrupt)"))
                .build();
    }

    /** Simulation control (the harness acts on these; on an FPGA they do nothing). */
    public static RegisterMap simCtrl(MemoryMap map) {
        MemoryMap.Region r = map.region("sim_ctrl");
        return RegisterMap.builder("pdl_sim_ctrl").base(r.base()).size(r.size())
                .description("Simulation control: console, end of run, test interrupt lines")
                .register(Register.builder("putchar", 0x0).description("Console: the byte goes to the harness's stdout")
                        .field(Field.builder("char", 7, 0).access(Access.WO).description("Byte")))
                .register(Register.builder("exit", 0x4).access(Access.WO)
                        .description("An odd value ends the run as a tohost store: 1 pass, else fail with test number value >> 1"))
                .register(Register.builder("timer_irq", 0x8).access(Access.WO)
                        .description("N > 0: raise the timer interrupt N cycles from now; 0: lower it"))
                .register(Register.builder("ext_irq", 0xC).description("Test external interrupt")
                        .field(Field.bit("level", 0).access(Access.RW).description("Level of the external interrupt input")))
                .build();
    }

    /** Samples one waveform-snapshot slot keeps (2^8: the accelerator's longest tensor; a longer window is cut). */
    public static final int WAVE_SLOT_SAMPLE_BITS = 8;
    /** Windows (channels) of one event the snapshot keeps; slot n keeps the event's n-th window. */
    public static final int WAVE_SLOTS = 2;

    /**
     * ADC capture: the gate of the window port, the capture clock, and the waveform snapshot. While {@code enable}
     * is 1 the window source (the capture; in simulation the harness) may start an event; a window already started
     * always completes, so the accelerator never sees a partial one. An event is one trigger: the source raises
     * the port's trigger line with the first sample of its first window, and every window up to the next trigger
     * (its other channels, sampled at the same instant) carries the trigger's time. The snapshot keeps the windows
     * of every n-th event for the firmware's WAVEFORM frames (CONFIG WAVEFORM_PRESCALE). The firmware opens the gate
     * at START and closes it at STOP.
     */
    public static RegisterMap adc(MemoryMap map) {
        MemoryMap.Region r = map.region("adc");
        Register.Builder tags = Register.builder("wave_tags", 0x48).access(Access.RO)
                .description("Tags (channels) of the snapshot's windows");
        for (int s = 0; s < WAVE_SLOTS; s++) {
            tags.field(Field.builder("slot" + s, 8 * s + 7, 8 * s).access(Access.RO)
                    .description("Tag of slot " + s + " (valid below wave_status.windows)"));
        }
        return RegisterMap.builder("pdl_adc").base(r.base()).size(r.size())
                .description("ADC capture: window port gate, capture clock, trigger counters and waveform snapshot")
                .register(Register.builder("ctrl", 0x0).description("Control")
                        .field(Field.bit("enable", 0).access(Access.RW)
                                .description("1: events may start; 0 -> 1 restarts time and the counters at 0 and empties the snapshot")))
                .register(Register.builder("time_lo", 0x20).access(Access.RO)
                        .description("Clock cycles since enable, bits 31:0 (read lo, then hi)"))
                .register(Register.builder("time_hi", 0x24).access(Access.RO).description("Bits 63:32 of time"))
                .register(Register.builder("triggers", 0x28).access(Access.RO)
                        .description("Events (triggers) since enable, one per trigger whatever the number of channels"))
                .register(Register.builder("windows", 0x2C).access(Access.RO)
                        .description("Windows that passed the port since enable"))
                .register(Register.builder("wave_prescale", 0x40).description("Waveform snapshot selection")
                        .field(Field.builder("events", 15, 0).access(Access.RW).description("Keeps the windows of the "
                                + "events whose index since enable is a multiple of this, when the snapshot is free "
                                + "(0: none)")))
                .register(Register.builder("wave_status", 0x44).description("Waveform snapshot state")
                        .field(Field.bit("held", 0).access(Access.RO).description("The snapshot holds an event (until "
                                + "wave_release)"))
                        .field(Field.bit("closed", 1).access(Access.RO).description("No further window joins it: its "
                                + "slots are full or the next trigger came"))
                        .field(Field.builder("windows", 11, 8).access(Access.RO).description("Its complete windows "
                                + "(slots 0 up to this)")))
                .register(tags)
                .register(Register.builder("wave_time_lo", 0x4C).access(Access.RO)
                        .description("Capture time of the held event (its windows' timestamp), bits 31:0"))
                .register(Register.builder("wave_time_hi", 0x50).access(Access.RO).description("Bits 63:32 of wave_time"))
                .register(Register.builder("wave_release", 0x54).writeStrobe().description("Frees the snapshot")
                        .field(Field.bit("release", 0).access(Access.WO).description("Any write: the next selected "
                                + "event may be kept")))
                .register(Register.builder("wave_seek", 0x58).writeStrobe().description("Read position")
                        .field(Field.builder("sample", WAVE_SLOT_SAMPLE_BITS - 1, 0).access(Access.WO)
                                .description("Sample index within the slot"))
                        .field(Field.builder("slot", WAVE_SLOT_SAMPLE_BITS, WAVE_SLOT_SAMPLE_BITS).access(Access.WO)
                                .description("Slot (the event's n-th window)")))
                .register(Register.builder("wave_data", 0x5C).readStrobe().description("Snapshot samples")
                        .field(Field.builder("sample", 15, 0).access(Access.RO).description("The sample at the read "
                                + "position (int16); reading moves the position to the next sample")))
                .build();
    }

    /** Largest records-per-frame value the framer's register holds. */
    public static final int FRAMER_BATCH_BITS = 16;

    /**
     * Result framer (rtl/soc/pdl_framer.v; docs/soc.md "Result framer"): takes the accelerator's result stream and
     * sends complete RESULT frames (DESIGN section 5) through the UART's transmit FIFO, so the CPU is not in the
     * per-result path. The CPU's own frames share the link: it claims the transmit FIFO, which the framer grants
     * between frames, and numbers its frame with {@code sequence} (one counter for every frame the board sends).
     */
    public static RegisterMap framer(MemoryMap map) {
        MemoryMap.Region r = map.region("framer");
        return RegisterMap.builder("pdl_framer").base(r.base()).size(r.size())
                .description("Result framer: accelerator results to RESULT frames on the UART, and the UART's transmit arbiter")
                .register(Register.builder("ctrl", 0x0).description("Control")
                        .field(Field.bit("enable", 0).access(Access.RW).description("1: the framer takes the accelerator's "
                                + "result stream; 0: it takes no new result, sends the records it holds, then is idle. "
                                + "0 -> 1 clears the counters and the expected window sequence"))
                        .field(Field.bit("claim", 1).access(Access.RW).description("1: the CPU asks for the transmit FIFO; "
                                + "granted between frames (status.granted), held until cleared")))
                .register(Register.builder("status", 0x4).description("State")
                        .field(Field.bit("granted", 0).access(Access.RO).description("The CPU owns the transmit FIFO: the "
                                + "framer is between frames and starts none while claim is 1"))
                        .field(Field.bit("idle", 1).access(Access.RO).description("No record held or being received, no "
                                + "frame being sent")))
                .register(Register.builder("batch", 0x8).description("Frame size")
                        .field(Field.builder("records", FRAMER_BATCH_BITS - 1, 0).access(Access.RW).reset(1)
                                .description("Records per frame (at least 1; the payload must fit 1400 bytes)")))
                .register(Register.builder("format", 0xC).description("Result words per record")
                        .field(Field.builder("outputs", 7, 0).access(Access.RW).reset(1)
                                .description("Raw outputs per result (and per record)"))
                        .field(Field.bit("wide", 8).access(Access.RW).description("Each raw output is two words (int64) in "
                                + "the result stream; the record carries it saturated to i32 with flag OUTPUT_CLIPPED")))
                .register(Register.builder("channel_mask", 0x10).access(Access.RW).reset(0xFFFF_FFFFL)
                        .description("Bit n: results tagged channel n become records; others are dropped silently "
                                + "(channels above 31 always pass)"))
                .register(Register.builder("max_age", 0x14).access(Access.RW)
                        .description("Clock cycles the oldest held record may wait before a partly filled frame is sent "
                                + "(0: only full frames, and the rest when enable falls)"))
                .register(Register.builder("sequence", 0x18).access(Access.RO)
                        .description("Sequence number of the next frame sent on the link (the framer's or the CPU's)"))
                .register(Register.builder("sequence_set", 0x1C).writeStrobe().description("Sequence number to set")
                        .field(Field.builder("value", 31, 0).access(Access.WO)
                                .description("Sets the next frame's sequence number: the CPU writes its own frame's + 1")))
                .register(Register.builder("frames", 0x20).access(Access.RO)
                        .description("RESULT frames sent since enable rose"))
                .register(Register.builder("records", 0x24).access(Access.RO)
                        .description("Records sent since enable rose"))
                .register(Register.builder("drops", 0x28).access(Access.RO)
                        .description("Windows missing from the result stream's sequence numbers since enable rose"))
                .register(Register.builder("expected", 0x2C).access(Access.RO)
                        .description("Sequence number (16 bits) the next result should carry; the windows the "
                                + "accelerator accepted minus this were lost after the last result"))
                .build();
    }
}
