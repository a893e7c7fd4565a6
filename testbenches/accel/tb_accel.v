// Icarus Verilog testbench of the generated accelerator (pdl_accel), the same flow as verilator_main.cpp:
// program through the slave port, windows through the input port, results from the result stream, a trace file.
//
//   iverilog -g2005 -s tb_accel -Ptb_accel.LANES=<U> <generated .v files> tb_accel.v
//   vvp tb.vvp +desc=D.hex +ndesc=N +params=P.hex +nparams=N +weights=W.hex +nweights=N
//              +windows=X.hex +count=N +words=W +out=OUT.txt +limit=CYCLES
// X: per window a tag word, a capture timestamp word (driven on i_in_time), then the samples; W: result words per
// window.
`timescale 1ns / 1ps
`default_nettype none

module tb_accel;
  parameter LANES = 4;                   // U of the configuration (weight line width 8U bits)
  localparam WL = LANES / 4;             // 32-bit words per weight line

  reg         clk;
  reg         rst;
  reg  [31:0] addr;
  reg         we;
  reg         re;
  reg  [31:0] wdata;
  wire [31:0] rdata;
  wire        ready;
  reg         in_valid;
  reg  [15:0] in_data;
  reg  [7:0]  in_tag;
  reg  [31:0] in_time;
  reg         in_last;
  wire        in_room;
  wire        res_valid;
  wire [31:0] res_data;
  wire        running;
  wire [31:0] cycle;
  wire        round_start;

  reg [255:0]        desc    [0:127];
  reg [127:0]        params  [0:4095];
  reg [8*LANES-1:0]  weights [0:65535];
  reg [31:0]         win     [0:262143];

  integer ndesc, nparams, nweights, count, limit, n, per_window, expected;
  integer words, last_cycle, fd, i, j, next, sample, started;
  reg [1023:0] path;

  pdl_accel dut (
    .i_clk         (clk),
    .i_rst         (rst),
    .i_addr        (addr[$bits(dut.i_addr)-1:0]),
    .i_we          (we),
    .i_wstrb       (4'hf),
    .i_wdata       (wdata),
    .i_re          (re),
    .o_rdata       (rdata),
    .o_ready       (ready),
    .i_in_valid    (in_valid),
    .i_in_data     (in_data),
    .i_in_tag      (in_tag),
    .i_in_time     (in_time),
    .i_in_last     (in_last),
    .o_in_room     (in_room),
    .o_res_valid   (res_valid),
    .o_res_data    (res_data),
    .i_res_ready   (1'b1),
    .o_running     (running),
    .o_cycle       (cycle),
    .o_round_start (round_start)
  );

  // Trace: sampled just before each rising edge, like the Verilator harness.
  task tick;
    begin
      #4;
      if (round_start) $fdisplay(fd, "ROUND %0d", cycle);
      if (res_valid) begin
        $fdisplay(fd, "WORD %08x %0d", res_data, cycle);
        words = words + 1;
        last_cycle = cycle;
      end
      #1 clk = 1;
      #5 clk = 0;
    end
  endtask

  task bus_write(input [31:0] a, input [31:0] d);
    begin
      addr = a; wdata = d; we = 1;
      tick;
      we = 0;
      tick;
    end
  endtask

  task bus_read(input [31:0] a);
    begin
      addr = a; re = 1;
      tick;
      re = 0;
      #1 $fdisplay(fd, "REG %03x %08x", a[11:0], rdata);
      tick;
    end
  endtask

  // One input-port cycle: the next sample of the next window, a window only when the FIFO has room for it.
  task push;
    begin
      in_valid = 0;
      if (next < count && (sample > 0 || in_room)) begin
        in_valid = 1;
        in_tag = win[next * (n + 2)][7:0];
        in_time = win[next * (n + 2) + 1];
        in_data = win[next * (n + 2) + 2 + sample][15:0];
        in_last = (sample == n - 1);
        sample = sample + 1;
        if (sample == n) begin
          sample = 0;
          next = next + 1;
        end
      end
    end
  endtask

  initial begin
    clk = 0; rst = 1; addr = 0; we = 0; re = 0; wdata = 0;
    in_valid = 0; in_data = 0; in_tag = 0; in_time = 0; in_last = 0;
    words = 0; last_cycle = 0; next = 0; sample = 0;
    if (!$value$plusargs("ndesc=%d", ndesc)) ndesc = 0;
    if (!$value$plusargs("nparams=%d", nparams)) nparams = 0;
    if (!$value$plusargs("nweights=%d", nweights)) nweights = 0;
    if (!$value$plusargs("count=%d", count)) count = 0;
    if (!$value$plusargs("limit=%d", limit)) limit = 10000000;
    if ($value$plusargs("desc=%s", path)) $readmemh(path, desc, 0, ndesc - 1);
    if (nparams > 0 && $value$plusargs("params=%s", path)) $readmemh(path, params, 0, nparams - 1);
    if (nweights > 0 && $value$plusargs("weights=%s", path)) $readmemh(path, weights, 0, nweights - 1);
    if (!$value$plusargs("out=%s", path)) path = "trace.txt";
    fd = $fopen(path, "w");
    n = desc[0][79:64] * desc[0][95:80];
    if (!$value$plusargs("words=%d", per_window)) per_window = 0;
    expected = count * per_window;
    if (count > 0 && $value$plusargs("windows=%s", path)) $readmemh(path, win, 0, count * (n + 2) - 1);
    repeat (4) tick;
    rst = 0;
    tick;
    for (i = 0; i < ndesc; i = i + 1)
      for (j = 0; j < 8; j = j + 1) bus_write(32'h1000 + 4 * (8 * i + j), desc[i][32*j +: 32]);
    for (i = 0; i < nparams; i = i + 1)
      for (j = 0; j < 4; j = j + 1) bus_write(32'h2000 + 4 * (4 * i + j), params[i][32*j +: 32]);
    for (i = 0; i < nweights; i = i + 1)
      for (j = 0; j < WL; j = j + 1) bus_write(32'h10000 + 4 * (WL * i + j), weights[i][32*j +: 32]);
    #1;
    while (next < count && (sample > 0 || in_room)) begin
      push;
      tick;
      #1;
    end
    in_valid = 0;
    bus_write(32'h0, 32'h1);
    started = 0;
    while (words < expected) begin
      if (started > limit) begin
        $fdisplay(fd, "TIMEOUT %0d", limit);
        $fclose(fd);
        $display("cycle limit %0d reached with %0d of %0d result words", limit, words, expected);
        $finish;
      end
      #1;
      push;
      tick;
      started = started + 1;
    end
    in_valid = 0;
    $fdisplay(fd, "CYCLES %0d", last_cycle);
    bus_read(32'h004);
    bus_read(32'h008);
    bus_read(32'h020);
    bus_read(32'h024);
    bus_read(32'h028);
    bus_read(32'h034);
    bus_read(32'h038);
    $fclose(fd);
    $finish;
  end
endmodule

`default_nettype wire
