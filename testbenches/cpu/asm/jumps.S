# jal, jalr: targets, link values, rd = x0, jalr clearing bit 0, back-to-back jumps
#include "riscv_test.h"
#include "test_macros.h"

RVTEST_RV32U
RVTEST_CODE_BEGIN

  # jal: link is the address of the next instruction, the fall-through is skipped
test_2:
  li TESTNUM, 2
  li ra, 0
  jal x4, 1f
2:
  nop
  j fail
1:
  la x5, 2b
  bne x4, x5, fail

  # jal backwards and with rd = x0
test_3:
  li TESTNUM, 3
  j 2f
1:
  j 3f
2:
  jal x0, 1b
  j fail
3:

  # jalr: register target plus offset, link
test_4:
  li TESTNUM, 4
  la x5, 1f
  jalr x6, 4(x5)
2:
  j fail
1:
  j fail
  la x7, 2b
  bne x6, x7, fail

  # jalr clears bit 0 of the target
test_5:
  li TESTNUM, 5
  la x5, 1f
  addi x5, x5, 1
  jalr x0, 0(x5)
  j fail
1:

  # jalr with rd == rs1: the target uses the old value
test_6:
  li TESTNUM, 6
  la x5, 1f
  jalr x5, 0(x5)
2:
  j fail
1:
  la x7, 2b
  bne x5, x7, fail

  # the target register written just before the jump (forwarding into jalr)
test_7:
  li TESTNUM, 7
  la x8, 1f
  jalr x9, x8
  j fail
1:
  la x8, 1f
  nop
  jalr x9, x8
  j fail
1:

  # a call and return pair, and the link used at once
test_8:
  li TESTNUM, 8
  li x10, 0
  call 3f
  addi x10, x10, 1
  j 4f
3:
  addi x10, x10, 2
  ret
4:
  li x7, 3
  bne x10, x7, fail

test_9:
  li TESTNUM, 9
  jal x11, 1f
1:
  addi x12, x11, 0
  la x7, 1b
  bne x12, x7, fail

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
