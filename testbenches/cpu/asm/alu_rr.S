# add, sub, and, or, xor, slt, sltu (register-register ALU)
#include "riscv_test.h"
#include "test_macros.h"

RVTEST_RV32U
RVTEST_CODE_BEGIN

  TEST_RR_OP( 2, add, 0x00000000, 0x00000000, 0x00000000)
  TEST_RR_OP( 3, add, 0x0000000a, 0x00000003, 0x00000007)
  TEST_RR_OP( 4, add, 0x7fffffff, 0xffffffff, 0x80000000)
  TEST_RR_OP( 5, add, 0x80000000, 0x7fffffff, 0x00000001)
  TEST_RR_OP( 6, add, 0x00000000, 0xffffffff, 0x00000001)
  TEST_RR_SRC12_EQ_DEST( 7, add, 26, 13)
  TEST_RR_ZERODEST( 8, add, 16, 30)
  TEST_RR_ZEROSRC( 9, add, 15, 15)
  TEST_RR_BYPASS(10, 0, 0, 0, add, 24, 13, 11)
  TEST_RR_BYPASS(11, 1, 0, 1, add, 24, 13, 11)
  TEST_RR_BYPASS(12, 0, 2, 2, add, 24, 13, 11)

  TEST_RR_OP(20, sub, 0x00000000, 0x00000000, 0x00000000)
  TEST_RR_OP(21, sub, 0xfffffffc, 0x00000003, 0x00000007)
  TEST_RR_OP(22, sub, 0x7fffffff, 0x80000000, 0x00000001)
  TEST_RR_OP(23, sub, 0x80000001, 0x00000000, 0x7fffffff)
  TEST_RR_SRC12_EQ_DEST(24, sub, 0, 13)
  TEST_RR_ZEROSRC(25, sub, -15, 15)
  TEST_RR_BYPASS(26, 0, 0, 0, sub, 2, 13, 11)
  TEST_RR_BYPASS(27, 2, 1, 1, sub, 2, 13, 11)

  TEST_RR_OP(30, and, 0x0f000f00, 0xff00ff00, 0x0f0f0f0f)
  TEST_RR_OP(31, and, 0x00f000f0, 0x0ff00ff0, 0xf0f0f0f0)
  TEST_RR_SRC12_EQ_DEST(32, and, 0xff00ff00, 0xff00ff00)
  TEST_RR_BYPASS(33, 0, 0, 0, and, 0x0f000f00, 0xff00ff00, 0x0f0f0f0f)

  TEST_RR_OP(40, or, 0xff0fff0f, 0xff00ff00, 0x0f0f0f0f)
  TEST_RR_OP(41, or, 0xfff0fff0, 0x0ff00ff0, 0xf0f0f0f0)
  TEST_RR_ZERODEST(42, or, 0x11111111, 0x22222222)
  TEST_RR_BYPASS(43, 1, 1, 0, or, 0xff0fff0f, 0xff00ff00, 0x0f0f0f0f)

  TEST_RR_OP(50, xor, 0xf00ff00f, 0xff00ff00, 0x0f0f0f0f)
  TEST_RR_OP(51, xor, 0xff00ff00, 0x0ff00ff0, 0xf0f0f0f0)
  TEST_RR_SRC12_EQ_DEST(52, xor, 0, 0xff00ff00)
  TEST_RR_BYPASS(53, 0, 1, 2, xor, 0xf00ff00f, 0xff00ff00, 0x0f0f0f0f)

  TEST_RR_OP(60, slt, 0, 0x00000000, 0x00000000)
  TEST_RR_OP(61, slt, 1, 0x00000003, 0x00000007)
  TEST_RR_OP(62, slt, 0, 0x00000007, 0x00000003)
  TEST_RR_OP(63, slt, 1, 0x80000000, 0x00000000)
  TEST_RR_OP(64, slt, 0, 0x7fffffff, 0x80000000)
  TEST_RR_OP(65, slt, 1, 0xffffffff, 0x00000001)
  TEST_RR_BYPASS(66, 0, 0, 0, slt, 1, 0x80000000, 0x7fffffff)

  TEST_RR_OP(70, sltu, 0, 0x00000000, 0x00000000)
  TEST_RR_OP(71, sltu, 1, 0x00000003, 0x00000007)
  TEST_RR_OP(72, sltu, 0, 0x80000000, 0x00000000)
  TEST_RR_OP(73, sltu, 1, 0x7fffffff, 0x80000000)
  TEST_RR_OP(74, sltu, 0, 0xffffffff, 0x00000001)
  TEST_RR_ZEROSRC(75, sltu, 1, 5)
  TEST_RR_BYPASS(76, 0, 0, 1, sltu, 1, 0x7fffffff, 0x80000000)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN

RVTEST_DATA_END
