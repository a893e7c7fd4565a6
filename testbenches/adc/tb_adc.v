`timescale 1ns/1ps
`default_nettype none
// Self-checking testbench of pdl_adc (docs/soc.md "ADC capture", "Waveform snapshot"), run by AdcCaptureRtlTest.
// A seeded source sends events of two channel windows (random lengths, some longer than a snapshot slot, random gaps
// and room waits between the windows) while a CPU stand-in, between events and at random, services the snapshot as
// the firmware does: it reads the status, checks the held event against its own model of the selection (every
// +prescale-th event since enable, let pass while one is held), reads both slots back through wave_seek/wave_data and
// frees it. Checked: every window's stamp is its event's first-sample time (the harness's count since the gate
// opened), the counters, the selection, every kept sample. Prints "tb_adc: PASS ..." or "tb_adc: FAIL ..." lines.
module tb_adc;
    localparam SLOT = 256;
    localparam MAXW = 300;             // longest window sent: longer than a slot, which keeps its first 256 samples
    reg clk = 1'b0, rst = 1'b1;
    always #5 clk = ~clk;

    reg  [15:0] addr = 16'd0;
    reg         we = 1'b0, re = 1'b0;
    reg  [31:0] wdata = 32'd0;
    wire [31:0] rdata;
    wire        ready;
    reg         v = 1'b0, last = 1'b0, trig = 1'b0;
    reg  [15:0] d = 16'd0;
    reg  [7:0]  tag = 8'd0;
    wire        en;
    wire [63:0] t;
    wire [31:0] stamp;

    pdl_adc dut (.i_clk(clk), .i_rst(rst), .i_addr(addr), .i_we(we), .i_wstrb(4'hf), .i_wdata(wdata), .i_re(re),
        .o_rdata(rdata), .o_ready(ready), .i_win_valid(v), .i_win_data(d), .i_win_tag(tag), .i_win_last(last),
        .i_win_trigger(trig), .o_enable(en), .o_time(t), .o_stamp(stamp));

    integer seed, events, prescale, errors, kept, served;
    integer cycle, opened;             // the harness's own clock: cycles since the gate opened
    always @(posedge clk) cycle <= cycle + 1;

    task bus_write(input [15:0] a, input [31:0] x);
        begin
            @(negedge clk); addr = a; wdata = x; we = 1'b1;
            @(posedge clk); #1 we = 1'b0;
            @(posedge clk); #1;
        end
    endtask

    reg [31:0] got;
    task bus_read(input [15:0] a);
        begin
            @(negedge clk); addr = a; re = 1'b1;
            @(posedge clk); #1 re = 1'b0;
            @(posedge clk); #1 got = rdata;
        end
    endtask

    task fail(input [8*64-1:0] what, input integer a, input integer b);
        begin
            errors = errors + 1;
            if (errors < 10) $display("tb_adc: FAIL %0s: %0d != %0d", what, a, b);
        end
    endtask

    // what was sent: per event its time and per channel its length and samples
    reg [31:0] ev_time [0:255];
    integer    ev_len  [0:511];
    reg [15:0] sample  [0:511*MAXW];
    // the selection, modelled here: skip counter and the held event
    integer skip, held;

    task send_event(input integer e);
        integer c, i, n;
        reg [31:0] at;
        begin
            if (prescale != 0 && skip == 0 && held < 0) held = e;
            if (skip != 0) skip = skip - 1; else skip = prescale == 0 ? 0 : prescale - 1;
            for (c = 0; c < 2; c = c + 1) begin
                n = ($random(seed) & 1) ? 32 : 1 + ($unsigned($random(seed)) % MAXW);
                ev_len[2 * e + c] = n;
                for (i = 0; i < n; i = i + 1) begin
                    @(negedge clk);
                    v = 1'b1; tag = c; last = i == n - 1; trig = c == 0 && i == 0;
                    d = $random(seed);
                    sample[(2 * e + c) * MAXW + i] = d;
                    #1;
                    if (i == 0) begin
                        if (c == 0) begin at = cycle - opened; ev_time[e] = at; end
                        if (stamp !== ev_time[e]) fail("stamp of a window vs its event's first sample", stamp, ev_time[e]);
                    end
                end
                @(negedge clk); v = 1'b0; last = 1'b0; trig = 1'b0;
                repeat ($unsigned($random(seed)) % 4) @(negedge clk);   // the accelerator's room
            end
        end
    endtask

    task service;
        integer c, i, n, done;
        begin
            bus_read(16'h44);
            if (got[0] !== (held >= 0)) fail("wave_status.held", got[0], held >= 0);
            if (held >= 0 && got[0]) begin
                done = got[11:8];
                if (done != 2 || !got[1]) fail("a complete event is closed with 2 windows", done, 2);
                bus_read(16'h4C);
                if (got !== ev_time[held]) fail("wave_time of the held event", got, ev_time[held]);
                bus_read(16'h48);
                if (got[15:0] !== 16'h0100) fail("wave_tags", got, 16'h0100);
                for (c = 1; c >= 0; c = c - 1) begin
                    n = ev_len[2 * held + c] > SLOT ? SLOT : ev_len[2 * held + c];
                    bus_write(16'h58, c << 8);
                    for (i = 0; i < n; i = i + 1) begin
                        bus_read(16'h5C);
                        if (got[15:0] !== sample[(2 * held + c) * MAXW + i]) fail("kept sample", got[15:0], sample[(2 * held + c) * MAXW + i]);
                    end
                end
                served = served + 1;
                bus_write(16'h54, 1);
                held = -1;
            end
        end
    endtask

    integer e;
    initial begin
        if (!$value$plusargs("seed=%d", seed)) seed = 1;
        if (!$value$plusargs("events=%d", events)) events = 60;
        if (!$value$plusargs("prescale=%d", prescale)) prescale = 3;
        errors = 0; kept = 0; served = 0; cycle = 0; skip = 0; held = -1;
        repeat (3) @(posedge clk);
        rst = 1'b0;
        bus_write(16'h40, prescale);
        bus_write(16'h00, 1);
        wait (en === 1'b1);
        opened = cycle;
        for (e = 0; e < events; e = e + 1) begin
            send_event(e);
            if ($random(seed) & 1) service;
        end
        service;
        bus_read(16'h28);
        if (got != events) fail("triggers", got, events);
        bus_read(16'h2C);
        if (got != 2 * events) fail("windows", got, 2 * events);
        if (served == 0) fail("events kept and read back", served, 1);
        if (errors == 0) $display("tb_adc: PASS events %0d prescale %0d kept %0d", events, prescale, served);
        else $display("tb_adc: FAIL %0d errors", errors);
        $finish;
    end
endmodule
`default_nettype wire
