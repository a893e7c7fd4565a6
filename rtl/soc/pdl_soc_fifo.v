`default_nettype none
// pdl_soc_fifo: a small synchronous FIFO (the UART's transmit and receive queues). A push while full and a pop
// while empty are ignored; o_level counts the entries.
module pdl_soc_fifo #(
    parameter WIDTH = 8,
    parameter DEPTH_BITS = 4            // 2^4 = 16 entries
) (
    input  wire                i_clk,
    input  wire                i_rst,
    input  wire                i_push,
    input  wire [WIDTH-1:0]    i_data,
    input  wire                i_pop,
    output wire [WIDTH-1:0]    o_data,  // the oldest entry (valid while !o_empty)
    output wire                o_empty,
    output wire                o_full,
    output wire [DEPTH_BITS:0] o_level
);
    reg [WIDTH-1:0]    slots [0:(1 << DEPTH_BITS) - 1];
    reg [DEPTH_BITS:0] head;            // read position, one extra bit tells full from empty
    reg [DEPTH_BITS:0] tail;            // write position

    wire do_push = i_push && !o_full;
    wire do_pop  = i_pop && !o_empty;

    assign o_level = tail - head;
    assign o_empty = tail == head;
    assign o_full  = o_level[DEPTH_BITS];
    assign o_data  = slots[head[DEPTH_BITS-1:0]];

    always @(posedge i_clk) begin
        if (do_push) slots[tail[DEPTH_BITS-1:0]] <= i_data;
    end

    always @(posedge i_clk) begin
        if (i_rst) begin
            head <= 0;
            tail <= 0;
        end else begin
            if (do_push) tail <= tail + 1'b1;
            if (do_pop)  head <= head + 1'b1;
        end
    end
endmodule
`default_nettype wire
