// Generated file - do not edit; regenerate it instead.
// Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
// Tool: pulsedl hls-gen 0.1.0
// Input hash: sha256:3d6a119549751aa7c4515f418dac9223c1e390e35399d6b14447ec29395bde0d

`default_nettype none

// pdl_timer_regs: register file of 'pdl_timer' - Machine timer: mtime counts clock cycles; the timer interrupt is mtime >= mtimecmp
// Generated from RegisterMap 'pdl_timer' (base 0x1000_1000, 0x1000 bytes); the field tables are in pdl_timer_regs.md.
// Bus: a request (i_we or i_re, held or pulsed) is taken on an edge where o_ready is low;
// o_ready is high for one cycle after it, with o_rdata valid for a read. i_we wins over i_re.
// Reset is synchronous and active-high.
module pdl_timer_regs (
  input  wire        i_clk,          // clock
  input  wire        i_rst,          // synchronous reset, active high
  input  wire [11:0] i_addr,         // byte address within the block
  input  wire        i_we,           // write request
  input  wire [3:0]  i_wstrb,        // byte enables of i_wdata
  input  wire [31:0] i_wdata,        // write data
  input  wire        i_re,           // read request
  output wire [31:0] o_rdata,        // read data, valid while o_ready
  output wire        o_ready,        // request done (one cycle)
  input  wire [31:0] i_mtime_lo,     // mtime_lo [31:0] RO: mtime bits 31:0 (read hi, lo, hi again when hi changed)
  input  wire [31:0] i_mtime_hi,     // mtime_hi [31:0] RO: mtime bits 63:32
  output wire [31:0] o_mtimecmp_lo,  // mtimecmp_lo [31:0] RW: mtimecmp bits 31:0
  output wire [31:0] o_mtimecmp_hi   // mtimecmp_hi [31:0] RW: mtimecmp bits 63:32 (write 0xffffffff first to avoid a spurious interrupt)
);

  // Register offsets (bytes within the block).
  localparam [11:0] ADDR_MTIME_LO    = 12'h0;  // mtime_lo: mtime bits 31:0 (read hi, lo, hi again when hi changed)
  localparam [11:0] ADDR_MTIME_HI    = 12'h4;  // mtime_hi: mtime bits 63:32
  localparam [11:0] ADDR_MTIMECMP_LO = 12'h8;  // mtimecmp_lo: mtimecmp bits 31:0
  localparam [11:0] ADDR_MTIMECMP_HI = 12'hc;  // mtimecmp_hi: mtimecmp bits 63:32 (write 0xffffffff first to avoid a spurious interrupt)

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

  // mtimecmp_lo @ 0x8 (RW): mtimecmp bits 31:0
  wire wr_mtimecmp_lo;  // write to mtimecmp_lo

  reg [31:0] mtimecmp_lo_r;  // RW [31:0]

  assign wr_mtimecmp_lo = bus_wr & (bus_addr == ADDR_MTIMECMP_LO);

  always @(posedge i_clk) begin
    if (i_rst) begin
      mtimecmp_lo_r <= 32'hffffffff;
    end else if (wr_mtimecmp_lo) begin
      mtimecmp_lo_r <= (mtimecmp_lo_r & ~bus_wmask[31:0]) | (i_wdata[31:0] & bus_wmask[31:0]);
    end
  end

  assign o_mtimecmp_lo = mtimecmp_lo_r;

  // mtimecmp_hi @ 0xc (RW): mtimecmp bits 63:32 (write 0xffffffff first to avoid a spurious interrupt)
  wire wr_mtimecmp_hi;  // write to mtimecmp_hi

  reg [31:0] mtimecmp_hi_r;  // RW [31:0]

  assign wr_mtimecmp_hi = bus_wr & (bus_addr == ADDR_MTIMECMP_HI);

  always @(posedge i_clk) begin
    if (i_rst) begin
      mtimecmp_hi_r <= 32'hffffffff;
    end else if (wr_mtimecmp_hi) begin
      mtimecmp_hi_r <= (mtimecmp_hi_r & ~bus_wmask[31:0]) | (i_wdata[31:0] & bus_wmask[31:0]);
    end
  end

  assign o_mtimecmp_hi = mtimecmp_hi_r;

  // Read mux: unmapped offsets and WO fields read as 0.
  always @* begin
    case (bus_addr)
      ADDR_MTIME_LO:    bus_rdata = i_mtime_lo;
      ADDR_MTIME_HI:    bus_rdata = i_mtime_hi;
      ADDR_MTIMECMP_LO: bus_rdata = mtimecmp_lo_r;
      ADDR_MTIMECMP_HI: bus_rdata = mtimecmp_hi_r;
      default:          bus_rdata = 32'h0;
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
