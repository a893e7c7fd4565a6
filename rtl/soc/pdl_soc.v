`default_nettype none
// pdl_soc: rv32_core beside the generated accelerator (docs/soc.md): RAM, the data bus, UART, machine timer,
// simulation control, pdl_accel and the result framer (pdl_framer: the accelerator's result stream to RESULT frames
// in the UART's transmit FIFO, when the firmware enables it), at the addresses of the generated memory map (soc_memory_map.vh, from
// MemoryMap.pulsedlSoc). Interrupts: mip.MTIP = timer | simulation-control test line; mip.MEIP = UART | the
// simulation-control test line (no interrupt controller: the handler polls the sources). The ADC window port feeds
// the accelerator's stream input (in simulation the harness drives it; the real capture comes later); pdl_adc's
// enable gates it (o_win_enable: the source starts an event only while it is 1); it stamps each window with its
// event's time (i_win_trigger marks an event's first window: the channels of one trigger share one timestamp; the
// accelerator takes the stamp with the first sample and returns it in the window's timestamp result word) and keeps
// every n-th event's windows for the firmware's WAVEFORM frames.
module pdl_soc #(
    parameter RAM_INIT = ""             // $readmemh image of the firmware (32-bit words from the RAM base)
) (
    input  wire        i_clk,
    input  wire        i_rst,           // synchronous, active high
    output wire        o_uart_tx,
    input  wire        i_uart_rx,
    // ADC window port (one sample per cycle while i_win_valid; the window's tag with its first sample)
    input  wire        i_win_valid,
    input  wire [15:0] i_win_data,
    input  wire [7:0]  i_win_tag,
    input  wire        i_win_last,
    input  wire        i_win_trigger,   // with the first sample of an event's first window (docs/soc.md "ADC capture")
    output wire        o_win_room,      // the accelerator's input FIFO has room for a whole window
    output wire        o_win_enable,    // the capture is on (adc ctrl.enable): a window may start
    // simulation control, for a harness
    output wire        o_putc_valid,
    output wire [7:0]  o_putc,
    output wire        o_exit_valid,
    output wire [31:0] o_exit
);
/* verilator lint_off UNUSEDPARAM */  // the map names every region; each user needs a few
`include "soc_memory_map.vh"
/* verilator lint_on UNUSEDPARAM */
    localparam RAM_ADDR_BITS = $clog2(~MMAP_RAM_MASK + 32'd1) - 2;   // word address bits of the RAM region

    wire [31:0] imem_addr, imem_rdata;
    wire        dmem_valid, dmem_we, dmem_busy, dmem_fault;
    wire [3:0]  dmem_wstrb;
    wire [31:0] dmem_addr, dmem_wdata, dmem_rdata;
    wire        timer_irq, timer_test_irq, uart_irq, ext_test_irq;

    wire        ram_en;
    wire [31:0] ram_rdata;
    wire        uart_we, uart_re, uart_ready, timer_we, timer_re, timer_ready;
    wire        sim_we, sim_re, sim_ready, accel_we, accel_re, accel_ready, accel_err, accel_irq;
    wire        adc_we, adc_re, adc_ready, framer_we, framer_re, framer_ready;
    wire [31:0] uart_rdata, timer_rdata, sim_rdata, accel_rdata, adc_rdata, framer_rdata;

    wire        res_valid, res_ready, running, round_start;   // running and round_start: traces, unused
    wire [31:0] res_data, accel_cycle;
    wire [63:0] capture_time;
    wire [31:0] capture_stamp;          // the window's event time, taken by the accelerator with its first sample
    wire        fr_owns, fr_valid, fr_ready;
    wire [7:0]  fr_data;

    rv32_core #(.RESET_VECTOR(MMAP_RAM_BASE)) cpu (
        .i_clk        (i_clk),
        .i_rst        (i_rst),
        .o_imem_addr  (imem_addr),
        .i_imem_rdata (imem_rdata),
        .o_dmem_valid (dmem_valid),
        .o_dmem_we    (dmem_we),
        .o_dmem_wstrb (dmem_wstrb),
        .o_dmem_addr  (dmem_addr),
        .o_dmem_wdata (dmem_wdata),
        .i_dmem_rdata (dmem_rdata),
        .i_dmem_busy  (dmem_busy),
        .i_dmem_fault (dmem_fault),
        .i_timer_irq  (timer_irq || timer_test_irq),
        .i_ext_irq    (uart_irq || accel_irq || ext_test_irq)
    );

    pdl_soc_bus bus (
        .i_clk         (i_clk),
        .i_rst         (i_rst),
        .i_valid       (dmem_valid),
        .i_we          (dmem_we),
        .i_addr        (dmem_addr),
        .o_rdata       (dmem_rdata),
        .o_busy        (dmem_busy),
        .o_fault       (dmem_fault),
        .o_ram_en      (ram_en),
        .i_ram_rdata   (ram_rdata),
        .o_uart_we     (uart_we),
        .o_uart_re     (uart_re),
        .i_uart_ready  (uart_ready),
        .i_uart_rdata  (uart_rdata),
        .o_timer_we    (timer_we),
        .o_timer_re    (timer_re),
        .i_timer_ready (timer_ready),
        .i_timer_rdata (timer_rdata),
        .o_sim_we      (sim_we),
        .o_sim_re      (sim_re),
        .i_sim_ready   (sim_ready),
        .i_sim_rdata   (sim_rdata),
        .o_accel_we    (accel_we),
        .o_accel_re    (accel_re),
        .i_accel_ready (accel_ready),
        .i_accel_rdata (accel_rdata),
        .o_adc_we      (adc_we),
        .o_adc_re      (adc_re),
        .i_adc_ready   (adc_ready),
        .i_adc_rdata   (adc_rdata),
        .o_framer_we   (framer_we),
        .o_framer_re   (framer_re),
        .i_framer_ready(framer_ready),
        .i_framer_rdata(framer_rdata)
    );

    // Instruction fetch only from RAM: other addresses alias into it (the low address bits select the word).
    pdl_soc_ram #(.ADDR_BITS(RAM_ADDR_BITS), .INIT_FILE(RAM_INIT)) ram (
        .i_clk     (i_clk),
        .i_a_addr  (imem_addr[RAM_ADDR_BITS+1:2]),
        .o_a_rdata (imem_rdata),
        .i_b_en    (ram_en),
        .i_b_we    (dmem_we ? dmem_wstrb : 4'b0000),
        .i_b_addr  (dmem_addr[RAM_ADDR_BITS+1:2]),
        .i_b_wdata (dmem_wdata),
        .o_b_rdata (ram_rdata)
    );

    pdl_uart uart (
        .i_clk   (i_clk),
        .i_rst   (i_rst),
        .i_addr  (dmem_addr[11:0]),
        .i_we    (uart_we),
        .i_wstrb (dmem_wstrb),
        .i_wdata (dmem_wdata),
        .i_re    (uart_re),
        .o_rdata (uart_rdata),
        .o_ready (uart_ready),
        .o_tx    (o_uart_tx),
        .i_rx    (i_uart_rx),
        .o_irq   (uart_irq),
        .i_hw_owns  (fr_owns),
        .i_hw_valid (fr_valid),
        .i_hw_data  (fr_data),
        .o_hw_ready (fr_ready)
    );

    // The hardware RESULT path: the accelerator's result stream becomes RESULT frames in the UART's transmit FIFO
    // while the firmware has the framer enabled (docs/soc.md "Result framer"); otherwise the CPU pops results.
    pdl_framer #(.TIMESTAMP_WORDS(1)) framer (
        .i_clk       (i_clk),
        .i_rst       (i_rst),
        .i_addr      (dmem_addr[11:0]),
        .i_we        (framer_we),
        .i_wstrb     (dmem_wstrb),
        .i_wdata     (dmem_wdata),
        .i_re        (framer_re),
        .o_rdata     (framer_rdata),
        .o_ready     (framer_ready),
        .i_res_valid (res_valid),
        .i_res_data  (res_data),
        .o_res_ready (res_ready),
        .i_time      (capture_time),
        .o_tx_valid  (fr_valid),
        .o_tx_data   (fr_data),
        .i_tx_ready  (fr_ready),
        .o_in_frame  (fr_owns)
    );

    pdl_timer timer (
        .i_clk   (i_clk),
        .i_rst   (i_rst),
        .i_addr  (dmem_addr[11:0]),
        .i_we    (timer_we),
        .i_wstrb (dmem_wstrb),
        .i_wdata (dmem_wdata),
        .i_re    (timer_re),
        .o_rdata (timer_rdata),
        .o_ready (timer_ready),
        .o_irq   (timer_irq)
    );

    pdl_sim_ctrl sim_ctrl (
        .i_clk        (i_clk),
        .i_rst        (i_rst),
        .i_addr       (dmem_addr[11:0]),
        .i_we         (sim_we),
        .i_wstrb      (dmem_wstrb),
        .i_wdata      (dmem_wdata),
        .i_re         (sim_re),
        .o_rdata      (sim_rdata),
        .o_ready      (sim_ready),
        .o_putc_valid (o_putc_valid),
        .o_putc       (o_putc),
        .o_exit_valid (o_exit_valid),
        .o_exit       (o_exit),
        .o_timer_irq  (timer_test_irq),
        .o_ext_irq    (ext_test_irq)
    );

    pdl_adc adc (
        .i_clk       (i_clk),
        .i_rst       (i_rst),
        .i_addr      (dmem_addr[15:0]),
        .i_we        (adc_we),
        .i_wstrb     (dmem_wstrb),
        .i_wdata     (dmem_wdata),
        .i_re        (adc_re),
        .o_rdata     (adc_rdata),
        .o_ready     (adc_ready),
        .i_win_valid   (i_win_valid),
        .i_win_data    (i_win_data),
        .i_win_tag     (i_win_tag),
        .i_win_last    (i_win_last),
        .i_win_trigger (i_win_trigger),
        .o_enable      (o_win_enable),
        .o_time        (capture_time),
        .o_stamp       (capture_stamp)
    );

    pdl_accel accel (
        .i_clk         (i_clk),
        .i_rst         (i_rst),
        .i_addr        (dmem_addr[16:0]),
        .i_we          (accel_we),
        .i_wstrb       (dmem_wstrb),
        .i_wdata       (dmem_wdata),
        .i_re          (accel_re),
        .o_rdata       (accel_rdata),
        .o_ready       (accel_ready),
        .o_err         (accel_err),
        .o_irq         (accel_irq),
        .i_in_valid    (i_win_valid),
        .i_in_data     (i_win_data),
        .i_in_tag      (i_win_tag),
        .i_in_time     (capture_stamp),
        .i_in_last     (i_win_last),
        .o_in_room     (o_win_room),
        .o_res_valid   (res_valid),
        .o_res_data    (res_data),
        .i_res_ready   (res_ready),
        .o_running     (running),
        .o_cycle       (accel_cycle),
        .o_round_start (round_start)
    );

    // An access inside the accelerator's aperture that hits no register or memory answers with o_err one cycle
    // after the request, too late for the core's access fault (decoded in the request cycle): the accelerator
    // records it in BUS_ERROR_ADDR and raises its bus-error interrupt cause instead.
    wire unused = &{1'b0, accel_err, running, accel_cycle, round_start, dmem_addr[31:17], imem_addr[31:RAM_ADDR_BITS+2], imem_addr[1:0]};
endmodule
`default_nettype wire
