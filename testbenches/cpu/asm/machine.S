# rv32_core specifics (DESIGN §4; not portable to cores with U-mode or approximate counters):
# mstatus.MPP always reads M; minstret counts retired instructions exactly; mcycle counts cycles; both are
# writable, their user aliases cycle/instret are read-only; trapped instructions do not retire
#include "riscv_test.h"
#include "test_macros.h"

RVTEST_RV32M
RVTEST_CODE_BEGIN

  TEST_CASE( 2, x14, 0x1800, csrw mstatus, x0; csrr x13, mstatus; li x12, 0x1800; and x14, x13, x12)
  # minstret: the two reads are 4 instructions apart
  TEST_CASE( 3, x14, 4, csrr x11, minstret; nop; nop; nop; csrr x12, minstret; sub x14, x12, x11)
  # stalls and bubbles do not count: a load-use pair and a taken jump are still 1 instruction each
  TEST_CASE( 4, x14, 5, la x13, tdat; csrr x11, minstret; lw x15, 0(x13); addi x15, x15, 1; j 1f; nop; 1: nop;
             csrr x12, minstret; sub x14, x12, x11)
  # mcycle advances at least once per instruction; a divide takes more cycles
  TEST_CASE( 5, x14, 1, csrr x11, mcycle; div x15, x11, x11; csrr x12, mcycle; sub x13, x12, x11; sltiu x14, x13, 33;
             xori x14, x14, 1)
  # the aliases read the same counters
  TEST_CASE( 6, x14, 1, csrr x11, minstret; csrr x12, instret; sub x14, x12, x11)
  TEST_CASE( 7, x14, 1, csrr x11, cycle; csrr x12, mcycle; sltu x14, x11, x12)
  # writes: low then high word; minstreth/mcycleh read back
  TEST_CASE( 8, x14, 0x12345678, li x11, 0x12345678; csrw minstreth, x11; csrr x14, minstreth)
  # the write replaces the increment of the csrw itself (priv. spec, "CSR side effects")
  TEST_CASE( 9, x14, 1, csrw minstret, x0; nop; csrr x14, minstret)
  TEST_CASE(10, x14, 0x00000abc, li x11, 0xabc; csrw mcycleh, x11; csrr x14, mcycleh)
  TEST_CASE(11, x14, 1, csrw mcycle, x0; csrr x11, mcycle; sltiu x14, x11, 8)
  # a carry from the low into the high word
  TEST_CASE(12, x14, 1, csrw minstreth, x0; li x11, -1; csrw minstret, x11; nop; csrr x14, minstreth)
  # an instruction that traps does not retire: ecall, handled, costs only the handler's instructions
test_13:
  li TESTNUM, 13
  la t0, my_vector
  csrw mtvec, t0
  la x24, 1f
  csrr x11, minstret
  ecall
1:
  csrr x12, minstret
  sub x14, x12, x11
  li x7, 6                     # csrr x11 and the handler's five instructions; not the ecall
  bne x14, x7, fail
  # the aliases are read-only
  la x24, 2f
  li x20, 0
  csrw cycle, x0
  j fail
2:
  li x7, 2
  bne x20, x7, fail

  TEST_PASSFAIL

  .align 2
my_vector:
  csrr x20, mcause
  beqz x24, 1f            # not an expected trap (e.g. the final ecall): the env's vector handles it
  csrw mepc, x24
  li x24, 0
  mret
1:
  j trap_vector

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
tdat: .word 1
RVTEST_DATA_END
