// Generated file - do not edit; regenerate it instead.
// Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
// Tool: pulsedl hls-gen 0.1.0
// Input hash: sha256:6f6d43a536fa6f713ee73c425b02b295f54faaececcdb7d6cf270faf8859580a

`default_nettype none

// pdl_accel_program: descriptor memory with header and layer decode, parameter table, weight memory; docs/accelerator.md sections 4.1-4.3.
// Written and read back only while stopped (i_running low); the descriptor memory reads asynchronously.
// o_prog_rdata: the word at i_prog_sel/i_prog_addr of the cycle before (0 while running).
module pdl_accel_program (
  input  wire        i_clk,           // clock
  input  wire        i_running,       // the array streams: program writes are refused
  input  wire        i_prog_we,       // program write (32-bit word)
  input  wire [1:0]  i_prog_sel,      // 0 descriptors, 1 parameter table, 2 weight memory
  input  wire [19:0] i_prog_addr,     // word index within the selected memory
  input  wire [31:0] i_prog_wdata,    // program write data
  output wire [31:0] o_prog_rdata,    // program word read back: i_prog_sel/i_prog_addr of the cycle before, 0 while running
  input  wire [7:0]  i_layer,         // controller: the current layer (descriptor line layer + 1)
  input  wire [10:0] i_weight_addr,   // controller T0: weight word of the tap
  input  wire [8:0]  i_drain_param,   // drain S1: parameter entry of the drained channel
  input  wire [8:0]  i_input_param,   // loader: parameter entry of the input sample's channel
  output wire        o_hdr_magic_ok,  // h0 is the magic word
  output wire [7:0]  o_hdr_layers,    // descriptors
  output wire [15:0] o_hdr_n,         // input values per window
  output wire [15:0] o_hdr_inch,      // input channels
  output wire [16:0] o_hdr_words,     // result words per window
  output wire        o_hdr_wide,      // two words per output
  output wire        o_hdr_instage,   // input stage enabled
  output wire        o_hdr_in16,      // input is int16
  output wire        o_hdr_single,    // input stage rounds SINGLE
  output wire [15:0] o_hdr_zin,       // input zero point
  output wire [15:0] o_hdr_pbase,     // first input-stage parameter entry
  output wire [3:0]  o_desc_op,       // layer: opcode
  output wire [1:0]  o_desc_src,      // layer: source buffer
  output wire [1:0]  o_desc_dst,      // layer: destination buffer
  output wire        o_desc_in16,     // layer: int16 input
  output wire [1:0]  o_desc_rq,       // layer: requantiser mode
  output wire [15:0] o_desc_inlen,    // layer: in_len
  output wire [15:0] o_desc_inch,     // layer: in_ch
  output wire [15:0] o_desc_outlen,   // layer: out_len
  output wire [15:0] o_desc_outch,    // layer: out_ch
  output wire [7:0]  o_desc_k,        // layer: kernel / pool size
  output wire [7:0]  o_desc_s,        // layer: stride
  output wire [7:0]  o_desc_pad,      // layer: pad_left
  output wire [23:0] o_desc_wbase,    // layer: weight base
  output wire [15:0] o_desc_pbase,    // layer: parameter base
  output wire [15:0] o_desc_groups,   // layer: lane groups
  output wire [15:0] o_desc_zin,      // layer: input zero point
  output wire [15:0] o_desc_zout,     // layer: output zero point
  output wire [15:0] o_desc_amin,     // layer: act_min
  output wire [15:0] o_desc_amax,     // layer: act_max
  output wire [63:0] o_rq_bias,       // drain S1: folded bias (p1:p0)
  output wire [31:0] o_rq_m,          // drain S1: multiplier (p2)
  output wire [5:0]  o_rq_shr,        // drain S1: right shift (p3[5:0])
  output wire [4:0]  o_rq_shl,        // drain S1: left shift (p3[12:8])
  output wire [63:0] o_input_bias,    // input stage: folded bias (p1:p0)
  output wire [31:0] o_input_m,       // input stage: multiplier (p2)
  output wire [5:0]  o_input_shr,     // input stage: right shift (p3[5:0])
  output wire [4:0]  o_input_shl,     // input stage: left shift (p3[12:8])
  output wire [63:0] o_weights        // T2: the tap's weight word, lane u in bits 8u+7:8u
);

  wire prog_ok;  // a program write is accepted

  reg [31:0] desc0_r [0:32];  // descriptor word w0 (line 0: header h0)
  reg [31:0] desc1_r [0:32];  // descriptor word w1 (line 0: header h1)
  reg [31:0] desc2_r [0:32];  // descriptor word w2 (line 0: header h2)
  reg [31:0] desc3_r [0:32];  // descriptor word w3 (line 0: header h3)
  reg [31:0] desc4_r [0:32];  // descriptor word w4 (line 0: header h4)
  reg [31:0] desc5_r [0:32];  // descriptor word w5 (line 0: header h5)
  reg [31:0] desc6_r [0:32];  // descriptor word w6 (line 0: header h6)
  reg [31:0] desc7_r [0:32];  // descriptor word w7 (line 0: header h7)

  // Program header (line 0), docs 4.1.
  wire [16:0] hn_ua;        // multiplicand, zero-extended (the Booth rows take it signed)
  wire [15:0] hn_ub;        // multiplier
  wire [15:0] hn_p;         // in_len * in_ch (mod 2^16)
  wire [15:0] hdr_outputs;  // outputs per window
  wire [5:0]  dline;        // descriptor line of the current layer
  wire        unused_desc;  // descriptor bits no unit needs, layer-index bits above the memory
  wire        unused_pd;    // parameter bits without a function
  wire        unused_pi;    // parameter bits without a function
  wire [19:0] wt_line;      // weight-memory word of a CPU write
  wire [19:0] wt_bank;      // 32-bit bank of a CPU write
  wire        unused_prog;  // program address bits above the memories

  reg [63:0] wb_r;  // T1: weight word broadcast register (used at T2)

  // Program read-back (docs 4.7): the word addressed in the cycle before.
  reg [1:0]  rb_sel_r;   // read-back: memory of the request
  reg [19:0] rb_addr_r;  // read-back: word index of the request
  reg [19:0] rb_bank_r;  // read-back: weight bank of the request
  reg        rb_ok_r;    // read-back: the request came while stopped

  wire [31:0] rb_d0;  // descriptor word w0 of the read-back line
  wire [31:0] rb_d1;  // descriptor word w1 of the read-back line
  wire [31:0] rb_d2;  // descriptor word w2 of the read-back line
  wire [31:0] rb_d3;  // descriptor word w3 of the read-back line
  wire [31:0] rb_d4;  // descriptor word w4 of the read-back line
  wire [31:0] rb_d5;  // descriptor word w5 of the read-back line
  wire [31:0] rb_d6;  // descriptor word w6 of the read-back line
  wire [31:0] rb_d7;  // descriptor word w7 of the read-back line

  reg [31:0] rb_desc;    // descriptor word read back
  reg [31:0] rb_param;   // parameter word read back
  reg [31:0] rb_weight;  // weight word read back

  wire unused_rb;  // read-back address bits above the memories

  assign prog_ok = i_prog_we & ~i_running;

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

  assign hn_ua = {1'b0, desc2_r[0][31:16]};
  assign hn_ub = desc2_r[0][15:0];

  // Simulation speed under Verilator (docs/performance.md): the rows below as one multiply.
  // Equal to the rows by the descriptor products' proof (hls-gen DescriptorProductFormalCiTest).
  // Synthesis (Yosys, Vivado), Icarus and the formal proofs do not define VERILATOR: they read the rows.
  `ifdef VERILATOR

  wire [15:0] hn_s8;  // the rows' partial sum, as one multiply

  assign hn_s8 = hn_ua[15:0] * hn_ub;

  wire unused_hn_rows;  // the rows' inputs Verilator does not read

  assign unused_hn_rows = &{1'b0, hn_ua, hn_ub};

  `else

  wire [15:0] hn_s0;  // multiplier row 0: hn_ub[0] * hn_ua

  assign hn_s0 = {16{hn_ub[0]}} & hn_ua[15:0];

  wire [17:0] hn_a2;  // hn_ua, sign-extended by one bit

  assign hn_a2 = {{1{hn_ua[16]}}, hn_ua};

  wire        hn_one1;  // digit 0 is +-1
  wire        hn_two1;  // digit 0 is +-2
  wire        hn_neg1;  // digit 0 is negative
  wire [17:0] hn_r1;    // row 1: |digit| * hn_ua, inverted when negative
  wire [15:0] hn_d1;    // row 1: 2 * (upper sum + row) + 1
  wire [15:0] hn_s1;    // partial product after row 1

  assign hn_one1 = hn_ub[1] ^ 1'b0;
  assign hn_two1 = hn_ub[2] ? (~hn_ub[1] & ~1'b0) : (hn_ub[1] & 1'b0);
  assign hn_neg1 = hn_ub[2] & ~(hn_ub[1] & 1'b0);
  assign hn_r1   = ({18{hn_one1}} & hn_a2 | {18{hn_two1}} & {hn_ua, 1'b0}) ^ {18{hn_neg1}};
  assign hn_d1   = {hn_s0[15:1], hn_neg1} - {~hn_r1[14:0], 1'b1};
  assign hn_s1   = {hn_d1[15:1], hn_s0[0:0]};

  wire        hn_one2;  // digit 1 is +-1
  wire        hn_two2;  // digit 1 is +-2
  wire        hn_neg2;  // digit 1 is negative
  wire [17:0] hn_r2;    // row 2: |digit| * hn_ua, inverted when negative
  wire [13:0] hn_d2;    // row 2: 2 * (upper sum + row) + 1
  wire [15:0] hn_s2;    // partial product after row 2

  assign hn_one2 = hn_ub[3] ^ hn_ub[2];
  assign hn_two2 = hn_ub[4] ? (~hn_ub[3] & ~hn_ub[2]) : (hn_ub[3] & hn_ub[2]);
  assign hn_neg2 = hn_ub[4] & ~(hn_ub[3] & hn_ub[2]);
  assign hn_r2   = ({18{hn_one2}} & hn_a2 | {18{hn_two2}} & {hn_ua, 1'b0}) ^ {18{hn_neg2}};
  assign hn_d2   = {hn_s1[15:3], hn_neg2} - {~hn_r2[12:0], 1'b1};
  assign hn_s2   = {hn_d2[13:1], hn_s1[2:0]};

  wire        hn_one3;  // digit 2 is +-1
  wire        hn_two3;  // digit 2 is +-2
  wire        hn_neg3;  // digit 2 is negative
  wire [17:0] hn_r3;    // row 3: |digit| * hn_ua, inverted when negative
  wire [11:0] hn_d3;    // row 3: 2 * (upper sum + row) + 1
  wire [15:0] hn_s3;    // partial product after row 3

  assign hn_one3 = hn_ub[5] ^ hn_ub[4];
  assign hn_two3 = hn_ub[6] ? (~hn_ub[5] & ~hn_ub[4]) : (hn_ub[5] & hn_ub[4]);
  assign hn_neg3 = hn_ub[6] & ~(hn_ub[5] & hn_ub[4]);
  assign hn_r3   = ({18{hn_one3}} & hn_a2 | {18{hn_two3}} & {hn_ua, 1'b0}) ^ {18{hn_neg3}};
  assign hn_d3   = {hn_s2[15:5], hn_neg3} - {~hn_r3[10:0], 1'b1};
  assign hn_s3   = {hn_d3[11:1], hn_s2[4:0]};

  wire        hn_one4;  // digit 3 is +-1
  wire        hn_two4;  // digit 3 is +-2
  wire        hn_neg4;  // digit 3 is negative
  wire [17:0] hn_r4;    // row 4: |digit| * hn_ua, inverted when negative
  wire [9:0]  hn_d4;    // row 4: 2 * (upper sum + row) + 1
  wire [15:0] hn_s4;    // partial product after row 4

  assign hn_one4 = hn_ub[7] ^ hn_ub[6];
  assign hn_two4 = hn_ub[8] ? (~hn_ub[7] & ~hn_ub[6]) : (hn_ub[7] & hn_ub[6]);
  assign hn_neg4 = hn_ub[8] & ~(hn_ub[7] & hn_ub[6]);
  assign hn_r4   = ({18{hn_one4}} & hn_a2 | {18{hn_two4}} & {hn_ua, 1'b0}) ^ {18{hn_neg4}};
  assign hn_d4   = {hn_s3[15:7], hn_neg4} - {~hn_r4[8:0], 1'b1};
  assign hn_s4   = {hn_d4[9:1], hn_s3[6:0]};

  wire        hn_one5;  // digit 4 is +-1
  wire        hn_two5;  // digit 4 is +-2
  wire        hn_neg5;  // digit 4 is negative
  wire [17:0] hn_r5;    // row 5: |digit| * hn_ua, inverted when negative
  wire [7:0]  hn_d5;    // row 5: 2 * (upper sum + row) + 1
  wire [15:0] hn_s5;    // partial product after row 5

  assign hn_one5 = hn_ub[9] ^ hn_ub[8];
  assign hn_two5 = hn_ub[10] ? (~hn_ub[9] & ~hn_ub[8]) : (hn_ub[9] & hn_ub[8]);
  assign hn_neg5 = hn_ub[10] & ~(hn_ub[9] & hn_ub[8]);
  assign hn_r5   = ({18{hn_one5}} & hn_a2 | {18{hn_two5}} & {hn_ua, 1'b0}) ^ {18{hn_neg5}};
  assign hn_d5   = {hn_s4[15:9], hn_neg5} - {~hn_r5[6:0], 1'b1};
  assign hn_s5   = {hn_d5[7:1], hn_s4[8:0]};

  wire        hn_one6;  // digit 5 is +-1
  wire        hn_two6;  // digit 5 is +-2
  wire        hn_neg6;  // digit 5 is negative
  wire [17:0] hn_r6;    // row 6: |digit| * hn_ua, inverted when negative
  wire [5:0]  hn_d6;    // row 6: 2 * (upper sum + row) + 1
  wire [15:0] hn_s6;    // partial product after row 6

  assign hn_one6 = hn_ub[11] ^ hn_ub[10];
  assign hn_two6 = hn_ub[12] ? (~hn_ub[11] & ~hn_ub[10]) : (hn_ub[11] & hn_ub[10]);
  assign hn_neg6 = hn_ub[12] & ~(hn_ub[11] & hn_ub[10]);
  assign hn_r6   = ({18{hn_one6}} & hn_a2 | {18{hn_two6}} & {hn_ua, 1'b0}) ^ {18{hn_neg6}};
  assign hn_d6   = {hn_s5[15:11], hn_neg6} - {~hn_r6[4:0], 1'b1};
  assign hn_s6   = {hn_d6[5:1], hn_s5[10:0]};

  wire        hn_one7;  // digit 6 is +-1
  wire        hn_two7;  // digit 6 is +-2
  wire        hn_neg7;  // digit 6 is negative
  wire [17:0] hn_r7;    // row 7: |digit| * hn_ua, inverted when negative
  wire [3:0]  hn_d7;    // row 7: 2 * (upper sum + row) + 1
  wire [15:0] hn_s7;    // partial product after row 7

  assign hn_one7 = hn_ub[13] ^ hn_ub[12];
  assign hn_two7 = hn_ub[14] ? (~hn_ub[13] & ~hn_ub[12]) : (hn_ub[13] & hn_ub[12]);
  assign hn_neg7 = hn_ub[14] & ~(hn_ub[13] & hn_ub[12]);
  assign hn_r7   = ({18{hn_one7}} & hn_a2 | {18{hn_two7}} & {hn_ua, 1'b0}) ^ {18{hn_neg7}};
  assign hn_d7   = {hn_s6[15:13], hn_neg7} - {~hn_r7[2:0], 1'b1};
  assign hn_s7   = {hn_d7[3:1], hn_s6[12:0]};

  wire        hn_one8;  // digit 7 is +-1
  wire        hn_two8;  // digit 7 is +-2
  wire        hn_neg8;  // digit 7 is negative
  wire [17:0] hn_r8;    // row 8: |digit| * hn_ua, inverted when negative
  wire [1:0]  hn_d8;    // row 8: 2 * (upper sum + row) + 1
  wire [15:0] hn_s8;    // partial product after row 8

  assign hn_one8 = hn_ub[15] ^ hn_ub[14];
  assign hn_two8 = 1'b0 ? (~hn_ub[15] & ~hn_ub[14]) : (hn_ub[15] & hn_ub[14]);
  assign hn_neg8 = 1'b0 & ~(hn_ub[15] & hn_ub[14]);
  assign hn_r8   = ({18{hn_one8}} & hn_a2 | {18{hn_two8}} & {hn_ua, 1'b0}) ^ {18{hn_neg8}};
  assign hn_d8   = {hn_s7[15:15], hn_neg8} - {~hn_r8[0:0], 1'b1};
  assign hn_s8   = {hn_d8[1:1], hn_s7[14:0]};

  wire unused_hn_rows;  // row LSBs (always 1) and row bits above the product

  assign unused_hn_rows = &{1'b0, hn_d1[0], hn_r1[17:15], hn_d2[0], hn_r2[17:13], hn_d3[0], hn_r3[17:11], hn_d4[0], hn_r4[17:9], hn_d5[0], hn_r5[17:7], hn_d6[0], hn_r6[17:5], hn_d7[0], hn_r7[17:3], hn_d8[0], hn_r8[17:1]};

  `endif

  assign hn_p           = hn_s8;
  assign o_hdr_magic_ok = desc0_r[0] == 32'h50444c01;
  assign o_hdr_layers   = desc1_r[0][7:0];
  assign o_hdr_n        = hn_p;
  assign o_hdr_inch     = desc2_r[0][31:16];
  assign hdr_outputs    = desc4_r[0][15:0];
  assign o_hdr_wide     = desc4_r[0][16];
  assign o_hdr_words    = 17'd2 + (o_hdr_wide ? {hdr_outputs, 1'b0} : {1'b0, hdr_outputs});
  assign o_hdr_instage  = desc1_r[0][8];
  assign o_hdr_in16     = desc1_r[0][9];
  assign o_hdr_single   = desc1_r[0][10];
  assign o_hdr_zin      = desc3_r[0][15:0];
  assign o_hdr_pbase    = desc3_r[0][31:16];
  assign dline          = i_layer[5:0] + 6'd1;
  assign o_desc_op      = desc0_r[dline][3:0];
  assign o_desc_src     = desc0_r[dline][5:4];
  assign o_desc_dst     = desc0_r[dline][7:6];
  assign o_desc_in16    = desc0_r[dline][8];
  assign o_desc_rq      = desc0_r[dline][11:10];
  assign o_desc_inlen   = desc1_r[dline][15:0];
  assign o_desc_inch    = desc1_r[dline][31:16];
  assign o_desc_outlen  = desc2_r[dline][15:0];
  assign o_desc_outch   = desc2_r[dline][31:16];
  assign o_desc_k       = desc3_r[dline][7:0];
  assign o_desc_s       = desc3_r[dline][15:8];
  assign o_desc_pad     = desc3_r[dline][23:16];
  assign o_desc_wbase   = desc4_r[dline][23:0];
  assign o_desc_pbase   = desc5_r[dline][15:0];
  assign o_desc_groups  = desc5_r[dline][31:16];
  assign o_desc_zin     = desc6_r[dline][15:0];
  assign o_desc_zout    = desc6_r[dline][31:16];
  assign o_desc_amin    = desc7_r[dline][15:0];
  assign o_desc_amax    = desc7_r[dline][31:16];
  assign unused_desc    = &{1'b0, desc0_r[dline][31:9], desc4_r[dline][31:24], desc3_r[dline][31:24], desc1_r[0][31:11], desc4_r[0][31:17], desc5_r[0], desc6_r[0], desc7_r[0], desc0_r[0], desc4_r[dline], i_layer[7:6]};

  // Parameter table word p0, drain copy (docs 4.3).
  // 512 x [31:0] synchronous-read memory, registered read data (infers block RAM).
  reg [31:0] pd0 [0:511];
  reg [31:0] pd0_rdata_r;

  always @(posedge i_clk) begin
    if (prog_ok && i_prog_sel == 2'd1 && i_prog_addr[1:0] == 2'd0) begin
      pd0[i_prog_addr[10:2]] <= i_prog_wdata;
    end
    pd0_rdata_r <= pd0[i_running ? i_drain_param : i_prog_addr[10:2]];
  end

  // Parameter table word p1, drain copy (docs 4.3).
  // 512 x [31:0] synchronous-read memory, registered read data (infers block RAM).
  reg [31:0] pd1 [0:511];
  reg [31:0] pd1_rdata_r;

  always @(posedge i_clk) begin
    if (prog_ok && i_prog_sel == 2'd1 && i_prog_addr[1:0] == 2'd1) begin
      pd1[i_prog_addr[10:2]] <= i_prog_wdata;
    end
    pd1_rdata_r <= pd1[i_running ? i_drain_param : i_prog_addr[10:2]];
  end

  // Parameter table word p2, drain copy (docs 4.3).
  // 512 x [31:0] synchronous-read memory, registered read data (infers block RAM).
  reg [31:0] pd2 [0:511];
  reg [31:0] pd2_rdata_r;

  always @(posedge i_clk) begin
    if (prog_ok && i_prog_sel == 2'd1 && i_prog_addr[1:0] == 2'd2) begin
      pd2[i_prog_addr[10:2]] <= i_prog_wdata;
    end
    pd2_rdata_r <= pd2[i_running ? i_drain_param : i_prog_addr[10:2]];
  end

  // Parameter table word p3, drain copy (docs 4.3).
  // 512 x [31:0] synchronous-read memory, registered read data (infers block RAM).
  reg [31:0] pd3 [0:511];
  reg [31:0] pd3_rdata_r;

  always @(posedge i_clk) begin
    if (prog_ok && i_prog_sel == 2'd1 && i_prog_addr[1:0] == 2'd3) begin
      pd3[i_prog_addr[10:2]] <= i_prog_wdata;
    end
    pd3_rdata_r <= pd3[i_running ? i_drain_param : i_prog_addr[10:2]];
  end

  assign o_rq_bias = {pd1_rdata_r, pd0_rdata_r};
  assign o_rq_m    = pd2_rdata_r;
  assign o_rq_shr  = pd3_rdata_r[5:0];
  assign o_rq_shl  = pd3_rdata_r[12:8];
  assign unused_pd = &{1'b0, pd3_rdata_r[31:13], pd3_rdata_r[7:6]};

  // Parameter table word p0, input-stage copy (docs 4.3).
  // 512 x [31:0] synchronous-read memory, registered read data (infers block RAM).
  reg [31:0] pi0 [0:511];
  reg [31:0] pi0_rdata_r;

  always @(posedge i_clk) begin
    if (prog_ok && i_prog_sel == 2'd1 && i_prog_addr[1:0] == 2'd0) begin
      pi0[i_prog_addr[10:2]] <= i_prog_wdata;
    end
    pi0_rdata_r <= pi0[i_input_param];
  end

  // Parameter table word p1, input-stage copy (docs 4.3).
  // 512 x [31:0] synchronous-read memory, registered read data (infers block RAM).
  reg [31:0] pi1 [0:511];
  reg [31:0] pi1_rdata_r;

  always @(posedge i_clk) begin
    if (prog_ok && i_prog_sel == 2'd1 && i_prog_addr[1:0] == 2'd1) begin
      pi1[i_prog_addr[10:2]] <= i_prog_wdata;
    end
    pi1_rdata_r <= pi1[i_input_param];
  end

  // Parameter table word p2, input-stage copy (docs 4.3).
  // 512 x [31:0] synchronous-read memory, registered read data (infers block RAM).
  reg [31:0] pi2 [0:511];
  reg [31:0] pi2_rdata_r;

  always @(posedge i_clk) begin
    if (prog_ok && i_prog_sel == 2'd1 && i_prog_addr[1:0] == 2'd2) begin
      pi2[i_prog_addr[10:2]] <= i_prog_wdata;
    end
    pi2_rdata_r <= pi2[i_input_param];
  end

  // Parameter table word p3, input-stage copy (docs 4.3).
  // 512 x [31:0] synchronous-read memory, registered read data (infers block RAM).
  reg [31:0] pi3 [0:511];
  reg [31:0] pi3_rdata_r;

  always @(posedge i_clk) begin
    if (prog_ok && i_prog_sel == 2'd1 && i_prog_addr[1:0] == 2'd3) begin
      pi3[i_prog_addr[10:2]] <= i_prog_wdata;
    end
    pi3_rdata_r <= pi3[i_input_param];
  end

  assign o_input_bias = {pi1_rdata_r, pi0_rdata_r};
  assign o_input_m    = pi2_rdata_r;
  assign o_input_shr  = pi3_rdata_r[5:0];
  assign o_input_shl  = pi3_rdata_r[12:8];
  assign unused_pi    = &{1'b0, pi3_rdata_r[31:13], pi3_rdata_r[7:6]};
  assign wt_line      = {1'd0, i_prog_addr[19:1]};
  assign wt_bank      = {19'd0, i_prog_addr[0:0]};

  // Weight memory lanes 3..0 (docs 4.3), read at issue (T0).
  // 2048 x [31:0] synchronous-read memory, registered read data (infers block RAM).
  reg [31:0] wt0 [0:2047];
  reg [31:0] wt0_rdata_r;

  always @(posedge i_clk) begin
    if (prog_ok && i_prog_sel == 2'd2 && wt_bank == 20'd0) begin
      wt0[wt_line[10:0]] <= i_prog_wdata;
    end
    wt0_rdata_r <= wt0[i_running ? i_weight_addr : wt_line[10:0]];
  end

  // Weight memory lanes 7..4 (docs 4.3), read at issue (T0).
  // 2048 x [31:0] synchronous-read memory, registered read data (infers block RAM).
  reg [31:0] wt1 [0:2047];
  reg [31:0] wt1_rdata_r;

  always @(posedge i_clk) begin
    if (prog_ok && i_prog_sel == 2'd2 && wt_bank == 20'd1) begin
      wt1[wt_line[10:0]] <= i_prog_wdata;
    end
    wt1_rdata_r <= wt1[i_running ? i_weight_addr : wt_line[10:0]];
  end

  assign unused_prog = &{1'b0, wt_line, wt_bank, i_prog_addr};

  // Weight broadcast register.
  always @(posedge i_clk) begin
    wb_r <= {wt1_rdata_r, wt0_rdata_r};
  end

  assign o_weights = wb_r;

  // Read-back request.
  always @(posedge i_clk) begin
    rb_sel_r <= i_prog_sel;
    rb_addr_r <= i_prog_addr;
    rb_bank_r <= wt_bank;
    rb_ok_r <= ~i_running;
  end

  assign rb_d0 = desc0_r[rb_addr_r[8:3]];
  assign rb_d1 = desc1_r[rb_addr_r[8:3]];
  assign rb_d2 = desc2_r[rb_addr_r[8:3]];
  assign rb_d3 = desc3_r[rb_addr_r[8:3]];
  assign rb_d4 = desc4_r[rb_addr_r[8:3]];
  assign rb_d5 = desc5_r[rb_addr_r[8:3]];
  assign rb_d6 = desc6_r[rb_addr_r[8:3]];
  assign rb_d7 = desc7_r[rb_addr_r[8:3]];

  // Descriptor read-back (asynchronous read of the registered address).
  always @* begin
    case (rb_addr_r[2:0])
      3'd0: rb_desc = rb_d0;
      3'd1: rb_desc = rb_d1;
      3'd2: rb_desc = rb_d2;
      3'd3: rb_desc = rb_d3;
      3'd4: rb_desc = rb_d4;
      3'd5: rb_desc = rb_d5;
      3'd6: rb_desc = rb_d6;
      3'd7: rb_desc = rb_d7;
    endcase
  end

  // Parameter read-back: the drain copy's read port.
  always @* begin
    case (rb_addr_r[1:0])
      2'd0: rb_param = pd0_rdata_r;
      2'd1: rb_param = pd1_rdata_r;
      2'd2: rb_param = pd2_rdata_r;
      2'd3: rb_param = pd3_rdata_r;
    endcase
  end

  // Weight read-back: the bank of the request.
  always @* begin
    case (rb_bank_r)
      20'd0:   rb_weight = wt0_rdata_r;
      20'd1:   rb_weight = wt1_rdata_r;
      default: rb_weight = 32'd0;
    endcase
  end

  assign o_prog_rdata = ~rb_ok_r ? 32'd0 : (rb_sel_r == 2'd0) ? rb_desc : (rb_sel_r == 2'd1) ? rb_param : rb_weight;
  assign unused_rb    = &{1'b0, rb_addr_r, rb_bank_r};

endmodule

`default_nettype wire
