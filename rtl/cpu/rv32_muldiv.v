`default_nettype none
// M extension for rv32_core (E stage). Multiplies take one cycle when FAST_MUL is 1 (a 33x33 signed product
// that Yosys maps to DSP blocks); otherwise they share the 32-step shift-add datapath with division. Division
// is always iterative, 36 cycles in E: the operands are taken, made magnitudes, 32 restoring steps, the signed
// result is registered, E takes it. The signs (RISC-V ISA §M: x/0 = -1, x%0 = x,
// -2^31 / -1 = -2^31 with remainder 0 fall out of the magnitude algorithm without special cases except that a
// quotient by zero is never negated).
module rv32_muldiv #(
    parameter FAST_MUL = 1
) (
    input  wire        i_clk,
    input  wire        i_rst,
    input  wire        i_valid,   // E holds an M instruction that wants its result
    input  wire [2:0]  i_funct3,
    input  wire [31:0] i_a,
    input  wire [31:0] i_b,
    output wire        o_ready,   // o_result is valid; E completes this cycle
    output wire        o_busy,    // an iterative operation has started (interrupts wait for it)
    output reg  [31:0] o_result
);
    wire is_div      = i_funct3[2];
    wire a_signed    = is_div ? !i_funct3[0] : (i_funct3 == 3'b001 || i_funct3 == 3'b010);
    wire b_signed    = is_div ? !i_funct3[0] : (i_funct3 == 3'b001);
    wire a_neg       = a_signed && i_a[31];
    wire b_neg       = b_signed && i_b[31];
    wire iterative   = is_div || FAST_MUL == 0;
    wire a_in_lo     = FAST_MUL != 0 || is_div;   // lo_r takes operand a (dividend), else b (multiplier)

    // --- single-cycle multiply
`ifdef VERILATOR
    // Simulation speed: Verilator computes a 66-bit product with its wide-word routine at every cycle (6 % of a
    // SoC simulation). The low 64 bits of the operands sign-extended to 64 bits and multiplied modulo 2^64 are the
    // low 64 bits of the 33 x 33 signed product, which is all the result uses; the CPU's QEMU differential test
    // (CpuDifferentialTest: mul, mulh, mulhsu, mulhu on random operands) runs this branch. Synthesis reads the other.
    wire [63:0] fast_p = {{32{a_neg}}, i_a} * {{32{b_neg}}, i_b};
`else
    wire signed [32:0] fast_a = {a_neg, i_a};
    wire signed [32:0] fast_b = {b_neg, i_b};
    /* verilator lint_off UNUSEDSIGNAL */
    wire signed [65:0] fast_p = fast_a * fast_b;   // bits 65:64 only repeat the sign
    /* verilator lint_on UNUSEDSIGNAL */
`endif

    // --- iterative datapath: {hi, lo} is {remainder, quotient} or {product high, multiplier/product low}
    reg        busy_r;
    reg        done_r;
    reg [5:0]  count_r;
    reg [31:0] hi_r;
    reg [31:0] lo_r;
    reg [31:0] operand_r;      // divisor or multiplicand magnitude
    reg        neg_r;          // negate the quotient / product
    reg        neg_rem_r;      // negate the remainder
    reg        div_r;
    reg        prep_r;         // the operands were taken: they become magnitudes in this cycle
    reg        lo_neg_r;       // lo_r / operand_r hold a negative operand
    reg        op_neg_r;
    reg        fin_r;          // the steps are done: the signed result is registered in this cycle
    reg [31:0] res_r;

    wire [32:0] div_trial = {hi_r, lo_r[31]} - {1'b0, operand_r};
    wire [32:0] mul_sum   = {1'b0, hi_r} + {1'b0, lo_r[0] ? operand_r : 32'd0};

    always @(posedge i_clk) begin
        if (i_rst) begin
            busy_r <= 1'b0;
            prep_r <= 1'b0;
            fin_r  <= 1'b0;
            done_r <= 1'b0;
        end else if (done_r) begin
            done_r <= 1'b0;                          // consumed: E completes in this cycle
        end else if (fin_r) begin
            fin_r  <= 1'b0;
            done_r <= 1'b1;
            res_r  <= slow_result;
        end else if (prep_r) begin
            // magnitudes a cycle after the operands were taken, so that E's operand multiplexers and this
            // negation's carry chain are not one path
            prep_r    <= 1'b0;
            lo_r      <= lo_neg_r ? -lo_r : lo_r;
            operand_r <= op_neg_r ? -operand_r : operand_r;
        end else if (busy_r) begin
            if (div_r) begin
                if (!div_trial[32]) begin
                    hi_r <= div_trial[31:0];
                    lo_r <= {lo_r[30:0], 1'b1};
                end else begin
                    hi_r <= {hi_r[30:0], lo_r[31]};
                    lo_r <= {lo_r[30:0], 1'b0};
                end
            end else begin
                hi_r <= mul_sum[32:1];
                lo_r <= {mul_sum[0], lo_r[31:1]};
            end
            count_r <= count_r - 6'd1;
            if (count_r == 6'd1) begin
                busy_r <= 1'b0;
                fin_r  <= 1'b1;
            end
        end else if (i_valid && iterative) begin
            busy_r    <= 1'b1;
            prep_r    <= 1'b1;
            count_r   <= 6'd32;
            div_r     <= is_div;
            hi_r      <= 32'd0;
            // dividend / multiplier magnitude in lo, divisor / multiplicand magnitude in operand
            lo_r      <= a_in_lo ? i_a : i_b;
            operand_r <= a_in_lo ? i_b : i_a;
            lo_neg_r  <= a_in_lo ? a_neg : b_neg;
            op_neg_r  <= a_in_lo ? b_neg : a_neg;
            neg_r     <= (a_neg ^ b_neg) && !(is_div && i_b == 32'd0);
            neg_rem_r <= a_neg;
        end
    end

    wire [63:0] slow_p = neg_r ? -{hi_r, lo_r} : {hi_r, lo_r};
    // quotient (lo) or remainder (hi), with its sign: one negator for both
    wire        is_rem   = i_funct3[1];
    wire [31:0] div_mag  = is_rem ? hi_r : lo_r;
    wire [31:0] div_out  = (is_rem ? neg_rem_r : neg_r) ? -div_mag : div_mag;

    // The iterative result is registered (fin_r) before E takes it: the 64-bit negation stays out of E's cycle.
    // (with FAST_MUL only divisions get here: the product's negation is then left out)
    reg [31:0] slow_result;
    always @(*) begin
        case (FAST_MUL != 0 ? 3'b100 : i_funct3)
            3'b000:  slow_result = slow_p[31:0];
            3'b001,
            3'b010,
            3'b011:  slow_result = slow_p[63:32];
            default: slow_result = div_out;
        endcase
    end

    assign o_ready = iterative ? done_r : 1'b1;
    assign o_busy  = busy_r || fin_r || done_r;

    always @(*) begin
        case (i_funct3)
            3'b000:  o_result = FAST_MUL != 0 ? fast_p[31:0]  : res_r;
            3'b001,
            3'b010,
            3'b011:  o_result = FAST_MUL != 0 ? fast_p[63:32] : res_r;
            default: o_result = res_r;
        endcase
    end
endmodule
`default_nettype wire
