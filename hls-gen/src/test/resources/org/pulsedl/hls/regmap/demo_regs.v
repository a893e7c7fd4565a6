// Generated file - do not edit; regenerate it instead.
// Command: pulsedl test
// Tool: pulsedl hls-gen test
// Input hash: sha256:35b946cf82a8e4d79f04aeac37ca4ac7f46506df7765230d888ca3551981adf7

`default_nettype none

// demo_regs: register file of 'demo' - Demo peripheral
// Generated from RegisterMap 'demo' (base 0x2000_0000, 0x10 bytes); the field tables are in demo_regs.md.
// Bus: a request (i_we or i_re, held or pulsed) is taken on an edge where o_ready is low;
// o_ready is high for one cycle after it, with o_rdata valid for a read. i_we wins over i_re.
// Reset is synchronous and active-high.
module demo_regs (
  input  wire        i_clk,              // clock
  input  wire        i_rst,              // synchronous reset, active high
  input  wire [3:0]  i_addr,             // byte address within the block
  input  wire        i_we,               // write request
  input  wire [3:0]  i_wstrb,            // byte enables of i_wdata
  input  wire [31:0] i_wdata,            // write data
  input  wire        i_re,               // read request
  output wire [31:0] o_rdata,            // read data, valid while o_ready
  output wire        o_ready,            // request done (one cycle)
  output wire        o_ctrl_enable,      // ctrl.enable [0] RW: Run the peripheral
  output wire [1:0]  o_ctrl_mode,        // ctrl.mode [3:2] RW: Operating mode
  input  wire        i_status_busy,      // status.busy [0] RO: Processing a window
  input  wire [1:0]  i_status_done_set,  // status.done [9:8] W1C: set bits (1 = set)
  output wire [1:0]  o_status_done,      // status.done [9:8] W1C: Window done, per channel
  input  wire [31:0] i_count,            // count [31:0] RO: Result FIFO head
  output wire        o_count_rd,         // count was read (pulse)
  output wire [31:0] o_cmd,              // cmd [31:0] WO: Command word
  output wire        o_cmd_wr            // cmd was written (pulse)
);

  // Register offsets (bytes within the block).
  localparam [3:0] ADDR_CTRL   = 4'h0;  // ctrl: Control
  localparam [3:0] ADDR_STATUS = 4'h4;  // status: Status and events
  localparam [3:0] ADDR_COUNT  = 4'h8;  // count: Result FIFO head
  localparam [3:0] ADDR_CMD    = 4'hc;  // cmd: Command word

  // Bus decode: take a request only when no response is pending.
  wire        bus_take;    // request accepted this cycle
  wire        bus_wr;      // write accepted
  wire        bus_rd;      // read accepted
  wire [3:0]  bus_addr;    // word-aligned address
  wire [31:0] bus_wmask;   // i_wstrb as a bit mask
  wire        unused_bus;  // bits some maps do not decode

  reg        bus_ready_r;  // response pending
  reg [31:0] bus_rdata_r;  // read data
  reg [31:0] bus_rdata;    // read mux

  assign bus_take   = (i_we | i_re) & ~bus_ready_r;
  assign bus_wr     = bus_take & i_we;
  assign bus_rd     = bus_take & ~i_we;
  assign bus_addr   = {i_addr[3:2], 2'b00};
  assign bus_wmask  = {{8{i_wstrb[3]}}, {8{i_wstrb[2]}}, {8{i_wstrb[1]}}, {8{i_wstrb[0]}}};
  assign unused_bus = &{1'b0, i_addr[1:0], i_wdata, i_wstrb};

  // ctrl @ 0x0 (RW): Control
  wire wr_ctrl;  // write to ctrl

  reg       ctrl_enable_r;  // RW [0]
  reg [1:0] ctrl_mode_r;    // RW [3:2]

  assign wr_ctrl = bus_wr & (bus_addr == ADDR_CTRL);

  always @(posedge i_clk) begin
    if (i_rst) begin
      ctrl_enable_r <= 1'h1;
      ctrl_mode_r <= 2'h2;
    end else if (wr_ctrl) begin
      ctrl_enable_r <= (ctrl_enable_r & ~bus_wmask[0]) | (i_wdata[0] & bus_wmask[0]);
      ctrl_mode_r <= (ctrl_mode_r & ~bus_wmask[3:2]) | (i_wdata[3:2] & bus_wmask[3:2]);
    end
  end

  assign o_ctrl_enable = ctrl_enable_r;
  assign o_ctrl_mode   = ctrl_mode_r;

  // status @ 0x4 (RO/W1C): Status and events
  wire wr_status;  // write to status

  reg [1:0] status_done_r;  // W1C [9:8]

  assign wr_status = bus_wr & (bus_addr == ADDR_STATUS);

  always @(posedge i_clk) begin
    if (i_rst) begin
      status_done_r <= 2'h0;
    end else begin
      status_done_r <= (status_done_r & ~({2{wr_status}} & i_wdata[9:8] & bus_wmask[9:8])) | i_status_done_set;
    end
  end

  assign o_status_done = status_done_r;

  // count @ 0x8 (RO): Result FIFO head
  wire rd_count;  // read of count

  reg count_rd_r;  // read strobe

  assign rd_count = bus_rd & (bus_addr == ADDR_COUNT);

  always @(posedge i_clk) begin
    if (i_rst) begin
      count_rd_r <= 1'b0;
    end else begin
      count_rd_r <= rd_count;
    end
  end

  assign o_count_rd = count_rd_r;

  // cmd @ 0xc (WO): Command word
  wire wr_cmd;  // write to cmd

  reg [31:0] cmd_r;     // WO [31:0]
  reg        cmd_wr_r;  // write strobe

  assign wr_cmd = bus_wr & (bus_addr == ADDR_CMD);

  always @(posedge i_clk) begin
    if (i_rst) begin
      cmd_r <= 32'h0;
      cmd_wr_r <= 1'b0;
    end else begin
      if (wr_cmd) begin
        cmd_r <= (cmd_r & ~bus_wmask[31:0]) | (i_wdata[31:0] & bus_wmask[31:0]);
      end
      cmd_wr_r <= wr_cmd;
    end
  end

  assign o_cmd    = cmd_r;
  assign o_cmd_wr = cmd_wr_r;

  // Read mux: unmapped offsets and WO fields read as 0.
  always @* begin
    case (bus_addr)
      ADDR_CTRL:   bus_rdata = {28'h0, ctrl_mode_r, 1'h0, ctrl_enable_r};
      ADDR_STATUS: bus_rdata = {22'h0, status_done_r, 7'h0, i_status_busy};
      ADDR_COUNT:  bus_rdata = i_count;
      default:     bus_rdata = 32'h0;
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
