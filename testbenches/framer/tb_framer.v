`default_nettype none
// tb_framer: pdl_framer alone in Icarus (FramerRtlTest drives it). The result stream comes from a file of words
// (+results=FILE, +words=N), presented with seeded random gaps; the transmit FIFO's ready is random too, and a CPU
// stand-in claims the link now and then and sends an empty STATS frame numbered from the sequence register, as the
// firmware does. Every byte that would enter the UART's transmit FIFO is written to +out=FILE (hex, one a line);
// Java decodes them with the protocol's FrameDecoder. The capture clock a result's header sees is a function of the
// result's index (TIME_BASE + index * TIME_STEP), so Java can check every record's timestamp.
module tb_framer;
    localparam [63:0] TIME_BASE = 64'h0000_0001_2345_0000;
    localparam [63:0] TIME_STEP = 64'd977;
    reg clk = 1'b0, rst = 1'b1;
    always #5 clk = !clk;

    reg  [11:0] addr = 12'd0;
    reg         we = 1'b0, re = 1'b0;
    reg  [31:0] wdata = 32'd0;
    wire [31:0] rdata;
    wire        ready;
    reg         res_valid = 1'b0;
    wire [31:0] res_data;
    wire        res_ready;
    reg  [63:0] now_time = 64'd0;
    wire        tx_valid, in_frame;
    wire [7:0]  tx_data;
    reg         tx_ready = 1'b0;

    pdl_framer dut (
        .i_clk (clk), .i_rst (rst), .i_addr (addr), .i_we (we), .i_wstrb (4'hF), .i_wdata (wdata), .i_re (re),
        .o_rdata (rdata), .o_ready (ready), .i_res_valid (res_valid), .i_res_data (res_data), .o_res_ready (res_ready),
        .i_time (now_time), .o_tx_valid (tx_valid), .o_tx_data (tx_data), .i_tx_ready (tx_ready), .o_in_frame (in_frame)
    );

    reg [31:0] words [0:65535];
    integer n_words, outputs, wide, batch, mask, max_age, seq0, stall, claims, seed, out, i;
    integer pos = 0, bytes = 0, cpu_frames = 0, first_byte = -1, last_byte = 0, cycle = 0;
    reg [8*256-1:0] results_file, out_file;
    assign res_data = words[pos];

    // registers (offsets: pdl_framer_regs.h)
    task write_reg(input [11:0] a, input [31:0] d);
        begin
            @(negedge clk); addr = a; wdata = d; we = 1'b1;
            @(negedge clk); we = 1'b0;
            while (!ready) @(negedge clk);
        end
    endtask
    task read_reg(input [11:0] a, output [31:0] d);
        begin
            @(negedge clk); addr = a; re = 1'b1;
            @(negedge clk); re = 1'b0;
            while (!ready) @(negedge clk);
            d = rdata;
        end
    endtask

    always @(posedge clk) begin
        cycle <= cycle + 1;
        if (tx_valid && tx_ready) begin
            $fwrite(out, "%02x\n", tx_data);
            bytes <= bytes + 1;
            if (first_byte < 0) first_byte <= cycle;
            last_byte <= cycle;
        end
    end

    // the result stream: a header word starts result number `result`; its capture clock follows from that number
    always @(posedge clk) begin
        if (res_valid && res_ready) begin
            pos <= pos + 1;
        end
        if (stall == 0) res_valid <= pos + (res_valid && res_ready ? 1 : 0) < n_words;
        else res_valid <= pos + (res_valid && res_ready ? 1 : 0) < n_words && ($random(seed) & 3) != 0;
        tx_ready <= stall == 0 || ($random(seed) & 7) < 5;
    end
    // the capture clock as the result whose words are at pos sees it (every result has the same number of words)
    always @(*) now_time = TIME_BASE + TIME_STEP * (pos / (1 + outputs * (1 + wide)));

    function [31:0] crc_step(input [31:0] c, input [7:0] d);
        integer k;
        reg [31:0] x;
        begin
            x = c ^ {24'd0, d};
            for (k = 0; k < 8; k = k + 1) x = x[0] ? (x >> 1) ^ 32'hEDB88320 : x >> 1;
            crc_step = x;
        end
    endfunction

    // The CPU stand-in's frame: empty STATS (type 5), flags REPLY, through the FIFO while granted.
    task cpu_frame;
        reg [31:0] s, crc, g;
        reg [7:0] b [0:15];
        integer k;
        begin
            write_reg(12'h000, 32'd3);              // enable | claim
            g = 0;
            while (!(g & 1)) read_reg(12'h004, g);
            read_reg(12'h018, s);
            b[0] = 8'h50; b[1] = 8'h44; b[2] = 8'd1; b[3] = 8'd5; b[4] = 8'd2; b[5] = 8'd0; b[6] = 8'd0; b[7] = 8'd0;
            b[8] = s[7:0]; b[9] = s[15:8]; b[10] = s[23:16]; b[11] = s[31:24];
            crc = 32'hFFFFFFFF;
            for (k = 0; k < 12; k = k + 1) crc = crc_step(crc, b[k]);
            crc = ~crc;
            b[12] = crc[7:0]; b[13] = crc[15:8]; b[14] = crc[23:16]; b[15] = crc[31:24];
            for (k = 0; k < 16; k = k + 1) begin
                @(negedge clk);
                if (in_frame) begin $display("tb_framer: FAIL the framer sent while the CPU held the link"); $finish; end
                $fwrite(out, "%02x\n", b[k]);
            end
            write_reg(12'h01C, s + 1);
            write_reg(12'h000, 32'd1);              // release
            cpu_frames = cpu_frames + 1;
        end
    endtask

    reg [31:0] v, frames, records, drops, expected;
    initial begin
        if (!$value$plusargs("results=%s", results_file) || !$value$plusargs("words=%d", n_words)
            || !$value$plusargs("out=%s", out_file)) begin
            $display("tb_framer: usage +results=FILE +words=N +out=FILE [+outputs= +wide= +batch= ...]");
            $finish;
        end
        if (!$value$plusargs("outputs=%d", outputs)) outputs = 2;
        if (!$value$plusargs("wide=%d", wide)) wide = 0;
        if (!$value$plusargs("batch=%d", batch)) batch = 8;
        if (!$value$plusargs("mask=%d", mask)) mask = -1;
        if (!$value$plusargs("max_age=%d", max_age)) max_age = 0;
        if (!$value$plusargs("seq0=%d", seq0)) seq0 = 0;
        if (!$value$plusargs("stall=%d", stall)) stall = 1;
        if (!$value$plusargs("claims=%d", claims)) claims = 0;
        if (!$value$plusargs("seed=%d", seed)) seed = 1;
        $readmemh(results_file, words, 0, n_words - 1);
        words[n_words] = 32'd0;
        out = $fopen(out_file, "w");
        repeat (4) @(negedge clk);
        rst = 1'b0;
        write_reg(12'h00C, outputs | (wide << 8));
        write_reg(12'h008, batch);
        write_reg(12'h010, mask);
        write_reg(12'h014, max_age);
        write_reg(12'h01C, seq0);
        write_reg(12'h000, 32'd1);
        // claims: CPU frames every few hundred cycles while results flow
        for (i = 0; i < claims; i = i + 1) begin
            repeat (200 + ($random(seed) & 511)) @(negedge clk);
            cpu_frame;
        end
        while (pos < n_words) @(negedge clk);
        write_reg(12'h000, 32'd0);                  // disable: the held records go out, then idle
        v = 0;
        while (!(v & 2)) read_reg(12'h004, v);
        read_reg(12'h020, frames);
        read_reg(12'h024, records);
        read_reg(12'h028, drops);
        read_reg(12'h02C, expected);
        read_reg(12'h018, v);
        $display("tb_framer: frames %0d records %0d drops %0d expected %0d sequence %0d cpu_frames %0d bytes %0d cycles %0d",
                 frames, records, drops, expected, v, cpu_frames, bytes, last_byte - first_byte + 1);
        $fclose(out);
        $finish;
    end
endmodule
`default_nettype wire
