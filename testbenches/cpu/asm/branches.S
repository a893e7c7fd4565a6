# beq, bne, blt, bge, bltu, bgeu: taken forward and backward, not taken, forwarding into the comparison
#include "riscv_test.h"
#include "test_macros.h"

RVTEST_RV32U
RVTEST_CODE_BEGIN

  TEST_BR2_OP_TAKEN( 2, beq, 0, 0)
  TEST_BR2_OP_TAKEN( 3, beq, -1, -1)
  TEST_BR2_OP_NOTTAKEN( 4, beq, 0, 1)
  TEST_BR2_OP_NOTTAKEN( 5, beq, 0x80000000, 0)

  TEST_BR2_OP_TAKEN(10, bne, 0, 1)
  TEST_BR2_OP_TAKEN(11, bne, 0x80000000, 0)
  TEST_BR2_OP_NOTTAKEN(12, bne, 5, 5)
  TEST_BR2_OP_NOTTAKEN(13, bne, -1, -1)

  TEST_BR2_OP_TAKEN(20, blt, 0, 1)
  TEST_BR2_OP_TAKEN(21, blt, -1, 1)
  TEST_BR2_OP_TAKEN(22, blt, 0x80000000, 0x7fffffff)
  TEST_BR2_OP_NOTTAKEN(23, blt, 1, 0)
  TEST_BR2_OP_NOTTAKEN(24, blt, 1, -1)
  TEST_BR2_OP_NOTTAKEN(25, blt, 7, 7)

  TEST_BR2_OP_TAKEN(30, bge, 0, 0)
  TEST_BR2_OP_TAKEN(31, bge, 1, -1)
  TEST_BR2_OP_TAKEN(32, bge, 0x7fffffff, 0x80000000)
  TEST_BR2_OP_NOTTAKEN(33, bge, -1, 1)
  TEST_BR2_OP_NOTTAKEN(34, bge, 0x80000000, 0)

  TEST_BR2_OP_TAKEN(40, bltu, 0, 1)
  TEST_BR2_OP_TAKEN(41, bltu, 1, -1)
  TEST_BR2_OP_TAKEN(42, bltu, 0x7fffffff, 0x80000000)
  TEST_BR2_OP_NOTTAKEN(43, bltu, -1, 1)
  TEST_BR2_OP_NOTTAKEN(44, bltu, 0x80000000, 0x7fffffff)
  TEST_BR2_OP_NOTTAKEN(45, bltu, 3, 3)

  TEST_BR2_OP_TAKEN(50, bgeu, 0, 0)
  TEST_BR2_OP_TAKEN(51, bgeu, -1, 1)
  TEST_BR2_OP_TAKEN(52, bgeu, 0x80000000, 0x7fffffff)
  TEST_BR2_OP_NOTTAKEN(53, bgeu, 1, -1)
  TEST_BR2_OP_NOTTAKEN(54, bgeu, 0, 1)

  # operands produced by the instruction just before, and by a load
test_60:
  li TESTNUM, 60
  li x11, 5
  addi x12, x11, 0
  bne x11, x12, fail
  la x13, word
  lw x14, 0(x13)
  bne x14, x11, fail
  lw x14, 0(x13)
  beq x14, x11, 1f
  j fail
1:
  # a loop: 10 backward taken branches, then one not taken
test_61:
  li TESTNUM, 61
  li x11, 0
  li x12, 10
2:
  addi x11, x11, 1
  blt x11, x12, 2b
  bne x11, x12, fail

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
word: .word 5
RVTEST_DATA_END
