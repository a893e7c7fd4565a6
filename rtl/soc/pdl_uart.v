`default_nettype none
// pdl_uart: 8N1 UART with transmit and receive FIFOs and a bit time in clock cycles (registers: pdl_uart_regs,
// generated from SocRegisters.uart; docs/soc.md "UART"). The receiver synchronises i_rx, finds the start bit's
// falling edge, checks the start bit at its middle and samples each following bit a bit time later.
module pdl_uart #(
    parameter FIFO_BITS = 4             // 16-byte FIFOs
) (
    input  wire        i_clk,
    input  wire        i_rst,
    input  wire [11:0] i_addr,
    input  wire        i_we,
    input  wire [3:0]  i_wstrb,
    input  wire [31:0] i_wdata,
    input  wire        i_re,
    output wire [31:0] o_rdata,
    output wire        o_ready,
    output wire        o_tx,            // serial out, idle high
    input  wire        i_rx,            // serial in (asynchronous)
    output wire        o_irq,           // level: enabled conditions
    // a second writer of the transmit FIFO (the result framer): while i_hw_owns, its bytes go in and the CPU's
    // writes to tx are dropped; the owner changes only between frames (pdl_framer's claim and grant)
    input  wire        i_hw_owns,
    input  wire        i_hw_valid,
    input  wire [7:0]  i_hw_data,
    output wire        o_hw_ready
);
    wire [7:0]  tx_data;
    wire        tx_wr;
    wire        rx_rd;
    wire        overrun, frame_error;   // sticky flags (W1C), not used here
    wire [15:0] div;
    wire        irq_rx_en, irq_tx_en;

    wire [7:0]       txq_data, rxq_data;
    wire             txq_empty, txq_full, rxq_empty, rxq_full;
    wire [FIFO_BITS:0] txq_level, rxq_level;

    reg  [15:0] tx_count;               // cycles left in the current bit
    reg  [3:0]  tx_bits;                // bits left to send: 10 after loading a byte, 0 when idle
    reg  [8:0]  tx_shift;               // {stop, data} still to send; bit 0 of o_tx is tx_line
    reg         tx_line;
    wire        tx_load = tx_bits == 4'd0 && !txq_empty;

    reg  [1:0]  rx_sync;                // two flip-flops against metastability
    reg  [15:0] rx_count;
    reg  [3:0]  rx_bits;                // 0 idle; 10 start bit; 9..2 data; 1 stop bit
    reg  [7:0]  rx_shift;
    reg         rx_push, rx_overrun, rx_frame_error;
    wire        rx_in = rx_sync[1];
    // The register file captures rx in the request cycle and pulses o_rx_rd in the next; a byte pushed in between
    // must not be popped unseen, so only a read that returned a byte (rx.valid, bit 8 of the answer) pops.
    wire        rx_pop = rx_rd && o_rdata[8];

    pdl_uart_regs regs (
        .i_clk                       (i_clk),
        .i_rst                       (i_rst),
        .i_addr                      (i_addr),
        .i_we                        (i_we),
        .i_wstrb                     (i_wstrb),
        .i_wdata                     (i_wdata),
        .i_re                        (i_re),
        .o_rdata                     (o_rdata),
        .o_ready                     (o_ready),
        .o_tx_data                   (tx_data),
        .o_tx_wr                     (tx_wr),
        .i_rx_data                   (rxq_data),
        .i_rx_valid                  (!rxq_empty),
        .o_rx_rd                     (rx_rd),
        .i_status_tx_full            (txq_full),
        .i_status_tx_idle            (txq_empty && tx_bits == 4'd0),
        .i_status_rx_valid           (!rxq_empty),
        .i_status_rx_overrun_set     (rx_overrun),
        .o_status_rx_overrun         (overrun),
        .i_status_rx_frame_error_set (rx_frame_error),
        .o_status_rx_frame_error     (frame_error),
        .i_status_tx_level           ({{(7 - FIFO_BITS){1'b0}}, txq_level}),
        .i_status_rx_level           ({{(7 - FIFO_BITS){1'b0}}, rxq_level}),
        .o_div_cycles                (div),
        .o_irq_en_rx                 (irq_rx_en),
        .o_irq_en_tx_idle            (irq_tx_en)
    );

    pdl_soc_fifo #(.WIDTH(8), .DEPTH_BITS(FIFO_BITS)) txq (
        .i_clk (i_clk), .i_rst (i_rst), .i_push (i_hw_owns ? i_hw_valid : tx_wr),
        .i_data (i_hw_owns ? i_hw_data : tx_data), .i_pop (tx_load),
        .o_data (txq_data), .o_empty (txq_empty), .o_full (txq_full), .o_level (txq_level)
    );

    pdl_soc_fifo #(.WIDTH(8), .DEPTH_BITS(FIFO_BITS)) rxq (
        .i_clk (i_clk), .i_rst (i_rst), .i_push (rx_push), .i_data (rx_shift), .i_pop (rx_pop),
        .o_data (rxq_data), .o_empty (rxq_empty), .o_full (rxq_full), .o_level (rxq_level)
    );

    // Transmitter: start bit, 8 data bits LSB first, stop bit; each bit lasts div cycles.
    always @(posedge i_clk) begin
        if (i_rst) begin
            tx_bits <= 4'd0;
            tx_line <= 1'b1;
            tx_count <= 16'd0;
            tx_shift <= 9'h1ff;
        end else if (tx_load) begin
            tx_line  <= 1'b0;
            tx_shift <= {1'b1, txq_data};
            tx_bits  <= 4'd10;
            tx_count <= div - 16'd1;
        end else if (tx_bits != 4'd0) begin
            if (tx_count != 16'd0) begin
                tx_count <= tx_count - 16'd1;
            end else begin
                tx_bits  <= tx_bits - 4'd1;
                tx_line  <= tx_bits == 4'd1 ? 1'b1 : tx_shift[0];
                tx_shift <= {1'b1, tx_shift[8:1]};
                tx_count <= div - 16'd1;
            end
        end
    end
    assign o_tx = tx_line;

    // Receiver.
    always @(posedge i_clk) begin
        if (i_rst) begin
            rx_sync <= 2'b11;
            rx_bits <= 4'd0;
            rx_count <= 16'd0;
            rx_shift <= 8'd0;
            rx_push <= 1'b0;
            rx_overrun <= 1'b0;
            rx_frame_error <= 1'b0;
        end else begin
            rx_sync <= {rx_sync[0], i_rx};
            rx_push <= 1'b0;
            rx_overrun <= 1'b0;
            rx_frame_error <= 1'b0;
            if (rx_bits == 4'd0) begin
                if (!rx_in) begin               // falling edge: the middle of the start bit is half a bit away
                    rx_bits  <= 4'd10;
                    rx_count <= {1'b0, div[15:1]} - 16'd1;
                end
            end else if (rx_count != 16'd0) begin
                rx_count <= rx_count - 16'd1;
            end else begin
                rx_count <= div - 16'd1;
                rx_bits  <= rx_bits - 4'd1;
                if (rx_bits == 4'd10) begin
                    if (rx_in) rx_bits <= 4'd0;  // a glitch, not a start bit
                end else if (rx_bits == 4'd1) begin
                    rx_push        <= rx_in && !rxq_full;
                    rx_overrun     <= rx_in && rxq_full;
                    rx_frame_error <= !rx_in;
                end else begin
                    rx_shift <= {rx_in, rx_shift[7:1]};
                end
            end
        end
    end

    assign o_hw_ready = !txq_full;
    assign o_irq = (irq_rx_en && !rxq_empty) || (irq_tx_en && txq_empty && tx_bits == 4'd0);

    wire unused = &{1'b0, overrun, frame_error};
endmodule
`default_nettype wire
