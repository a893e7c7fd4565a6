// Generated file - do not edit; regenerate it instead.
// Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
// Tool: pulsedl hls-gen 0.1.0
// Input hash: sha256:6f6d43a536fa6f713ee73c425b02b295f54faaececcdb7d6cf270faf8859580a

`default_nettype none

// pdl_accel_unloader: result buffers to the result FIFO in slot order; docs/accelerator.md section 4.6.
// Mirrors ArraySimulator.unloader; the result FIFO keeps its contents while stopped.
module pdl_accel_unloader (
  input  wire          i_clk,             // clock
  input  wire          i_rst,             // synchronous reset, active high
  input  wire          i_running,         // controller: streaming
  input  wire [7:0]    i_results_ready,   // controller: last-layer segments written
  input  wire [16:0]   i_hdr_words,       // header: result words per window
  input  wire          i_hdr_wide,        // header: two words per output
  input  wire          i_slot_push,       // loader: a window started, its tag follows
  input  wire [55:0]   i_slot_tag,        // loader: the started window's {timestamp, sequence number, tag}
  input  wire [5:0]    i_slot_count,      // loader: windows in record o_slot_rec
  input  wire [5:0]    i_slot_count_b,    // loader: windows in context B of that round
  input  wire [1791:0] i_pe_results,      // result read data of all PEs, PE k in bits 64k+63:64k
  input  wire          i_res_pop,         // pop the result FIFO head
  output wire [2:0]    o_slot_rec,        // record being unloaded: {round mod 4, context}
  output wire [5:0]    o_res_raddr,       // result read address {context, parity, index}
  output wire          o_unloading,       // a record is being unloaded
  output wire          o_window_out,      // a window's last word is pushed
  output wire          o_round_unloaded,  // a round's last word is pushed
  output wire          o_result_stall,    // waiting on a full result FIFO
  output wire          o_res_valid,       // result FIFO not empty
  output wire [31:0]   o_res_data,        // result FIFO head
  output wire [31:0]   o_res_level        // result FIFO words
);

  // Unloader (docs 4.6, section 5 rule 5): records in slot order, windows in PE order.
  reg        u_active_r;  // unloading a record (round, context)
  reg [7:0]  urec_r;      // record: {round mod 128, context}
  reg [4:0]  ulane_r;     // PE being unloaded
  reg [16:0] uw_r;        // word within the window's record
  reg [8:0]  st_wp_r;     // slot-tag FIFO write pointer
  reg [8:0]  st_rp_r;     // slot-tag FIFO read pointer

  wire [7:0]  rec_diff;      // records written minus record being unloaded
  wire        u_ready;       // the record's last layer is written
  wire        u_go;          // the unloader works this cycle
  wire        u_push;        // a word is pushed
  wire [16:0] u_w;           // word index this cycle
  wire [4:0]  u_lane;        // PE this cycle
  wire        u_win_done;    // last word of a window
  wire        u_rec_done;    // last word of the record
  wire        u_round_done;  // last word of the round
  wire [16:0] u_next_w;      // word whose data to read
  wire [16:0] u_k;           // output index of u_next_w
  wire [16:0] u_out_w;       // u_next_w counted from the first output word
  wire [16:0] u_off;         // u_w counted from the first output word
  wire [31:0] u_word;        // the pushed word

  reg [63:0] u_data;  // result of PE u_lane

  // Result FIFO (docs 4.6).
  reg [10:0] rq_wp_r;  // result FIFO write pointer
  reg [10:0] rq_rp_r;  // result FIFO read pointer

  wire        res_full;    // result FIFO full
  wire [10:0] res_level;   // result FIFO words
  wire        res_pop;     // result FIFO pop
  wire        unused_unl;  // output-index bits above the result buffer

  assign rec_diff     = i_results_ready - urec_r;
  assign u_ready      = ~rec_diff[7] & (rec_diff != 8'd0);
  assign u_go         = u_active_r | (i_running & u_ready);
  assign u_push       = u_go & ~res_full;
  assign u_w          = u_active_r ? uw_r : 17'd0;
  assign u_lane       = u_active_r ? ulane_r : 5'd0;
  assign u_win_done   = u_push & (u_w == i_hdr_words - 17'd1);
  assign u_rec_done   = u_win_done & ({1'd0, u_lane} == i_slot_count - 6'd1);
  assign u_round_done = u_rec_done & (urec_r[0] | (i_slot_count_b == 6'd0));
  assign u_next_w     = u_push ? u_w + 17'd1 : u_w;
  assign u_out_w      = u_next_w - 17'd2;
  assign u_off        = u_w - 17'd2;
  assign u_k          = i_hdr_wide ? u_out_w >> 1 : u_out_w;
  assign o_res_raddr  = {urec_r[0], urec_r[1], u_k[3:0]};
  assign o_slot_rec   = urec_r[2:0];

  // PE select of the unloader.
  always @* begin
    case (u_lane)
      5'd0:    u_data = i_pe_results[63:0];
      5'd1:    u_data = i_pe_results[127:64];
      5'd2:    u_data = i_pe_results[191:128];
      5'd3:    u_data = i_pe_results[255:192];
      5'd4:    u_data = i_pe_results[319:256];
      5'd5:    u_data = i_pe_results[383:320];
      5'd6:    u_data = i_pe_results[447:384];
      5'd7:    u_data = i_pe_results[511:448];
      5'd8:    u_data = i_pe_results[575:512];
      5'd9:    u_data = i_pe_results[639:576];
      5'd10:   u_data = i_pe_results[703:640];
      5'd11:   u_data = i_pe_results[767:704];
      5'd12:   u_data = i_pe_results[831:768];
      5'd13:   u_data = i_pe_results[895:832];
      5'd14:   u_data = i_pe_results[959:896];
      5'd15:   u_data = i_pe_results[1023:960];
      5'd16:   u_data = i_pe_results[1087:1024];
      5'd17:   u_data = i_pe_results[1151:1088];
      5'd18:   u_data = i_pe_results[1215:1152];
      5'd19:   u_data = i_pe_results[1279:1216];
      5'd20:   u_data = i_pe_results[1343:1280];
      5'd21:   u_data = i_pe_results[1407:1344];
      5'd22:   u_data = i_pe_results[1471:1408];
      5'd23:   u_data = i_pe_results[1535:1472];
      5'd24:   u_data = i_pe_results[1599:1536];
      5'd25:   u_data = i_pe_results[1663:1600];
      5'd26:   u_data = i_pe_results[1727:1664];
      5'd27:   u_data = i_pe_results[1791:1728];
      default: u_data = 64'd0;
    endcase
  end

  // Slot tags: {timestamp, sequence number, tag} of each loaded window, in arrival order, for its result header and timestamp words.
  // 256 x [55:0] synchronous-read memory, registered read address (infers block RAM).
  reg  [55:0] slottag [0:255];
  reg  [7:0]  slottag_raddr_r;
  wire [55:0] slottag_rdata;

  always @(posedge i_clk) begin
    if (i_slot_push) begin
      slottag[st_wp_r[7:0]] <= i_slot_tag;
    end
    slottag_raddr_r <= u_win_done ? st_rp_r[7:0] + 8'd1 : st_rp_r[7:0];
  end

  assign slottag_rdata = slottag[slottag_raddr_r];

  assign u_word = (u_w == 17'd0) ? {8'd165, slottag_rdata[7:0], slottag_rdata[23:8]} : (u_w == 17'd1) ? slottag_rdata[55:24] : (i_hdr_wide & u_off[0]) ? u_data[63:32] : u_data[31:0];

  // Unloader state.
  always @(posedge i_clk) begin
    if (i_rst | ~i_running) begin
      u_active_r <= 1'b0;
      urec_r <= 8'd0;
      ulane_r <= 5'd0;
      uw_r <= 17'd0;
    end else if (u_go) begin
      u_active_r <= ~u_rec_done;
      uw_r <= u_win_done ? 17'd0 : u_next_w;
      ulane_r <= u_rec_done ? 5'd0 : u_win_done ? u_lane + 5'd1 : u_lane;
      if (u_rec_done) begin
        urec_r <= (~urec_r[0] & (i_slot_count_b == 6'd0)) ? urec_r + 8'd2 : urec_r + 8'd1;
      end
    end
  end

  // Slot-tag FIFO pointers (kept while stopped, reset with the state).
  always @(posedge i_clk) begin
    if (i_rst | ~i_running) begin
      st_wp_r <= 9'd0;
      st_rp_r <= 9'd0;
    end else begin
      if (i_slot_push) begin
        st_wp_r <= st_wp_r + 9'd1;
      end
      if (u_win_done) begin
        st_rp_r <= st_rp_r + 9'd1;
      end
    end
  end

  assign o_unloading      = u_active_r;
  assign o_window_out     = u_win_done;
  assign o_round_unloaded = u_round_done;
  assign o_result_stall   = u_go & res_full;
  assign res_level        = rq_wp_r - rq_rp_r;
  assign res_full         = res_level >= 11'd1024;
  assign res_pop          = i_res_pop & (res_level != 11'd0);

  // Result FIFO (first word falls through: the read address follows the read pointer).
  // 1024 x [31:0] synchronous-read memory, registered read address (infers block RAM).
  reg  [31:0] resq [0:1023];
  reg  [9:0]  resq_raddr_r;
  wire [31:0] resq_rdata;

  always @(posedge i_clk) begin
    if (u_push) begin
      resq[rq_wp_r[9:0]] <= u_word;
    end
    resq_raddr_r <= res_pop ? rq_rp_r[9:0] + 10'd1 : rq_rp_r[9:0];
  end

  assign resq_rdata = resq[resq_raddr_r];

  // Result FIFO pointers.
  always @(posedge i_clk) begin
    if (i_rst) begin
      rq_wp_r <= 11'd0;
      rq_rp_r <= 11'd0;
    end else begin
      if (u_push) begin
        rq_wp_r <= rq_wp_r + 11'd1;
      end
      if (res_pop) begin
        rq_rp_r <= rq_rp_r + 11'd1;
      end
    end
  end

  assign o_res_valid = res_level != 11'd0;
  assign o_res_data  = resq_rdata;
  assign o_res_level = {21'd0, res_level};
  assign unused_unl  = &{1'b0, u_k, u_off};

endmodule

`default_nettype wire
