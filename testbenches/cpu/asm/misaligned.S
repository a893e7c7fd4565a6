# misaligned loads and stores trap (mcause 4 / 6, mtval = the address) and leave rd and memory unchanged
#include "riscv_test.h"
#include "test_macros.h"

RVTEST_RV32M
RVTEST_CODE_BEGIN

#define EXPECT_TRAP(testnum, cause, addr, insn...)                      \
test_ ## testnum:                                                       \
        li TESTNUM, testnum;                                            \
        li x20, -1;                                                     \
        la x24, 2f;                                                     \
        la x11, data;                                                   \
        li x14, 0x5a5a;                                                 \
1:      insn;                                                           \
        j fail;                                                         \
2:      li x7, cause;                                                   \
        bne x20, x7, fail;                                              \
        la x7, 1b;                                                      \
        bne x21, x7, fail;                                              \
        la x7, data + addr;                                             \
        bne x22, x7, fail;                                              \
        li x7, 0x5a5a;                                                  \
        bne x14, x7, fail;

  la t0, my_vector
  csrw mtvec, t0

  EXPECT_TRAP( 2, 4, 1, lh x14, 1(x11))
  EXPECT_TRAP( 3, 4, 3, lhu x14, 3(x11))
  EXPECT_TRAP( 4, 4, 1, lw x14, 1(x11))
  EXPECT_TRAP( 5, 4, 2, lw x14, 2(x11))
  EXPECT_TRAP( 6, 4, 7, lw x14, 7(x11))
  EXPECT_TRAP( 7, 6, 1, sh x14, 1(x11))
  EXPECT_TRAP( 8, 6, 2, sw x14, 2(x11))
  EXPECT_TRAP( 9, 6, 3, sw x14, 3(x11))
  # the stores above changed nothing
  TEST_CASE(10, x14, 0x11223344, la x11, data; lw x14, 0(x11))
  TEST_CASE(11, x14, 0x55667788, la x11, data; lw x14, 4(x11))
  # aligned halves and bytes at every legal offset still work
  TEST_CASE(12, x14, 0x1122, la x11, data; lhu x14, 2(x11))
  TEST_CASE(13, x14, 0x22, la x11, data; lbu x14, 2(x11))

  TEST_PASSFAIL

  .align 2
my_vector:
  csrr x20, mcause
  csrr x21, mepc
  csrr x22, mtval
  beqz x24, 1f            # not an expected trap (e.g. the final ecall): the env's vector handles it
  csrw mepc, x24
  li x24, 0
  mret
1:
  j trap_vector

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
data: .word 0x11223344, 0x55667788
RVTEST_DATA_END
