// Generated file - do not edit; regenerate it instead.
// Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
// Tool: pulsedl hls-gen 0.1.0
// Input hash: sha256:d254ef7dffab8417256cf932534b1fa507025f2b434190ce8eeaa6943d7ef9a1

`default_nettype none

// pdl_sim_ctrl_regs: register file of 'pdl_sim_ctrl' - Simulation control: console, end of run, test interrupt lines
// Generated from RegisterMap 'pdl_sim_ctrl' (base 0x1000_2000, 0x1000 bytes); the field tables are in pdl_sim_ctrl_regs.md.
// Bus: a request (i_we or i_re, held or pulsed) is taken on an edge where o_ready is low;
// o_ready is high for one cycle after it, with o_rdata valid for a read. i_we wins over i_re.
// Reset is synchronous and active-high.
module pdl_sim_ctrl_regs (
  input  wire        i_clk,           // clock
  input  wire        i_rst,           // synchronous reset, active high
  input  wire [11:0] i_addr,          // byte address within the block
  input  wire        i_we,            // write request
  input  wire [3:0]  i_wstrb,         // byte enables of i_wdata
  input  wire [31:0] i_wdata,         // write data
  input  wire        i_re,            // read request
  output wire [31:0] o_rdata,         // read data, valid while o_ready
  output wire        o_ready,         // request done (one cycle)
  output wire [7:0]  o_putchar_char,  // putchar.char [7:0] WO: Byte
  output wire        o_putchar_wr,    // putchar was written (pulse)
  output wire [31:0] o_exit,          // exit [31:0] WO: An odd value ends the run as a tohost store: 1 pass, else fail with test number value >> 1
  output wire        o_exit_wr,       // exit was written (pulse)
  output wire [31:0] o_timer_irq,     // timer_irq [31:0] WO: N > 0: raise the timer interrupt N cycles from now; 0: lower it
  output wire        o_timer_irq_wr,  // timer_irq was written (pulse)
  output wire        o_ext_irq_level  // ext_irq.level [0] RW: Level of the external interrupt input
);

  // Register offsets (bytes within the block).
  localparam [11:0] ADDR_PUTCHAR   = 12'h0;  // putchar: Console: the byte goes to the harness's stdout
  localparam [11:0] ADDR_EXIT      = 12'h4;  // exit: An odd value ends the run as a tohost store: 1 pass, else fail with test number value >> 1
  localparam [11:0] ADDR_TIMER_IRQ = 12'h8;  // timer_irq: N > 0: raise the timer interrupt N cycles from now; 0: lower it
  localparam [11:0] ADDR_EXT_IRQ   = 12'hc;  // ext_irq: Test external interrupt

  // Bus decode: take a request only when no response is pending.
  wire        bus_take;    // request accepted this cycle
  wire        bus_wr;      // write accepted
  wire        bus_rd;      // read accepted
  wire [11:0] bus_addr;    // word-aligned address
  wire [31:0] bus_wmask;   // i_wstrb as a bit mask
  wire        unused_bus;  // bits some maps do not decode

  reg        bus_ready_r;  // response pending
  reg [31:0] bus_rdata_r;  // read data
  reg [31:0] bus_rdata;    // read mux

  assign bus_take   = (i_we | i_re) & ~bus_ready_r;
  assign bus_wr     = bus_take & i_we;
  assign bus_rd     = bus_take & ~i_we;
  assign bus_addr   = {i_addr[11:2], 2'b00};
  assign bus_wmask  = {{8{i_wstrb[3]}}, {8{i_wstrb[2]}}, {8{i_wstrb[1]}}, {8{i_wstrb[0]}}};
  assign unused_bus = &{1'b0, i_addr[1:0], i_wdata, i_wstrb};

  // putchar @ 0x0 (WO): Console: the byte goes to the harness's stdout
  wire wr_putchar;  // write to putchar

  reg [7:0] putchar_char_r;  // WO [7:0]
  reg       putchar_wr_r;    // write strobe

  assign wr_putchar = bus_wr & (bus_addr == ADDR_PUTCHAR);

  always @(posedge i_clk) begin
    if (i_rst) begin
      putchar_char_r <= 8'h0;
      putchar_wr_r <= 1'b0;
    end else begin
      if (wr_putchar) begin
        putchar_char_r <= (putchar_char_r & ~bus_wmask[7:0]) | (i_wdata[7:0] & bus_wmask[7:0]);
      end
      putchar_wr_r <= wr_putchar;
    end
  end

  assign o_putchar_char = putchar_char_r;
  assign o_putchar_wr   = putchar_wr_r;

  // exit @ 0x4 (WO): An odd value ends the run as a tohost store: 1 pass, else fail with test number value >> 1
  wire wr_exit;  // write to exit

  reg [31:0] exit_r;     // WO [31:0]
  reg        exit_wr_r;  // write strobe

  assign wr_exit = bus_wr & (bus_addr == ADDR_EXIT);

  always @(posedge i_clk) begin
    if (i_rst) begin
      exit_r <= 32'h0;
      exit_wr_r <= 1'b0;
    end else begin
      if (wr_exit) begin
        exit_r <= (exit_r & ~bus_wmask[31:0]) | (i_wdata[31:0] & bus_wmask[31:0]);
      end
      exit_wr_r <= wr_exit;
    end
  end

  assign o_exit    = exit_r;
  assign o_exit_wr = exit_wr_r;

  // timer_irq @ 0x8 (WO): N > 0: raise the timer interrupt N cycles from now; 0: lower it
  wire wr_timer_irq;  // write to timer_irq

  reg [31:0] timer_irq_r;     // WO [31:0]
  reg        timer_irq_wr_r;  // write strobe

  assign wr_timer_irq = bus_wr & (bus_addr == ADDR_TIMER_IRQ);

  always @(posedge i_clk) begin
    if (i_rst) begin
      timer_irq_r <= 32'h0;
      timer_irq_wr_r <= 1'b0;
    end else begin
      if (wr_timer_irq) begin
        timer_irq_r <= (timer_irq_r & ~bus_wmask[31:0]) | (i_wdata[31:0] & bus_wmask[31:0]);
      end
      timer_irq_wr_r <= wr_timer_irq;
    end
  end

  assign o_timer_irq    = timer_irq_r;
  assign o_timer_irq_wr = timer_irq_wr_r;

  // ext_irq @ 0xc (RW): Test external interrupt
  wire wr_ext_irq;  // write to ext_irq

  reg ext_irq_level_r;  // RW [0]

  assign wr_ext_irq = bus_wr & (bus_addr == ADDR_EXT_IRQ);

  always @(posedge i_clk) begin
    if (i_rst) begin
      ext_irq_level_r <= 1'h0;
    end else if (wr_ext_irq) begin
      ext_irq_level_r <= (ext_irq_level_r & ~bus_wmask[0]) | (i_wdata[0] & bus_wmask[0]);
    end
  end

  assign o_ext_irq_level = ext_irq_level_r;

  // Read mux: unmapped offsets and WO fields read as 0.
  always @* begin
    case (bus_addr)
      ADDR_EXT_IRQ: bus_rdata = {31'h0, ext_irq_level_r};
      default:      bus_rdata = 32'h0;
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
