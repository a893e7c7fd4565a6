`default_nettype none
// Machine-mode CSRs of rv32_core (DESIGN §4): mstatus (MIE, MPIE; MPP reads M), misa, mie/mip (timer and
// external interrupt), mtvec (direct mode), mscratch, mepc, mcause, mtval, mcycle/minstret (+h, and the
// read-only cycle/instret aliases), and the identification CSRs reading 0. Any other address, or a write to a
// read-only CSR, is an illegal instruction: the riscv-tests `p` environment relies on that to skip satp, pmp
// and delegation set-up.
module rv32_csr (
    input  wire        i_clk,
    input  wire        i_rst,
    // CSR instruction in E
    input  wire        i_exec,        // execute it now (valid, no interrupt taken instead)
    input  wire [11:0] i_addr,
    input  wire [1:0]  i_op,          // funct3[1:0]: 01 write, 10 set, 11 clear
    input  wire [31:0] i_src,         // rs1 value or zero-extended uimm
    input  wire        i_src_zero,    // rs1 field is 0: CSRRS/CSRRC do not write
    output reg  [31:0] o_rdata,
    output wire        o_illegal,
    // traps and returns
    input  wire        i_trap,
    input  wire        i_trap_interrupt,
    input  wire [3:0]  i_trap_code,
    input  wire [31:2] i_trap_pc,
    input  wire [31:0] i_trap_value,
    input  wire        i_mret,
    input  wire        i_retire,      // an instruction completes this cycle (minstret)
    output wire [31:0] o_mtvec,
    output wire [31:0] o_mepc,
    // interrupts
    input  wire        i_timer_irq,
    input  wire        i_ext_irq,
    output wire        o_irq_pending,
    output wire [3:0]  o_irq_code
);
    localparam [31:0] MISA = 32'h4000_1100;   // MXL = 32, extensions I and M

    reg        mie_r;          // mstatus.MIE
    reg        mpie_r;         // mstatus.MPIE
    reg        mtie_r;         // mie.MTIE
    reg        meie_r;         // mie.MEIE
    reg [29:0] mtvec_r;
    reg [31:0] mscratch_r;
    reg [29:0] mepc_r;
    reg        mcause_int_r;
    reg [3:0]  mcause_code_r;
    reg [31:0] mtval_r;
    reg [63:0] mcycle_r;
    reg [63:0] minstret_r;

    wire [31:0] mstatus = {19'd0, 2'b11, 3'd0, mpie_r, 3'd0, mie_r, 3'd0};
    wire [31:0] mip     = {20'd0, i_ext_irq, 3'd0, i_timer_irq, 7'd0};
    wire [31:0] mie     = {20'd0, meie_r, 3'd0, mtie_r, 7'd0};

    reg known;
    always @(*) begin
        known = 1'b1;
        case (i_addr)
            12'h300: o_rdata = mstatus;
            12'h301: o_rdata = MISA;
            12'h304: o_rdata = mie;
            12'h305: o_rdata = {mtvec_r, 2'b00};
            12'h340: o_rdata = mscratch_r;
            12'h341: o_rdata = {mepc_r, 2'b00};
            12'h342: o_rdata = {mcause_int_r, 27'd0, mcause_code_r};
            12'h343: o_rdata = mtval_r;
            12'h344: o_rdata = mip;
            12'hB00, 12'hC00: o_rdata = mcycle_r[31:0];
            12'hB02, 12'hC02: o_rdata = minstret_r[31:0];
            12'hB80, 12'hC80: o_rdata = mcycle_r[63:32];
            12'hB82, 12'hC82: o_rdata = minstret_r[63:32];
            12'hF11, 12'hF12, 12'hF13, 12'hF14: o_rdata = 32'd0;  // mvendorid, marchid, mimpid, mhartid
            default: begin
                o_rdata = 32'd0;
                known   = 1'b0;
            end
        endcase
    end

    wire writes = i_op == 2'b01 || !i_src_zero;         // CSRRW(I) always, CSRRS/C(I) with rs1 != 0
    assign o_illegal = !known || (writes && i_addr[11:10] == 2'b11);
    wire we = i_exec && writes && !o_illegal;
    reg [31:0] wdata;
    always @(*) begin
        case (i_op)
            2'b01:   wdata = i_src;
            2'b10:   wdata = o_rdata | i_src;
            default: wdata = o_rdata & ~i_src;
        endcase
    end

    wire [31:0] pending = mip & mie;
    assign o_irq_pending = mie_r && pending != 32'd0;
    assign o_irq_code    = pending[11] ? 4'd11 : 4'd7;   // external before timer (priv. spec)
    assign o_mtvec = {mtvec_r, 2'b00};
    assign o_mepc  = {mepc_r, 2'b00};

    always @(posedge i_clk) begin
        if (i_rst) begin
            mie_r         <= 1'b0;
            mpie_r        <= 1'b0;
            mtie_r        <= 1'b0;
            meie_r        <= 1'b0;
            mtvec_r       <= 30'd0;
            mscratch_r    <= 32'd0;
            mepc_r        <= 30'd0;
            mcause_int_r  <= 1'b0;
            mcause_code_r <= 4'd0;
            mtval_r       <= 32'd0;
            mcycle_r      <= 64'd0;
            minstret_r    <= 64'd0;
        end else begin
            mcycle_r <= mcycle_r + 64'd1;
            if (i_retire) begin
                minstret_r <= minstret_r + 64'd1;
            end
            if (i_trap) begin
                mepc_r        <= i_trap_pc;
                mcause_int_r  <= i_trap_interrupt;
                mcause_code_r <= i_trap_code;
                mtval_r       <= i_trap_value;
                mpie_r        <= mie_r;
                mie_r         <= 1'b0;
            end else if (i_mret) begin
                mie_r  <= mpie_r;
                mpie_r <= 1'b1;
            end else if (we) begin
                case (i_addr)
                    12'h300: begin
                        mie_r  <= wdata[3];
                        mpie_r <= wdata[7];
                    end
                    12'h341: mepc_r     <= wdata[31:2];
                    12'h342: begin
                        mcause_int_r  <= wdata[31];
                        mcause_code_r <= wdata[3:0];
                    end
                    12'h343: mtval_r <= wdata;
                    default: ;
                endcase
            end
            // CSRs that traps and mret leave alone: their enables need not wait for the trap decision (a CSR
            // instruction that writes is neither a trap nor an mret)
            if (we) begin
                case (i_addr)
                    12'h304: begin
                        mtie_r <= wdata[7];
                        meie_r <= wdata[11];
                    end
                    12'h305: mtvec_r    <= wdata[31:2];
                    12'h340: mscratch_r <= wdata;
                    12'hB00: mcycle_r[31:0]    <= wdata;
                    12'hB80: mcycle_r[63:32]   <= wdata;
                    12'hB02: minstret_r[31:0]  <= wdata;
                    12'hB82: minstret_r[63:32] <= wdata;
                    default: ;
                endcase
            end
        end
    end
endmodule
`default_nettype wire
