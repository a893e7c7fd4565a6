`default_nettype none
// pdl_framer: the hardware RESULT path (docs/soc.md "Result framer"; registers: pdl_framer_regs, generated from
// SocRegisters.framer). It takes the accelerator's result stream (per window a header word, ResultHeader: marker,
// tag, 16-bit sequence; then the raw outputs), writes each result as a wire record (result_record) into a ring of
// words, and sends the held records as complete RESULT frames (DESIGN section 5: header, sequence number, records,
// CRC-32) into the UART's transmit FIFO, one byte per cycle. Field places and constants come from the protocol's
// one declaration (pulsedl_protocol.vh, generated like the firmware's pulsedl_protocol.h).
//
// Two sides run at once: the record builder fills the ring while the sender empties it. A frame starts when
// batch.records records are held, when the oldest has waited max_age cycles, or when enable falls (drain); its
// record count is fixed at the start, so the header goes first and the CRC is computed on the fly.
//
// The link is shared: the CPU sends its own frames (ACK, STATS, INFO...) by claiming the transmit FIFO
// (ctrl.claim). The framer grants it between frames and starts none while the claim stands; the CPU numbers its
// frame with the sequence register and writes the number + 1 back, so every frame on the link has one counter.
module pdl_framer #(
    parameter RING_BITS = 9,            // record ring: 2^9 words (2 KiB, one block RAM), > a frame's 350 words
    // The record's timestamp, the one place that says where it comes from: 0 = the capture clock (i_time) when the
    // result's header word is taken from the stream; 1 = the result stream carries the window's 32-bit capture stamp
    // as the word after the header (ResultHeader), widened to 64 bits against the capture clock at the header:
    // i_time - (i_time[31:0] - stamp) mod 2^32, exact while a window's results leave < 2^32 cycles after its capture.
    parameter TIMESTAMP_WORDS = 0
) (
    input  wire        i_clk,
    input  wire        i_rst,           // synchronous, active high
    input  wire [11:0] i_addr,
    input  wire        i_we,
    input  wire [3:0]  i_wstrb,
    input  wire [31:0] i_wdata,
    input  wire        i_re,
    output wire [31:0] o_rdata,
    output wire        o_ready,
    // the accelerator's result stream (valid/ready)
    input  wire        i_res_valid,
    input  wire [31:0] i_res_data,
    output wire        o_res_ready,
    input  wire [63:0] i_time,          // the capture clock (ADC-clock ticks since START)
    // bytes into the UART's transmit FIFO (valid/ready); o_in_frame: the framer owns the FIFO
    output wire        o_tx_valid,
    output wire [7:0]  o_tx_data,
    input  wire        i_tx_ready,
    output wire        o_in_frame
);
/* verilator lint_off UNUSEDPARAM */  // the protocol names every type and field; the framer writes a few
`include "pulsedl_protocol.vh"
`include "pdl_result_header.vh"
/* verilator lint_on UNUSEDPARAM */
    localparam REC_HDR_BYTES = PDL_RESULT_RECORD_SIZE;          // timestamp, channel, flags, reserved
    localparam REC_HDR_WORDS = REC_HDR_BYTES / 4;
    localparam HEAD_BYTES    = PDL_HEADER_SIZE + PDL_RESULT_SIZE; // frame header and the RESULT payload's prefix
    localparam [31:0] CRC_POLY = 32'hEDB88320;                  // IEEE 802.3, reflected (java.util.zip.CRC32)
    localparam [7:0]  CLIPPED  = PDL_EVENT_FLAG_OUTPUT_CLIPPED[7:0];
    localparam [RING_BITS+1:0] RING_WORDS = 1 << RING_BITS;

    // ---- registers ----
    wire        enable, claim, wide, seq_wr;
    wire [15:0] batch;
    wire [7:0]  outputs;
    wire [31:0] channel_mask, max_age, seq_value;
    reg         granted;
    wire        idle;
    reg  [31:0] tx_seq, frames, records, drops;
    reg  [15:0] expected;

    pdl_framer_regs regs (
        .i_clk                (i_clk),
        .i_rst                (i_rst),
        .i_addr               (i_addr),
        .i_we                 (i_we),
        .i_wstrb              (i_wstrb),
        .i_wdata              (i_wdata),
        .i_re                 (i_re),
        .o_rdata              (o_rdata),
        .o_ready              (o_ready),
        .o_ctrl_enable        (enable),
        .o_ctrl_claim         (claim),
        .i_status_granted     (granted),
        .i_status_idle        (idle),
        .o_batch_records      (batch),
        .o_format_outputs     (outputs),
        .o_format_wide        (wide),
        .o_channel_mask       (channel_mask),
        .o_max_age            (max_age),
        .i_sequence           (tx_seq),
        .o_sequence_set_value (seq_value),
        .o_sequence_set_wr    (seq_wr),
        .i_frames             (frames),
        .i_records            (records),
        .i_drops              (drops),
        .i_expected           ({16'd0, expected})
    );

    // ---- the record ring: whole records between the committed write end and the sender's read pointer ----
    reg  [31:0]        ring [0:(1 << RING_BITS) - 1];
    reg  [RING_BITS:0] wr_base;         // committed end: the record being built starts here
    reg  [RING_BITS:0] rd_ptr;          // the sender's next word
    reg  [31:0]        ring_q;          // ring[rd_ptr], read one cycle ahead
    reg                ring_we;
    reg  [RING_BITS:0] ring_waddr;
    reg  [31:0]        ring_wdata;
    wire [RING_BITS:0] used = wr_base - rd_ptr;
    wire [8:0]         rec_words = REC_HDR_WORDS[8:0] + {1'b0, outputs};
    wire               room = {1'b0, used} + {{(RING_BITS - 7){1'b0}}, rec_words} <= RING_WORDS;

    // ---- record builder ----
    localparam RB_HEAD = 2'd0, RB_STAMP = 2'd1, RB_OUT = 2'd2, RB_FIN = 2'd3;
    reg  [1:0]  rb;
    reg  [63:0] rec_time;
    reg  [7:0]  rec_tag;
    reg         rec_keep;           // the channel is enabled: the record is written and committed
    reg  [7:0]  rec_k;              // RB_OUT: outputs written; RB_FIN: header words written
    reg         rec_high;           // wide: the next word is an output's high half
    reg  [31:0] rec_low;
    reg         rec_clipped;
    reg         commit;             // a record was committed this cycle
    reg         enable_q;           // enable one cycle ago: its rising edge clears the counters

    // No header is taken in enable's first cycle, which clears the expected sequence.
    assign o_res_ready = (rb == RB_HEAD && enable && enable_q && room) || rb == RB_STAMP || rb == RB_OUT;
    wire take = i_res_valid && o_res_ready;

    // The record's fixed part, fields placed at their declared offsets.
    reg [8*REC_HDR_BYTES-1:0] rec_hdr;
    always @(*) begin
        rec_hdr = {(8 * REC_HDR_BYTES){1'b0}};
        rec_hdr[8*PDL_RESULT_RECORD_TIMESTAMP_OFFSET +: 64] = rec_time;
        rec_hdr[8*PDL_RESULT_RECORD_CHANNEL_OFFSET +: 8]    = rec_tag;
        rec_hdr[8*PDL_RESULT_RECORD_FLAGS_OFFSET +: 8]      = rec_clipped ? CLIPPED : 8'd0;
    end

    // An int64 raw output as the record's i32: saturated, and flagged, when it does not fit.
    wire        fits = i_res_data == {32{rec_low[31]}};
    wire [31:0] narrowed = fits ? rec_low : (i_res_data[31] ? 32'h8000_0000 : 32'h7FFF_FFFF);
    // The header word's fields where ResultHeader puts them (pdl_result_header.vh); tags above 31 always pass.
    wire [7:0]  res_tag = i_res_data[RESULT_TAG_SHIFT +: RESULT_TAG_BITS];
    wire [15:0] res_seq = i_res_data[RESULT_SEQUENCE_SHIFT +: RESULT_SEQUENCE_BITS];
    wire        keep_tag = res_tag[7:5] != 3'd0 || channel_mask[res_tag[4:0]];
    wire [1:0]  after_header = TIMESTAMP_WORDS != 0 ? RB_STAMP : (outputs == 8'd0 ? RB_FIN : RB_OUT);

    always @(*) begin
        ring_we    = 1'b0;
        ring_waddr = wr_base;
        ring_wdata = i_res_data;
        if (rb == RB_OUT && take && rec_keep && (!wide || rec_high)) begin
            ring_we    = 1'b1;
            ring_waddr = wr_base + REC_HDR_WORDS[RING_BITS:0] + {{(RING_BITS - 7){1'b0}}, rec_k};
            ring_wdata = wide ? narrowed : i_res_data;
        end else if (rb == RB_FIN && rec_keep) begin
            ring_we    = 1'b1;
            ring_waddr = wr_base + {{(RING_BITS - 7){1'b0}}, rec_k};
            ring_wdata = rec_hdr[32*rec_k[1:0] +: 32];
        end
    end

    always @(posedge i_clk) begin
        if (ring_we) ring[ring_waddr[RING_BITS-1:0]] <= ring_wdata;
    end

    always @(posedge i_clk) begin
        if (i_rst) begin
            rb <= RB_HEAD;
            wr_base <= {(RING_BITS + 1){1'b0}};
            rec_time <= 64'd0;
            rec_tag <= 8'd0;
            rec_keep <= 1'b0;
            rec_k <= 8'd0;
            rec_high <= 1'b0;
            rec_low <= 32'd0;
            rec_clipped <= 1'b0;
            commit <= 1'b0;
            drops <= 32'd0;
            expected <= 16'd0;
            enable_q <= 1'b0;
        end else begin
            enable_q <= enable;
            commit <= 1'b0;
            case (rb)
            RB_HEAD: if (take) begin
                rec_time    <= i_time;
                rec_tag     <= res_tag;
                rec_keep    <= keep_tag;
                rec_k       <= 8'd0;
                rec_high    <= 1'b0;
                rec_clipped <= 1'b0;
                drops       <= drops + {16'd0, res_seq - expected};
                expected    <= res_seq + 16'd1;
                rb          <= after_header;
            end
            RB_STAMP: if (take) begin
                rec_time <= rec_time - {32'd0, rec_time[31:0] - i_res_data};
                rb       <= outputs == 8'd0 ? RB_FIN : RB_OUT;
            end
            RB_OUT: if (take) begin
                if (wide && !rec_high) begin
                    rec_low  <= i_res_data;
                    rec_high <= 1'b1;
                end else begin
                    rec_high <= 1'b0;
                    if (wide && !fits) rec_clipped <= 1'b1;
                    rec_k <= rec_k + 8'd1;
                    if (rec_k + 8'd1 == outputs) begin
                        rec_k <= 8'd0;
                        rb    <= RB_FIN;
                    end
                end
            end
            default: begin   // RB_FIN: the fixed part, one word per cycle, then the record is committed
                rec_k <= rec_k + 8'd1;
                if (rec_k + 8'd1 == REC_HDR_WORDS[7:0]) begin
                    rec_k <= 8'd0;
                    rb    <= RB_HEAD;
                    if (rec_keep) begin
                        wr_base <= wr_base + {{(RING_BITS - 8){1'b0}}, rec_words};
                        commit  <= 1'b1;
                    end
                end
            end
            endcase
            if (enable && !enable_q) begin
                drops    <= 32'd0;
                expected <= 16'd0;
            end
        end
    end

    // ---- sender ----
    localparam S_IDLE = 2'd0, S_HEAD = 2'd1, S_BODY = 2'd2, S_CRC = 2'd3;
    reg  [1:0]  st;
    reg  [15:0] held;               // committed records not yet in a frame
    reg  [15:0] frame_records;
    reg  [15:0] payload_len;        // the frame's, fixed at its start
    reg  [23:0] body_left;          // ring words of the frame still to send
    reg  [4:0]  head_i;             // byte of the head being sent
    reg  [1:0]  byte_i;             // byte of the word being sent
    reg  [31:0] crc;
    reg  [31:0] age;                // cycles since records are held

    wire [15:0] batch_min1 = batch == 16'd0 ? 16'd1 : batch;
    wire [15:0] count = held >= batch_min1 ? batch_min1 : held;
    wire        aged = max_age != 32'd0 && age >= max_age;
    wire        start = st == S_IDLE && held != 16'd0 && !claim && (held >= batch_min1 || aged || !enable);
    wire [31:0] count_words = count * {7'd0, rec_words};   // the one multiplier: the frame's size, at its start

    // The frame header and the RESULT payload's prefix, fields placed at their declared offsets.
    reg [8*HEAD_BYTES-1:0] head;
    always @(*) begin
        head = {(8 * HEAD_BYTES){1'b0}};
        head[8*PDL_FRAME_HEADER_SYNC_OFFSET +: 16]     = PDL_SYNC[15:0];
        head[8*PDL_FRAME_HEADER_VERSION_OFFSET +: 8]   = PDL_VERSION[7:0];
        head[8*PDL_FRAME_HEADER_TYPE_OFFSET +: 8]      = PDL_MESSAGE_TYPE_RESULT[7:0];
        head[8*PDL_FRAME_HEADER_LENGTH_OFFSET +: 16]   = payload_len;
        head[8*PDL_FRAME_HEADER_SEQUENCE_OFFSET +: 32] = tx_seq;
        head[8*(PDL_HEADER_SIZE + PDL_RESULT_RECORD_COUNT_OFFSET) +: 16] = frame_records;
        head[8*(PDL_HEADER_SIZE + PDL_RESULT_OUTPUT_COUNT_OFFSET) +: 8]  = outputs;
    end

    wire [31:0] crc_out = ~crc;
    assign o_tx_valid = st != S_IDLE;
    assign o_in_frame = st != S_IDLE;
    assign o_tx_data  = st == S_HEAD ? head[8*head_i +: 8]
                      : st == S_BODY ? ring_q[8*byte_i +: 8]
                      : crc_out[8*byte_i +: 8];
    wire sent = o_tx_valid && i_tx_ready;
    wire word_done = st == S_BODY && sent && byte_i == 2'd3;

    function [31:0] crc_step(input [31:0] c, input [7:0] d);
        integer i;
        reg [31:0] x;
        begin
            x = c ^ {24'd0, d};
            for (i = 0; i < 8; i = i + 1) x = x[0] ? (x >> 1) ^ CRC_POLY : x >> 1;
            crc_step = x;
        end
    endfunction

    wire [RING_BITS:0] rd_next = rd_ptr + {{RING_BITS{1'b0}}, word_done};
    always @(posedge i_clk) ring_q <= ring[rd_next[RING_BITS-1:0]];

    always @(posedge i_clk) begin
        if (i_rst) begin
            st <= S_IDLE;
            held <= 16'd0;
            frame_records <= 16'd0;
            payload_len <= 16'd0;
            body_left <= 24'd0;
            head_i <= 5'd0;
            byte_i <= 2'd0;
            crc <= 32'hFFFF_FFFF;
            age <= 32'd0;
            rd_ptr <= {(RING_BITS + 1){1'b0}};
            granted <= 1'b0;
            tx_seq <= 32'd0;
            frames <= 32'd0;
            records <= 32'd0;
        end else begin
            granted <= claim && st == S_IDLE;
            held <= held + {15'd0, commit} - (start ? count : 16'd0);
            age  <= held + {15'd0, commit} == (start ? count : 16'd0) ? 32'd0 : age + 32'd1;
            rd_ptr <= rd_next;
            if (sent && st != S_CRC) crc <= crc_step(crc, o_tx_data);
            case (st)
            S_IDLE: if (start) begin
                st            <= S_HEAD;
                frame_records <= count;
                payload_len   <= PDL_RESULT_SIZE[15:0] + {count_words[13:0], 2'b00};
                body_left     <= count_words[23:0];
                head_i        <= 5'd0;
                byte_i        <= 2'd0;
                crc           <= 32'hFFFF_FFFF;
            end
            S_HEAD: if (sent) begin
                head_i <= head_i + 5'd1;
                if (head_i == HEAD_BYTES[4:0] - 5'd1) st <= S_BODY;
            end
            S_BODY: if (sent) begin
                byte_i <= byte_i + 2'd1;
                if (byte_i == 2'd3) begin
                    body_left <= body_left - 24'd1;
                    if (body_left == 24'd1) st <= S_CRC;
                end
            end
            default: if (sent) begin   // S_CRC
                byte_i <= byte_i + 2'd1;
                if (byte_i == 2'd3) begin
                    st       <= S_IDLE;
                    tx_seq <= tx_seq + 32'd1;
                    frames   <= frames + 32'd1;
                    records  <= records + {16'd0, frame_records};
                end
            end
            endcase
            if (seq_wr) tx_seq <= seq_value;
            if (enable && !enable_q) begin
                frames  <= 32'd0;
                records <= 32'd0;
            end
        end
    end

    assign idle = rb == RB_HEAD && held == 16'd0 && st == S_IDLE && !commit;

    wire unused = &{1'b0, count_words[31:24], ring_waddr[RING_BITS]};
endmodule
`default_nettype wire
