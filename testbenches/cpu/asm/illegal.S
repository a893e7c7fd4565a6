# illegal-instruction traps: unknown opcodes and encodings, unimplemented CSRs, writes to read-only CSRs,
# privileged instructions the core does not have; mcause = 2, mepc = the instruction, mtval = its bits
#include "riscv_test.h"
#include "test_macros.h"

RVTEST_RV32M
RVTEST_CODE_BEGIN

#define EXPECT_ILLEGAL(testnum, insn...)                                \
test_ ## testnum:                                                       \
        li TESTNUM, testnum;                                            \
        li x20, 0;                                                      \
        la x21, 1f;                                                     \
1:      insn;                                                           \
        li x7, 1;                                                       \
        bne x20, x7, fail;

  EXPECT_ILLEGAL( 2, .word 0x00000000)
  EXPECT_ILLEGAL( 3, .word 0xffffffff)
  EXPECT_ILLEGAL( 4, .word 0x00000057)     # OP-V major opcode
  EXPECT_ILLEGAL( 5, .word 0x42b50533)     # add with funct7 = 0100001
  EXPECT_ILLEGAL( 6, .word 0x0005b583)     # load with funct3 = 011 (ld)
  EXPECT_ILLEGAL( 7, .word 0x00b5b023)     # store with funct3 = 011 (sd)
  EXPECT_ILLEGAL( 8, .word 0x0005a5e7)     # jalr with funct3 = 010
  EXPECT_ILLEGAL( 9, .word 0x00b52463)     # branch with funct3 = 010
  EXPECT_ILLEGAL(10, .word 0x40b51513)     # slli with funct7 = 0100000
  EXPECT_ILLEGAL(11, .word 0x7c0025f3)     # csrr a1, 0x7c0 (no such CSR)
  EXPECT_ILLEGAL(12, csrw mhartid, x0)     # write to a read-only CSR
  EXPECT_ILLEGAL(13, csrrsi x0, mvendorid, 1)
  EXPECT_ILLEGAL(14, .word 0x0000400f)     # MISC-MEM with funct3 = 100
  EXPECT_ILLEGAL(15, .word 0x00004073)     # SYSTEM with funct3 = 100
  EXPECT_ILLEGAL(16, .word 0x00200073)     # SYSTEM funct3 0 with an unknown funct12
  EXPECT_ILLEGAL(17, .word 0x00000013 | (1 << 25) | (1 << 12))   # slli with funct7 = 0000001
  EXPECT_ILLEGAL(18, .word 0x0000706f & 0)  # all zeros again, after other traps

  # reads of read-only CSRs, and set/clear with x0, do not write: legal
  TEST_CASE(20, x14, 0, csrr x14, mhartid)
  TEST_CASE(21, x14, 0, csrrs x14, mhartid, x0)
  TEST_CASE(22, x14, 0, csrrc x14, mhartid, x0; csrrsi x0, mhartid, 0)
  # the handler ran once per illegal instruction and never for the legal ones
  TEST_CASE(23, x22, 17, nop)

  TEST_PASSFAIL

  .align 2
  .global mtvec_handler
mtvec_handler:
  csrr t5, mcause
  li t6, 2
  bne t5, t6, fail
  csrr t5, mepc
  bne t5, x21, fail
  csrr t5, mtval
  lw t6, 0(x21)
  beqz t5, 1f              # mtval may be 0 (ISA); ours holds the instruction bits
  bne t5, t6, fail
1:
  addi x20, x20, 1
  addi x22, x22, 1
  addi t5, x21, 4
  csrw mepc, t5
  mret

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
