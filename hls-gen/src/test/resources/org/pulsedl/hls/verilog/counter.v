// Generated file - do not edit; regenerate it instead.
// Command: pulsedl test
// Tool: pulsedl hls-gen test
// Input hash: sha256:529ab897bb0302dde66de4e4dee7eb96c219117d5196d1d655d2d978d7dd1793

`default_nettype none

// counter: free-running counter with enable; a test fixture of the Verilog emitter.
module counter #(
  parameter WIDTH = 8  // counter width in bits
) (
  input  wire             i_clk,    // clock
  input  wire             i_rst,    // synchronous reset, active high
  input  wire             i_en,     // count this cycle
  output wire [WIDTH-1:0] o_count,  // current count
  output wire             o_wrap    // count is all ones
);

  reg [WIDTH-1:0] count_r;  // the count

  always @(posedge i_clk) begin
    if (i_rst) begin
      count_r <= {WIDTH{1'b0}};
    end else if (i_en) begin
      count_r <= count_r + 1'b1;
    end
  end

  assign o_count = count_r;
  assign o_wrap  = &count_r;  // all ones

endmodule

`default_nettype wire
