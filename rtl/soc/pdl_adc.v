`default_nettype none
// pdl_adc: the ADC capture's control side (registers: pdl_adc_regs, generated from SocRegisters.adc; docs/soc.md
// "ADC capture"). It gates the SoC's window port: the window source may start an event only while ctrl.enable is 1
// (o_enable), so windows reach the accelerator only between the firmware's START and STOP. It counts clock cycles,
// the events (triggers) and the windows that passed the port since enable was last set (all restart at 0 on the
// 0 -> 1 edge).
//
// Timestamps: an event is one trigger of a multi-channel ADC, all channels sampled at the same instant and sent
// through the port one window after the other. The source raises i_win_trigger with the first sample of an event's
// first window; the capture clock at that sample is the event's time, and every window up to the next trigger
// carries it (o_stamp, which the accelerator takes with a window's first sample like the tag and returns in the
// window's timestamp result word). So the channels of one event have one timestamp, as the host pairs them. The gate
// opens one cycle after ctrl.enable rises, once the clock has restarted, so the first event after it is stamped 0 or
// later (never with the previous run's count).
//
// Waveform snapshot (WAVEFORM frames): of the events whose index since enable is a multiple of wave_prescale, the
// next one that arrives while the snapshot is free is kept: its windows go to slots 0, 1, ... (up to SLOTS, at most
// 2^SAMPLE_BITS samples each) with their tags and the event's time, until the firmware writes wave_release. The
// firmware reads a slot through wave_seek / wave_data (a block RAM with a read port one sample ahead).
module pdl_adc (
    input  wire        i_clk,
    input  wire        i_rst,
    input  wire [15:0] i_addr,
    input  wire        i_we,
    input  wire [3:0]  i_wstrb,
    input  wire [31:0] i_wdata,
    input  wire        i_re,
    output wire [31:0] o_rdata,
    output wire        o_ready,
    // the window port, observed
    input  wire        i_win_valid,
    input  wire [15:0] i_win_data,
    input  wire [7:0]  i_win_tag,
    input  wire        i_win_last,
    input  wire        i_win_trigger,   // with the first sample of an event's first window
    output wire        o_enable,
    output wire [63:0] o_time,          // the capture clock: cycles since enable rose
    output wire [31:0] o_stamp          // the window's timestamp (its event's time), taken with its first sample
);
    localparam SAMPLE_BITS = 8;         // wave_seek.sample: samples per slot 2^8
    localparam SLOT_BITS   = 1;         // wave_seek.slot: SocRegisters.WAVE_SLOTS = 2
    localparam [3:0] SLOTS = 4'd2;

    reg  [63:0] time_r;
    reg  [31:0] event_time;             // the current event's time (the stamp's 32 bits)
    reg  [31:0] triggers, windows;
    reg         enable_q;               // enable one cycle ago: its rising edge restarts the counters
    reg         in_window;              // a window has started and not ended
    wire        enable;                 // ctrl.enable

    wire [15:0] prescale;
    wire        release_wr, seek_wr, data_rd;
    wire [SAMPLE_BITS-1:0] seek_sample;
    wire [SLOT_BITS-1:0]   seek_slot;
    wire        unused_release;

    reg         snap_held, snap_closed, snap_writing, snap_cut;
    reg  [3:0]  snap_started, snap_done;   // windows begun / complete in the snapshot
    reg  [7:0]  snap_tag0, snap_tag1;
    reg  [63:0] snap_time;
    reg  [15:0] skip;                   // events to let pass before the next selected one
    reg  [SLOT_BITS-1:0]   snap_slot;
    reg  [SAMPLE_BITS-1:0] snap_index;
    reg  [15:0] snap_q;                 // the sample at the read position

    pdl_adc_regs regs (
        .i_clk                  (i_clk),
        .i_rst                  (i_rst),
        .i_addr                 (i_addr),
        .i_we                   (i_we),
        .i_wstrb                (i_wstrb),
        .i_wdata                (i_wdata),
        .i_re                   (i_re),
        .o_rdata                (o_rdata),
        .o_ready                (o_ready),
        .o_ctrl_enable          (enable),
        .i_time_lo              (time_r[31:0]),
        .i_time_hi              (time_r[63:32]),
        .i_triggers             (triggers),
        .i_windows              (windows),
        .o_wave_prescale_events (prescale),
        .i_wave_status_held     (snap_held),
        .i_wave_status_closed   (snap_closed),
        .i_wave_status_windows  (snap_done),
        .i_wave_tags_slot0      (snap_tag0),
        .i_wave_tags_slot1      (snap_tag1),
        .i_wave_time_lo         (snap_time[31:0]),
        .i_wave_time_hi         (snap_time[63:32]),
        .o_wave_release_release (unused_release),
        .o_wave_release_wr      (release_wr),
        .o_wave_seek_sample     (seek_sample),
        .o_wave_seek_slot       (seek_slot),
        .o_wave_seek_wr         (seek_wr),
        .i_wave_data_sample     (snap_q),
        .o_wave_data_rd         (data_rd)
    );

    wire restart    = enable && !enable_q;
    wire first      = i_win_valid && !in_window;          // a window's first sample
    wire trigger    = first && i_win_trigger;            // an event's first sample
    wire selected   = trigger && prescale != 16'd0 && skip == 16'd0 && !snap_held;
    // a later window of the kept event takes the next slot
    wire joins      = first && !i_win_trigger && snap_held && !snap_closed && snap_started < SLOTS;
    wire [SLOT_BITS-1:0] new_slot = selected ? {SLOT_BITS{1'b0}} : snap_started[SLOT_BITS-1:0];
    wire        store   = !restart && !release_wr && (selected || joins || (i_win_valid && !first && snap_writing && !snap_cut));
    wire [SLOT_BITS+SAMPLE_BITS-1:0] store_at = first ? {new_slot, {SAMPLE_BITS{1'b0}}} : {snap_slot, snap_index};

    assign o_enable = enable && enable_q;
    assign o_time   = time_r;
    assign o_stamp  = trigger ? time_r[31:0] : event_time;

    always @(posedge i_clk) begin
        if (i_rst) begin
            time_r     <= 64'd0;
            event_time <= 32'd0;
            triggers   <= 32'd0;
            windows    <= 32'd0;
            enable_q   <= 1'b0;
            in_window  <= 1'b0;
        end else begin
            enable_q <= enable;
            if (i_win_valid) in_window <= !i_win_last;
            if (trigger) event_time <= time_r[31:0];
            if (restart) begin
                time_r     <= 64'd0;
                event_time <= 32'd0;
                triggers   <= 32'd0;
                windows    <= 32'd0;
            end else begin
                time_r   <= time_r + 64'd1;
                triggers <= triggers + {31'd0, trigger};
                windows  <= windows + {31'd0, i_win_valid && i_win_last};
            end
        end
    end

    // ---- waveform snapshot ----
    reg [15:0] snap_mem [0:(1 << (SLOT_BITS + SAMPLE_BITS)) - 1];
    reg [SLOT_BITS+SAMPLE_BITS-1:0] rd_ptr;
    wire [SLOT_BITS+SAMPLE_BITS-1:0] rd_next = seek_wr ? {seek_slot, seek_sample} : rd_ptr + {{(SLOT_BITS + SAMPLE_BITS - 1){1'b0}}, data_rd};

    always @(posedge i_clk) begin
        if (store) snap_mem[store_at] <= i_win_data;
    end

    always @(posedge i_clk) begin
        rd_ptr <= rd_next;
        snap_q <= snap_mem[rd_next];
    end

    // every prescale-th event is selected; one that finds the snapshot held is let pass
    always @(posedge i_clk) begin
        if (i_rst || restart) skip <= 16'd0;
        else if (trigger) skip <= skip != 16'd0 ? skip - 16'd1 : prescale == 16'd0 ? 16'd0 : prescale - 16'd1;
    end

    always @(posedge i_clk) begin
        if (i_rst || restart || release_wr) begin
            snap_held    <= 1'b0;
            snap_closed  <= 1'b0;
            snap_writing <= 1'b0;
            snap_cut     <= 1'b0;
            snap_started <= 4'd0;
            snap_done    <= 4'd0;
            snap_slot    <= {SLOT_BITS{1'b0}};
            snap_index   <= {SAMPLE_BITS{1'b0}};
            if (i_rst || restart) begin
                snap_tag0 <= 8'd0;
                snap_tag1 <= 8'd0;
                snap_time <= 64'd0;
            end
        end else begin
            if (selected) begin
                snap_held    <= 1'b1;
                snap_closed  <= 1'b0;
                snap_time    <= time_r;
                snap_started <= 4'd0;
                snap_done    <= 4'd0;
            end else if (trigger && snap_held) begin
                snap_closed <= 1'b1;   // a new event: the kept one is complete
            end
            if (selected || joins) begin
                snap_started <= (selected ? 4'd0 : snap_started) + 4'd1;
                snap_slot    <= new_slot;
                snap_index   <= {{(SAMPLE_BITS - 1){1'b0}}, 1'b1};
                snap_cut     <= 1'b0;
                snap_writing <= !i_win_last;
                if (new_slot == 1'b0) snap_tag0 <= i_win_tag;
                else snap_tag1 <= i_win_tag;
            end else if (i_win_valid && snap_writing) begin
                snap_index <= snap_index + {{(SAMPLE_BITS - 1){1'b0}}, 1'b1};
                if (&snap_index) snap_cut <= 1'b1;   // longer than a slot: the rest is not kept
                if (i_win_last) snap_writing <= 1'b0;
            end
            // a window is complete with its last sample; the snapshot closes when its slots are full
            if (i_win_valid && i_win_last && (selected || joins || snap_writing)) begin
                snap_done <= (selected ? 4'd0 : snap_done) + 4'd1;
                if ((selected ? 4'd0 : snap_done) + 4'd1 == SLOTS) snap_closed <= 1'b1;
            end
        end
    end

    wire unused = &{1'b0, unused_release};
endmodule
`default_nettype wire
