# addi, andi, ori, xori, slti, sltiu (register-immediate ALU; 12-bit sign-extended immediates)
#include "riscv_test.h"
#include "test_macros.h"

RVTEST_RV32U
RVTEST_CODE_BEGIN

  TEST_IMM_OP( 2, addi, 0x00000000, 0x00000000, 0x000)
  TEST_IMM_OP( 3, addi, 0x0000000a, 0x00000003, 0x007)
  TEST_IMM_OP( 4, addi, 0xfffff800, 0x00000000, -2048)
  TEST_IMM_OP( 5, addi, 0x800007fe, 0x7fffffff, 0x7ff)
  TEST_IMM_OP( 6, addi, 0x7fffffff, 0x80000000, -1)
  TEST_IMM_SRC1_EQ_DEST( 7, addi, 24, 13, 11)
  TEST_IMM_ZERODEST( 8, addi, 32, 2)
  TEST_IMM_BYPASS( 9, 0, 0, addi, 24, 13, 11)
  TEST_IMM_BYPASS(10, 1, 2, addi, 24, 13, 11)

  TEST_IMM_OP(20, andi, 0xff00ff00, 0xff00ff00, -256)
  TEST_IMM_OP(21, andi, 0x000000f0, 0x0ff00ff0, 0x0f0)
  TEST_IMM_OP(22, andi, 0x0000000f, 0x00ff00ff, 0x70f)
  TEST_IMM_BYPASS(23, 0, 0, andi, 0x00000700, 0x0ff00ff0, 0x70f)

  TEST_IMM_OP(30, ori, 0xffffff0f, 0xff00ff00, -241)
  TEST_IMM_OP(31, ori, 0x0ff00ff0, 0x0ff00ff0, 0x0f0)
  TEST_IMM_OP(32, ori, 0x00ff07ff, 0x00ff00ff, 0x70f)
  TEST_IMM_SRC1_EQ_DEST(33, ori, 0xff00fff0, 0xff00ff00, 0x0f0)

  TEST_IMM_OP(40, xori, 0xff00f00f, 0x00ff0f00, -241)
  TEST_IMM_OP(41, xori, 0x0ff00f00, 0x0ff00ff0, 0x0f0)
  TEST_IMM_OP(42, xori, 0x00ff0ff0, 0x00ff08ff, 0x70f)
  TEST_IMM_BYPASS(43, 2, 0, xori, 0xff00f00f, 0x00ff0f00, -241)

  TEST_IMM_OP(50, slti, 0, 0x00000000, 0x000)
  TEST_IMM_OP(51, slti, 1, 0x00000003, 0x007)
  TEST_IMM_OP(52, slti, 0, 0x00000000, -2048)
  TEST_IMM_OP(53, slti, 1, 0x80000000, 0x000)
  TEST_IMM_OP(54, slti, 1, 0xffffffff, 0x001)
  TEST_IMM_OP(55, slti, 0, 0x7fffffff, -1)

  TEST_IMM_OP(60, sltiu, 0, 0x00000000, 0x000)
  TEST_IMM_OP(61, sltiu, 1, 0x00000003, 0x007)
  TEST_IMM_OP(62, sltiu, 1, 0x00000000, -2048)
  TEST_IMM_OP(63, sltiu, 0, 0xffffffff, 0x001)
  TEST_IMM_OP(64, sltiu, 1, 0xfffffffe, -1)
  TEST_IMM_OP(65, sltiu, 1, 0x00000000, 1)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
