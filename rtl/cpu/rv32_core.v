`default_nettype none
// rv32_core: RV32IM + Zicsr + Zifencei, machine mode only (DESIGN §4; docs/soc.md "CPU").
//
// Four stages:
//   F  the fetch address goes to the instruction RAM (synchronous: the word arrives one cycle later)
//   D  the word arrives; decode; its rs1/rs2 fields address the register file (block RAM, synchronous read);
//      D also chooses each operand's bypass for E and sorts the instruction into a result class (below)
//   E  the register values arrive; ALU, branch decision, CSRs, traps, multiply/divide, data RAM request
//   W  load alignment, the last two steps of a shift; register write
// Hazards: E takes W's value (an add's registered sum, or any other E result) or the value written at the edge
// that read the register file (a block RAM's read of the address written at the same edge is undefined); a load
// or shift followed by a user of its value stalls one cycle (their value is made in W); a divide stalls E for 35
// cycles. A jal redirects the fetch from E at once (one bubble). A taken branch, jalr, trap, mret or fence.i
// redirects it from a register a cycle later (two bubbles): their decision waits for the ALU's carry chain, and
// the fetch address, the block RAM's address input, must not.
// Timing (iCE40 HX8K, docs/performance.md): one LUT between the register file and the adder; the adder's sum goes
// straight into flip-flops; every user of its carry-out is one LUT; the address's low bits (alignment, byte lanes)
// come from the operands, not the carry chain; the trap CSRs update a cycle after the decision. Some wires carry
// (* keep *) so that synthesis keeps those LUT boundaries (it cannot tell that a block RAM's output arrives late).
//
// Memory ports (one-cycle synchronous RAM, no wait states): the instruction address is sampled at every
// rising edge and the word is valid during the next cycle; a data request (o_dmem_valid) is sampled at the
// rising edge, writes byte lanes o_dmem_wstrb, and a read's word is valid during the next cycle. A SoC bus may
// hold a request back for a cycle (i_dmem_busy, from a register) and refuse an address (i_dmem_fault, decoded
// from o_dmem_addr in the same cycle; mcause 5/7 with the address in mtval). i_dmem_busy may be high only in the
// cycle right after a data request, for one cycle (what CpuBusyBusTest drives, after random requests): a load or
// store held after a non-memory instruction would lose the operand E forwards from W in its first cycle.
module rv32_core #(
    parameter [31:0] RESET_VECTOR = 32'h8000_0000,
    parameter        FAST_MUL     = 1             // 1: single-cycle multiply (DSP); 0: 32-cycle shift-add
) (
    input  wire        i_clk,
    input  wire        i_rst,          // synchronous, active high
    output wire [31:0] o_imem_addr,    // byte address of the next instruction word
    input  wire [31:0] i_imem_rdata,
    output wire        o_dmem_valid,
    output wire        o_dmem_we,
    output wire [3:0]  o_dmem_wstrb,
    output wire [31:0] o_dmem_addr,    // byte address; the RAM uses bits [31:2]
    output wire [31:0] o_dmem_wdata,   // already shifted to the byte lanes
    input  wire [31:0] i_dmem_rdata,
    input  wire        i_dmem_busy,    // a bus response is pending: a data request this cycle waits (E stalls); only
                                       // in the cycle after a data request (above)
    input  wire        i_dmem_fault,   // o_dmem_addr maps to nothing: the load or store traps (access fault)
    input  wire        i_timer_irq,    // mip.MTIP
    input  wire        i_ext_irq       // mip.MEIP
);
    // ------------------------------------------------------------------ D stage
    reg        d_valid;
    reg [31:0] d_pc;
    wire [31:0] d_instr = i_imem_rdata;

    wire [4:0]  d_rd, d_rs1, d_rs2;
    wire [31:0] d_imm;
    wire d_uses_rs1, d_uses_rs2, d_writes_rd, d_use_imm, d_alt, d_is_alu, d_is_lui, d_is_auipc, d_is_jal;
    wire d_is_jalr, d_is_branch, d_is_load, d_is_store, d_is_muldiv, d_is_csr, d_is_ecall, d_is_ebreak;
    wire d_is_mret, d_is_fencei, d_illegal;

    rv32_decode decode (
        .i_instr     (d_instr),
        .o_rd        (d_rd),
        .o_rs1       (d_rs1),
        .o_rs2       (d_rs2),
        .o_uses_rs1  (d_uses_rs1),
        .o_uses_rs2  (d_uses_rs2),
        .o_writes_rd (d_writes_rd),
        .o_imm       (d_imm),
        .o_use_imm   (d_use_imm),
        .o_alt       (d_alt),
        .o_is_alu    (d_is_alu),
        .o_is_lui    (d_is_lui),
        .o_is_auipc  (d_is_auipc),
        .o_is_jal    (d_is_jal),
        .o_is_jalr   (d_is_jalr),
        .o_is_branch (d_is_branch),
        .o_is_load   (d_is_load),
        .o_is_store  (d_is_store),
        .o_is_muldiv (d_is_muldiv),
        .o_is_csr    (d_is_csr),
        .o_is_ecall  (d_is_ecall),
        .o_is_ebreak (d_is_ebreak),
        .o_is_mret   (d_is_mret),
        .o_is_fencei (d_is_fencei),
        .o_illegal   (d_illegal)
    );

    // D also sorts the instruction into the result class E and W use (one flag each, registered into E):
    //   sum    add, sub, addi: the adder's sum, registered straight into w_sum (no multiplexer after the carry)
    //   cmp    slt(i)(u): bit 0 of w_sum is the comparison, the other bits come from w_rest (zero)
    //   rest   logic ops, lui, auipc, jal(r) link, CSR reads, multiply/divide: w_rest
    //   late   loads and shifts: their value is made in W (w_data), so a user right behind them waits a cycle
    wire [2:0] d_funct3    = d_instr[14:12];
    wire       d_r_sum     = d_is_alu && d_funct3 == 3'b000;
    wire       d_r_cmp     = d_is_alu && d_funct3[2:1] == 2'b01;
    wire       d_is_shift  = d_is_alu && d_funct3[1:0] == 2'b01;
    wire       d_sub       = d_is_branch || d_r_cmp || (d_r_sum && d_alt);
    wire       d_signed    = d_is_branch ? !d_funct3[1] : !d_funct3[0];     // blt/bge, slt(i)

    // W stage registers (declared here: D and E bypass from them)
    reg        w_we;
    reg [4:0]  w_rd;
    reg        w_is_load;
    reg        w_is_shift;
    reg        w_sel_sum;          // bits 31:1 of the result are w_sum's (sum class)
    reg        w_sel_lo;           // bit 0 is w_sum's (sum or cmp class)
    reg [2:0]  w_funct3;
    reg [1:0]  w_byte;
    reg [31:0] w_sum;              // the adder's output (bit 0: the comparison for cmp)
    reg [31:0] w_rest;             // every other E result
    reg [31:0] w_load;
    wire [31:0] w_shift;

    wire [31:0] w_result = {w_sel_sum ? w_sum[31:1] : w_rest[31:1], w_sel_lo ? w_sum[0] : w_rest[0]};
    wire [31:0] w_data   = w_is_load ? w_load : w_is_shift ? w_shift : w_result;

    // The register file reads at the edge that moves the instruction from D to E and holds its outputs while E
    // waits (rf_hold, below). x_data keeps the value written at that same edge, for op2 (the ALU operands take it
    // through e_p1 / e_p2, below).
    wire [31:0] rf_rs1, rf_rs2;
    wire        rf_hold;
    reg  [31:0] x_data;
    always @(posedge i_clk) begin
        if (!rf_hold) begin
            x_data <= w_data;
        end
    end
    rv32_regfile regfile (
        .i_clk    (i_clk),
        .i_hold   (rf_hold),
        .i_we     (w_we),
        .i_rd     (w_rd),
        .i_wdata  (w_data),
        .i_rs1    (d_rs1),
        .i_rs2    (d_rs2),
        .o_rs1    (rf_rs1),
        .o_rs2    (rf_rs2)
    );

    // ------------------------------------------------------------------ E stage registers
    // E holds a live instruction. A late redirect (redirect_q) kills the one that entered E as it was decided,
    // here rather than by clearing e_valid_q at that edge: so the branch comparison ends in redirect_q alone.
    reg        e_valid_q;
    reg        redirect_q;
    wire       e_valid = e_valid_q && !redirect_q;
    reg [31:0] e_pc;
    reg [31:0] e_instr;
    reg [4:0]  e_rd, e_rs1;
    reg [31:0] e_imm;
    reg        e_writes_rd, e_alt, e_is_alu, e_is_lui, e_is_auipc, e_is_jal, e_is_jalr;
    reg        e_is_branch, e_is_load, e_is_store, e_is_muldiv, e_is_csr, e_is_ecall, e_is_ebreak;
    reg        e_is_mret, e_is_fencei, e_illegal;
    reg        e_r_sum, e_r_cmp, e_is_shift, e_sub, e_signed;
    reg        e_late_rd;         // a load or shift to a register other than x0
    wire [2:0] e_funct3 = e_instr[14:12];

    // The operands. D compares the register numbers a cycle ahead and registers, per operand, which source E
    // takes, so that between the register file's output and the adder there is one LUT (iCE40 timing):
    //   t (sum class in W: bits 31:1 t_hi, bit 0 t_lo)  w_sum, the adder's registered output
    //   p (any other bypass, or operand b's immediate)   e_p: W's rest value, the value written at the edge that
    //                                                     read the register file, or the immediate, chosen in D
    //   neither                                          the register file
    // Only the instruction right behind a sum or rest one takes W's value: loads and shifts are late (their users
    // wait). fwd_ok (below) stands for the w_we of the coming cycle: where they differ, E traps and kills the
    // instruction behind it, whose operands then do not matter.
    // A stalled instruction needs its operands only in its first cycle in E (a divide or slow multiply latches
    // them; a load or store waits for the bus only right after a memory access, which forwards nothing).
    reg        e_p1_use, e_t1_hi, e_t1_lo;
    reg        e_p2_use, e_t2_hi, e_t2_lo;
    reg [31:0] e_p1, e_p2;
    reg        e_fwd2, e_xfwd2;   // rs2 (without the immediate: store data, multiply/divide) from W / x_data

    // keep: synthesis must not fold the register file's output into the first of the two LUT levels
    (* keep *) wire [31:0] p1_or_t;
    assign p1_or_t = {e_t1_hi ? w_sum[31:1] : e_p1[31:1], e_t1_lo ? w_sum[0] : e_p1[0]};
    (* keep *) wire [31:0] p2_or_t;
    assign p2_or_t = {e_t2_hi ? w_sum[31:1] : e_p2[31:1], e_t2_lo ? w_sum[0] : e_p2[0]};
    (* keep *) wire [31:0] op1;
    assign op1 = e_p1_use ? p1_or_t : rf_rs1;
    wire [31:0] alu_b   = e_p2_use ? p2_or_t : rf_rs2;
    wire [31:0] op2     = e_fwd2 ? w_result : e_xfwd2 ? x_data : rf_rs2;

    // ALU. One adder serves add, sub, the comparisons (slt, sltu, branches) and the address and jalr target: to
    // subtract, operand b is inverted and the carry-in set, both in the same LUT as the operand selection. Its
    // carry-out is "a >= b" unsigned; the signed "less than" flips it with the operands' sign bits.
    (* keep *) wire [31:0] b_x;
    assign b_x = alu_b ^ {32{e_sub}};
    /* verilator lint_off UNUSEDSIGNAL */
    wire [33:0] addsub  = {1'b0, op1, 1'b1} + {1'b0, b_x, e_sub};   // bit 0 carries e_sub into bit 1
    /* verilator lint_on UNUSEDSIGNAL */
    wire [31:0] sum     = addsub[32:1];
    wire        carry   = addsub[33];
    wire        less_k  = e_signed ? op1[31] ^ b_x[31] : 1'b1;           // "less than" is carry ^ less_k
    wire        equal   = &(op1 ^ b_x);                              // branches subtract: b_x is ~rs2

    // bit 0 of w_sum for either value of the carry-out (slt's comparison; see "Every user of the carry-out" below)
    (* keep *) wire sum0_c1;
    assign sum0_c1 = e_r_cmp ? !less_k : sum[0];
    (* keep *) wire sum0_c0;
    assign sum0_c0 = e_r_cmp ? less_k : sum[0];

    // Shifts: one right shifter (left shifts shift the reversed operand), by 4 * amount[4:2] in E and by
    // amount[1:0] in W, where the result also turns back for a left shift.
    wire        shl_op  = e_funct3 == 3'b001;
    wire [31:0] shr_src = shl_op ? reverse(op1) : op1;
    wire [32:0] shr_in  = {e_alt && op1[31], shr_src};
    wire [32:0] shr_e   = $signed(shr_in) >>> {b_x[4:2], 2'b00};

    // The bit reversal in five swaps of halves, bytes, nibbles, pairs and bits: the same wires to synthesis as a
    // loop over the bits, and a few machine operations instead of 32 single-bit moves in Verilator (the loop cost
    // the SoC simulation 5-7 % of its speed).
    function [31:0] reverse(input [31:0] x);
        reg [31:0] t;
        begin
            t = {x[15:0], x[31:16]};
            t = ((t >> 8) & 32'h00FF00FF) | ((t & 32'h00FF00FF) << 8);
            t = ((t >> 4) & 32'h0F0F0F0F) | ((t & 32'h0F0F0F0F) << 4);
            t = ((t >> 2) & 32'h33333333) | ((t & 32'h33333333) << 2);
            reverse = ((t >> 1) & 32'h55555555) | ((t & 32'h55555555) << 1);
        end
    endfunction

    // branches and jumps
    // Every user of the carry-out is a multiplexer on it between two values that are ready before it (kept, so that
    // synthesis leaves the carry for the last LUT): the branch condition, the redirect and slt's bit 0.
    (* keep *) wire taken_c1;
    assign taken_c1 = e_funct3[2] ? !less_k ^ e_funct3[0] : equal ^ e_funct3[0];
    (* keep *) wire taken_c0;
    assign taken_c0 = e_funct3[2] ? less_k ^ e_funct3[0] : equal ^ e_funct3[0];
    wire taken_cond = carry ? taken_c1 : taken_c0;
    wire [31:0] pc_imm   = e_pc + e_imm;
    wire [31:0] pc_next  = e_pc + 32'd4;

    // memory access
    wire       mem_half = e_funct3[1:0] == 2'b01;
    wire       mem_word = e_funct3[1:0] == 2'b10;
    // the address's two low bits, from the operands rather than the carry chain: the traps they decide end in
    // the CSR enables and the fetch (iCE40 timing)
    wire [1:0] addr_lo  = {op1[1] ^ e_imm[1] ^ (op1[0] && e_imm[0]), op1[0] ^ e_imm[0]};
    wire       misaligned_mem = (mem_half && addr_lo[0]) || (mem_word && addr_lo != 2'b00);

    // multiply / divide
    wire        irq_pending;
    wire [3:0]  irq_code;
    wire        md_busy, md_ready;
    wire [31:0] md_result;
    wire        irq_take = e_valid && irq_pending && !md_busy;
    rv32_muldiv #(.FAST_MUL(FAST_MUL)) muldiv (
        .i_clk    (i_clk),
        .i_rst    (i_rst),
        .i_valid  (e_valid && e_is_muldiv && !irq_take),
        .i_funct3 (e_funct3),
        .i_a      (op1),
        .i_b      (op2),
        .o_ready  (md_ready),
        .o_busy   (md_busy),
        .o_result (md_result)
    );

    // CSRs and traps
    wire [31:0] csr_rdata, mtvec, mepc;
    wire        csr_illegal;
    wire        illegal    = e_illegal || (e_is_csr && csr_illegal);
    // A taken branch to a misaligned target (imm[1] set: the pc is 4-byte aligned) traps. So that no trap or
    // CSR enable waits for the comparison, such a branch spends two cycles in E: the first compares (taken_q),
    // the second traps or falls through. Compilers never emit one; only the tests pay the cycle.
    reg         e_second;     // E holds an imm[1] branch in its second cycle
    reg         taken_q;      // the comparison of the cycle before
    always @(posedge i_clk) begin
        taken_q <= taken_cond;
    end
    wire        branch_trap     = e_is_branch && e_imm[1] && e_second && taken_q;
    wire        jump_misaligned = (e_is_jal && e_imm[1]) || (e_is_jalr && addr_lo[1]);
    wire        misaligned_jump = jump_misaligned || branch_trap;
    wire        exception_early = illegal || e_is_ecall || e_is_ebreak || jump_misaligned
                                  || ((e_is_load || e_is_store) && (misaligned_mem || i_dmem_fault));
    wire        trap       = irq_take || (e_valid && (exception_early || branch_trap));
    reg  [4:0]  trap_cause;       // {interrupt, exception code}
    reg  [31:0] trap_value;
    always @(*) begin
        if (irq_take) begin
            trap_cause = {1'b1, irq_code};
            trap_value = 32'd0;
        end else if (illegal) begin
            trap_cause = 5'd2;
            trap_value = e_instr;
        end else if (e_is_ecall) begin
            trap_cause = 5'd11;
            trap_value = 32'd0;
        end else if (e_is_ebreak) begin
            trap_cause = 5'd3;
            trap_value = 32'd0;      // mtval may be 0 or the pc (priv. spec); 0 as QEMU
        end else if (misaligned_jump) begin
            trap_cause = 5'd0;
            trap_value = pc_imm;     // a jalr's target: the sum, below
        end else begin
            trap_cause = misaligned_mem ? (e_is_load ? 5'd4 : 5'd6) : (e_is_load ? 5'd5 : 5'd7);
            trap_value = 32'd0;      // the address: the sum, below
        end
    end
    // mtval is the sum (a load's or store's address, a jalr's target) unless an earlier cause applies: the sum,
    // which comes last, passes one multiplexer.
    wire        tval_sum  = !irq_take && !illegal && !e_is_ecall && !e_is_ebreak && (!misaligned_jump || e_is_jalr);
    wire [31:0] tval      = tval_sum ? {sum[31:1], sum[0] && !e_is_jalr} : trap_value;

    wire e_stall = e_valid && !irq_take && ((e_is_muldiv && !md_ready) || (e_is_branch && e_imm[1] && !e_second)
                   || ((e_is_load || e_is_store) && i_dmem_busy && !exception_early));
    // The register file and x_data hold while E waits, so that the waiting instruction keeps its operands. This
    // leaves out the trap decision (its bus fault comes from the address adder): where it differs from e_stall,
    // E traps and the instruction entering E is killed, so its operands do not matter. An imm[1] branch needs
    // its operands only in its first cycle (taken_q).
    assign rf_hold = e_valid && ((e_is_muldiv && !md_ready) || ((e_is_load || e_is_store) && i_dmem_busy));
    always @(posedge i_clk) begin
        if (i_rst) begin
            e_second <= 1'b0;
        end else begin
            e_second <= e_stall && e_is_branch;
        end
    end
    wire e_go    = e_valid && !e_stall && !irq_take && !exception_early;  // completes unless a trapping branch
    wire e_done  = e_go && !branch_trap;             // completes (retires) this cycle
    wire mret    = e_valid && e_is_mret && !irq_take;   // as e_done, which an mret always is unless interrupted

    // The trap CSRs (mepc, mcause, mtval, mstatus) take a trap at the edge after its decision, from registers: the
    // decision (from the operands, through the misaligned-address check) then ends in flip-flops, not in the
    // enables of about 100 CSR bits (iCE40 timing). Nothing can see the difference: the instruction in E in that
    // cycle is killed by redirect_q, and the handler's first instruction reaches E two cycles later.
    reg        trap_q;
    reg [4:0]  trap_cause_q;
    reg [31:2] trap_pc_q;
    reg [31:0] trap_value_q;
    always @(posedge i_clk) begin
        trap_q       <= trap && !i_rst;
        trap_cause_q <= trap_cause;
        trap_pc_q    <= e_pc[31:2];
        trap_value_q <= tval;
    end

    rv32_csr csr (
        .i_clk         (i_clk),
        .i_rst         (i_rst),
        .i_exec        (e_valid && e_is_csr && !irq_take),   // a CSR instruction traps only if illegal
        .i_addr        (e_instr[31:20]),
        .i_op          (e_funct3[1:0]),
        .i_src         (e_funct3[2] ? {27'd0, e_rs1} : op1),
        .i_src_zero    (e_rs1 == 5'd0),
        .o_rdata       (csr_rdata),
        .o_illegal     (csr_illegal),
        .i_trap        (trap_q),
        .i_trap_interrupt (trap_cause_q[4]),
        .i_trap_code   (trap_cause_q[3:0]),
        .i_trap_pc     (trap_pc_q),
        .i_trap_value  (trap_value_q),
        .i_mret        (mret),
        .i_retire      (e_done),
        .o_mtvec       (mtvec),
        .o_mepc        (mepc),
        .i_timer_irq   (i_timer_irq),
        .i_ext_irq     (i_ext_irq),
        .o_irq_pending (irq_pending),
        .o_irq_code    (irq_code)
    );

    // redirect of the fetch: a jal at once (its decision and target come from registers), everything else from
    // registers a cycle later (redirect_q), killing the instruction fetched meanwhile
    // (an interrupt taken at the jal instead redirects a cycle later, and redirect_q kills what the jal fetched:
    // so the interrupt logic stays off the fetch address)
    wire        jal_now     = e_valid && e_is_jal && !e_imm[1];
    // A taken branch redirects one LUT after the carry-out: its other terms (the equality, the sign bits) and every
    // other redirect are ready before it. A jalr's target, the sum, passes one multiplexer.
    wire        br_go       = e_valid && e_is_branch && !e_imm[1] && !irq_take;     // completes (see e_second)
    wire        redirect_other = trap || (e_done && (e_is_jalr || e_is_mret || e_is_fencei));
    (* keep *) wire redirect_c1;
    assign redirect_c1 = redirect_other || (br_go && taken_c1);
    (* keep *) wire redirect_c0;
    assign redirect_c0 = redirect_other || (br_go && taken_c0);
    wire        redirect_late = carry ? redirect_c1 : redirect_c0;
    wire        to_sum      = e_is_jalr && !trap;
    wire [31:0] redirect_to = to_sum ? {sum[31:1], 1'b0}
                              : trap ? mtvec : e_is_mret ? mepc : e_is_fencei ? pc_next : pc_imm;
    reg  [31:0] redirect_to_q;
    always @(posedge i_clk) begin
        if (i_rst) begin
            redirect_q <= 1'b0;
        end else begin
            redirect_q <= redirect_late;
        end
        redirect_to_q <= redirect_to;
    end

    // The rest class's value: an AND-OR of its sources, selected by registers only (the adder's sum is not one)
    wire        e_r_logic = e_is_alu && e_funct3[2] && e_funct3[1:0] != 2'b01;     // xor, or, and
    wire [31:0] logic_v   = e_funct3[1] ? (e_funct3[0] ? op1 & b_x : op1 | b_x) : op1 ^ b_x;   // e_sub is 0
    wire [31:0] e_rest    = ({32{e_r_logic}} & logic_v) | ({32{e_is_lui}} & e_imm) | ({32{e_is_auipc}} & pc_imm)
                            | ({32{e_is_jal || e_is_jalr}} & pc_next) | ({32{e_is_csr}} & csr_rdata)
                            | ({32{e_is_muldiv}} & md_result);

    // e_go for a load or store, with the address checks last (kept apart: they come from the operands)
    (* keep *) wire mem_go;
    assign mem_go       = e_valid && (e_is_load || e_is_store) && !irq_take && !i_dmem_busy;
    assign o_dmem_valid = mem_go && !misaligned_mem && !i_dmem_fault;
    assign o_dmem_we    = e_is_store;
    assign o_dmem_addr  = sum;
    assign o_dmem_wstrb = !e_is_store ? 4'b0000 :
                          mem_word    ? 4'b1111 :
                          mem_half    ? (addr_lo[1] ? 4'b1100 : 4'b0011) :
                                        (4'b0001 << addr_lo);
    assign o_dmem_wdata = mem_word ? op2 : mem_half ? {2{op2[15:0]}} : {4{op2[7:0]}};

    // ------------------------------------------------------------------ hazards and the fetch address
    // A load or shift followed by a user of its value: the user waits a cycle in D (the value is made in W). The
    // compare on the arriving instruction word is the fetch address's last select; everything else is kept apart,
    // ready before it (iCE40 timing: the word comes out of block RAM late).
    wire rd_used  = (d_uses_rs1 && d_rs1 == e_rd) || (d_uses_rs2 && d_rs2 == e_rd);   // D reads E's rd
    wire load_use = e_valid && e_late_rd && rd_used;
    (* keep *) wire [31:0] fetch_next;
    assign fetch_next = redirect_q ? redirect_to_q : jal_now ? pc_imm : d_pc + 32'd4;
    (* keep *) wire fetch_stall;       // E holds its instruction: D waits
    assign fetch_stall = !redirect_q && !jal_now && e_stall;
    (* keep *) wire fetch_late;        // E holds a load or shift that a user in D would wait for
    assign fetch_late  = !redirect_q && !jal_now && e_valid && e_late_rd;
    wire fetch_hold   = fetch_stall || (fetch_late && rd_used);
    assign o_imem_addr = fetch_hold ? d_pc : fetch_next;

    always @(posedge i_clk) begin
        if (i_rst) begin
            d_valid <= 1'b0;
            d_pc    <= RESET_VECTOR - 32'd4;
        end else begin
            d_valid <= 1'b1;
            d_pc    <= o_imem_addr;
        end
    end

    // E's valid bit takes the kills (a jal's redirect, the cycle after a late redirect, the load-use bubble;
    // the instruction entering E as a late redirect is decided dies by redirect_q in e_valid); its other
    // registers load whenever E moves on, so their enables wait neither for the branch decision nor for the
    // load-use compare on the arriving instruction word (the fields of a bubble are never used: everything E
    // does is qualified by e_valid).
    always @(posedge i_clk) begin
        if (i_rst) begin
            e_valid_q <= 1'b0;
        end else if (jal_now || redirect_q || (load_use && !e_stall)) begin
            e_valid_q <= 1'b0;
        end else if (!e_stall) begin
            e_valid_q <= d_valid;
        end
    end

    // the bypass decisions for the instruction entering E (see "The operands" above)
    wire fwd_ok = e_valid && e_writes_rd && e_rd != 5'd0 && !e_is_load && !e_is_shift;   // E's value reaches W
    wire fwd1   = fwd_ok && d_rs1 == e_rd;
    wire fwd2   = fwd_ok && d_rs2 == e_rd;
    wire xfwd1  = w_we && d_rs1 == w_rd;
    wire xfwd2  = w_we && d_rs2 == w_rd;

    always @(posedge i_clk) begin
        if (!e_stall) begin
            e_pc        <= d_pc;
            e_instr     <= d_instr;
            e_rd        <= d_rd;
            e_rs1       <= d_rs1;
            e_imm       <= d_imm;
            e_writes_rd <= d_writes_rd;
            e_alt       <= d_alt;
            e_is_alu    <= d_is_alu;
            e_is_lui    <= d_is_lui;
            e_is_auipc  <= d_is_auipc;
            e_is_jal    <= d_is_jal;
            e_is_jalr   <= d_is_jalr;
            e_is_branch <= d_is_branch;
            e_is_load   <= d_is_load;
            e_is_store  <= d_is_store;
            e_is_muldiv <= d_is_muldiv;
            e_is_csr    <= d_is_csr;
            e_is_ecall  <= d_is_ecall;
            e_is_ebreak <= d_is_ebreak;
            e_is_mret   <= d_is_mret;
            e_is_fencei <= d_is_fencei;
            e_illegal   <= d_illegal;
            e_r_sum     <= d_r_sum;
            e_r_cmp     <= d_r_cmp;
            e_is_shift  <= d_is_shift;
            e_late_rd   <= (d_is_load || d_is_shift) && d_rd != 5'd0;
            e_sub       <= d_sub;
            e_signed    <= d_signed;
            e_p1_use    <= fwd1 || xfwd1;
            e_t1_hi     <= fwd1 && e_r_sum;
            e_t1_lo     <= fwd1 && (e_r_sum || e_r_cmp);
            e_p1        <= fwd1 ? e_rest : w_data;
            e_p2_use    <= d_use_imm || fwd2 || xfwd2;
            e_t2_hi     <= !d_use_imm && fwd2 && e_r_sum;
            e_t2_lo     <= !d_use_imm && fwd2 && (e_r_sum || e_r_cmp);
            e_p2        <= d_use_imm ? d_imm : fwd2 ? e_rest : w_data;
            e_fwd2      <= fwd2;
            e_xfwd2     <= xfwd2;
        end
    end

    // ------------------------------------------------------------------ W stage
    reg  [32:0] w_shr;             // a shift after its steps in E
    reg  [1:0]  w_shamt;
    reg         w_shl;
    always @(posedge i_clk) begin
        if (i_rst) begin
            w_we <= 1'b0;
        end else begin
            w_we      <= e_go && e_writes_rd && e_rd != 5'd0;
            w_rd      <= e_rd;
            w_is_load <= e_is_load;
            w_funct3  <= e_funct3;
            w_byte    <= sum[1:0];
        end
        w_sum      <= {sum[31:1], carry ? sum0_c1 : sum0_c0};
        w_rest     <= e_rest;
        w_sel_sum  <= e_r_sum;
        w_sel_lo   <= e_r_sum || e_r_cmp;
        w_is_shift <= e_is_shift;
        w_shr      <= shr_e;
        w_shamt    <= b_x[1:0];
        w_shl      <= shl_op;
    end

    // the shift's last two steps
    /* verilator lint_off UNUSEDSIGNAL */
    wire [32:0] w_shr_out = $signed(w_shr) >>> w_shamt;
    /* verilator lint_on UNUSEDSIGNAL */
    assign w_shift = w_shl ? reverse(w_shr_out[31:0]) : w_shr_out[31:0];

    wire [31:0] w_shifted = i_dmem_rdata >> {w_byte, 3'b000};
    always @(*) begin
        case (w_funct3)
            3'b000:  w_load = {{24{w_shifted[7]}}, w_shifted[7:0]};
            3'b001:  w_load = {{16{w_shifted[15]}}, w_shifted[15:0]};
            3'b100:  w_load = {24'd0, w_shifted[7:0]};
            3'b101:  w_load = {16'd0, w_shifted[15:0]};
            default: w_load = w_shifted;
        endcase
    end
endmodule
`default_nettype wire
