// Generated file - do not edit; regenerate it instead.
// Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
// Tool: pulsedl hls-gen 0.1.0
// Input hash: sha256:002031256696fab59857cdcd15261eb27c37c3d7aefa41487b75735f0024d8da

`default_nettype none

// pdl_accel_regs: register file of 'pdl_accel' - PulseDL neural-network accelerator (28 PEs x 8 lanes)
// Generated from RegisterMap 'pdl_accel' (base 0x2000_0000, 0x1000 bytes); the field tables are in pdl_accel_regs.md.
// Bus: a request (i_we or i_re, held or pulsed) is taken on an edge where o_ready is low;
// o_ready is high for one cycle after it, with o_rdata valid for a read. i_we wins over i_re.
// Reset is synchronous and active-high.
module pdl_accel_regs (
  input  wire        i_clk,                       // clock
  input  wire        i_rst,                       // synchronous reset, active high
  input  wire [11:0] i_addr,                      // byte address within the block
  input  wire        i_we,                        // write request
  input  wire [3:0]  i_wstrb,                     // byte enables of i_wdata
  input  wire [31:0] i_wdata,                     // write data
  input  wire        i_re,                        // read request
  output wire [31:0] o_rdata,                     // read data, valid while o_ready
  output wire        o_ready,                     // request done (one cycle)
  output wire        o_ctrl_start,                // ctrl.start [0] RW: Run in stream mode while 1 (program checked at start); clearing it stops cleanly: windows already taken from the input FIFO are computed and unloaded, then STATUS.running falls (counted in STOPS)
  output wire        o_ctrl_stop,                 // ctrl.stop [1] RW: Stop cleanly as if start were 0, and do not restart while 1
  output wire        o_ctrl_flush,                // ctrl.flush [2] RW: Reserved: partial rounds launch by themselves when the input FIFO is empty
  output wire        o_ctrl_clear,                // ctrl.clear [3] WO: Write 1: clear counters and the error code
  output wire        o_ctrl_soft_reset,           // ctrl.soft_reset [4] WO: Write 1: abort; clear the input FIFO, loader, controller, drain, unloader and result FIFO and the error code (not the programs or counters); STATUS.resetting while it lasts; counted in SOFT_RESETS. Write it with start 0 to stay stopped
  output wire        o_ctrl_wr,                   // ctrl was written (pulse)
  input  wire        i_status_running,            // status.running [0] RO: Streaming
  input  wire        i_status_idle,               // status.idle [1] RO: No round in progress, unloader idle
  input  wire        i_status_input_empty,        // status.input_empty [2] RO: No complete window in the input FIFO
  input  wire        i_status_result_empty,       // status.result_empty [3] RO: Result FIFO empty
  input  wire        i_status_resetting,          // status.resetting [4] RO: A soft reset is in progress (input port closed)
  input  wire        i_status_input_room,         // status.input_room [5] RO: The input FIFO has room for a whole window
  input  wire [7:0]  i_status_error,              // status.error [15:8] RO: 1 BAD_PROGRAM, 2 BAD_OPCODE, 4 WRITE_WHILE_RUNNING
  input  wire [7:0]  i_caps_pes,                  // caps.pes [7:0] RO: P (0 means 256)
  input  wire [7:0]  i_caps_lanes,                // caps.lanes [15:8] RO: U
  input  wire [4:0]  i_caps_a_bits,               // caps.a_bits [20:16] RO: Activation bits (8 or 16)
  input  wire        i_caps_two_macs,             // caps.two_macs [21] RO: Two int8 MACs per DSP
  input  wire [4:0]  i_caps_m_bits,               // caps.m_bits [28:24] RO: Requantiser multiplier bits
  input  wire [15:0] i_caps2_act_depth,           // caps2.act_depth [15:0] RO: Entries of one activation region
  input  wire [15:0] i_caps2_staging_depth,       // caps2.staging_depth [31:16] RO: Entries of one staging buffer
  input  wire [23:0] i_caps3_weight_words,        // caps3.weight_words [23:0] RO: Weight-memory words of U bytes
  input  wire [4:0]  i_caps3_max_pool,            // caps3.max_pool [28:24] RO: Largest pool window
  input  wire [31:0] i_windows_in,                // windows_in [31:0] RO: Windows accepted by the input FIFO
  input  wire [31:0] i_windows_out,               // windows_out [31:0] RO: Windows whose results were pushed
  input  wire [31:0] i_rounds,                    // rounds [31:0] RO: Rounds started
  input  wire [31:0] i_busy_cycles,               // busy_cycles [31:0] RO: Cycles with a round in progress
  input  wire [31:0] i_idle_issue_cycles,         // idle_issue_cycles [31:0] RO: Cycles in a round without an issued tap
  input  wire [31:0] i_input_drops,               // input_drops [31:0] RO: Windows refused because the input FIFO was full
  input  wire [31:0] i_result_stalls,             // result_stalls [31:0] RO: Unloader cycles waiting on a full result FIFO
  input  wire [31:0] i_clamp_low,                 // clamp_low [31:0] RO: Write cycles with a value clamped at act_min
  input  wire [31:0] i_clamp_high,                // clamp_high [31:0] RO: Write cycles with a value clamped at act_max
  input  wire [31:0] i_stops,                     // stops [31:0] RO: Clean stops completed
  input  wire [31:0] i_soft_resets,               // soft_resets [31:0] RO: Soft resets
  input  wire [31:0] i_frame_drops,               // frame_drops [31:0] RO: Windows dropped because their last sample (i_in_last or INPUT_PUSH.flags bit 0) did not come as sample N
  output wire [15:0] o_input_push_sample,         // input_push.sample [15:0] WO: ADC code or quantised value
  output wire [7:0]  o_input_push_tag,            // input_push.tag [23:16] WO: Window tag, taken from its first sample
  output wire [7:0]  o_input_push_flags,          // input_push.flags [31:24] WO: Bit 24: last sample of the window; bits 31:25 reserved (write 0)
  output wire        o_input_push_wr,             // input_push was written (pulse)
  input  wire [31:0] i_result_pop,                // result_pop [31:0] RO: Result FIFO head; reading pops it
  output wire        o_result_pop_rd,             // result_pop was read (pulse)
  input  wire [31:0] i_result_level,              // result_level [31:0] RO: Words in the result FIFO
  output wire [31:0] o_input_time,                // input_time [31:0] RW: Capture timestamp of the windows INPUT_PUSH writes, taken with a window's first sample; it comes back in the window's timestamp result word (i_in_time stamps the input port's windows)
  input  wire        i_irq_status_results_set,    // irq_status.results [0] W1C: set bits (1 = set)
  output wire        o_irq_status_results,        // irq_status.results [0] W1C: A window's results entered the result FIFO
  input  wire        i_irq_status_error_set,      // irq_status.error [1] W1C: set bits (1 = set)
  output wire        o_irq_status_error,          // irq_status.error [1] W1C: STATUS.error became non-zero
  input  wire        i_irq_status_drop_set,       // irq_status.drop [2] W1C: set bits (1 = set)
  output wire        o_irq_status_drop,           // irq_status.drop [2] W1C: A window was dropped (INPUT_DROPS or FRAME_DROPS counted)
  input  wire        i_irq_status_idle_set,       // irq_status.idle [3] W1C: set bits (1 = set)
  output wire        o_irq_status_idle,           // irq_status.idle [3] W1C: Streaming ended (a clean stop completed or an error stopped it)
  input  wire        i_irq_status_bus_error_set,  // irq_status.bus_error [4] W1C: set bits (1 = set)
  output wire        o_irq_status_bus_error,      // irq_status.bus_error [4] W1C: An access hit no register or memory (see BUS_ERROR_ADDR)
  output wire        o_irq_enable_results,        // irq_enable.results [0] RW: A window's results entered the result FIFO
  output wire        o_irq_enable_error,          // irq_enable.error [1] RW: STATUS.error became non-zero
  output wire        o_irq_enable_drop,           // irq_enable.drop [2] RW: A window was dropped (INPUT_DROPS or FRAME_DROPS counted)
  output wire        o_irq_enable_idle,           // irq_enable.idle [3] RW: Streaming ended (a clean stop completed or an error stopped it)
  output wire        o_irq_enable_bus_error,      // irq_enable.bus_error [4] RW: An access hit no register or memory (see BUS_ERROR_ADDR)
  input  wire [31:0] i_bus_error_addr             // bus_error_addr [31:0] RO: Byte offset of the last access that ended with a bus error (no register or memory there)
);

  // Register offsets (bytes within the block).
  localparam [11:0] ADDR_CTRL              = 12'h0;   // ctrl: Control
  localparam [11:0] ADDR_STATUS            = 12'h4;   // status: Status
  localparam [11:0] ADDR_CAPS              = 12'h8;   // caps: Capabilities
  localparam [11:0] ADDR_CAPS2             = 12'hc;   // caps2: Buffer sizes
  localparam [11:0] ADDR_CAPS3             = 12'h10;  // caps3: Memory sizes
  localparam [11:0] ADDR_WINDOWS_IN        = 12'h20;  // windows_in: Windows accepted by the input FIFO
  localparam [11:0] ADDR_WINDOWS_OUT       = 12'h24;  // windows_out: Windows whose results were pushed
  localparam [11:0] ADDR_ROUNDS            = 12'h28;  // rounds: Rounds started
  localparam [11:0] ADDR_BUSY_CYCLES       = 12'h2c;  // busy_cycles: Cycles with a round in progress
  localparam [11:0] ADDR_IDLE_ISSUE_CYCLES = 12'h30;  // idle_issue_cycles: Cycles in a round without an issued tap
  localparam [11:0] ADDR_INPUT_DROPS       = 12'h34;  // input_drops: Windows refused because the input FIFO was full
  localparam [11:0] ADDR_RESULT_STALLS     = 12'h38;  // result_stalls: Unloader cycles waiting on a full result FIFO
  localparam [11:0] ADDR_CLAMP_LOW         = 12'h3c;  // clamp_low: Write cycles with a value clamped at act_min
  localparam [11:0] ADDR_CLAMP_HIGH        = 12'h40;  // clamp_high: Write cycles with a value clamped at act_max
  localparam [11:0] ADDR_STOPS             = 12'h44;  // stops: Clean stops completed
  localparam [11:0] ADDR_SOFT_RESETS       = 12'h48;  // soft_resets: Soft resets
  localparam [11:0] ADDR_FRAME_DROPS       = 12'h4c;  // frame_drops: Windows dropped because their last sample (i_in_last or INPUT_PUSH.flags bit 0) did not come as sample N
  localparam [11:0] ADDR_INPUT_PUSH        = 12'h80;  // input_push: CPU-injected window sample (tests)
  localparam [11:0] ADDR_RESULT_POP        = 12'h84;  // result_pop: Result FIFO head; reading pops it
  localparam [11:0] ADDR_RESULT_LEVEL      = 12'h88;  // result_level: Words in the result FIFO
  localparam [11:0] ADDR_INPUT_TIME        = 12'h8c;  // input_time: Capture timestamp of the windows INPUT_PUSH writes, taken with a window's first sample; it comes back in the window's timestamp result word (i_in_time stamps the input port's windows)
  localparam [11:0] ADDR_IRQ_STATUS        = 12'h90;  // irq_status: Interrupt causes (sticky; write 1 to clear); o_irq is high while a cause is set and enabled
  localparam [11:0] ADDR_IRQ_ENABLE        = 12'h94;  // irq_enable: Interrupt enables, one per IRQ_STATUS bit
  localparam [11:0] ADDR_BUS_ERROR_ADDR    = 12'h98;  // bus_error_addr: Byte offset of the last access that ended with a bus error (no register or memory there)

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

  // ctrl @ 0x0 (RW/WO): Control
  wire wr_ctrl;  // write to ctrl

  reg ctrl_start_r;       // RW [0]
  reg ctrl_stop_r;        // RW [1]
  reg ctrl_flush_r;       // RW [2]
  reg ctrl_clear_r;       // WO [3]
  reg ctrl_soft_reset_r;  // WO [4]
  reg ctrl_wr_r;          // write strobe

  assign wr_ctrl = bus_wr & (bus_addr == ADDR_CTRL);

  always @(posedge i_clk) begin
    if (i_rst) begin
      ctrl_start_r <= 1'h0;
      ctrl_stop_r <= 1'h0;
      ctrl_flush_r <= 1'h0;
      ctrl_clear_r <= 1'h0;
      ctrl_soft_reset_r <= 1'h0;
      ctrl_wr_r <= 1'b0;
    end else begin
      if (wr_ctrl) begin
        ctrl_start_r <= (ctrl_start_r & ~bus_wmask[0]) | (i_wdata[0] & bus_wmask[0]);
        ctrl_stop_r <= (ctrl_stop_r & ~bus_wmask[1]) | (i_wdata[1] & bus_wmask[1]);
        ctrl_flush_r <= (ctrl_flush_r & ~bus_wmask[2]) | (i_wdata[2] & bus_wmask[2]);
        ctrl_clear_r <= (ctrl_clear_r & ~bus_wmask[3]) | (i_wdata[3] & bus_wmask[3]);
        ctrl_soft_reset_r <= (ctrl_soft_reset_r & ~bus_wmask[4]) | (i_wdata[4] & bus_wmask[4]);
      end
      ctrl_wr_r <= wr_ctrl;
    end
  end

  assign o_ctrl_start      = ctrl_start_r;
  assign o_ctrl_stop       = ctrl_stop_r;
  assign o_ctrl_flush      = ctrl_flush_r;
  assign o_ctrl_clear      = ctrl_clear_r;
  assign o_ctrl_soft_reset = ctrl_soft_reset_r;
  assign o_ctrl_wr         = ctrl_wr_r;

  // input_push @ 0x80 (WO): CPU-injected window sample (tests)
  wire wr_input_push;  // write to input_push

  reg [15:0] input_push_sample_r;  // WO [15:0]
  reg [7:0]  input_push_tag_r;     // WO [23:16]
  reg [7:0]  input_push_flags_r;   // WO [31:24]
  reg        input_push_wr_r;      // write strobe

  assign wr_input_push = bus_wr & (bus_addr == ADDR_INPUT_PUSH);

  always @(posedge i_clk) begin
    if (i_rst) begin
      input_push_sample_r <= 16'h0;
      input_push_tag_r <= 8'h0;
      input_push_flags_r <= 8'h0;
      input_push_wr_r <= 1'b0;
    end else begin
      if (wr_input_push) begin
        input_push_sample_r <= (input_push_sample_r & ~bus_wmask[15:0]) | (i_wdata[15:0] & bus_wmask[15:0]);
        input_push_tag_r <= (input_push_tag_r & ~bus_wmask[23:16]) | (i_wdata[23:16] & bus_wmask[23:16]);
        input_push_flags_r <= (input_push_flags_r & ~bus_wmask[31:24]) | (i_wdata[31:24] & bus_wmask[31:24]);
      end
      input_push_wr_r <= wr_input_push;
    end
  end

  assign o_input_push_sample = input_push_sample_r;
  assign o_input_push_tag    = input_push_tag_r;
  assign o_input_push_flags  = input_push_flags_r;
  assign o_input_push_wr     = input_push_wr_r;

  // result_pop @ 0x84 (RO): Result FIFO head; reading pops it
  wire rd_result_pop;  // read of result_pop

  reg result_pop_rd_r;  // read strobe

  assign rd_result_pop = bus_rd & (bus_addr == ADDR_RESULT_POP);

  always @(posedge i_clk) begin
    if (i_rst) begin
      result_pop_rd_r <= 1'b0;
    end else begin
      result_pop_rd_r <= rd_result_pop;
    end
  end

  assign o_result_pop_rd = result_pop_rd_r;

  // input_time @ 0x8c (RW): Capture timestamp of the windows INPUT_PUSH writes, taken with a window's first sample; it comes back in the window's timestamp result word (i_in_time stamps the input port's windows)
  wire wr_input_time;  // write to input_time

  reg [31:0] input_time_r;  // RW [31:0]

  assign wr_input_time = bus_wr & (bus_addr == ADDR_INPUT_TIME);

  always @(posedge i_clk) begin
    if (i_rst) begin
      input_time_r <= 32'h0;
    end else if (wr_input_time) begin
      input_time_r <= (input_time_r & ~bus_wmask[31:0]) | (i_wdata[31:0] & bus_wmask[31:0]);
    end
  end

  assign o_input_time = input_time_r;

  // irq_status @ 0x90 (W1C): Interrupt causes (sticky; write 1 to clear); o_irq is high while a cause is set and enabled
  wire wr_irq_status;  // write to irq_status

  reg irq_status_results_r;    // W1C [0]
  reg irq_status_error_r;      // W1C [1]
  reg irq_status_drop_r;       // W1C [2]
  reg irq_status_idle_r;       // W1C [3]
  reg irq_status_bus_error_r;  // W1C [4]

  assign wr_irq_status = bus_wr & (bus_addr == ADDR_IRQ_STATUS);

  always @(posedge i_clk) begin
    if (i_rst) begin
      irq_status_results_r <= 1'h0;
      irq_status_error_r <= 1'h0;
      irq_status_drop_r <= 1'h0;
      irq_status_idle_r <= 1'h0;
      irq_status_bus_error_r <= 1'h0;
    end else begin
      irq_status_results_r <= (irq_status_results_r & ~(wr_irq_status & i_wdata[0] & bus_wmask[0])) | i_irq_status_results_set;
      irq_status_error_r <= (irq_status_error_r & ~(wr_irq_status & i_wdata[1] & bus_wmask[1])) | i_irq_status_error_set;
      irq_status_drop_r <= (irq_status_drop_r & ~(wr_irq_status & i_wdata[2] & bus_wmask[2])) | i_irq_status_drop_set;
      irq_status_idle_r <= (irq_status_idle_r & ~(wr_irq_status & i_wdata[3] & bus_wmask[3])) | i_irq_status_idle_set;
      irq_status_bus_error_r <= (irq_status_bus_error_r & ~(wr_irq_status & i_wdata[4] & bus_wmask[4])) | i_irq_status_bus_error_set;
    end
  end

  assign o_irq_status_results   = irq_status_results_r;
  assign o_irq_status_error     = irq_status_error_r;
  assign o_irq_status_drop      = irq_status_drop_r;
  assign o_irq_status_idle      = irq_status_idle_r;
  assign o_irq_status_bus_error = irq_status_bus_error_r;

  // irq_enable @ 0x94 (RW): Interrupt enables, one per IRQ_STATUS bit
  wire wr_irq_enable;  // write to irq_enable

  reg irq_enable_results_r;    // RW [0]
  reg irq_enable_error_r;      // RW [1]
  reg irq_enable_drop_r;       // RW [2]
  reg irq_enable_idle_r;       // RW [3]
  reg irq_enable_bus_error_r;  // RW [4]

  assign wr_irq_enable = bus_wr & (bus_addr == ADDR_IRQ_ENABLE);

  always @(posedge i_clk) begin
    if (i_rst) begin
      irq_enable_results_r <= 1'h0;
      irq_enable_error_r <= 1'h0;
      irq_enable_drop_r <= 1'h0;
      irq_enable_idle_r <= 1'h0;
      irq_enable_bus_error_r <= 1'h0;
    end else if (wr_irq_enable) begin
      irq_enable_results_r <= (irq_enable_results_r & ~bus_wmask[0]) | (i_wdata[0] & bus_wmask[0]);
      irq_enable_error_r <= (irq_enable_error_r & ~bus_wmask[1]) | (i_wdata[1] & bus_wmask[1]);
      irq_enable_drop_r <= (irq_enable_drop_r & ~bus_wmask[2]) | (i_wdata[2] & bus_wmask[2]);
      irq_enable_idle_r <= (irq_enable_idle_r & ~bus_wmask[3]) | (i_wdata[3] & bus_wmask[3]);
      irq_enable_bus_error_r <= (irq_enable_bus_error_r & ~bus_wmask[4]) | (i_wdata[4] & bus_wmask[4]);
    end
  end

  assign o_irq_enable_results   = irq_enable_results_r;
  assign o_irq_enable_error     = irq_enable_error_r;
  assign o_irq_enable_drop      = irq_enable_drop_r;
  assign o_irq_enable_idle      = irq_enable_idle_r;
  assign o_irq_enable_bus_error = irq_enable_bus_error_r;

  // Read mux: unmapped offsets and WO fields read as 0.
  always @* begin
    case (bus_addr)
      ADDR_CTRL:              bus_rdata = {27'h0, 1'h0, 1'h0, ctrl_flush_r, ctrl_stop_r, ctrl_start_r};
      ADDR_STATUS:            bus_rdata = {16'h0, i_status_error, 2'h0, i_status_input_room, i_status_resetting, i_status_result_empty, i_status_input_empty, i_status_idle, i_status_running};
      ADDR_CAPS:              bus_rdata = {3'h0, i_caps_m_bits, 2'h0, i_caps_two_macs, i_caps_a_bits, i_caps_lanes, i_caps_pes};
      ADDR_CAPS2:             bus_rdata = {i_caps2_staging_depth, i_caps2_act_depth};
      ADDR_CAPS3:             bus_rdata = {3'h0, i_caps3_max_pool, i_caps3_weight_words};
      ADDR_WINDOWS_IN:        bus_rdata = i_windows_in;
      ADDR_WINDOWS_OUT:       bus_rdata = i_windows_out;
      ADDR_ROUNDS:            bus_rdata = i_rounds;
      ADDR_BUSY_CYCLES:       bus_rdata = i_busy_cycles;
      ADDR_IDLE_ISSUE_CYCLES: bus_rdata = i_idle_issue_cycles;
      ADDR_INPUT_DROPS:       bus_rdata = i_input_drops;
      ADDR_RESULT_STALLS:     bus_rdata = i_result_stalls;
      ADDR_CLAMP_LOW:         bus_rdata = i_clamp_low;
      ADDR_CLAMP_HIGH:        bus_rdata = i_clamp_high;
      ADDR_STOPS:             bus_rdata = i_stops;
      ADDR_SOFT_RESETS:       bus_rdata = i_soft_resets;
      ADDR_FRAME_DROPS:       bus_rdata = i_frame_drops;
      ADDR_RESULT_POP:        bus_rdata = i_result_pop;
      ADDR_RESULT_LEVEL:      bus_rdata = i_result_level;
      ADDR_INPUT_TIME:        bus_rdata = input_time_r;
      ADDR_IRQ_STATUS:        bus_rdata = {27'h0, irq_status_bus_error_r, irq_status_idle_r, irq_status_drop_r, irq_status_error_r, irq_status_results_r};
      ADDR_IRQ_ENABLE:        bus_rdata = {27'h0, irq_enable_bus_error_r, irq_enable_idle_r, irq_enable_drop_r, irq_enable_error_r, irq_enable_results_r};
      ADDR_BUS_ERROR_ADDR:    bus_rdata = i_bus_error_addr;
      default:                bus_rdata = 32'h0;
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
