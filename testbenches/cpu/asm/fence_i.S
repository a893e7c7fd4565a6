# fence.i: code written by stores runs after a fence.i (the instruction after it is fetched again); fence
#include "riscv_test.h"
#include "test_macros.h"

RVTEST_RV32U
RVTEST_CODE_BEGIN

  # overwrite `patch` (addi x14, x0, 1) with addi x14, x0, 2, then run it
test_2:
  li TESTNUM, 2
  la x11, patch
  la x12, insn
  lw x13, 0(x12)
  sw x13, 0(x11)
  fence.i
patch:
  addi x14, x0, 1
  li x7, 2
  bne x14, x7, fail

  # store immediately followed by fence.i and the patched instruction right behind it
test_3:
  li TESTNUM, 3
  la x11, 1f
  lw x13, 4(x12)
  sw x13, 0(x11)
  fence.i
1:
  addi x14, x0, 1
  li x7, 3
  bne x14, x7, fail

  # fence orders memory; on this in-order core it is a no-op that must not disturb anything
  TEST_CASE(4, x14, 7, li x14, 7; fence; fence rw, rw; fence iorw, iorw)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
insn:
  addi x14, x0, 2
  addi x14, x0, 3
RVTEST_DATA_END
