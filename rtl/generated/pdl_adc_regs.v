// Generated file - do not edit; regenerate it instead.
// Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
// Tool: pulsedl hls-gen 0.1.0
// Input hash: sha256:2b2a014c7eb12e6988af684f76c3113d57dc24f7002fb12ac73921b030a8f681

`default_nettype none

// pdl_adc_regs: register file of 'pdl_adc' - ADC capture: window port gate, capture clock and trigger counter
// Generated from RegisterMap 'pdl_adc' (base 0x3000_0000, 0x10000 bytes); the field tables are in pdl_adc_regs.md.
// Bus: a request (i_we or i_re, held or pulsed) is taken on an edge where o_ready is low;
// o_ready is high for one cycle after it, with o_rdata valid for a read. i_we wins over i_re.
// Reset is synchronous and active-high.
module pdl_adc_regs (
  input  wire        i_clk,          // clock
  input  wire        i_rst,          // synchronous reset, active high
  input  wire [15:0] i_addr,         // byte address within the block
  input  wire        i_we,           // write request
  input  wire [3:0]  i_wstrb,        // byte enables of i_wdata
  input  wire [31:0] i_wdata,        // write data
  input  wire        i_re,           // read request
  output wire [31:0] o_rdata,        // read data, valid while o_ready
  output wire        o_ready,        // request done (one cycle)
  output wire        o_ctrl_enable,  // ctrl.enable [0] RW: 1: windows may start; 0 -> 1 restarts time and triggers at 0
  input  wire [31:0] i_time_lo,      // time_lo [31:0] RO: Clock cycles since enable, bits 31:0 (read lo, then hi)
  input  wire [31:0] i_time_hi,      // time_hi [31:0] RO: Bits 63:32 of time
  input  wire [31:0] i_triggers      // triggers [31:0] RO: Windows that passed the port since enable
);

  // Register offsets (bytes within the block).
  localparam [15:0] ADDR_CTRL     = 16'h0;   // ctrl: Control
  localparam [15:0] ADDR_TIME_LO  = 16'h20;  // time_lo: Clock cycles since enable, bits 31:0 (read lo, then hi)
  localparam [15:0] ADDR_TIME_HI  = 16'h24;  // time_hi: Bits 63:32 of time
  localparam [15:0] ADDR_TRIGGERS = 16'h28;  // triggers: Windows that passed the port since enable

  // Bus decode: take a request only when no response is pending.
  wire        bus_take;    // request accepted this cycle
  wire        bus_wr;      // write accepted
  wire        bus_rd;      // read accepted
  wire [15:0] bus_addr;    // word-aligned address
  wire [31:0] bus_wmask;   // i_wstrb as a bit mask
  wire        unused_bus;  // bits some maps do not decode

  reg        bus_ready_r;  // response pending
  reg [31:0] bus_rdata_r;  // read data
  reg [31:0] bus_rdata;    // read mux

  assign bus_take   = (i_we | i_re) & ~bus_ready_r;
  assign bus_wr     = bus_take & i_we;
  assign bus_rd     = bus_take & ~i_we;
  assign bus_addr   = {i_addr[15:2], 2'b00};
  assign bus_wmask  = {{8{i_wstrb[3]}}, {8{i_wstrb[2]}}, {8{i_wstrb[1]}}, {8{i_wstrb[0]}}};
  assign unused_bus = &{1'b0, i_addr[1:0], i_wdata, i_wstrb};

  // ctrl @ 0x0 (RW): Control
  wire wr_ctrl;  // write to ctrl

  reg ctrl_enable_r;  // RW [0]

  assign wr_ctrl = bus_wr & (bus_addr == ADDR_CTRL);

  always @(posedge i_clk) begin
    if (i_rst) begin
      ctrl_enable_r <= 1'h0;
    end else if (wr_ctrl) begin
      ctrl_enable_r <= (ctrl_enable_r & ~bus_wmask[0]) | (i_wdata[0] & bus_wmask[0]);
    end
  end

  assign o_ctrl_enable = ctrl_enable_r;

  // Read mux: unmapped offsets and WO fields read as 0.
  always @* begin
    case (bus_addr)
      ADDR_CTRL:     bus_rdata = {31'h0, ctrl_enable_r};
      ADDR_TIME_LO:  bus_rdata = i_time_lo;
      ADDR_TIME_HI:  bus_rdata = i_time_hi;
      ADDR_TRIGGERS: bus_rdata = i_triggers;
      default:       bus_rdata = 32'h0;
    endcase
  end

  // Response: o_ready one cycle after a request is taken; read data captured with it.
  always @(posedge i_clk) begin
    if (i_rst) begin
      bus_ready_r <= 1'b0;
      bus_rdata_r <= 32'h0;
    end else begin
      bus_ready_r <= bus_take;
      if (bus_rd) begin
        bus_rdata_r <= bus_rdata;
      end
    end
  end

  assign o_ready = bus_ready_r;
  assign o_rdata = bus_rdata_r;

endmodule

`default_nettype wire
