// Generated file - do not edit; regenerate it instead.
// Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
// Tool: pulsedl hls-gen 0.1.0
// Input hash: sha256:ba7108622e3325b6a2d7732dfdd324e4c0029547c551c1d168eed5ae328ff79b

`default_nettype none

// pdl_framer_regs: register file of 'pdl_framer' - Result framer: accelerator results to RESULT frames on the UART, and the UART's transmit arbiter
// Generated from RegisterMap 'pdl_framer' (base 0x1000_3000, 0x1000 bytes); the field tables are in pdl_framer_regs.md.
// Bus: a request (i_we or i_re, held or pulsed) is taken on an edge where o_ready is low;
// o_ready is high for one cycle after it, with o_rdata valid for a read. i_we wins over i_re.
// Reset is synchronous and active-high.
module pdl_framer_regs (
  input  wire        i_clk,                 // clock
  input  wire        i_rst,                 // synchronous reset, active high
  input  wire [11:0] i_addr,                // byte address within the block
  input  wire        i_we,                  // write request
  input  wire [3:0]  i_wstrb,               // byte enables of i_wdata
  input  wire [31:0] i_wdata,               // write data
  input  wire        i_re,                  // read request
  output wire [31:0] o_rdata,               // read data, valid while o_ready
  output wire        o_ready,               // request done (one cycle)
  output wire        o_ctrl_enable,         // ctrl.enable [0] RW: 1: the framer takes the accelerator's result stream; 0: it takes no new result, sends the records it holds, then is idle. 0 -> 1 clears the counters and the expected window sequence
  output wire        o_ctrl_claim,          // ctrl.claim [1] RW: 1: the CPU asks for the transmit FIFO; granted between frames (status.granted), held until cleared
  input  wire        i_status_granted,      // status.granted [0] RO: The CPU owns the transmit FIFO: the framer is between frames and starts none while claim is 1
  input  wire        i_status_idle,         // status.idle [1] RO: No record held or being received, no frame being sent
  output wire [15:0] o_batch_records,       // batch.records [15:0] RW: Records per frame (at least 1; the payload must fit 1400 bytes)
  output wire [7:0]  o_format_outputs,      // format.outputs [7:0] RW: Raw outputs per result (and per record)
  output wire        o_format_wide,         // format.wide [8] RW: Each raw output is two words (int64) in the result stream; the record carries it saturated to i32 with flag OUTPUT_CLIPPED
  output wire [31:0] o_channel_mask,        // channel_mask [31:0] RW: Bit n: results tagged channel n become records; others are dropped silently (channels above 31 always pass)
  output wire [31:0] o_max_age,             // max_age [31:0] RW: Clock cycles the oldest held record may wait before a partly filled frame is sent (0: only full frames, and the rest when enable falls)
  input  wire [31:0] i_sequence,            // sequence [31:0] RO: Sequence number of the next frame sent on the link (the framer's or the CPU's)
  output wire [31:0] o_sequence_set_value,  // sequence_set.value [31:0] WO: Sets the next frame's sequence number: the CPU writes its own frame's + 1
  output wire        o_sequence_set_wr,     // sequence_set was written (pulse)
  input  wire [31:0] i_frames,              // frames [31:0] RO: RESULT frames sent since enable rose
  input  wire [31:0] i_records,             // records [31:0] RO: Records sent since enable rose
  input  wire [31:0] i_drops,               // drops [31:0] RO: Windows missing from the result stream's sequence numbers since enable rose
  input  wire [31:0] i_expected             // expected [31:0] RO: Sequence number (16 bits) the next result should carry; the windows the accelerator accepted minus this were lost after the last result
);

  // Register offsets (bytes within the block).
  localparam [11:0] ADDR_CTRL         = 12'h0;   // ctrl: Control
  localparam [11:0] ADDR_STATUS       = 12'h4;   // status: State
  localparam [11:0] ADDR_BATCH        = 12'h8;   // batch: Frame size
  localparam [11:0] ADDR_FORMAT       = 12'hc;   // format: Result words per record
  localparam [11:0] ADDR_CHANNEL_MASK = 12'h10;  // channel_mask: Bit n: results tagged channel n become records; others are dropped silently (channels above 31 always pass)
  localparam [11:0] ADDR_MAX_AGE      = 12'h14;  // max_age: Clock cycles the oldest held record may wait before a partly filled frame is sent (0: only full frames, and the rest when enable falls)
  localparam [11:0] ADDR_SEQUENCE     = 12'h18;  // sequence: Sequence number of the next frame sent on the link (the framer's or the CPU's)
  localparam [11:0] ADDR_SEQUENCE_SET = 12'h1c;  // sequence_set: Sequence number to set
  localparam [11:0] ADDR_FRAMES       = 12'h20;  // frames: RESULT frames sent since enable rose
  localparam [11:0] ADDR_RECORDS      = 12'h24;  // records: Records sent since enable rose
  localparam [11:0] ADDR_DROPS        = 12'h28;  // drops: Windows missing from the result stream's sequence numbers since enable rose
  localparam [11:0] ADDR_EXPECTED     = 12'h2c;  // expected: Sequence number (16 bits) the next result should carry; the windows the accelerator accepted minus this were lost after the last result

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

  // ctrl @ 0x0 (RW): Control
  wire wr_ctrl;  // write to ctrl

  reg ctrl_enable_r;  // RW [0]
  reg ctrl_claim_r;   // RW [1]

  assign wr_ctrl = bus_wr & (bus_addr == ADDR_CTRL);

  always @(posedge i_clk) begin
    if (i_rst) begin
      ctrl_enable_r <= 1'h0;
      ctrl_claim_r <= 1'h0;
    end else if (wr_ctrl) begin
      ctrl_enable_r <= (ctrl_enable_r & ~bus_wmask[0]) | (i_wdata[0] & bus_wmask[0]);
      ctrl_claim_r <= (ctrl_claim_r & ~bus_wmask[1]) | (i_wdata[1] & bus_wmask[1]);
    end
  end

  assign o_ctrl_enable = ctrl_enable_r;
  assign o_ctrl_claim  = ctrl_claim_r;

  // batch @ 0x8 (RW): Frame size
  wire wr_batch;  // write to batch

  reg [15:0] batch_records_r;  // RW [15:0]

  assign wr_batch = bus_wr & (bus_addr == ADDR_BATCH);

  always @(posedge i_clk) begin
    if (i_rst) begin
      batch_records_r <= 16'h1;
    end else if (wr_batch) begin
      batch_records_r <= (batch_records_r & ~bus_wmask[15:0]) | (i_wdata[15:0] & bus_wmask[15:0]);
    end
  end

  assign o_batch_records = batch_records_r;

  // format @ 0xc (RW): Result words per record
  wire wr_format;  // write to format

  reg [7:0] format_outputs_r;  // RW [7:0]
  reg       format_wide_r;     // RW [8]

  assign wr_format = bus_wr & (bus_addr == ADDR_FORMAT);

  always @(posedge i_clk) begin
    if (i_rst) begin
      format_outputs_r <= 8'h1;
      format_wide_r <= 1'h0;
    end else if (wr_format) begin
      format_outputs_r <= (format_outputs_r & ~bus_wmask[7:0]) | (i_wdata[7:0] & bus_wmask[7:0]);
      format_wide_r <= (format_wide_r & ~bus_wmask[8]) | (i_wdata[8] & bus_wmask[8]);
    end
  end

  assign o_format_outputs = format_outputs_r;
  assign o_format_wide    = format_wide_r;

  // channel_mask @ 0x10 (RW): Bit n: results tagged channel n become records; others are dropped silently (channels above 31 always pass)
  wire wr_channel_mask;  // write to channel_mask

  reg [31:0] channel_mask_r;  // RW [31:0]

  assign wr_channel_mask = bus_wr & (bus_addr == ADDR_CHANNEL_MASK);

  always @(posedge i_clk) begin
    if (i_rst) begin
      channel_mask_r <= 32'hffffffff;
    end else if (wr_channel_mask) begin
      channel_mask_r <= (channel_mask_r & ~bus_wmask[31:0]) | (i_wdata[31:0] & bus_wmask[31:0]);
    end
  end

  assign o_channel_mask = channel_mask_r;

  // max_age @ 0x14 (RW): Clock cycles the oldest held record may wait before a partly filled frame is sent (0: only full frames, and the rest when enable falls)
  wire wr_max_age;  // write to max_age

  reg [31:0] max_age_r;  // RW [31:0]

  assign wr_max_age = bus_wr & (bus_addr == ADDR_MAX_AGE);

  always @(posedge i_clk) begin
    if (i_rst) begin
      max_age_r <= 32'h0;
    end else if (wr_max_age) begin
      max_age_r <= (max_age_r & ~bus_wmask[31:0]) | (i_wdata[31:0] & bus_wmask[31:0]);
    end
  end

  assign o_max_age = max_age_r;

  // sequence_set @ 0x1c (WO): Sequence number to set
  wire wr_sequence_set;  // write to sequence_set

  reg [31:0] sequence_set_value_r;  // WO [31:0]
  reg        sequence_set_wr_r;     // write strobe

  assign wr_sequence_set = bus_wr & (bus_addr == ADDR_SEQUENCE_SET);

  always @(posedge i_clk) begin
    if (i_rst) begin
      sequence_set_value_r <= 32'h0;
      sequence_set_wr_r <= 1'b0;
    end else begin
      if (wr_sequence_set) begin
        sequence_set_value_r <= (sequence_set_value_r & ~bus_wmask[31:0]) | (i_wdata[31:0] & bus_wmask[31:0]);
      end
      sequence_set_wr_r <= wr_sequence_set;
    end
  end

  assign o_sequence_set_value = sequence_set_value_r;
  assign o_sequence_set_wr    = sequence_set_wr_r;

  // Read mux: unmapped offsets and WO fields read as 0.
  always @* begin
    case (bus_addr)
      ADDR_CTRL:         bus_rdata = {30'h0, ctrl_claim_r, ctrl_enable_r};
      ADDR_STATUS:       bus_rdata = {30'h0, i_status_idle, i_status_granted};
      ADDR_BATCH:        bus_rdata = {16'h0, batch_records_r};
      ADDR_FORMAT:       bus_rdata = {23'h0, format_wide_r, format_outputs_r};
      ADDR_CHANNEL_MASK: bus_rdata = channel_mask_r;
      ADDR_MAX_AGE:      bus_rdata = max_age_r;
      ADDR_SEQUENCE:     bus_rdata = i_sequence;
      ADDR_FRAMES:       bus_rdata = i_frames;
      ADDR_RECORDS:      bus_rdata = i_records;
      ADDR_DROPS:        bus_rdata = i_drops;
      ADDR_EXPECTED:     bus_rdata = i_expected;
      default:           bus_rdata = 32'h0;
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
