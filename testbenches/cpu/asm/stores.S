# sb, sh, sw: every byte lane, the untouched bytes around a narrow store, store data forwarding
#include "riscv_test.h"
#include "test_macros.h"

RVTEST_RV32U
RVTEST_CODE_BEGIN

  TEST_ST_OP( 2, lb, sb, 0xffffffaa, 0, tdat)
  TEST_ST_OP( 3, lb, sb, 0x00000000, 1, tdat)
  TEST_ST_OP( 4, lbu, sb, 0x000000a0, 2, tdat)
  TEST_ST_OP( 5, lb, sb, 0x0000000a, 3, tdat)
  # the four bytes stored above, read as one word
  TEST_CASE( 6, x14, 0x0aa000aa, la x11, tdat; lw x14, 0(x11))

  TEST_ST_OP(10, lh, sh, 0x000000aa, 0, tdat2)
  TEST_ST_OP(11, lh, sh, 0xffffaa00, 2, tdat2)
  TEST_ST_OP(12, lhu, sh, 0x0000beef, 4, tdat2)
  TEST_ST_OP(13, lh, sh, 0xffffa00a, 6, tdat2)
  TEST_CASE(14, x14, 0xaa0000aa, la x11, tdat2; lw x14, 0(x11))
  TEST_CASE(15, x14, 0xa00abeef, la x11, tdat2; lw x14, 4(x11))

  TEST_ST_OP(20, lw, sw, 0x00aa00aa, 0, tdat3)
  TEST_ST_OP(21, lw, sw, 0xaa00aa00, 4, tdat3)
  TEST_ST_OP(22, lw, sw, 0x0aa00aa0, 8, tdat3)
  TEST_ST_OP(23, lw, sw, 0xa00aa00a, -4, tdat3_end)

  TEST_ST_BYPASS(30, 0, lw, sw, 0x12345678, 0, tdat3)
  TEST_ST_BYPASS(31, 1, lw, sw, 0x9abcdef0, 4, tdat3)
  TEST_ST_BYPASS(32, 2, lhu, sh, 0x00001234, 2, tdat2)

  # a loaded value stored at once (load-use into the store data)
test_40:
  li TESTNUM, 40
  la x11, tdat3
  lw x12, 8(x11)
  sw x12, 12(x11)
  lw x14, 12(x11)
  li x7, 0x0aa00aa0
  bne x14, x7, fail

  # a byte store leaves its neighbours alone
test_41:
  li TESTNUM, 41
  la x11, tdat4
  li x12, 0x11223344
  sw x12, 0(x11)
  li x12, 0xee
  sb x12, 2(x11)
  lw x14, 0(x11)
  li x7, 0x11ee3344
  bne x14, x7, fail
  li x12, 0x5566
  sh x12, 0(x11)
  lw x14, 0(x11)
  li x7, 0x11ee5566
  bne x14, x7, fail

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
tdat:  .word 0xefefefef
tdat2: .word 0xefefefef, 0xefefefef
tdat3: .word 0xefefefef, 0xefefefef, 0xefefefef, 0xefefefef
tdat3_end:
tdat4: .word 0
RVTEST_DATA_END
