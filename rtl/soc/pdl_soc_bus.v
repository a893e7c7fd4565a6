`default_nettype none
// pdl_soc_bus: the data-side interconnect between rv32_core and the SoC's targets (docs/soc.md "Bus"). It decodes
// the CPU's request address with the generated memory-map constants (soc_memory_map.vh) in the request cycle:
// RAM, or one of the peripherals (register files that answer with o_ready one cycle after a request), or nothing
// (o_fault: the CPU takes a load/store access fault). Every target answers one cycle after the request, as the
// core expects. A peripheral takes no new request in its response cycle, so after a peripheral request the bus
// holds the CPU's next data request back for one cycle (o_busy, a register: no combinational path to the core).
module pdl_soc_bus (
    input  wire        i_clk,
    input  wire        i_rst,
    // from the CPU
    input  wire        i_valid,
    input  wire        i_we,
    input  wire [31:0] i_addr,
    output wire [31:0] o_rdata,
    output reg         o_busy,
    output wire        o_fault,
    // RAM port B
    output wire        o_ram_en,
    input  wire [31:0] i_ram_rdata,
    // peripherals: request lines, and their responses
    output wire        o_uart_we, o_uart_re,
    input  wire        i_uart_ready,
    input  wire [31:0] i_uart_rdata,
    output wire        o_timer_we, o_timer_re,
    input  wire        i_timer_ready,
    input  wire [31:0] i_timer_rdata,
    output wire        o_sim_we, o_sim_re,
    input  wire        i_sim_ready,
    input  wire [31:0] i_sim_rdata,
    output wire        o_accel_we, o_accel_re,
    input  wire        i_accel_ready,
    input  wire [31:0] i_accel_rdata,
    output wire        o_adc_we, o_adc_re,
    input  wire        i_adc_ready,
    input  wire [31:0] i_adc_rdata,
    output wire        o_framer_we, o_framer_re,
    input  wire        i_framer_ready,
    input  wire [31:0] i_framer_rdata
);
/* verilator lint_off UNUSEDPARAM */  // the map names every region; each user needs a few
`include "soc_memory_map.vh"
/* verilator lint_on UNUSEDPARAM */

    wire sel_ram   = (i_addr & MMAP_RAM_MASK) == MMAP_RAM_BASE;
    wire sel_uart  = (i_addr & MMAP_UART_MASK) == MMAP_UART_BASE;
    wire sel_timer = (i_addr & MMAP_TIMER_MASK) == MMAP_TIMER_BASE;
    wire sel_sim   = (i_addr & MMAP_SIM_CTRL_MASK) == MMAP_SIM_CTRL_BASE;
    wire sel_accel = (i_addr & MMAP_ACCEL_MASK) == MMAP_ACCEL_BASE;
    wire sel_adc   = (i_addr & MMAP_ADC_MASK) == MMAP_ADC_BASE;
    wire sel_framer = (i_addr & MMAP_FRAMER_MASK) == MMAP_FRAMER_BASE;
    wire sel_periph = sel_uart || sel_timer || sel_sim || sel_accel || sel_adc || sel_framer;
    // The eth region has no device yet: it faults like an unmapped address.

    assign o_fault = !(sel_ram || sel_periph);
    wire go = i_valid && !o_fault;

    assign o_ram_en   = go && sel_ram;
    assign o_uart_we  = go && sel_uart && i_we;
    assign o_uart_re  = go && sel_uart && !i_we;
    assign o_timer_we = go && sel_timer && i_we;
    assign o_timer_re = go && sel_timer && !i_we;
    assign o_sim_we   = go && sel_sim && i_we;
    assign o_sim_re   = go && sel_sim && !i_we;
    assign o_accel_we = go && sel_accel && i_we;
    assign o_accel_re = go && sel_accel && !i_we;
    assign o_adc_we   = go && sel_adc && i_we;
    assign o_adc_re   = go && sel_adc && !i_we;
    assign o_framer_we = go && sel_framer && i_we;
    assign o_framer_re = go && sel_framer && !i_we;

    reg ram_resp;   // the RAM answers this cycle
    always @(posedge i_clk) begin
        if (i_rst) begin
            ram_resp <= 1'b0;
            o_busy   <= 1'b0;
        end else begin
            ram_resp <= o_ram_en;
            o_busy   <= go && sel_periph;
        end
    end

    assign o_rdata = (ram_resp ? i_ram_rdata : 32'd0)
                   | (i_uart_ready ? i_uart_rdata : 32'd0)
                   | (i_timer_ready ? i_timer_rdata : 32'd0)
                   | (i_sim_ready ? i_sim_rdata : 32'd0)
                   | (i_accel_ready ? i_accel_rdata : 32'd0)
                   | (i_adc_ready ? i_adc_rdata : 32'd0)
                   | (i_framer_ready ? i_framer_rdata : 32'd0);
endmodule
`default_nettype wire
