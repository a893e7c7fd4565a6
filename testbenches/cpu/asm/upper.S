# lui, auipc
#include "riscv_test.h"
#include "test_macros.h"

RVTEST_RV32U
RVTEST_CODE_BEGIN

  TEST_CASE( 2, x14, 0x00000000, lui x14, 0x00000)
  TEST_CASE( 3, x14, 0xfffff800, lui x14, 0xfffff; srai x14, x14, 1)
  TEST_CASE( 4, x14, 0x7ffff000, lui x14, 0x7ffff)
  TEST_CASE( 5, x14, 0x80000000, lui x14, 0x80000)
  TEST_CASE( 6, x0, 0, lui x0, 0x80000)
  TEST_CASE( 7, x15, 0x12345000, lui x14, 0x12345; addi x15, x14, 0)

  # auipc: the distance from a label to the auipc is known, so pc-relative results are checkable
  TEST_CASE(10, x14, 10000,
      .align 3; lla x13, 1f + 10000; jal x15, 1f; 1: sub x14, x13, x15)
  TEST_CASE(11, x14, -10000,
      .align 3; lla x13, 1f - 10000; jal x15, 1f; 1: sub x14, x13, x15)
  TEST_CASE(12, x14, 0x1000, 1: auipc x13, 1; auipc x14, 0; addi x14, x14, -4; sub x14, x13, x14)
  TEST_CASE(13, x14, 0, 1: auipc x14, 0; la x13, 1b; sub x14, x14, x13)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
