// Generated file - do not edit; regenerate it instead.
// Command: pulsedl test
// Tool: pulsedl hls-gen test
// Input hash: sha256:a2df2d5a2460bf08c4b2453218e0f4cbd90d1f268124bc13a67c04f684e184ae

`default_nettype none

// lanes: 2 counters in a generate loop and a 16 x 8 trace memory.
// A test fixture of the Verilog emitter.
module lanes #(
  parameter LANES = 2  // number of counters
) (
  input  wire             i_clk,    // clock
  input  wire             i_rst,    // synchronous reset, active high
  input  wire [LANES-1:0] i_en,     // per-lane enable
  input  wire             i_we,     // append lane 0's count to the trace
  input  wire             i_re,     // read the trace
  input  wire [3:0]       i_raddr,  // trace read address
  input  wire             i_sel,    // 1: output the trace, 0: lane 0
  output wire [7:0]       o_data,   // selected data
  output wire [LANES-1:0] o_wrap    // per-lane wrap flags
);

  wire [7:0] lane_count [0:1];  // per-lane count
  wire [7:0] lane0_count;       // lane 0's count

  reg [3:0] waddr_r;  // trace write pointer
  reg [7:0] data;     // output mux

  // One counter per lane.
  genvar i;
  generate
    for (i = 0; i < LANES; i = i + 1) begin : g_lane
      counter #(
        .WIDTH (8)
      ) u_counter (
        .i_clk   (i_clk),
        .i_rst   (i_rst),
        .i_en    (i_en[i]),
        .o_count (lane_count[i]),
        .o_wrap  (o_wrap[i])
      );
    end
  endgenerate

  assign lane0_count = lane_count[0];

  // Trace of lane 0's count.
  // 16 x [7:0] synchronous-read memory, registered read data (infers block RAM).
  reg [7:0] trace_mem [0:15];
  reg [7:0] trace_mem_rdata_r;

  initial $readmemh("trace.hex", trace_mem);

  always @(posedge i_clk) begin
    if (i_we) begin
      trace_mem[waddr_r] <= lane0_count;
    end
    if (i_re) begin
      trace_mem_rdata_r <= trace_mem[i_raddr];
    end
  end

  // Trace write pointer.
  always @(posedge i_clk) begin
    if (i_rst) begin
      waddr_r <= 4'd0;
    end else if (i_we) begin
      waddr_r <= waddr_r + 1'b1;
    end
  end

  // Output select.
  always @* begin
    case (i_sel)
      1'b1:    data = trace_mem_rdata_r;
      default: data = lane0_count;
    endcase
  end

  assign o_data = data;

endmodule

`default_nettype wire
