// Generated file - do not edit; regenerate it instead.
// Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
// Tool: pulsedl hls-gen 0.1.0
// Input hash: sha256:128810726c006845fe91ef3be2ac7bb682d500ca4c42effd217ab61014967bc7

`default_nettype none

// pdl_accel_array: 28 PEs x 8 lanes, controller, loader, unloader; docs/accelerator.md section 4.
// Loop nest (4.4): round > layer > context A/B > position > group > tap; start rules of section 5.
// Program memories are written only while stopped (i_start low); results leave in arrival order.
// State machines reset while stopped; the input and result FIFOs keep their contents.
module pdl_accel_array (
  input  wire        i_clk,            // clock
  input  wire        i_rst,            // synchronous reset, active high
  input  wire        i_start,          // CTRL.start: run in stream mode while high
  input  wire        i_stop,           // CTRL.stop: start no new round
  input  wire        i_clear,          // clear counters and the error code (pulse)
  input  wire        i_prog_we,        // program write (32-bit word)
  input  wire [1:0]  i_prog_sel,       // 0 descriptors, 1 parameter table, 2 weight memory
  input  wire [19:0] i_prog_addr,      // word index within the selected memory
  input  wire [31:0] i_prog_wdata,     // program write data
  input  wire        i_in_valid,       // input port: a window sample
  input  wire [15:0] i_in_data,        // input port: ADC code or quantised value
  input  wire [7:0]  i_in_tag,         // input port: the window's tag (taken with its first sample)
  input  wire        i_in_last,        // input port: last sample of the window
  output wire        o_in_room,        // the input FIFO has room for a whole window
  output wire        o_res_valid,      // result FIFO not empty
  output wire [31:0] o_res_data,       // result FIFO head
  input  wire        i_res_pop,        // pop the result FIFO head
  output wire [31:0] o_res_level,      // result FIFO words
  output wire        o_running,        // streaming
  output wire        o_idle,           // no round in progress and the unloader idle
  output wire        o_in_empty,       // no complete window in the input FIFO
  output wire [7:0]  o_error,          // error code: 1 BAD_PROGRAM, 2 BAD_OPCODE, 4 WRITE_WHILE_RUNNING
  output wire [31:0] o_windows_in,     // windows accepted by the input FIFO
  output wire [31:0] o_windows_out,    // windows unloaded
  output wire [31:0] o_rounds,         // rounds started
  output wire [31:0] o_busy_cycles,    // cycles with a round in progress
  output wire [31:0] o_idle_issue,     // cycles in a round without an issued tap
  output wire [31:0] o_input_drops,    // windows refused by a full input FIFO
  output wire [31:0] o_result_stalls,  // unloader cycles waiting on a full result FIFO
  output wire [31:0] o_clamp_low,      // write cycles with a value clamped at act_min
  output wire [31:0] o_clamp_high,     // write cycles with a value clamped at act_max
  output wire [31:0] o_cycle,          // cycles since streaming started (trace)
  output wire        o_round_start     // a round's first tap issues this cycle (trace)
);

  // Program memories (docs 4.1-4.3): written only while stopped.
  wire prog_ok;  // a program write is accepted

  reg [31:0] desc0_r [0:32];  // descriptor word w0 (line 0: header h0)
  reg [31:0] desc1_r [0:32];  // descriptor word w1 (line 0: header h1)
  reg [31:0] desc2_r [0:32];  // descriptor word w2 (line 0: header h2)
  reg [31:0] desc3_r [0:32];  // descriptor word w3 (line 0: header h3)
  reg [31:0] desc4_r [0:32];  // descriptor word w4 (line 0: header h4)
  reg [31:0] desc5_r [0:32];  // descriptor word w5 (line 0: header h5)
  reg [31:0] desc6_r [0:32];  // descriptor word w6 (line 0: header h6)
  reg [31:0] desc7_r [0:32];  // descriptor word w7 (line 0: header h7)

  wire [19:0] wt_line;      // weight-memory word of a CPU write
  wire [19:0] wt_bank;      // 32-bit bank of a CPU write
  wire        unused_prog;  // program address bits above the memories

  reg [63:0] wb_r;  // T1: weight word broadcast register (used at T2)

  // Program header (line 0) and the current layer's descriptor (line ci + 1), docs 4.1-4.2.
  wire [16:0] hn_ua;           // multiplicand, zero-extended (the Booth rows take it signed)
  wire [15:0] hn_ub;           // multiplier
  wire [15:0] hn_p;            // in_len * in_ch (mod 2^16)
  wire [15:0] hn_s0;           // multiplier row 0: hn_ub[0] * hn_ua
  wire [17:0] hn_a2;           // hn_ua, sign-extended by one bit
  wire        hn_one1;         // digit 0 is +-1
  wire        hn_two1;         // digit 0 is +-2
  wire        hn_neg1;         // digit 0 is negative
  wire [17:0] hn_r1;           // row 1: |digit| * hn_ua, inverted when negative
  wire [15:0] hn_d1;           // row 1: 2 * (upper sum + row) + 1
  wire [15:0] hn_s1;           // partial product after row 1
  wire        hn_one2;         // digit 1 is +-1
  wire        hn_two2;         // digit 1 is +-2
  wire        hn_neg2;         // digit 1 is negative
  wire [17:0] hn_r2;           // row 2: |digit| * hn_ua, inverted when negative
  wire [13:0] hn_d2;           // row 2: 2 * (upper sum + row) + 1
  wire [15:0] hn_s2;           // partial product after row 2
  wire        hn_one3;         // digit 2 is +-1
  wire        hn_two3;         // digit 2 is +-2
  wire        hn_neg3;         // digit 2 is negative
  wire [17:0] hn_r3;           // row 3: |digit| * hn_ua, inverted when negative
  wire [11:0] hn_d3;           // row 3: 2 * (upper sum + row) + 1
  wire [15:0] hn_s3;           // partial product after row 3
  wire        hn_one4;         // digit 3 is +-1
  wire        hn_two4;         // digit 3 is +-2
  wire        hn_neg4;         // digit 3 is negative
  wire [17:0] hn_r4;           // row 4: |digit| * hn_ua, inverted when negative
  wire [9:0]  hn_d4;           // row 4: 2 * (upper sum + row) + 1
  wire [15:0] hn_s4;           // partial product after row 4
  wire        hn_one5;         // digit 4 is +-1
  wire        hn_two5;         // digit 4 is +-2
  wire        hn_neg5;         // digit 4 is negative
  wire [17:0] hn_r5;           // row 5: |digit| * hn_ua, inverted when negative
  wire [7:0]  hn_d5;           // row 5: 2 * (upper sum + row) + 1
  wire [15:0] hn_s5;           // partial product after row 5
  wire        hn_one6;         // digit 5 is +-1
  wire        hn_two6;         // digit 5 is +-2
  wire        hn_neg6;         // digit 5 is negative
  wire [17:0] hn_r6;           // row 6: |digit| * hn_ua, inverted when negative
  wire [5:0]  hn_d6;           // row 6: 2 * (upper sum + row) + 1
  wire [15:0] hn_s6;           // partial product after row 6
  wire        hn_one7;         // digit 6 is +-1
  wire        hn_two7;         // digit 6 is +-2
  wire        hn_neg7;         // digit 6 is negative
  wire [17:0] hn_r7;           // row 7: |digit| * hn_ua, inverted when negative
  wire [3:0]  hn_d7;           // row 7: 2 * (upper sum + row) + 1
  wire [15:0] hn_s7;           // partial product after row 7
  wire        hn_one8;         // digit 7 is +-1
  wire        hn_two8;         // digit 7 is +-2
  wire        hn_neg8;         // digit 7 is negative
  wire [17:0] hn_r8;           // row 8: |digit| * hn_ua, inverted when negative
  wire [1:0]  hn_d8;           // row 8: 2 * (upper sum + row) + 1
  wire [15:0] hn_s8;           // partial product after row 8
  wire        unused_hn_rows;  // row LSBs (always 1) and row bits above the product
  wire        h_magic_ok;      // h0 is the magic word
  wire [7:0]  h_layers;        // descriptors
  wire        h_instage;       // input stage enabled
  wire        h_in16;          // input is int16
  wire        h_single;        // input stage rounds SINGLE
  wire [15:0] h_n;             // input values per window
  wire [15:0] h_inch;          // input channels
  wire [15:0] h_zin;           // input zero point
  wire [15:0] h_pbase;         // first input-stage parameter entry
  wire [15:0] h_outputs;       // outputs per window
  wire        h_wide;          // two words per output
  wire [16:0] h_words;         // result words per window
  wire [5:0]  dline;           // descriptor line of the current layer
  wire [3:0]  d_op;            // opcode
  wire [1:0]  d_src;           // source buffer
  wire [1:0]  d_dst;           // destination buffer
  wire        d_in16;          // int16 input
  wire [1:0]  d_rq;            // requantiser mode
  wire [15:0] d_inlen;         // in_len
  wire [15:0] d_inch;          // in_ch
  wire [15:0] d_outlen;        // out_len
  wire [15:0] d_outch;         // out_ch
  wire [7:0]  d_k;             // kernel / pool size
  wire [7:0]  d_s;             // stride
  wire [7:0]  d_pad;           // pad_left
  wire [23:0] d_wbase;         // weight base
  wire [15:0] d_pbase;         // parameter base
  wire [15:0] d_groups;        // lane groups
  wire [15:0] d_zin;           // input zero point
  wire [15:0] d_zout;          // output zero point
  wire [15:0] d_amin;          // act_min
  wire [15:0] d_amax;          // act_max
  wire        unused_desc;     // descriptor bits the controller does not need
  wire [16:0] kc_ua;           // multiplicand, zero-extended (the Booth rows take it signed)
  wire [7:0]  kc_ub;           // multiplier
  wire [15:0] kc_p;            // K * C_in (mod 2^16)
  wire [15:0] kc_s0;           // multiplier row 0: kc_ub[0] * kc_ua
  wire [17:0] kc_a2;           // kc_ua, sign-extended by one bit
  wire        kc_one1;         // digit 0 is +-1
  wire        kc_two1;         // digit 0 is +-2
  wire        kc_neg1;         // digit 0 is negative
  wire [17:0] kc_r1;           // row 1: |digit| * kc_ua, inverted when negative
  wire [15:0] kc_d1;           // row 1: 2 * (upper sum + row) + 1
  wire [15:0] kc_s1;           // partial product after row 1
  wire        kc_one2;         // digit 1 is +-1
  wire        kc_two2;         // digit 1 is +-2
  wire        kc_neg2;         // digit 1 is negative
  wire [17:0] kc_r2;           // row 2: |digit| * kc_ua, inverted when negative
  wire [13:0] kc_d2;           // row 2: 2 * (upper sum + row) + 1
  wire [15:0] kc_s2;           // partial product after row 2
  wire        kc_one3;         // digit 2 is +-1
  wire        kc_two3;         // digit 2 is +-2
  wire        kc_neg3;         // digit 2 is negative
  wire [17:0] kc_r3;           // row 3: |digit| * kc_ua, inverted when negative
  wire [11:0] kc_d3;           // row 3: 2 * (upper sum + row) + 1
  wire [15:0] kc_s3;           // partial product after row 3
  wire        kc_one4;         // digit 3 is +-1
  wire        kc_two4;         // digit 3 is +-2
  wire        kc_neg4;         // digit 3 is negative
  wire [17:0] kc_r4;           // row 4: |digit| * kc_ua, inverted when negative
  wire [9:0]  kc_d4;           // row 4: 2 * (upper sum + row) + 1
  wire [15:0] kc_s4;           // partial product after row 4
  wire        unused_kc_rows;  // row LSBs (always 1) and row bits above the product
  wire [16:0] pc_ua;           // multiplicand, zero-extended (the Booth rows take it signed)
  wire [7:0]  pc_ub;           // multiplier
  wire [23:0] pc_p;            // pad_left * C_in
  wire [16:0] pc_s0;           // multiplier row 0: pc_ub[0] * pc_ua
  wire [17:0] pc_a2;           // pc_ua, sign-extended by one bit
  wire        pc_one1;         // digit 0 is +-1
  wire        pc_two1;         // digit 0 is +-2
  wire        pc_neg1;         // digit 0 is negative
  wire [17:0] pc_r1;           // row 1: |digit| * pc_ua, inverted when negative
  wire [19:0] pc_d1;           // row 1: 2 * (upper sum + row) + 1
  wire [19:0] pc_s1;           // partial product after row 1
  wire        pc_one2;         // digit 1 is +-1
  wire        pc_two2;         // digit 1 is +-2
  wire        pc_neg2;         // digit 1 is negative
  wire [17:0] pc_r2;           // row 2: |digit| * pc_ua, inverted when negative
  wire [19:0] pc_d2;           // row 2: 2 * (upper sum + row) + 1
  wire [21:0] pc_s2;           // partial product after row 2
  wire        pc_one3;         // digit 2 is +-1
  wire        pc_two3;         // digit 2 is +-2
  wire        pc_neg3;         // digit 2 is negative
  wire [17:0] pc_r3;           // row 3: |digit| * pc_ua, inverted when negative
  wire [19:0] pc_d3;           // row 3: 2 * (upper sum + row) + 1
  wire [23:0] pc_s3;           // partial product after row 3
  wire        pc_one4;         // digit 3 is +-1
  wire        pc_two4;         // digit 3 is +-2
  wire        pc_neg4;         // digit 3 is negative
  wire [17:0] pc_r4;           // row 4: |digit| * pc_ua, inverted when negative
  wire [17:0] pc_d4;           // row 4: 2 * (upper sum + row) + 1
  wire [23:0] pc_s4;           // partial product after row 4
  wire        unused_pc_rows;  // row LSBs (always 1) and row bits above the product
  wire [16:0] sc_ua;           // multiplicand, zero-extended (the Booth rows take it signed)
  wire [7:0]  sc_ub;           // multiplier
  wire [23:0] sc_p;            // S * C_in
  wire [16:0] sc_s0;           // multiplier row 0: sc_ub[0] * sc_ua
  wire [17:0] sc_a2;           // sc_ua, sign-extended by one bit
  wire        sc_one1;         // digit 0 is +-1
  wire        sc_two1;         // digit 0 is +-2
  wire        sc_neg1;         // digit 0 is negative
  wire [17:0] sc_r1;           // row 1: |digit| * sc_ua, inverted when negative
  wire [19:0] sc_d1;           // row 1: 2 * (upper sum + row) + 1
  wire [19:0] sc_s1;           // partial product after row 1
  wire        sc_one2;         // digit 1 is +-1
  wire        sc_two2;         // digit 1 is +-2
  wire        sc_neg2;         // digit 1 is negative
  wire [17:0] sc_r2;           // row 2: |digit| * sc_ua, inverted when negative
  wire [19:0] sc_d2;           // row 2: 2 * (upper sum + row) + 1
  wire [21:0] sc_s2;           // partial product after row 2
  wire        sc_one3;         // digit 2 is +-1
  wire        sc_two3;         // digit 2 is +-2
  wire        sc_neg3;         // digit 2 is negative
  wire [17:0] sc_r3;           // row 3: |digit| * sc_ua, inverted when negative
  wire [19:0] sc_d3;           // row 3: 2 * (upper sum + row) + 1
  wire [23:0] sc_s3;           // partial product after row 3
  wire        sc_one4;         // digit 3 is +-1
  wire        sc_two4;         // digit 3 is +-2
  wire        sc_neg4;         // digit 3 is negative
  wire [17:0] sc_r4;           // row 4: |digit| * sc_ua, inverted when negative
  wire [17:0] sc_d4;           // row 4: 2 * (upper sum + row) + 1
  wire [23:0] sc_s4;           // partial product after row 4
  wire        unused_sc_rows;  // row LSBs (always 1) and row bits above the product
  wire        d_mac;           // Conv1D or Dense
  wire        d_bad;           // opcode is not 1-4
  wire [15:0] d_f;             // taps per group: K * C_in, or the pool size
  wire [15:0] d_gcount;        // groups per position: lane groups, or channels for pools
  wire [6:0]  d_lanes;         // lanes used: U, or U/2 for int16 inputs with packing alone

  // Controller state (docs 4.4): counters of the loop nest and the start-rule bookkeeping.
  reg        running_r;     // streaming
  reg [7:0]  err_r;         // error code
  reg [31:0] cyc_r;         // cycles since start
  reg [15:0] cr_r;          // round
  reg [7:0]  ci_r;          // layer
  reg        cx_r;          // context (0 A, 1 B)
  reg [15:0] co_r;          // output position
  reg [15:0] cg_r;          // group (lane group or pool channel)
  reg [15:0] cf_r;          // tap within the group
  reg [15:0] cc_r;          // MAC tap: input channel
  reg [7:0]  ck_r;          // tap: kernel index
  reg [31:0] row_r;         // tap: position * C_in
  reg [31:0] posb_r;        // o * S - pad_left
  reg [31:0] rowb_r;        // (o * S - pad_left) * C_in
  reg [23:0] wa_r;          // weight address of the next tap
  reg [15:0] ch0_r;         // first channel of the group
  reg [15:0] obase_r;       // o * C_out
  reg        in_round_r;    // a round is in progress
  reg        has_prev_r;    // a group has issued before
  reg [7:0]  since_r;       // cycles since the last group's last tap
  reg [6:0]  prevn_r;       // values the last group drains
  reg [2:0]  pend0_r;       // context A segments issued, not written
  reg [2:0]  pend1_r;       // context B segments issued, not written
  reg [1:0]  stg_free_r;    // staging of A/B free for the loader
  reg [15:0] unl_rounds_r;  // rounds fully unloaded
  reg [7:0]  res_ready_r;   // last-layer segments written

  wire        seg_start;    // first tap of a layer segment
  wire        grp_start;    // first tap of a group
  wire        gap_ok;       // rule 1: the shadow register has drained far enough
  wire        dep_ok;       // rule 2: the layer before (same context) is written
  wire        unl_ok;       // rule 3b: round r-2 is unloaded
  wire        full;         // rule 3a: both contexts hold P windows
  wire        flush;        // rule 3a: partial round
  wire        may;          // the next group may start
  wire        issue;        // a tap issues this cycle
  wire        start_round;  // the round's first tap issues
  wire        bad_op;       // the next layer has an illegal opcode
  wire [31:0] eff_posb;     // o*S - pad of this tap
  wire [31:0] eff_rowb;     // row base of this tap
  wire [31:0] eff_row;      // row of this tap
  wire [15:0] eff_cc;       // input channel of this tap
  wire [7:0]  eff_k;        // kernel index of this tap
  wire [23:0] eff_wa;       // weight address of this tap
  wire [15:0] eff_ch0;      // first channel of this group
  wire [15:0] eff_obase;    // o * C_out of this tap
  wire [31:0] pos;          // input position of this tap
  wire        tap_in;       // 0 <= pos < in_len
  wire [31:0] tap_addr;     // buffer index of this tap
  wire        last_tap;     // last tap of the group
  wire        last_grp;     // last group of the position
  wire        last_pos;     // last position of the segment
  wire        seg_end;      // last tap of the segment
  wire [15:0] rem_ch;       // channels from ch0 on
  wire [6:0]  n_grp;        // values this group drains
  wire        last_layer;   // ci is the last layer
  wire [6:0]  stg_raddr;    // T0: staging read address
  wire [9:0]  act_raddr;    // T0: activation read address
  wire        unused_ctl;   // address bits above the buffers
  wire        pend_inc0;    // a context-A segment finishes issuing
  wire        pend_inc1;    // a context-B segment finishes issuing
  wire        pend_dec0;    // a context-A segment's last write lands
  wire        pend_dec1;    // a context-B segment's last write lands
  wire        seg_written;  // a segment's last write lands

  // Tap pipeline (docs 3.2, 3.3): T1 operand select, T2 multiply, T3 accumulate, capture.
  reg [7:0]  t1_ctl_r;  // T1: {valid, mac, first, last, in16, inside, src_stg, max}
  reg [15:0] t1_zin_r;  // T1: zero point of padded taps
  reg [95:0] t1_grp_r;  // T1: group information for the drain
  reg [7:0]  t2_ctl_r;  // T2: control
  reg [95:0] t2_grp_r;  // T2: group information

  wire [7:0] t3_ctl;  // control at the accumulate stage T3

  reg [7:0] t3_ctl_d0_r;  // delay stage 1 of 1

  wire [95:0] cap_grp;  // group information at the capture

  reg [95:0] cap_grp_d0_r;  // delay stage 1 of 2
  reg [95:0] cap_grp_d1_r;  // delay stage 2 of 2
  reg        cap_r;         // capture: the last tap accumulated in the previous cycle

  wire unused_t3;  // control bits not used at T3

  // Drain sequencer (docs 3.3): one value per cycle from the shadow registers (S1).
  reg        dr_active_r;  // draining
  reg [6:0]  dr_j_r;       // value index j
  reg [95:0] dr_grp_r;     // the drained group

  wire [15:0] drain_pidx;   // S1: parameter entry of the drained channel
  wire [2:0]  drain_lane;   // S1: lane of value j
  wire        drain_pool;   // S1: the group is a pool
  wire [6:0]  drain_lane7;  // lane of value j, 7 bits
  wire        unused_lane;  // lane bits above U

  reg [21:0] r1_wr_r;    // R1: write sideband
  reg [2:0]  r1_mode_r;  // R1: requantiser mode
  reg [15:0] r1_zout_r;  // R1: z_out
  reg [15:0] r1_min_r;   // R1: act_min
  reg [15:0] r1_max_r;   // R1: act_max

  wire [21:0] dwr;  // write sideband in the write cycle

  reg [21:0] dwr_d0_r;  // delay stage 1 of 4
  reg [21:0] dwr_d1_r;  // delay stage 2 of 4
  reg [21:0] dwr_d2_r;  // delay stage 3 of 4
  reg [21:0] dwr_d3_r;  // delay stage 4 of 4

  wire       act_we;      // write cycle: activation write
  wire       res_we;      // write cycle: result write
  wire [9:0] act_waddr;   // activation write address
  wire [5:0] res_waddr;   // result write address
  wire       unused_dwr;  // write address bits above the buffers

  // Input FIFO (docs 4.5): whole windows of samples, with a tag FIFO beside it.
  reg [12:0] in_wp_r;     // sample write pointer
  reg [12:0] in_rp_r;     // sample read pointer
  reg [6:0]  in_twp_r;    // tag write pointer
  reg [6:0]  in_trp_r;    // tag read pointer
  reg [6:0]  in_cnt_r;    // complete windows waiting
  reg        in_first_r;  // the next sample starts a window
  reg        in_drop_r;   // dropping the current window

  wire [12:0] in_used;    // samples in the FIFO
  wire        in_room;    // room for a whole window (samples and tag)
  wire        in_accept;  // the sample is stored
  wire        in_empty;   // no complete window waiting

  // Loader (docs 4.5, section 5 rule 4): windows to slots (round, context, PE) in arrival order.
  reg        feeding_r;        // feeding a window through the input stage
  reg [15:0] fj_r;             // sample index
  reg [15:0] fch_r;            // channel of the sample
  reg        fctx_r;           // context of the slot
  reg [4:0]  fpe_r;            // PE of the slot
  reg [15:0] lr_r;             // round the loader fills
  reg        lx_r;             // context the loader fills
  reg [4:0]  lk_r;             // next PE the loader fills
  reg [5:0]  vis0_r;           // context A windows staged for the next round
  reg [5:0]  vis1_r;           // context B windows staged for the next round
  reg        slot_push_r;      // push the started window's tag into the slot-tag FIFO
  reg [5:0]  slotcnt_r [0:7];  // windows per (round mod 4, context)

  wire        lstart;   // the loader starts a window
  wire        feed;     // a sample enters the input stage
  wire [15:0] f_j;      // sample index fed
  wire [15:0] f_ch;     // its channel
  wire        f_ctx;    // its context
  wire [4:0]  f_pe;     // its PE
  wire        f_lastw;  // last sample of the window
  wire [15:0] in_pidx;  // input-stage parameter entry
  wire [15:0] lr_next;  // round after lr

  reg [23:0] in1_r;  // R1: sideband of the sample in the input stage

  wire [23:0] insb;  // input-stage sideband in the staging write cycle

  reg [23:0] insb_d0_r;  // delay stage 1 of 2
  reg [23:0] insb_d1_r;  // delay stage 2 of 2

  wire        in_busy;      // samples in the input stage (their staging writes have not landed)
  wire [63:0] in_value;     // input-stage output
  wire        unused_in;    // input-stage bits not stored
  wire        in_clamp_lo;  // input stage clamped low
  wire        in_clamp_hi;  // input stage clamped high

  reg [2:0] in_mode_r;  // R1: input-stage mode

  wire [15:0] stg_wdata;  // input-stage value in the staging write cycle

  // Unloader (docs 4.6, section 5 rule 5): result buffers to the result FIFO in slot order.
  reg        u_active_r;  // unloading a record (round, context)
  reg [7:0]  urec_r;      // record: {round mod 128, context}
  reg [4:0]  ulane_r;     // PE being unloaded
  reg [16:0] uw_r;        // word within the window's record
  reg [15:0] useq_r;      // window sequence number
  reg [8:0]  st_wp_r;     // slot-tag FIFO write pointer
  reg [8:0]  st_rp_r;     // slot-tag FIFO read pointer
  reg [10:0] rq_wp_r;     // result FIFO write pointer
  reg [10:0] rq_rp_r;     // result FIFO read pointer

  wire          u_ready;       // the record's last layer is written
  wire          u_go;          // the unloader works this cycle
  wire          u_push;        // a word is pushed
  wire [16:0]   u_w;           // word index this cycle
  wire [4:0]    u_lane;        // PE this cycle
  wire [5:0]    u_cnt;         // windows in the record
  wire [5:0]    u_cnt_b;       // windows in context B of the round
  wire          u_win_done;    // last word of a window
  wire          u_rec_done;    // last word of the record
  wire          u_round_done;  // last word of the round
  wire [16:0]   u_next_w;      // word whose data to read
  wire [16:0]   u_k;           // output index of u_next_w
  wire [31:0]   u_word;        // the pushed word
  wire [63:0]   u_data;        // result of the PE being unloaded
  wire          res_full;      // result FIFO full
  wire [10:0]   res_level;     // result FIFO words
  wire          res_pop;       // result FIFO pop
  wire [7:0]    rec_diff;      // records written minus record being unloaded
  wire [5:0]    res_raddr;     // result read address to the PEs
  wire [1791:0] pe_res_all;    // result read data of all PEs

  reg [63:0] u_data_sel;  // result of PE u_lane

  wire [27:0] pe_clamp_lo;  // per PE: clamped low in the write cycle
  wire [27:0] pe_clamp_hi;  // per PE: clamped high in the write cycle
  wire        stg_we;       // staging write cycle
  wire [6:0]  stg_waddr;    // staging write address
  wire        unused_sb;    // sideband bits not used
  wire        unused_pd;    // parameter bits the drain does not use

  reg [31:0] cnt_win_in_r;    // counter behind o_windows_in
  reg [31:0] cnt_win_out_r;   // counter behind o_windows_out
  reg [31:0] cnt_rounds_r;    // counter behind o_rounds
  reg [31:0] cnt_busy_r;      // counter behind o_busy_cycles
  reg [31:0] cnt_idle_r;      // counter behind o_idle_issue
  reg [31:0] cnt_drops_r;     // counter behind o_input_drops
  reg [31:0] cnt_stalls_r;    // counter behind o_result_stalls
  reg [31:0] cnt_clamp_lo_r;  // counter behind o_clamp_low
  reg [31:0] cnt_clamp_hi_r;  // counter behind o_clamp_high

  wire unused_misc;  // bits of wide intermediate values the buffers do not address

  assign prog_ok = i_prog_we & ~running_r;

  // Descriptor memory: 8 LUTRAM banks of 33 lines (asynchronous read).
  always @(posedge i_clk) begin
    if (prog_ok && i_prog_sel == 2'd0) begin
      case (i_prog_addr[2:0])
        3'd0: desc0_r[i_prog_addr[8:3]] <= i_prog_wdata;
        3'd1: desc1_r[i_prog_addr[8:3]] <= i_prog_wdata & 32'h07FF07FF;
        3'd2: desc2_r[i_prog_addr[8:3]] <= i_prog_wdata & 32'h07FF01FF;
        3'd3: desc3_r[i_prog_addr[8:3]] <= i_prog_wdata;
        3'd4: desc4_r[i_prog_addr[8:3]] <= i_prog_wdata & 32'h00030FFF;
        3'd5: desc5_r[i_prog_addr[8:3]] <= i_prog_wdata & 32'h03FF03FF;
        3'd6: desc6_r[i_prog_addr[8:3]] <= i_prog_wdata;
        3'd7: desc7_r[i_prog_addr[8:3]] <= i_prog_wdata;
      endcase
    end
  end

  // Parameter table word p0, drain copy (docs 4.3).
  // 512 x [31:0] synchronous-read memory, registered read data (infers block RAM).
  reg [31:0] pd0 [0:511];
  reg [31:0] pd0_rdata_r;

  always @(posedge i_clk) begin
    if (prog_ok && i_prog_sel == 2'd1 && i_prog_addr[1:0] == 2'd0) begin
      pd0[i_prog_addr[10:2]] <= i_prog_wdata;
    end
    pd0_rdata_r <= pd0[drain_pidx[8:0]];
  end

  // Parameter table word p1, drain copy (docs 4.3).
  // 512 x [31:0] synchronous-read memory, registered read data (infers block RAM).
  reg [31:0] pd1 [0:511];
  reg [31:0] pd1_rdata_r;

  always @(posedge i_clk) begin
    if (prog_ok && i_prog_sel == 2'd1 && i_prog_addr[1:0] == 2'd1) begin
      pd1[i_prog_addr[10:2]] <= i_prog_wdata;
    end
    pd1_rdata_r <= pd1[drain_pidx[8:0]];
  end

  // Parameter table word p2, drain copy (docs 4.3).
  // 512 x [31:0] synchronous-read memory, registered read data (infers block RAM).
  reg [31:0] pd2 [0:511];
  reg [31:0] pd2_rdata_r;

  always @(posedge i_clk) begin
    if (prog_ok && i_prog_sel == 2'd1 && i_prog_addr[1:0] == 2'd2) begin
      pd2[i_prog_addr[10:2]] <= i_prog_wdata;
    end
    pd2_rdata_r <= pd2[drain_pidx[8:0]];
  end

  // Parameter table word p3, drain copy (docs 4.3).
  // 512 x [31:0] synchronous-read memory, registered read data (infers block RAM).
  reg [31:0] pd3 [0:511];
  reg [31:0] pd3_rdata_r;

  always @(posedge i_clk) begin
    if (prog_ok && i_prog_sel == 2'd1 && i_prog_addr[1:0] == 2'd3) begin
      pd3[i_prog_addr[10:2]] <= i_prog_wdata;
    end
    pd3_rdata_r <= pd3[drain_pidx[8:0]];
  end

  // Parameter table word p0, input-stage copy (docs 4.3).
  // 512 x [31:0] synchronous-read memory, registered read data (infers block RAM).
  reg [31:0] pi0 [0:511];
  reg [31:0] pi0_rdata_r;

  always @(posedge i_clk) begin
    if (prog_ok && i_prog_sel == 2'd1 && i_prog_addr[1:0] == 2'd0) begin
      pi0[i_prog_addr[10:2]] <= i_prog_wdata;
    end
    pi0_rdata_r <= pi0[in_pidx[8:0]];
  end

  // Parameter table word p1, input-stage copy (docs 4.3).
  // 512 x [31:0] synchronous-read memory, registered read data (infers block RAM).
  reg [31:0] pi1 [0:511];
  reg [31:0] pi1_rdata_r;

  always @(posedge i_clk) begin
    if (prog_ok && i_prog_sel == 2'd1 && i_prog_addr[1:0] == 2'd1) begin
      pi1[i_prog_addr[10:2]] <= i_prog_wdata;
    end
    pi1_rdata_r <= pi1[in_pidx[8:0]];
  end

  // Parameter table word p2, input-stage copy (docs 4.3).
  // 512 x [31:0] synchronous-read memory, registered read data (infers block RAM).
  reg [31:0] pi2 [0:511];
  reg [31:0] pi2_rdata_r;

  always @(posedge i_clk) begin
    if (prog_ok && i_prog_sel == 2'd1 && i_prog_addr[1:0] == 2'd2) begin
      pi2[i_prog_addr[10:2]] <= i_prog_wdata;
    end
    pi2_rdata_r <= pi2[in_pidx[8:0]];
  end

  // Parameter table word p3, input-stage copy (docs 4.3).
  // 512 x [31:0] synchronous-read memory, registered read data (infers block RAM).
  reg [31:0] pi3 [0:511];
  reg [31:0] pi3_rdata_r;

  always @(posedge i_clk) begin
    if (prog_ok && i_prog_sel == 2'd1 && i_prog_addr[1:0] == 2'd3) begin
      pi3[i_prog_addr[10:2]] <= i_prog_wdata;
    end
    pi3_rdata_r <= pi3[in_pidx[8:0]];
  end

  assign wt_line = {1'd0, i_prog_addr[19:1]};
  assign wt_bank = {19'd0, i_prog_addr[0:0]};

  // Weight memory lanes 3..0 (docs 4.3), read at issue (T0).
  // 2048 x [31:0] synchronous-read memory, registered read data (infers block RAM).
  reg [31:0] wt0 [0:2047];
  reg [31:0] wt0_rdata_r;

  always @(posedge i_clk) begin
    if (prog_ok && i_prog_sel == 2'd2 && wt_bank == 20'd0) begin
      wt0[wt_line[10:0]] <= i_prog_wdata;
    end
    wt0_rdata_r <= wt0[eff_wa[10:0]];
  end

  // Weight memory lanes 7..4 (docs 4.3), read at issue (T0).
  // 2048 x [31:0] synchronous-read memory, registered read data (infers block RAM).
  reg [31:0] wt1 [0:2047];
  reg [31:0] wt1_rdata_r;

  always @(posedge i_clk) begin
    if (prog_ok && i_prog_sel == 2'd2 && wt_bank == 20'd1) begin
      wt1[wt_line[10:0]] <= i_prog_wdata;
    end
    wt1_rdata_r <= wt1[eff_wa[10:0]];
  end

  assign unused_prog = &{1'b0, wt_line, wt_bank, i_prog_addr};

  // Weight broadcast register.
  always @(posedge i_clk) begin
    wb_r <= {wt1_rdata_r, wt0_rdata_r};
  end

  assign hn_ua          = {1'b0, desc2_r[0][31:16]};
  assign hn_ub          = desc2_r[0][15:0];
  assign hn_s0          = {16{hn_ub[0]}} & hn_ua[15:0];
  assign hn_a2          = {{1{hn_ua[16]}}, hn_ua};
  assign hn_one1        = hn_ub[1] ^ 1'b0;
  assign hn_two1        = hn_ub[2] ? (~hn_ub[1] & ~1'b0) : (hn_ub[1] & 1'b0);
  assign hn_neg1        = hn_ub[2] & ~(hn_ub[1] & 1'b0);
  assign hn_r1          = ({18{hn_one1}} & hn_a2 | {18{hn_two1}} & {hn_ua, 1'b0}) ^ {18{hn_neg1}};
  assign hn_d1          = {hn_s0[15:1], hn_neg1} - {~hn_r1[14:0], 1'b1};
  assign hn_s1          = {hn_d1[15:1], hn_s0[0:0]};
  assign hn_one2        = hn_ub[3] ^ hn_ub[2];
  assign hn_two2        = hn_ub[4] ? (~hn_ub[3] & ~hn_ub[2]) : (hn_ub[3] & hn_ub[2]);
  assign hn_neg2        = hn_ub[4] & ~(hn_ub[3] & hn_ub[2]);
  assign hn_r2          = ({18{hn_one2}} & hn_a2 | {18{hn_two2}} & {hn_ua, 1'b0}) ^ {18{hn_neg2}};
  assign hn_d2          = {hn_s1[15:3], hn_neg2} - {~hn_r2[12:0], 1'b1};
  assign hn_s2          = {hn_d2[13:1], hn_s1[2:0]};
  assign hn_one3        = hn_ub[5] ^ hn_ub[4];
  assign hn_two3        = hn_ub[6] ? (~hn_ub[5] & ~hn_ub[4]) : (hn_ub[5] & hn_ub[4]);
  assign hn_neg3        = hn_ub[6] & ~(hn_ub[5] & hn_ub[4]);
  assign hn_r3          = ({18{hn_one3}} & hn_a2 | {18{hn_two3}} & {hn_ua, 1'b0}) ^ {18{hn_neg3}};
  assign hn_d3          = {hn_s2[15:5], hn_neg3} - {~hn_r3[10:0], 1'b1};
  assign hn_s3          = {hn_d3[11:1], hn_s2[4:0]};
  assign hn_one4        = hn_ub[7] ^ hn_ub[6];
  assign hn_two4        = hn_ub[8] ? (~hn_ub[7] & ~hn_ub[6]) : (hn_ub[7] & hn_ub[6]);
  assign hn_neg4        = hn_ub[8] & ~(hn_ub[7] & hn_ub[6]);
  assign hn_r4          = ({18{hn_one4}} & hn_a2 | {18{hn_two4}} & {hn_ua, 1'b0}) ^ {18{hn_neg4}};
  assign hn_d4          = {hn_s3[15:7], hn_neg4} - {~hn_r4[8:0], 1'b1};
  assign hn_s4          = {hn_d4[9:1], hn_s3[6:0]};
  assign hn_one5        = hn_ub[9] ^ hn_ub[8];
  assign hn_two5        = hn_ub[10] ? (~hn_ub[9] & ~hn_ub[8]) : (hn_ub[9] & hn_ub[8]);
  assign hn_neg5        = hn_ub[10] & ~(hn_ub[9] & hn_ub[8]);
  assign hn_r5          = ({18{hn_one5}} & hn_a2 | {18{hn_two5}} & {hn_ua, 1'b0}) ^ {18{hn_neg5}};
  assign hn_d5          = {hn_s4[15:9], hn_neg5} - {~hn_r5[6:0], 1'b1};
  assign hn_s5          = {hn_d5[7:1], hn_s4[8:0]};
  assign hn_one6        = hn_ub[11] ^ hn_ub[10];
  assign hn_two6        = hn_ub[12] ? (~hn_ub[11] & ~hn_ub[10]) : (hn_ub[11] & hn_ub[10]);
  assign hn_neg6        = hn_ub[12] & ~(hn_ub[11] & hn_ub[10]);
  assign hn_r6          = ({18{hn_one6}} & hn_a2 | {18{hn_two6}} & {hn_ua, 1'b0}) ^ {18{hn_neg6}};
  assign hn_d6          = {hn_s5[15:11], hn_neg6} - {~hn_r6[4:0], 1'b1};
  assign hn_s6          = {hn_d6[5:1], hn_s5[10:0]};
  assign hn_one7        = hn_ub[13] ^ hn_ub[12];
  assign hn_two7        = hn_ub[14] ? (~hn_ub[13] & ~hn_ub[12]) : (hn_ub[13] & hn_ub[12]);
  assign hn_neg7        = hn_ub[14] & ~(hn_ub[13] & hn_ub[12]);
  assign hn_r7          = ({18{hn_one7}} & hn_a2 | {18{hn_two7}} & {hn_ua, 1'b0}) ^ {18{hn_neg7}};
  assign hn_d7          = {hn_s6[15:13], hn_neg7} - {~hn_r7[2:0], 1'b1};
  assign hn_s7          = {hn_d7[3:1], hn_s6[12:0]};
  assign hn_one8        = hn_ub[15] ^ hn_ub[14];
  assign hn_two8        = 1'b0 ? (~hn_ub[15] & ~hn_ub[14]) : (hn_ub[15] & hn_ub[14]);
  assign hn_neg8        = 1'b0 & ~(hn_ub[15] & hn_ub[14]);
  assign hn_r8          = ({18{hn_one8}} & hn_a2 | {18{hn_two8}} & {hn_ua, 1'b0}) ^ {18{hn_neg8}};
  assign hn_d8          = {hn_s7[15:15], hn_neg8} - {~hn_r8[0:0], 1'b1};
  assign hn_s8          = {hn_d8[1:1], hn_s7[14:0]};
  assign hn_p           = hn_s8;
  assign unused_hn_rows = &{1'b0, hn_d1[0], hn_r1[17:15], hn_d2[0], hn_r2[17:13], hn_d3[0], hn_r3[17:11], hn_d4[0], hn_r4[17:9], hn_d5[0], hn_r5[17:7], hn_d6[0], hn_r6[17:5], hn_d7[0], hn_r7[17:3], hn_d8[0], hn_r8[17:1]};
  assign h_magic_ok     = desc0_r[0] == 32'h50444c01;
  assign h_layers       = desc1_r[0][7:0];
  assign h_instage      = desc1_r[0][8];
  assign h_in16         = desc1_r[0][9];
  assign h_single       = desc1_r[0][10];
  assign h_n            = hn_p;
  assign h_inch         = desc2_r[0][31:16];
  assign h_zin          = desc3_r[0][15:0];
  assign h_pbase        = desc3_r[0][31:16];
  assign h_outputs      = desc4_r[0][15:0];
  assign h_wide         = desc4_r[0][16];
  assign h_words        = 17'd1 + (h_wide ? {h_outputs, 1'b0} : {1'b0, h_outputs});
  assign dline          = ci_r[5:0] + 6'd1;
  assign d_op           = desc0_r[dline][3:0];
  assign d_src          = desc0_r[dline][5:4];
  assign d_dst          = desc0_r[dline][7:6];
  assign d_in16         = desc0_r[dline][8];
  assign d_rq           = desc0_r[dline][11:10];
  assign d_inlen        = desc1_r[dline][15:0];
  assign d_inch         = desc1_r[dline][31:16];
  assign d_outlen       = desc2_r[dline][15:0];
  assign d_outch        = desc2_r[dline][31:16];
  assign d_k            = desc3_r[dline][7:0];
  assign d_s            = desc3_r[dline][15:8];
  assign d_pad          = desc3_r[dline][23:16];
  assign d_wbase        = desc4_r[dline][23:0];
  assign d_pbase        = desc5_r[dline][15:0];
  assign d_groups       = desc5_r[dline][31:16];
  assign d_zin          = desc6_r[dline][15:0];
  assign d_zout         = desc6_r[dline][31:16];
  assign d_amin         = desc7_r[dline][15:0];
  assign d_amax         = desc7_r[dline][31:16];
  assign unused_desc    = &{1'b0, desc0_r[dline][31:9], desc4_r[dline][31:24], desc3_r[dline][31:24], desc1_r[0][31:11], desc4_r[0][31:17], desc5_r[0], desc6_r[0], desc7_r[0], desc0_r[0], desc4_r[dline]};
  assign kc_ua          = {1'b0, d_inch};
  assign kc_ub          = d_k;
  assign kc_s0          = {16{kc_ub[0]}} & kc_ua[15:0];
  assign kc_a2          = {{1{kc_ua[16]}}, kc_ua};
  assign kc_one1        = kc_ub[1] ^ 1'b0;
  assign kc_two1        = kc_ub[2] ? (~kc_ub[1] & ~1'b0) : (kc_ub[1] & 1'b0);
  assign kc_neg1        = kc_ub[2] & ~(kc_ub[1] & 1'b0);
  assign kc_r1          = ({18{kc_one1}} & kc_a2 | {18{kc_two1}} & {kc_ua, 1'b0}) ^ {18{kc_neg1}};
  assign kc_d1          = {kc_s0[15:1], kc_neg1} - {~kc_r1[14:0], 1'b1};
  assign kc_s1          = {kc_d1[15:1], kc_s0[0:0]};
  assign kc_one2        = kc_ub[3] ^ kc_ub[2];
  assign kc_two2        = kc_ub[4] ? (~kc_ub[3] & ~kc_ub[2]) : (kc_ub[3] & kc_ub[2]);
  assign kc_neg2        = kc_ub[4] & ~(kc_ub[3] & kc_ub[2]);
  assign kc_r2          = ({18{kc_one2}} & kc_a2 | {18{kc_two2}} & {kc_ua, 1'b0}) ^ {18{kc_neg2}};
  assign kc_d2          = {kc_s1[15:3], kc_neg2} - {~kc_r2[12:0], 1'b1};
  assign kc_s2          = {kc_d2[13:1], kc_s1[2:0]};
  assign kc_one3        = kc_ub[5] ^ kc_ub[4];
  assign kc_two3        = kc_ub[6] ? (~kc_ub[5] & ~kc_ub[4]) : (kc_ub[5] & kc_ub[4]);
  assign kc_neg3        = kc_ub[6] & ~(kc_ub[5] & kc_ub[4]);
  assign kc_r3          = ({18{kc_one3}} & kc_a2 | {18{kc_two3}} & {kc_ua, 1'b0}) ^ {18{kc_neg3}};
  assign kc_d3          = {kc_s2[15:5], kc_neg3} - {~kc_r3[10:0], 1'b1};
  assign kc_s3          = {kc_d3[11:1], kc_s2[4:0]};
  assign kc_one4        = kc_ub[7] ^ kc_ub[6];
  assign kc_two4        = 1'b0 ? (~kc_ub[7] & ~kc_ub[6]) : (kc_ub[7] & kc_ub[6]);
  assign kc_neg4        = 1'b0 & ~(kc_ub[7] & kc_ub[6]);
  assign kc_r4          = ({18{kc_one4}} & kc_a2 | {18{kc_two4}} & {kc_ua, 1'b0}) ^ {18{kc_neg4}};
  assign kc_d4          = {kc_s3[15:7], kc_neg4} - {~kc_r4[8:0], 1'b1};
  assign kc_s4          = {kc_d4[9:1], kc_s3[6:0]};
  assign kc_p           = kc_s4;
  assign unused_kc_rows = &{1'b0, kc_d1[0], kc_r1[17:15], kc_d2[0], kc_r2[17:13], kc_d3[0], kc_r3[17:11], kc_d4[0], kc_r4[17:9]};
  assign pc_ua          = {1'b0, d_inch};
  assign pc_ub          = d_pad;
  assign pc_s0          = {17{pc_ub[0]}} & pc_ua;
  assign pc_a2          = {{1{pc_ua[16]}}, pc_ua};
  assign pc_one1        = pc_ub[1] ^ 1'b0;
  assign pc_two1        = pc_ub[2] ? (~pc_ub[1] & ~1'b0) : (pc_ub[1] & 1'b0);
  assign pc_neg1        = pc_ub[2] & ~(pc_ub[1] & 1'b0);
  assign pc_r1          = ({18{pc_one1}} & pc_a2 | {18{pc_two1}} & {pc_ua, 1'b0}) ^ {18{pc_neg1}};
  assign pc_d1          = {{{3{pc_s0[16]}}, pc_s0[16:1]}, pc_neg1} - {~{{1{pc_r1[17]}}, pc_r1}, 1'b1};
  assign pc_s1          = {pc_d1[19:1], pc_s0[0:0]};
  assign pc_one2        = pc_ub[3] ^ pc_ub[2];
  assign pc_two2        = pc_ub[4] ? (~pc_ub[3] & ~pc_ub[2]) : (pc_ub[3] & pc_ub[2]);
  assign pc_neg2        = pc_ub[4] & ~(pc_ub[3] & pc_ub[2]);
  assign pc_r2          = ({18{pc_one2}} & pc_a2 | {18{pc_two2}} & {pc_ua, 1'b0}) ^ {18{pc_neg2}};
  assign pc_d2          = {{{2{pc_s1[19]}}, pc_s1[19:3]}, pc_neg2} - {~{{1{pc_r2[17]}}, pc_r2}, 1'b1};
  assign pc_s2          = {pc_d2[19:1], pc_s1[2:0]};
  assign pc_one3        = pc_ub[5] ^ pc_ub[4];
  assign pc_two3        = pc_ub[6] ? (~pc_ub[5] & ~pc_ub[4]) : (pc_ub[5] & pc_ub[4]);
  assign pc_neg3        = pc_ub[6] & ~(pc_ub[5] & pc_ub[4]);
  assign pc_r3          = ({18{pc_one3}} & pc_a2 | {18{pc_two3}} & {pc_ua, 1'b0}) ^ {18{pc_neg3}};
  assign pc_d3          = {{{2{pc_s2[21]}}, pc_s2[21:5]}, pc_neg3} - {~{{1{pc_r3[17]}}, pc_r3}, 1'b1};
  assign pc_s3          = {pc_d3[19:1], pc_s2[4:0]};
  assign pc_one4        = pc_ub[7] ^ pc_ub[6];
  assign pc_two4        = 1'b0 ? (~pc_ub[7] & ~pc_ub[6]) : (pc_ub[7] & pc_ub[6]);
  assign pc_neg4        = 1'b0 & ~(pc_ub[7] & pc_ub[6]);
  assign pc_r4          = ({18{pc_one4}} & pc_a2 | {18{pc_two4}} & {pc_ua, 1'b0}) ^ {18{pc_neg4}};
  assign pc_d4          = {pc_s3[23:7], pc_neg4} - {~pc_r4[16:0], 1'b1};
  assign pc_s4          = {pc_d4[17:1], pc_s3[6:0]};
  assign pc_p           = pc_s4;
  assign unused_pc_rows = &{1'b0, pc_d1[0], pc_d2[0], pc_d3[0], pc_d4[0], pc_r4[17:17]};
  assign sc_ua          = {1'b0, d_inch};
  assign sc_ub          = d_s;
  assign sc_s0          = {17{sc_ub[0]}} & sc_ua;
  assign sc_a2          = {{1{sc_ua[16]}}, sc_ua};
  assign sc_one1        = sc_ub[1] ^ 1'b0;
  assign sc_two1        = sc_ub[2] ? (~sc_ub[1] & ~1'b0) : (sc_ub[1] & 1'b0);
  assign sc_neg1        = sc_ub[2] & ~(sc_ub[1] & 1'b0);
  assign sc_r1          = ({18{sc_one1}} & sc_a2 | {18{sc_two1}} & {sc_ua, 1'b0}) ^ {18{sc_neg1}};
  assign sc_d1          = {{{3{sc_s0[16]}}, sc_s0[16:1]}, sc_neg1} - {~{{1{sc_r1[17]}}, sc_r1}, 1'b1};
  assign sc_s1          = {sc_d1[19:1], sc_s0[0:0]};
  assign sc_one2        = sc_ub[3] ^ sc_ub[2];
  assign sc_two2        = sc_ub[4] ? (~sc_ub[3] & ~sc_ub[2]) : (sc_ub[3] & sc_ub[2]);
  assign sc_neg2        = sc_ub[4] & ~(sc_ub[3] & sc_ub[2]);
  assign sc_r2          = ({18{sc_one2}} & sc_a2 | {18{sc_two2}} & {sc_ua, 1'b0}) ^ {18{sc_neg2}};
  assign sc_d2          = {{{2{sc_s1[19]}}, sc_s1[19:3]}, sc_neg2} - {~{{1{sc_r2[17]}}, sc_r2}, 1'b1};
  assign sc_s2          = {sc_d2[19:1], sc_s1[2:0]};
  assign sc_one3        = sc_ub[5] ^ sc_ub[4];
  assign sc_two3        = sc_ub[6] ? (~sc_ub[5] & ~sc_ub[4]) : (sc_ub[5] & sc_ub[4]);
  assign sc_neg3        = sc_ub[6] & ~(sc_ub[5] & sc_ub[4]);
  assign sc_r3          = ({18{sc_one3}} & sc_a2 | {18{sc_two3}} & {sc_ua, 1'b0}) ^ {18{sc_neg3}};
  assign sc_d3          = {{{2{sc_s2[21]}}, sc_s2[21:5]}, sc_neg3} - {~{{1{sc_r3[17]}}, sc_r3}, 1'b1};
  assign sc_s3          = {sc_d3[19:1], sc_s2[4:0]};
  assign sc_one4        = sc_ub[7] ^ sc_ub[6];
  assign sc_two4        = 1'b0 ? (~sc_ub[7] & ~sc_ub[6]) : (sc_ub[7] & sc_ub[6]);
  assign sc_neg4        = 1'b0 & ~(sc_ub[7] & sc_ub[6]);
  assign sc_r4          = ({18{sc_one4}} & sc_a2 | {18{sc_two4}} & {sc_ua, 1'b0}) ^ {18{sc_neg4}};
  assign sc_d4          = {sc_s3[23:7], sc_neg4} - {~sc_r4[16:0], 1'b1};
  assign sc_s4          = {sc_d4[17:1], sc_s3[6:0]};
  assign sc_p           = sc_s4;
  assign unused_sc_rows = &{1'b0, sc_d1[0], sc_d2[0], sc_d3[0], sc_d4[0], sc_r4[17:17]};
  assign d_mac          = (d_op == 4'd1) | (d_op == 4'd2);
  assign d_bad          = (d_op == 4'd0) | (d_op > 4'd4);
  assign d_f            = d_mac ? kc_p : {8'd0, d_k};
  assign d_gcount       = d_mac ? d_groups : d_outch;
  assign d_lanes        = 7'd8;
  assign seg_start      = (co_r == 16'd0) & (cg_r == 16'd0) & (cf_r == 16'd0);
  assign grp_start      = cf_r == 16'd0;
  assign gap_ok         = ~has_prev_r | (({9'd0, since_r} + {1'b0, d_f}) >= {10'd0, prevn_r});
  assign dep_ok         = (cx_r ? pend1_r : pend0_r) == 3'd0;
  assign unl_ok         = (cr_r - unl_rounds_r) <= 16'd1;
  assign full           = (vis0_r == 6'd28) & (vis1_r == 6'd28);
  assign flush          = in_empty & ~feeding_r & ~in_busy & (vis0_r != 6'd0);
  assign may            = gap_ok & ((seg_start & (ci_r != 8'd0)) ? dep_ok : (~in_round_r ? (unl_ok & (full | flush) & ~i_stop) : 1'b1));
  assign bad_op         = running_r & seg_start & d_bad & may;
  assign issue          = running_r & ((cf_r != 16'd0) | may) & ~(seg_start & d_bad);
  assign start_round    = issue & ~in_round_r;
  assign eff_posb       = seg_start ? 32'd0 - {24'd0, d_pad} : posb_r;
  assign eff_rowb       = seg_start ? 32'd0 - {8'd0, pc_p} : rowb_r;
  assign eff_row        = grp_start ? eff_rowb : row_r;
  assign eff_cc         = grp_start ? 16'd0 : cc_r;
  assign eff_k          = grp_start ? 8'd0 : ck_r;
  assign eff_wa         = seg_start ? d_wbase : wa_r;
  assign eff_ch0        = (cg_r == 16'd0) ? 16'd0 : ch0_r;
  assign eff_obase      = seg_start ? 16'd0 : obase_r;
  assign pos            = eff_posb + {24'd0, eff_k};
  assign tap_in         = ~pos[31] & (pos < {16'd0, d_inlen});
  assign tap_addr       = eff_row + {16'd0, d_mac ? eff_cc : cg_r};
  assign last_tap       = cf_r == d_f - 16'd1;
  assign last_grp       = cg_r == d_gcount - 16'd1;
  assign last_pos       = co_r == d_outlen - 16'd1;
  assign seg_end        = last_tap & last_grp & last_pos;
  assign rem_ch         = d_outch - eff_ch0;
  assign n_grp          = ~d_mac ? 7'd1 : (rem_ch < {9'd0, d_lanes}) ? rem_ch[6:0] : d_lanes;
  assign last_layer     = ci_r == h_layers - 8'd1;
  assign stg_raddr      = {cx_r, tap_addr[5:0]};
  assign act_raddr      = {cx_r, d_src == 2'd2, tap_addr[7:0]};
  assign unused_ctl     = &{1'b0, tap_addr};

  // Controller: walks the loop nest, one tap per cycle when the start rules allow.
  always @(posedge i_clk) begin
    if (i_rst | ~running_r) begin
      cr_r <= 16'd0;
      ci_r <= 8'd0;
      cx_r <= 1'b0;
      co_r <= 16'd0;
      cg_r <= 16'd0;
      cf_r <= 16'd0;
      cc_r <= 16'd0;
      ck_r <= 8'd0;
      row_r <= 32'd0;
      posb_r <= 32'd0;
      rowb_r <= 32'd0;
      wa_r <= 24'd0;
      ch0_r <= 16'd0;
      obase_r <= 16'd0;
      in_round_r <= 1'b0;
      has_prev_r <= 1'b0;
      since_r <= 8'hff;
      prevn_r <= 7'd0;
      stg_free_r <= 2'b11;
      cyc_r <= 32'd0;
    end else begin
      cyc_r <= cyc_r + 32'd1;
      if (issue) begin
        cf_r <= last_tap ? 16'd0 : cf_r + 16'd1;
        posb_r <= eff_posb;
        rowb_r <= eff_rowb;
        obase_r <= eff_obase;
        ch0_r <= eff_ch0;
        wa_r <= eff_wa + 24'd1;
        if (d_mac) begin
          if (eff_cc == d_inch - 16'd1) begin
            cc_r <= 16'd0;
            ck_r <= eff_k + 8'd1;
            row_r <= eff_row + {16'd0, d_inch};
          end else begin
            cc_r <= eff_cc + 16'd1;
            ck_r <= eff_k;
            row_r <= eff_row;
          end
        end else begin
          cc_r <= 16'd0;
          ck_r <= eff_k + 8'd1;
          row_r <= eff_row + {16'd0, d_inch};
        end
        if (start_round) begin
          in_round_r <= 1'b1;
        end
        if (last_tap) begin
          since_r <= 8'd0;
          prevn_r <= n_grp;
          has_prev_r <= 1'b1;
          if (last_grp) begin
            cg_r <= 16'd0;
            wa_r <= d_wbase;
            if (last_pos) begin
              co_r <= 16'd0;
              cx_r <= ~cx_r;
              if (cx_r) begin
                ci_r <= last_layer ? 8'd0 : ci_r + 8'd1;
              end
              if (cx_r & last_layer) begin
                cr_r <= cr_r + 16'd1;
                in_round_r <= 1'b0;
              end
            end else begin
              co_r <= co_r + 16'd1;
              posb_r <= eff_posb + {24'd0, d_s};
              rowb_r <= eff_rowb + {8'd0, sc_p};
              obase_r <= eff_obase + d_outch;
            end
          end else begin
            cg_r <= cg_r + 16'd1;
            ch0_r <= eff_ch0 + {9'd0, d_lanes};
          end
        end else begin
          since_r <= (since_r == 8'hff) ? since_r : since_r + 8'd1;
        end
      end else begin
        since_r <= (since_r == 8'hff) ? since_r : since_r + 8'd1;
      end
      if (issue & seg_end & (ci_r == 8'd0)) begin
        stg_free_r[cx_r] <= 1'b1;
      end
      if (start_round & (lr_r == cr_r)) begin
        stg_free_r <= 2'b00;
      end
      if (lstart & (lk_r == 5'd27)) begin
        stg_free_r[lx_r] <= 1'b0;
      end
    end
  end

  assign pend_inc0   = issue & seg_end & ~cx_r;
  assign pend_inc1   = issue & seg_end & cx_r;
  assign seg_written = dwr[21] & dwr[20];
  assign pend_dec0   = seg_written & ~dwr[19];
  assign pend_dec1   = seg_written & dwr[19];

  // Run control, errors, pending segments, unload progress.
  always @(posedge i_clk) begin
    if (i_rst) begin
      running_r <= 1'b0;
      err_r <= 8'd0;
      pend0_r <= 3'd0;
      pend1_r <= 3'd0;
      unl_rounds_r <= 16'd0;
      res_ready_r <= 8'd0;
    end else begin
      if (~running_r) begin
        pend0_r <= 3'd0;
        pend1_r <= 3'd0;
        unl_rounds_r <= 16'd0;
        res_ready_r <= 8'd0;
        if (i_start & (err_r == 8'd0)) begin
          if (h_magic_ok & (h_layers != 8'd0)) begin
            running_r <= 1'b1;
          end else begin
            err_r <= 8'd1;
          end
        end
      end
      if (running_r) begin
        if (~i_start) begin
          running_r <= 1'b0;
        end
        if (bad_op) begin
          err_r <= 8'd2;
          running_r <= 1'b0;
        end
        pend0_r <= pend0_r + {2'd0, pend_inc0} - {2'd0, pend_dec0};
        pend1_r <= pend1_r + {2'd0, pend_inc1} - {2'd0, pend_dec1};
        if (seg_written & (dwr[17:16] == 2'd3)) begin
          res_ready_r <= res_ready_r + 8'd1;
        end
        if (u_round_done) begin
          unl_rounds_r <= unl_rounds_r + 16'd1;
        end
      end
      if (i_prog_we & running_r) begin
        err_r <= 8'd4;
      end
      if (i_clear & ~running_r) begin
        err_r <= 8'd0;
      end
    end
  end

  assign o_running     = running_r;
  assign o_error       = err_r;
  assign o_cycle       = cyc_r;
  assign o_round_start = start_round;
  assign o_idle        = ~in_round_r & ~u_active_r;

  // Tap pipeline registers.
  always @(posedge i_clk) begin
    t1_ctl_r <= {issue, d_mac, grp_start, last_tap, d_in16, tap_in, d_src == 2'd0, d_op == 4'd3};
    t1_zin_r <= d_zin[15:0];
    t1_grp_r <= {seg_end, cx_r, cr_r[0], d_dst, d_mac ? {1'b0, d_rq} : (d_op == 4'd3) ? 3'd4 : 3'd5, 1'b0, n_grp, d_pbase + eff_ch0, eff_obase + (d_mac ? eff_ch0 : cg_r), d_zout, d_amin, d_amax};
    t2_ctl_r <= t1_ctl_r;
    t2_grp_r <= t1_grp_r;
  end

  // Delay line: control at the accumulate stage T3
  always @(posedge i_clk) begin
    t3_ctl_d0_r <= t2_ctl_r;
  end

  assign t3_ctl = t3_ctl_d0_r;

  // Delay line: group information at the capture
  always @(posedge i_clk) begin
    cap_grp_d0_r <= t2_grp_r;
    cap_grp_d1_r <= cap_grp_d0_r;
  end

  assign cap_grp = cap_grp_d1_r;

  // Capture strobe (docs 3.3): the cycle after the last tap's accumulate.
  always @(posedge i_clk) begin
    cap_r <= t3_ctl[7] & t3_ctl[4];
  end

  assign unused_t3 = &{1'b0, t3_ctl[3], t3_ctl[1], t2_ctl_r[7:4], t2_ctl_r[2:0], t1_ctl_r[7:3], t1_ctl_r[0]};

  // Drain sequencer.
  always @(posedge i_clk) begin
    if (i_rst) begin
      dr_active_r <= 1'b0;
    end else if (cap_r) begin
      dr_active_r <= 1'b1;
      dr_j_r <= 7'd0;
      dr_grp_r <= cap_grp;
    end else if (dr_active_r) begin
      dr_j_r <= dr_j_r + 7'd1;
      if (dr_j_r == dr_grp_r[86:80] - 7'd1) begin
        dr_active_r <= 1'b0;
      end
    end
  end

  assign drain_pidx  = dr_grp_r[79:64] + {9'd0, dr_j_r};
  assign drain_lane7 = dr_j_r;
  assign drain_lane  = drain_lane7[2:0];
  assign unused_lane = &{1'b0, drain_lane7[6:3]};
  assign drain_pool  = dr_grp_r[90:88] >= 3'd4;

  // Drain sideband into the requantiser stage R1.
  always @(posedge i_clk) begin
    r1_wr_r <= {dr_active_r, dr_grp_r[95] & (dr_j_r == dr_grp_r[86:80] - 7'd1), dr_grp_r[94], dr_grp_r[93], dr_grp_r[92:91], dr_grp_r[63:48] + {9'd0, dr_j_r}};
    r1_mode_r <= dr_grp_r[90:88];
    r1_zout_r <= dr_grp_r[47:32];
    r1_min_r <= dr_grp_r[31:16];
    r1_max_r <= dr_grp_r[15:0];
  end

  // Delay line: write sideband in the write cycle
  always @(posedge i_clk) begin
    dwr_d0_r <= r1_wr_r;
    dwr_d1_r <= dwr_d0_r;
    dwr_d2_r <= dwr_d1_r;
    dwr_d3_r <= dwr_d2_r;
  end

  assign dwr        = dwr_d3_r;
  assign act_we     = dwr[21] & (dwr[17:16] != 2'd3);
  assign res_we     = dwr[21] & (dwr[17:16] == 2'd3);
  assign act_waddr  = {dwr[19], dwr[17:16] == 2'd2, dwr[7:0]};
  assign res_waddr  = {dwr[19], dwr[18], dwr[3:0]};
  assign unused_dwr = &{1'b0, dwr, dr_grp_r};
  assign in_used    = in_wp_r - in_rp_r;
  assign in_room    = (({5'd0, in_used} + {2'd0, h_n}) <= 18'd4096) & ((in_twp_r - in_trp_r) < 7'd64);
  assign in_accept  = i_in_valid & (in_first_r ? in_room : ~in_drop_r);
  assign in_empty   = in_cnt_r == 7'd0;
  assign o_in_room  = in_room;
  assign o_in_empty = in_empty;

  // Input FIFO samples.
  // 4096 x [15:0] synchronous-read memory, registered read data (infers block RAM).
  reg [15:0] inq [0:4095];
  reg [15:0] inq_rdata_r;

  always @(posedge i_clk) begin
    if (in_accept) begin
      inq[in_wp_r[11:0]] <= i_in_data;
    end
    inq_rdata_r <= inq[in_rp_r[11:0]];
  end

  // Input FIFO tags, one per window.
  // 64 x [7:0] synchronous-read memory, registered read data (infers block RAM).
  reg [7:0] intag [0:63];
  reg [7:0] intag_rdata_r;

  always @(posedge i_clk) begin
    if (in_accept & in_first_r) begin
      intag[in_twp_r[5:0]] <= i_in_tag;
    end
    intag_rdata_r <= intag[in_trp_r[5:0]];
  end

  // Input FIFO push side and pointers.
  always @(posedge i_clk) begin
    if (i_rst) begin
      in_wp_r <= 13'd0;
      in_rp_r <= 13'd0;
      in_twp_r <= 7'd0;
      in_trp_r <= 7'd0;
      in_cnt_r <= 7'd0;
      in_first_r <= 1'b1;
      in_drop_r <= 1'b0;
    end else begin
      if (i_in_valid) begin
        in_first_r <= i_in_last;
        if (in_first_r) begin
          in_drop_r <= ~in_room & ~i_in_last;
        end
      end
      if (in_accept) begin
        in_wp_r <= in_wp_r + 13'd1;
      end
      if (in_accept & in_first_r) begin
        in_twp_r <= in_twp_r + 7'd1;
      end
      if (feed) begin
        in_rp_r <= in_rp_r + 13'd1;
      end
      if (lstart) begin
        in_trp_r <= in_trp_r + 7'd1;
      end
      in_cnt_r <= in_cnt_r + {6'd0, in_accept & i_in_last} - {6'd0, lstart};
    end
  end

  assign lstart  = running_r & ~feeding_r & ~in_empty & stg_free_r[lx_r];
  assign feed    = lstart | feeding_r;
  assign f_j     = lstart ? 16'd0 : fj_r;
  assign f_ch    = lstart ? 16'd0 : fch_r;
  assign f_ctx   = lstart ? lx_r : fctx_r;
  assign f_pe    = lstart ? lk_r : fpe_r;
  assign f_lastw = f_j == h_n - 16'd1;
  assign in_pidx = h_pbase + f_ch;
  assign lr_next = lr_r + 16'd1;

  // Loader state, slot counts and staged-window counts.
  always @(posedge i_clk) begin
    if (i_rst | ~running_r) begin
      feeding_r <= 1'b0;
      fj_r <= 16'd0;
      fch_r <= 16'd0;
      fctx_r <= 1'b0;
      fpe_r <= 5'd0;
      lr_r <= 16'd0;
      lx_r <= 1'b0;
      lk_r <= 5'd0;
      vis0_r <= 6'd0;
      vis1_r <= 6'd0;
      slot_push_r <= 1'b0;
      slotcnt_r[0] <= 6'd0;
      slotcnt_r[1] <= 6'd0;
      slotcnt_r[2] <= 6'd0;
      slotcnt_r[3] <= 6'd0;
      slotcnt_r[4] <= 6'd0;
      slotcnt_r[5] <= 6'd0;
      slotcnt_r[6] <= 6'd0;
      slotcnt_r[7] <= 6'd0;
    end else begin
      slot_push_r <= lstart;
      if (feed) begin
        feeding_r <= ~f_lastw;
        fj_r <= f_j + 16'd1;
        fch_r <= (f_ch == h_inch - 16'd1) ? 16'd0 : f_ch + 16'd1;
        fctx_r <= f_ctx;
        fpe_r <= f_pe;
      end
      if (lstart) begin
        slotcnt_r[{lr_r[1:0], lx_r}] <= {1'd0, lk_r} + 6'd1;
        if (lk_r == 5'd27) begin
          lk_r <= 5'd0;
          lx_r <= ~lx_r;
          if (lx_r) begin
            lr_r <= lr_next;
            slotcnt_r[{lr_next[1:0], 1'b0}] <= 6'd0;
            slotcnt_r[{lr_next[1:0], 1'b1}] <= 6'd0;
          end
        end else begin
          lk_r <= lk_r + 5'd1;
        end
      end
      if (start_round & (lr_r == cr_r)) begin
        lr_r <= lr_next;
        lx_r <= 1'b0;
        lk_r <= 5'd0;
        slotcnt_r[{lr_next[1:0], 1'b0}] <= 6'd0;
        slotcnt_r[{lr_next[1:0], 1'b1}] <= 6'd0;
      end
      if (start_round) begin
        vis0_r <= 6'd0;
        vis1_r <= 6'd0;
      end else if (insb[23] & insb[22]) begin
        if (insb[21]) begin
          vis1_r <= vis1_r + 6'd1;
        end else begin
          vis0_r <= vis0_r + 6'd1;
        end
      end
    end
  end

  // Input-stage sideband, stage R1.
  always @(posedge i_clk) begin
    in1_r <= {feed, f_lastw, f_ctx, f_pe, f_j};
  end

  // Delay line: input-stage sideband in the staging write cycle
  always @(posedge i_clk) begin
    insb_d0_r <= in1_r;
    insb_d1_r <= insb_d0_r;
  end

  assign insb    = insb_d1_r;
  assign in_busy = in1_r[23] | insb_d0_r[23] | insb_d1_r[23];

  // Input-stage mode: DOUBLE or SINGLE with an input stage, else RAW (values pass unchanged).
  always @(posedge i_clk) begin
    in_mode_r <= ~h_instage ? 3'd3 : h_single ? 3'd1 : 3'd0;
  end

  // Input stage (docs 3.5, 4.5): clamp(z_in + MBQM(code - baseline)) to the input width.
  pdl_accel_requant_in u_input_stage (
    .i_clk      (i_clk),
    .i_mode     (in_mode_r),
    .i_value    ({{48{inq_rdata_r[15]}}, inq_rdata_r}),
    .i_bias     ((in_mode_r == 3'd3) ? 64'd0 : {pi1_rdata_r, pi0_rdata_r}),
    .i_m        (pi2_rdata_r),
    .i_shr      (pi3_rdata_r[5:0]),
    .i_shl      (pi3_rdata_r[12:8]),
    .i_count    (5'd0),
    .i_zout     (h_zin),
    .i_min      (h_in16 ? 16'h8000 : 16'hff80),
    .i_max      (h_in16 ? 16'h7fff : 16'h007f),
    .o_value    (in_value),
    .o_clamp_lo (in_clamp_lo),
    .o_clamp_hi (in_clamp_hi)
  );

  assign stg_wdata    = in_value[15:0];
  assign unused_in    = &{1'b0, in_value, in_clamp_lo, in_clamp_hi, pi3_rdata_r[31:13], pi3_rdata_r[7:6]};
  assign rec_diff     = res_ready_r - urec_r;
  assign u_ready      = ~rec_diff[7] & (rec_diff != 8'd0);
  assign u_go         = u_active_r | (running_r & u_ready);
  assign u_push       = u_go & ~res_full;
  assign u_w          = u_active_r ? uw_r : 17'd0;
  assign u_lane       = u_active_r ? ulane_r : 5'd0;
  assign u_cnt        = slotcnt_r[urec_r[2:0]];
  assign u_cnt_b      = slotcnt_r[{urec_r[2:1], 1'b1}];
  assign u_win_done   = u_push & (u_w == h_words - 17'd1);
  assign u_rec_done   = u_win_done & ({1'd0, u_lane} == u_cnt - 6'd1);
  assign u_round_done = u_rec_done & (urec_r[0] | (u_cnt_b == 6'd0));
  assign u_next_w     = u_push ? u_w + 17'd1 : u_w;
  assign u_k          = h_wide ? (u_next_w - 17'd1) >> 1 : u_next_w - 17'd1;
  assign res_raddr    = {urec_r[0], urec_r[1], u_k[3:0]};

  // PE select of the unloader.
  always @* begin
    case (u_lane)
      5'd0:    u_data_sel = pe_res_all[63:0];
      5'd1:    u_data_sel = pe_res_all[127:64];
      5'd2:    u_data_sel = pe_res_all[191:128];
      5'd3:    u_data_sel = pe_res_all[255:192];
      5'd4:    u_data_sel = pe_res_all[319:256];
      5'd5:    u_data_sel = pe_res_all[383:320];
      5'd6:    u_data_sel = pe_res_all[447:384];
      5'd7:    u_data_sel = pe_res_all[511:448];
      5'd8:    u_data_sel = pe_res_all[575:512];
      5'd9:    u_data_sel = pe_res_all[639:576];
      5'd10:   u_data_sel = pe_res_all[703:640];
      5'd11:   u_data_sel = pe_res_all[767:704];
      5'd12:   u_data_sel = pe_res_all[831:768];
      5'd13:   u_data_sel = pe_res_all[895:832];
      5'd14:   u_data_sel = pe_res_all[959:896];
      5'd15:   u_data_sel = pe_res_all[1023:960];
      5'd16:   u_data_sel = pe_res_all[1087:1024];
      5'd17:   u_data_sel = pe_res_all[1151:1088];
      5'd18:   u_data_sel = pe_res_all[1215:1152];
      5'd19:   u_data_sel = pe_res_all[1279:1216];
      5'd20:   u_data_sel = pe_res_all[1343:1280];
      5'd21:   u_data_sel = pe_res_all[1407:1344];
      5'd22:   u_data_sel = pe_res_all[1471:1408];
      5'd23:   u_data_sel = pe_res_all[1535:1472];
      5'd24:   u_data_sel = pe_res_all[1599:1536];
      5'd25:   u_data_sel = pe_res_all[1663:1600];
      5'd26:   u_data_sel = pe_res_all[1727:1664];
      5'd27:   u_data_sel = pe_res_all[1791:1728];
      default: u_data_sel = 64'd0;
    endcase
  end

  assign u_data = u_data_sel;

  // Slot tags: the tag of each loaded window, in arrival order, for its result header.
  // 256 x [7:0] synchronous-read memory, registered read address (infers block RAM).
  reg  [7:0] slottag [0:255];
  reg  [7:0] slottag_raddr_r;
  wire [7:0] slottag_rdata;

  always @(posedge i_clk) begin
    if (slot_push_r) begin
      slottag[st_wp_r[7:0]] <= intag_rdata_r;
    end
    slottag_raddr_r <= u_win_done ? st_rp_r[7:0] + 8'd1 : st_rp_r[7:0];
  end

  assign slottag_rdata = slottag[slottag_raddr_r];

  assign u_word = (u_w == 17'd0) ? {8'ha5, slottag_rdata, useq_r} : (h_wide & ~u_w[0]) ? u_data[63:32] : u_data[31:0];

  // Unloader state.
  always @(posedge i_clk) begin
    if (i_rst | ~running_r) begin
      u_active_r <= 1'b0;
      urec_r <= 8'd0;
      ulane_r <= 5'd0;
      uw_r <= 17'd0;
      useq_r <= 16'd0;
    end else if (u_go) begin
      u_active_r <= ~u_rec_done;
      uw_r <= u_win_done ? 17'd0 : u_next_w;
      ulane_r <= u_rec_done ? 5'd0 : u_win_done ? u_lane + 5'd1 : u_lane;
      if (u_win_done) begin
        useq_r <= useq_r + 16'd1;
      end
      if (u_rec_done) begin
        urec_r <= (~urec_r[0] & (u_cnt_b == 6'd0)) ? urec_r + 8'd2 : urec_r + 8'd1;
      end
    end
  end

  // Slot-tag FIFO pointers (kept while stopped, reset with the state).
  always @(posedge i_clk) begin
    if (i_rst | ~running_r) begin
      st_wp_r <= 9'd0;
      st_rp_r <= 9'd0;
    end else begin
      if (slot_push_r) begin
        st_wp_r <= st_wp_r + 9'd1;
      end
      if (u_win_done) begin
        st_rp_r <= st_rp_r + 9'd1;
      end
    end
  end

  assign res_level = rq_wp_r - rq_rp_r;
  assign res_full  = res_level >= 11'd1024;
  assign res_pop   = i_res_pop & (res_level != 11'd0);

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
  assign stg_we      = insb[23];
  assign stg_waddr   = {insb[21], insb[5:0]};
  assign unused_sb   = &{1'b0, insb};

  // P processing elements, one window each, in lockstep.
  genvar g;
  generate
    for (g = 0; g < 28; g = g + 1) begin : g_pe
      pdl_accel_pe u_pe (
        .i_clk        (i_clk),
        .i_stg_raddr  (stg_raddr),
        .i_act_raddr  (act_raddr),
        .i_t1_inside  (t1_ctl_r[2]),
        .i_t1_src_stg (t1_ctl_r[1]),
        .i_t1_zin     (t1_zin_r),
        .i_w          (wb_r),
        .i_t2_in16    (t2_ctl_r[3]),
        .i_acc_mac    (t3_ctl[7] & t3_ctl[6]),
        .i_acc_pool   (t3_ctl[7] & ~t3_ctl[6]),
        .i_acc_first  (t3_ctl[5]),
        .i_acc_real   (t3_ctl[2]),
        .i_pool_max   (t3_ctl[0]),
        .i_capture    (cap_r),
        .i_drain_lane (drain_lane),
        .i_drain_pool (drain_pool),
        .i_rq_mode    (r1_mode_r),
        .i_rq_bias    ({pd1_rdata_r, pd0_rdata_r}),
        .i_rq_m       (pd2_rdata_r),
        .i_rq_shr     (pd3_rdata_r[5:0]),
        .i_rq_shl     (pd3_rdata_r[12:8]),
        .i_rq_zout    (r1_zout_r),
        .i_rq_min     (r1_min_r),
        .i_rq_max     (r1_max_r),
        .i_act_we     (act_we),
        .i_act_waddr  (act_waddr),
        .i_res_we     (res_we),
        .i_res_waddr  (res_waddr),
        .i_stg_we     (stg_we & (insb[20:16] == g)),
        .i_stg_waddr  (stg_waddr),
        .i_stg_wdata  (stg_wdata),
        .i_res_raddr  (res_raddr),
        .o_res_rdata  (pe_res_all[64*g +: 64]),
        .o_clamp_lo   (pe_clamp_lo[g]),
        .o_clamp_hi   (pe_clamp_hi[g])
      );
    end
  endgenerate

  assign unused_pd = &{1'b0, pd3_rdata_r[31:13], pd3_rdata_r[7:6]};

  // Status and error counters (docs 4.7); CTRL.clear resets them.
  always @(posedge i_clk) begin
    if (i_rst | i_clear) begin
      cnt_win_in_r <= 32'd0;
      cnt_win_out_r <= 32'd0;
      cnt_rounds_r <= 32'd0;
      cnt_busy_r <= 32'd0;
      cnt_idle_r <= 32'd0;
      cnt_drops_r <= 32'd0;
      cnt_stalls_r <= 32'd0;
      cnt_clamp_lo_r <= 32'd0;
      cnt_clamp_hi_r <= 32'd0;
    end else begin
      if (in_accept & i_in_last) begin
        cnt_win_in_r <= cnt_win_in_r + 32'd1;
      end
      if (u_win_done) begin
        cnt_win_out_r <= cnt_win_out_r + 32'd1;
      end
      if (start_round) begin
        cnt_rounds_r <= cnt_rounds_r + 32'd1;
      end
      if (in_round_r) begin
        cnt_busy_r <= cnt_busy_r + 32'd1;
      end
      if (in_round_r & ~issue) begin
        cnt_idle_r <= cnt_idle_r + 32'd1;
      end
      if (i_in_valid & in_first_r & ~in_room) begin
        cnt_drops_r <= cnt_drops_r + 32'd1;
      end
      if (u_go & res_full) begin
        cnt_stalls_r <= cnt_stalls_r + 32'd1;
      end
      if (dwr[21] & (|pe_clamp_lo)) begin
        cnt_clamp_lo_r <= cnt_clamp_lo_r + 32'd1;
      end
      if (dwr[21] & (|pe_clamp_hi)) begin
        cnt_clamp_hi_r <= cnt_clamp_hi_r + 32'd1;
      end
    end
  end

  assign o_windows_in    = cnt_win_in_r;
  assign o_windows_out   = cnt_win_out_r;
  assign o_rounds        = cnt_rounds_r;
  assign o_busy_cycles   = cnt_busy_r;
  assign o_idle_issue    = cnt_idle_r;
  assign o_input_drops   = cnt_drops_r;
  assign o_result_stalls = cnt_stalls_r;
  assign o_clamp_low     = cnt_clamp_lo_r;
  assign o_clamp_high    = cnt_clamp_hi_r;
  assign unused_misc     = &{1'b0, d_zin, drain_pidx, in_pidx, eff_wa, u_k, res_level};

endmodule

`default_nettype wire
