`default_nettype none
// RV32IM + Zicsr + Zifencei instruction decoder (D stage of rv32_core, combinational).
// Every encoding the core does not implement sets o_illegal; CSR addresses are checked later, in the
// E stage (rv32_csr), because only there is it known whether the instruction writes the CSR.
module rv32_decode (
    input  wire [31:0] i_instr,
    output wire [4:0]  o_rd,
    output wire [4:0]  o_rs1,
    output wire [4:0]  o_rs2,
    output wire        o_uses_rs1,   // may read rs1 / rs2: for the load-use check only, from 3 / 2 opcode bits (a
    output wire        o_uses_rs2,   // rare extra stall where a field that is no register matches; never one less)
    output wire        o_writes_rd,  // writes rd (x0 filtered by the register file)
    output reg  [31:0] o_imm,
    output wire        o_use_imm,    // ALU operand b is the immediate
    output wire        o_alt,        // SUB / SRA
    output wire        o_is_alu,     // OP or OP-IMM (funct3 selects the ALU function)
    output wire        o_is_lui,
    output wire        o_is_auipc,
    output wire        o_is_jal,
    output wire        o_is_jalr,
    output wire        o_is_branch,
    output wire        o_is_load,
    output wire        o_is_store,
    output wire        o_is_muldiv,
    output wire        o_is_csr,
    output wire        o_is_ecall,
    output wire        o_is_ebreak,
    output wire        o_is_mret,
    output wire        o_is_fencei,
    output wire        o_illegal
);
    localparam [6:0] OP_LUI    = 7'b0110111;
    localparam [6:0] OP_AUIPC  = 7'b0010111;
    localparam [6:0] OP_JAL    = 7'b1101111;
    localparam [6:0] OP_JALR   = 7'b1100111;
    localparam [6:0] OP_BRANCH = 7'b1100011;
    localparam [6:0] OP_LOAD   = 7'b0000011;
    localparam [6:0] OP_STORE  = 7'b0100011;
    localparam [6:0] OP_IMM    = 7'b0010011;
    localparam [6:0] OP_OP     = 7'b0110011;
    localparam [6:0] OP_MISC   = 7'b0001111;
    localparam [6:0] OP_SYSTEM = 7'b1110011;

    wire [6:0] opcode = i_instr[6:0];
    wire [2:0] funct3 = i_instr[14:12];
    wire [6:0] funct7 = i_instr[31:25];

    assign o_rd  = i_instr[11:7];
    assign o_rs1 = i_instr[19:15];
    assign o_rs2 = i_instr[24:20];

    wire lui    = opcode == OP_LUI;
    wire auipc  = opcode == OP_AUIPC;
    wire jal    = opcode == OP_JAL;
    wire jalr   = opcode == OP_JALR && funct3 == 3'b000;
    wire branch = opcode == OP_BRANCH && funct3[2:1] != 2'b01;
    wire load   = opcode == OP_LOAD && (funct3 == 3'b000 || funct3 == 3'b001 || funct3 == 3'b010
                                        || funct3 == 3'b100 || funct3 == 3'b101);
    wire store  = opcode == OP_STORE && (funct3 == 3'b000 || funct3 == 3'b001 || funct3 == 3'b010);
    // OP-IMM: shifts carry funct7 in the immediate; only 0000000 (and 0100000 for SRAI) are defined.
    wire opimm  = opcode == OP_IMM && (funct3 == 3'b001 ? funct7 == 7'b0000000 :
                                       funct3 == 3'b101 ? (funct7 == 7'b0000000 || funct7 == 7'b0100000) : 1'b1);
    wire op     = opcode == OP_OP && (funct7 == 7'b0000000
                                      || (funct7 == 7'b0100000 && (funct3 == 3'b000 || funct3 == 3'b101)));
    wire muldiv = opcode == OP_OP && funct7 == 7'b0000001;
    wire fence  = opcode == OP_MISC && funct3 == 3'b000;
    wire fencei = opcode == OP_MISC && funct3 == 3'b001;
    wire csr    = opcode == OP_SYSTEM && funct3 != 3'b000 && funct3 != 3'b100;
    wire ecall  = i_instr == 32'h00000073;
    wire ebreak = i_instr == 32'h00100073;
    wire mret   = i_instr == 32'h30200073;
    wire wfi    = i_instr == 32'h10500073;  // a legal hint: executes as a no-op

    assign o_is_alu    = opimm || op;
    assign o_is_lui    = lui;
    assign o_is_auipc  = auipc;
    assign o_is_jal    = jal;
    assign o_is_jalr   = jalr;
    assign o_is_branch = branch;
    assign o_is_load   = load;
    assign o_is_store  = store;
    assign o_is_muldiv = muldiv;
    assign o_is_csr    = csr;
    assign o_is_ecall  = ecall;
    assign o_is_ebreak = ebreak;
    assign o_is_mret   = mret;
    assign o_is_fencei = fencei;
    assign o_illegal   = !(lui || auipc || jal || jalr || branch || load || store || opimm || op || muldiv
                           || fence || fencei || csr || ecall || ebreak || mret || wfi);

    // every opcode but LUI, AUIPC, JAL and MISC-MEM (fence and fence.i do not read rs1)
    assign o_uses_rs1  = !(opcode[2] && (opcode[4] || opcode[3]));
    // BRANCH, STORE, OP (and SYSTEM, whose rs2 field is part of the CSR number or the function)
    assign o_uses_rs2  = opcode[5] && !opcode[2];
    assign o_writes_rd = lui || auipc || jal || jalr || load || opimm || op || muldiv || csr;
    assign o_use_imm   = opimm || load || store || jalr;
    assign o_alt       = (op && funct7[5]) || (opimm && funct3 == 3'b101 && funct7[5]);

    always @(*) begin
        case (opcode)
            OP_LUI, OP_AUIPC: o_imm = {i_instr[31:12], 12'b0};
            OP_JAL:           o_imm = {{12{i_instr[31]}}, i_instr[19:12], i_instr[20], i_instr[30:21], 1'b0};
            OP_BRANCH:        o_imm = {{20{i_instr[31]}}, i_instr[7], i_instr[30:25], i_instr[11:8], 1'b0};
            OP_STORE:         o_imm = {{21{i_instr[31]}}, i_instr[30:25], i_instr[11:7]};
            default:          o_imm = {{21{i_instr[31]}}, i_instr[30:20]};
        endcase
    end
endmodule
`default_nettype wire
