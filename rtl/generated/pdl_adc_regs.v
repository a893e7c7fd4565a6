// Generated file - do not edit; regenerate it instead.
// Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
// Tool: pulsedl hls-gen 0.1.0
// Input hash: sha256:2e27e5c8a73123ecbcf94973856fc64086f9e835e9e86244425c7463f24a15d5

`default_nettype none

// pdl_adc_regs: register file of 'pdl_adc' - ADC capture: window port gate, capture clock, trigger counters and waveform snapshot
// Generated from RegisterMap 'pdl_adc' (base 0x3000_0000, 0x10000 bytes); the field tables are in pdl_adc_regs.md.
// Bus: a request (i_we or i_re, held or pulsed) is taken on an edge where o_ready is low;
// o_ready is high for one cycle after it, with o_rdata valid for a read. i_we wins over i_re.
// Reset is synchronous and active-high.
module pdl_adc_regs (
  input  wire        i_clk,                   // clock
  input  wire        i_rst,                   // synchronous reset, active high
  input  wire [15:0] i_addr,                  // byte address within the block
  input  wire        i_we,                    // write request
  input  wire [3:0]  i_wstrb,                 // byte enables of i_wdata
  input  wire [31:0] i_wdata,                 // write data
  input  wire        i_re,                    // read request
  output wire [31:0] o_rdata,                 // read data, valid while o_ready
  output wire        o_ready,                 // request done (one cycle)
  output wire        o_ctrl_enable,           // ctrl.enable [0] RW: 1: events may start; 0 -> 1 restarts time and the counters at 0 and empties the snapshot
  input  wire [31:0] i_time_lo,               // time_lo [31:0] RO: Clock cycles since enable, bits 31:0 (read lo, then hi)
  input  wire [31:0] i_time_hi,               // time_hi [31:0] RO: Bits 63:32 of time
  input  wire [31:0] i_triggers,              // triggers [31:0] RO: Events (triggers) since enable, one per trigger whatever the number of channels
  input  wire [31:0] i_windows,               // windows [31:0] RO: Windows that passed the port since enable
  output wire [15:0] o_wave_prescale_events,  // wave_prescale.events [15:0] RW: Keeps the windows of the events whose index since enable is a multiple of this, when the snapshot is free (0: none)
  input  wire        i_wave_status_held,      // wave_status.held [0] RO: The snapshot holds an event (until wave_release)
  input  wire        i_wave_status_closed,    // wave_status.closed [1] RO: No further window joins it: its slots are full or the next trigger came
  input  wire [3:0]  i_wave_status_windows,   // wave_status.windows [11:8] RO: Its complete windows (slots 0 up to this)
  input  wire [7:0]  i_wave_tags_slot0,       // wave_tags.slot0 [7:0] RO: Tag of slot 0 (valid below wave_status.windows)
  input  wire [7:0]  i_wave_tags_slot1,       // wave_tags.slot1 [15:8] RO: Tag of slot 1 (valid below wave_status.windows)
  input  wire [31:0] i_wave_time_lo,          // wave_time_lo [31:0] RO: Capture time of the held event (its windows' timestamp), bits 31:0
  input  wire [31:0] i_wave_time_hi,          // wave_time_hi [31:0] RO: Bits 63:32 of wave_time
  output wire        o_wave_release_release,  // wave_release.release [0] WO: Any write: the next selected event may be kept
  output wire        o_wave_release_wr,       // wave_release was written (pulse)
  output wire [7:0]  o_wave_seek_sample,      // wave_seek.sample [7:0] WO: Sample index within the slot
  output wire        o_wave_seek_slot,        // wave_seek.slot [8] WO: Slot (the event's n-th window)
  output wire        o_wave_seek_wr,          // wave_seek was written (pulse)
  input  wire [15:0] i_wave_data_sample,      // wave_data.sample [15:0] RO: The sample at the read position (int16); reading moves the position to the next sample
  output wire        o_wave_data_rd           // wave_data was read (pulse)
);

  // Register offsets (bytes within the block).
  localparam [15:0] ADDR_CTRL          = 16'h0;   // ctrl: Control
  localparam [15:0] ADDR_TIME_LO       = 16'h20;  // time_lo: Clock cycles since enable, bits 31:0 (read lo, then hi)
  localparam [15:0] ADDR_TIME_HI       = 16'h24;  // time_hi: Bits 63:32 of time
  localparam [15:0] ADDR_TRIGGERS      = 16'h28;  // triggers: Events (triggers) since enable, one per trigger whatever the number of channels
  localparam [15:0] ADDR_WINDOWS       = 16'h2c;  // windows: Windows that passed the port since enable
  localparam [15:0] ADDR_WAVE_PRESCALE = 16'h40;  // wave_prescale: Waveform snapshot selection
  localparam [15:0] ADDR_WAVE_STATUS   = 16'h44;  // wave_status: Waveform snapshot state
  localparam [15:0] ADDR_WAVE_TAGS     = 16'h48;  // wave_tags: Tags (channels) of the snapshot's windows
  localparam [15:0] ADDR_WAVE_TIME_LO  = 16'h4c;  // wave_time_lo: Capture time of the held event (its windows' timestamp), bits 31:0
  localparam [15:0] ADDR_WAVE_TIME_HI  = 16'h50;  // wave_time_hi: Bits 63:32 of wave_time
  localparam [15:0] ADDR_WAVE_RELEASE  = 16'h54;  // wave_release: Frees the snapshot
  localparam [15:0] ADDR_WAVE_SEEK     = 16'h58;  // wave_seek: Read position
  localparam [15:0] ADDR_WAVE_DATA     = 16'h5c;  // wave_data: Snapshot samples

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

  // wave_prescale @ 0x40 (RW): Waveform snapshot selection
  wire wr_wave_prescale;  // write to wave_prescale

  reg [15:0] wave_prescale_events_r;  // RW [15:0]

  assign wr_wave_prescale = bus_wr & (bus_addr == ADDR_WAVE_PRESCALE);

  always @(posedge i_clk) begin
    if (i_rst) begin
      wave_prescale_events_r <= 16'h0;
    end else if (wr_wave_prescale) begin
      wave_prescale_events_r <= (wave_prescale_events_r & ~bus_wmask[15:0]) | (i_wdata[15:0] & bus_wmask[15:0]);
    end
  end

  assign o_wave_prescale_events = wave_prescale_events_r;

  // wave_release @ 0x54 (WO): Frees the snapshot
  wire wr_wave_release;  // write to wave_release

  reg wave_release_release_r;  // WO [0]
  reg wave_release_wr_r;       // write strobe

  assign wr_wave_release = bus_wr & (bus_addr == ADDR_WAVE_RELEASE);

  always @(posedge i_clk) begin
    if (i_rst) begin
      wave_release_release_r <= 1'h0;
      wave_release_wr_r <= 1'b0;
    end else begin
      if (wr_wave_release) begin
        wave_release_release_r <= (wave_release_release_r & ~bus_wmask[0]) | (i_wdata[0] & bus_wmask[0]);
      end
      wave_release_wr_r <= wr_wave_release;
    end
  end

  assign o_wave_release_release = wave_release_release_r;
  assign o_wave_release_wr      = wave_release_wr_r;

  // wave_seek @ 0x58 (WO): Read position
  wire wr_wave_seek;  // write to wave_seek

  reg [7:0] wave_seek_sample_r;  // WO [7:0]
  reg       wave_seek_slot_r;    // WO [8]
  reg       wave_seek_wr_r;      // write strobe

  assign wr_wave_seek = bus_wr & (bus_addr == ADDR_WAVE_SEEK);

  always @(posedge i_clk) begin
    if (i_rst) begin
      wave_seek_sample_r <= 8'h0;
      wave_seek_slot_r <= 1'h0;
      wave_seek_wr_r <= 1'b0;
    end else begin
      if (wr_wave_seek) begin
        wave_seek_sample_r <= (wave_seek_sample_r & ~bus_wmask[7:0]) | (i_wdata[7:0] & bus_wmask[7:0]);
        wave_seek_slot_r <= (wave_seek_slot_r & ~bus_wmask[8]) | (i_wdata[8] & bus_wmask[8]);
      end
      wave_seek_wr_r <= wr_wave_seek;
    end
  end

  assign o_wave_seek_sample = wave_seek_sample_r;
  assign o_wave_seek_slot   = wave_seek_slot_r;
  assign o_wave_seek_wr     = wave_seek_wr_r;

  // wave_data @ 0x5c (RO): Snapshot samples
  wire rd_wave_data;  // read of wave_data

  reg wave_data_rd_r;  // read strobe

  assign rd_wave_data = bus_rd & (bus_addr == ADDR_WAVE_DATA);

  always @(posedge i_clk) begin
    if (i_rst) begin
      wave_data_rd_r <= 1'b0;
    end else begin
      wave_data_rd_r <= rd_wave_data;
    end
  end

  assign o_wave_data_rd = wave_data_rd_r;

  // Read mux: unmapped offsets and WO fields read as 0.
  always @* begin
    case (bus_addr)
      ADDR_CTRL:          bus_rdata = {31'h0, ctrl_enable_r};
      ADDR_TIME_LO:       bus_rdata = i_time_lo;
      ADDR_TIME_HI:       bus_rdata = i_time_hi;
      ADDR_TRIGGERS:      bus_rdata = i_triggers;
      ADDR_WINDOWS:       bus_rdata = i_windows;
      ADDR_WAVE_PRESCALE: bus_rdata = {16'h0, wave_prescale_events_r};
      ADDR_WAVE_STATUS:   bus_rdata = {20'h0, i_wave_status_windows, 6'h0, i_wave_status_closed, i_wave_status_held};
      ADDR_WAVE_TAGS:     bus_rdata = {16'h0, i_wave_tags_slot1, i_wave_tags_slot0};
      ADDR_WAVE_TIME_LO:  bus_rdata = i_wave_time_lo;
      ADDR_WAVE_TIME_HI:  bus_rdata = i_wave_time_hi;
      ADDR_WAVE_DATA:     bus_rdata = {16'h0, i_wave_data_sample};
      default:            bus_rdata = 32'h0;
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
