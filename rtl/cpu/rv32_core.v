`default_nettype none
// rv32_core: RV32IM + Zicsr + Zifencei, machine mode only (DESIGN §4; docs/soc.md "CPU").
//
// Four stages:
//   F  the fetch address goes to the instruction RAM (synchronous: the word arrives one cycle later)
//   D  the word arrives; decode; its rs1/rs2 fields address the register file (block RAM, synchronous read)
//   E  the register values arrive; ALU, branch decision, CSRs, traps, multiply/divide, data RAM request
//   W  load alignment; register write
// Hazards: E forwards W's result and the value written at the edge that read the register file (x_data: a
// block RAM's read of the address written at the same edge is undefined); a load followed by a user of its
// value stalls one cycle; a divide stalls E for 33 cycles. A jal redirects the fetch from E at once (one bubble). A taken branch, jalr, trap, mret or
// fence.i redirects it from a register a cycle later (two bubbles): their decision waits for the ALU's carry
// chain, and the fetch address, the block RAM's address input, must not (iCE40 timing, docs/soc.md).
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

    // W stage registers (declared here: D and E bypass from them)
    reg        w_we;
    reg [4:0]  w_rd;
    reg        w_is_load;
    reg [2:0]  w_funct3;
    reg [1:0]  w_byte;
    reg [31:0] w_result;
    reg [31:0] w_load;

    wire [31:0] w_data = w_is_load ? w_load : w_result;

    // The register file reads at the edge that moves the instruction from D to E and holds its outputs while E
    // waits (rf_hold, below). x_data keeps the value written at that same edge: E takes it in place of the read.
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
    reg        e_writes_rd, e_use_imm, e_alt, e_is_alu, e_is_lui, e_is_auipc, e_is_jal, e_is_jalr;
    reg        e_is_branch, e_is_load, e_is_store, e_is_muldiv, e_is_csr, e_is_ecall, e_is_ebreak;
    reg        e_is_mret, e_is_fencei, e_illegal;
    reg        e_fwd1, e_fwd2;    // rs1 / rs2 is the rd of the instruction now in W (compared in D)
    reg        e_xfwd1, e_xfwd2;  // rs1 / rs2 was written at the edge that read it (x_data; compared in D)
    wire [2:0] e_funct3 = e_instr[14:12];

    // E forwards the result W writes in this cycle (loads never need it: the load-use stall below), else the
    // value written a cycle earlier, else the register file's. D compares the register numbers a cycle ahead, so
    // the operand multiplexers hang off registers only: w_we confirms that the instruction that was in E then
    // completed and writes a register other than x0.
    // A stalled instruction needs its operands only in its first cycle in E (a divide or slow multiply latches
    // them; a load or store waits for the bus only right after a memory access, which forwards nothing), so
    // the lost forward from W after that cycle does no harm, as before the block-RAM register file.
    wire [31:0] e_rs1_val = e_xfwd1 ? x_data : rf_rs1;
    wire [31:0] e_rs2_val = e_xfwd2 ? x_data : rf_rs2;
    wire [31:0] op1 = (e_fwd1 && w_we) ? w_result : e_rs1_val;
    wire [31:0] op2 = (e_fwd2 && w_we) ? w_result : e_rs2_val;

    // ALU. One adder serves add, sub and the comparisons (slt, sltu, branches): it subtracts, and the borrow
    // is the unsigned "less than"; one right shifter serves all shifts (left shifts shift the reversed operand).
    wire [31:0] alu_b   = e_use_imm ? e_imm : op2;
    wire        compare = e_is_branch || (e_is_alu && e_funct3[2:1] == 2'b01);
    wire        alu_sub = compare || (e_is_alu && e_alt && e_funct3 == 3'b000);
    wire [32:0] addsub  = alu_sub ? {1'b0, op1} - {1'b0, alu_b} : {1'b0, op1} + {1'b0, alu_b};
    wire [31:0] sum     = addsub[31:0];
    wire        ltu     = addsub[32];
    wire        lt      = op1[31] != alu_b[31] ? op1[31] : addsub[32];
    wire        shl_op  = e_funct3 == 3'b001;
    wire [31:0] shr_src = shl_op ? reverse(op1) : op1;
    wire [32:0] shr_in  = {e_alt && op1[31], shr_src};
    /* verilator lint_off UNUSEDSIGNAL */
    wire [32:0] shr     = $signed(shr_in) >>> alu_b[4:0];
    /* verilator lint_on UNUSEDSIGNAL */
    wire [31:0] shl     = reverse(shr[31:0]);

    function [31:0] reverse(input [31:0] x);
        integer i;
        begin
            for (i = 0; i < 32; i = i + 1) begin
                reverse[i] = x[31 - i];
            end
        end
    endfunction

    reg  [31:0] alu;
    always @(*) begin
        case (e_funct3)
            3'b000:  alu = sum;
            3'b001:  alu = shl;
            3'b010:  alu = {31'd0, lt};
            3'b011:  alu = {31'd0, ltu};
            3'b100:  alu = op1 ^ alu_b;
            3'b101:  alu = shr[31:0];
            3'b110:  alu = op1 | alu_b;
            default: alu = op1 & alu_b;
        endcase
    end

    // branches and jumps
    reg taken_cond;
    always @(*) begin
        case (e_funct3)
            3'b000:  taken_cond = op1 == op2;
            3'b001:  taken_cond = op1 != op2;
            3'b100:  taken_cond = lt;
            3'b101:  taken_cond = !lt;
            3'b110:  taken_cond = ltu;
            default: taken_cond = !ltu;
        endcase
    end
    wire [31:0] pc_imm   = e_pc + e_imm;
    wire [31:0] pc_next  = e_pc + 32'd4;
    wire        branch   = e_is_branch && !e_imm[1] && taken_cond;   // imm[1] set: see e_second below
    wire        jump     = e_is_jal || e_is_jalr || branch;
    wire [31:0] jump_to  = e_is_jalr ? {sum[31:1], 1'b0} : pc_imm;

    // memory access
    wire       mem_half = e_funct3[1:0] == 2'b01;
    wire       mem_word = e_funct3[1:0] == 2'b10;
    wire       misaligned_mem = (mem_half && sum[0]) || (mem_word && sum[1:0] != 2'b00);

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
    wire        jump_misaligned = (e_is_jal && e_imm[1]) || (e_is_jalr && sum[1]);
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
            trap_value = jump_to;
        end else begin
            trap_cause = misaligned_mem ? (e_is_load ? 5'd4 : 5'd6) : (e_is_load ? 5'd5 : 5'd7);
            trap_value = sum;
        end
    end

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
    wire mret    = e_done && e_is_mret;

    rv32_csr csr (
        .i_clk         (i_clk),
        .i_rst         (i_rst),
        .i_exec        (e_go && e_is_csr),
        .i_addr        (e_instr[31:20]),
        .i_op          (e_funct3[1:0]),
        .i_src         (e_funct3[2] ? {27'd0, e_rs1} : op1),
        .i_src_zero    (e_rs1 == 5'd0),
        .o_rdata       (csr_rdata),
        .o_illegal     (csr_illegal),
        .i_trap        (trap),
        .i_trap_interrupt (trap_cause[4]),
        .i_trap_code   (trap_cause[3:0]),
        .i_trap_pc     (e_pc[31:2]),
        .i_trap_value  (trap_value),
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
    wire        jal_now     = e_valid && e_is_jal && !e_imm[1] && !irq_take;
    wire        redirect    = trap || (e_done && (jump || e_is_mret || e_is_fencei));
    wire        redirect_late = redirect && !jal_now;
    wire [31:0] redirect_to = trap ? mtvec : e_is_mret ? mepc : e_is_fencei ? pc_next : jump_to;
    reg  [31:0] redirect_to_q;
    always @(posedge i_clk) begin
        if (i_rst) begin
            redirect_q <= 1'b0;
        end else begin
            redirect_q <= redirect_late;
        end
        redirect_to_q <= redirect_to;
    end

    reg [31:0] e_result;
    always @(*) begin
        if (e_is_lui)                   e_result = e_imm;
        else if (e_is_auipc)            e_result = pc_imm;
        else if (e_is_jal || e_is_jalr) e_result = pc_next;
        else if (e_is_csr)              e_result = csr_rdata;
        else if (e_is_muldiv)           e_result = md_result;
        else                            e_result = alu;
    end

    assign o_dmem_valid = e_go && (e_is_load || e_is_store);
    assign o_dmem_we    = e_is_store;
    assign o_dmem_addr  = sum;
    assign o_dmem_wstrb = !e_is_store ? 4'b0000 :
                          mem_word    ? 4'b1111 :
                          mem_half    ? (sum[1] ? 4'b1100 : 4'b0011) :
                                        (4'b0001 << sum[1:0]);
    assign o_dmem_wdata = mem_word ? op2 : mem_half ? {2{op2[15:0]}} : {4{op2[7:0]}};

    // ------------------------------------------------------------------ hazards and the fetch address
    wire load_use = e_valid && e_is_load && e_rd != 5'd0
                    && ((d_uses_rs1 && d_rs1 == e_rd) || (d_uses_rs2 && d_rs2 == e_rd));
    wire d_hold   = e_stall || load_use;
    assign o_imem_addr = redirect_q ? redirect_to_q : jal_now ? pc_imm : d_hold ? d_pc : d_pc + 32'd4;

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

    always @(posedge i_clk) begin
        if (!e_stall) begin
            e_pc        <= d_pc;
            e_instr     <= d_instr;
            e_rd        <= d_rd;
            e_rs1       <= d_rs1;
            e_imm       <= d_imm;
            e_writes_rd <= d_writes_rd;
            e_use_imm   <= d_use_imm;
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
            e_fwd1      <= d_rs1 == e_rd && !e_is_load;
            e_fwd2      <= d_rs2 == e_rd && !e_is_load;
            e_xfwd1     <= w_we && d_rs1 == w_rd;
            e_xfwd2     <= w_we && d_rs2 == w_rd;
        end
    end

    // ------------------------------------------------------------------ W stage
    always @(posedge i_clk) begin
        if (i_rst) begin
            w_we <= 1'b0;
        end else begin
            w_we      <= e_go && e_writes_rd && e_rd != 5'd0;
            w_rd      <= e_rd;
            w_is_load <= e_is_load;
            w_funct3  <= e_funct3;
            w_byte    <= sum[1:0];
            w_result  <= e_result;
        end
    end

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
