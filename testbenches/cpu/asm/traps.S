# ecall, ebreak and misaligned jump targets: mcause, mepc, mtval; mstatus MIE/MPIE stacking and mret
#include "riscv_test.h"
#include "test_macros.h"

RVTEST_RV32M
RVTEST_CODE_BEGIN

  # The handler (one-shot: x24 = 0 afterwards) records mcause in x20, mepc in x21, mtval in x22, mstatus in x23, then resumes at x24.
#define EXPECT_TRAP(testnum, cause, insn...)                            \
test_ ## testnum:                                                       \
        li TESTNUM, testnum;                                            \
        li x20, -1;                                                     \
        la x24, 2f;                                                     \
1:      insn;                                                           \
        j fail;                                                         \
2:      li x7, cause;                                                   \
        bne x20, x7, fail;

  # ecall through our own vector (the env's vector treats ecall as the end of the test)
test_2:
  li TESTNUM, 2
  la t0, my_vector
  csrw mtvec, t0
  EXPECT_TRAP(3, 11, ecall)
  la x7, 1b
  bne x21, x7, fail
  bnez x22, fail

  EXPECT_TRAP(4, 3, ebreak)
  la x7, 1b
  bne x21, x7, fail

  # mstatus on a trap: MPIE takes MIE, MIE clears; mret restores MIE from MPIE and sets MPIE
test_5:
  li TESTNUM, 5
  csrsi mstatus, 0x8            # MIE = 1 (no interrupt is enabled in mie)
  EXPECT_TRAP(6, 11, ecall)
  andi x14, x23, 0x88
  li x7, 0x80                   # in the handler: MPIE = 1, MIE = 0
  bne x14, x7, fail
  csrr x14, mstatus
  andi x14, x14, 0x88
  li x7, 0x88                   # after mret: MIE = 1 again, MPIE = 1
  bne x14, x7, fail
  csrci mstatus, 0x8

  # mret to an address written into mepc
test_7:
  li TESTNUM, 7
  la x11, 1f
  csrw mepc, x11
  mret
  j fail
1:

  # misaligned jump targets (no C extension): mcause 0, mepc = the jump, mtval = the target; rd unchanged
  EXPECT_TRAP(8, 0, la x11, 3f; addi x11, x11, 2; li x12, 7; 3: jalr x12, 0(x11))
  la x7, 3b
  bne x21, x7, fail
  addi x7, x7, 2
  bne x22, x7, fail
  li x7, 7
  bne x12, x7, fail

  # jal and a taken branch with an offset of 2 (hand-encoded: the assembler refuses them)
  EXPECT_TRAP(9, 0, li x12, 7; .word 0x0020066f)      # jal x12, .+2
  li x7, 7
  bne x12, x7, fail
  EXPECT_TRAP(10, 0, .word 0x00000163)                # beq x0, x0, .+2
  # a not-taken branch to a misaligned target does not trap
  TEST_CASE(11, x14, 1, li x14, 1; .word 0x00101163)   # bne x0, x1... (x1 = 0: not taken)

  TEST_PASSFAIL

  .align 2
my_vector:
  csrr x20, mcause
  csrr x21, mepc
  csrr x22, mtval
  csrr x23, mstatus
  beqz x24, 1f            # not an expected trap (e.g. the final ecall): the env's vector handles it
  csrw mepc, x24
  li x24, 0
  mret
1:
  j trap_vector

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
