# lb, lbu, lh, lhu, lw: every byte lane, sign and zero extension, negative offsets, load-use stalls
#include "riscv_test.h"
#include "test_macros.h"

RVTEST_RV32U
RVTEST_CODE_BEGIN

  TEST_LD_OP( 2, lb, 0xffffffff, 0, tdat)
  TEST_LD_OP( 3, lb, 0x00000000, 1, tdat)
  TEST_LD_OP( 4, lb, 0xfffffff0, 2, tdat)
  TEST_LD_OP( 5, lb, 0x0000000f, 3, tdat)
  TEST_LD_OP( 6, lb, 0xffffffff, -4, tdat4)
  TEST_LD_OP( 7, lb, 0x0000000f, -1, tdat4)

  TEST_LD_OP(10, lbu, 0x000000ff, 0, tdat)
  TEST_LD_OP(11, lbu, 0x00000000, 1, tdat)
  TEST_LD_OP(12, lbu, 0x000000f0, 2, tdat)
  TEST_LD_OP(13, lbu, 0x0000000f, 3, tdat)

  TEST_LD_OP(20, lh, 0x000000ff, 0, tdat2)
  TEST_LD_OP(21, lh, 0xffffff00, 2, tdat2)
  TEST_LD_OP(22, lh, 0x00000ff0, 4, tdat2)
  TEST_LD_OP(23, lh, 0xfffff00f, 6, tdat2)
  TEST_LD_OP(24, lh, 0xffffff00, -6, tdat2_end)

  TEST_LD_OP(30, lhu, 0x000000ff, 0, tdat2)
  TEST_LD_OP(31, lhu, 0x0000ff00, 2, tdat2)
  TEST_LD_OP(32, lhu, 0x00000ff0, 4, tdat2)
  TEST_LD_OP(33, lhu, 0x0000f00f, 6, tdat2)

  TEST_LD_OP(40, lw, 0x00ff00ff, 0, tdat3)
  TEST_LD_OP(41, lw, 0xff00ff00, 4, tdat3)
  TEST_LD_OP(42, lw, 0x0ff00ff0, 8, tdat3)
  TEST_LD_OP(43, lw, 0xf00ff00f, 12, tdat3)
  TEST_LD_OP(44, lw, 0x0ff00ff0, -8, tdat3_end)

  TEST_LD_BYPASS(50, 0, lw, 0x0ff00ff0, 8, tdat3)
  TEST_LD_BYPASS(51, 1, lw, 0x0ff00ff0, 8, tdat3)
  TEST_LD_BYPASS(52, 2, lh, 0x00000ff0, 4, tdat2)
  TEST_LD_BYPASS(53, 0, lbu, 0x000000f0, 2, tdat)

  # load into the base register, then use it as an address (load-use into the address adder)
test_60:
  li TESTNUM, 60
  la x11, pointer
  lw x11, 0(x11)
  lw x14, 0(x11)
  li x7, 0xf00ff00f
  bne x14, x7, fail

  # a load to x0 changes nothing
  TEST_CASE(61, x0, 0, la x11, tdat3; lw x0, 0(x11))

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
tdat:  .byte 0xff, 0x00, 0xf0, 0x0f
tdat4:
tdat2: .half 0x00ff, 0xff00, 0x0ff0, 0xf00f
tdat2_end:
  .align 2
tdat3: .word 0x00ff00ff, 0xff00ff00, 0x0ff00ff0, 0xf00ff00f
tdat3_end:
pointer: .word tdat3 + 12
RVTEST_DATA_END
