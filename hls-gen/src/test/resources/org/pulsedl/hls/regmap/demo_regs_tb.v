// Testbench of the generated demo_regs (RegisterFileToolsTest): writes, reads back, byte strobes, W1C,
// RO inputs, read/write strobes and a request held until ready. Prints PASS or FAIL lines.
`default_nettype none

module demo_regs_tb;
  reg         clk = 1'b0;
  reg         rst = 1'b1;
  reg  [3:0]  addr = 4'h0;
  reg         we = 1'b0;
  reg  [3:0]  wstrb = 4'h0;
  reg  [31:0] wdata = 32'h0;
  reg         re = 1'b0;
  reg         busy = 1'b0;
  reg  [1:0]  done_set = 2'b00;
  reg  [31:0] count = 32'h0;
  wire [31:0] rdata;
  wire        ready;
  wire        ctrl_enable;
  wire [1:0]  ctrl_mode;
  wire [1:0]  status_done;
  wire        count_rd;
  wire [31:0] cmd;
  wire        cmd_wr;
  integer     errors = 0;
  integer     count_reads = 0;
  integer     cmd_writes = 0;
  integer     readies = 0;
  reg  [31:0] value;

  demo_regs dut (
    .i_clk             (clk),
    .i_rst             (rst),
    .i_addr            (addr),
    .i_we              (we),
    .i_wstrb           (wstrb),
    .i_wdata           (wdata),
    .i_re              (re),
    .o_rdata           (rdata),
    .o_ready           (ready),
    .o_ctrl_enable     (ctrl_enable),
    .o_ctrl_mode       (ctrl_mode),
    .i_status_busy     (busy),
    .i_status_done_set (done_set),
    .o_status_done     (status_done),
    .i_count           (count),
    .o_count_rd        (count_rd),
    .o_cmd             (cmd),
    .o_cmd_wr          (cmd_wr)
  );

  always #5 clk = ~clk;

  always @(posedge clk) begin
    if (count_rd) count_reads = count_reads + 1;
    if (cmd_wr) cmd_writes = cmd_writes + 1;
    if (ready) readies = readies + 1;
  end

  task check(input [31:0] got, input [31:0] expected, input [8*40-1:0] what);
    begin
      if (got !== expected) begin
        $display("FAIL %0s: got %h, expected %h", what, got, expected);
        errors = errors + 1;
      end
    end
  endtask

  // A one-cycle write pulse; the response comes one cycle later.
  task bus_write(input [3:0] a, input [31:0] d, input [3:0] s);
    begin
      @(negedge clk);
      addr = a; wdata = d; wstrb = s; we = 1'b1;
      @(negedge clk);
      we = 1'b0;
      check(ready, 1, "ready after write");
    end
  endtask

  // A read held until ready, as a PicoRV32-style master does.
  task bus_read(input [3:0] a, output [31:0] d);
    begin
      @(negedge clk);
      addr = a; re = 1'b1;
      @(negedge clk);
      while (!ready) @(negedge clk);
      d = rdata;
      @(posedge clk);
      #1 re = 1'b0;
    end
  endtask

  initial begin
    repeat (2) @(negedge clk);
    rst = 1'b0;

    bus_read(4'h0, value);
    check(value, 32'h9, "ctrl reset value");
    check({ctrl_mode, ctrl_enable}, 3'b101, "ctrl outputs after reset");

    bus_write(4'h0, 32'h4, 4'hf);
    bus_read(4'h0, value);
    check(value, 32'h4, "ctrl read back");
    check({ctrl_mode, ctrl_enable}, 3'b010, "ctrl outputs after write");

    bus_write(4'h0, 32'hffffffff, 4'h0);
    bus_read(4'h0, value);
    check(value, 32'h4, "ctrl unchanged with no byte enabled");

    busy = 1'b1;
    bus_read(4'h4, value);
    check(value, 32'h1, "status.busy from RO input");

    @(negedge clk) done_set = 2'b11;
    @(negedge clk) done_set = 2'b00;
    check(status_done, 2'b11, "status.done set by hardware");
    bus_read(4'h4, value);
    check(value, 32'h301, "status with done set");
    bus_write(4'h4, 32'h100, 4'hf);
    check(status_done, 2'b10, "status.done bit 0 cleared by writing 1");
    bus_write(4'h4, 32'h000, 4'hf);
    check(status_done, 2'b10, "status.done unchanged by writing 0");

    count = 32'hdeadbeef;
    bus_read(4'h8, value);
    check(value, 32'hdeadbeef, "count from RO input");
    check(count_reads, 1, "one read strobe per read");

    bus_write(4'hc, 32'h12345678, 4'hf);
    check(cmd, 32'h12345678, "cmd output");
    bus_read(4'hc, value);
    check(value, 32'h0, "WO register reads as 0");
    check(cmd_writes, 1, "one write strobe per write");
    check(readies, 12, "one ready per request");

    if (errors == 0) $display("PASS demo_regs");
    $finish;
  end
endmodule

`default_nettype wire
