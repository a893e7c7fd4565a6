# forwarding and stalls across instruction kinds: every producer (ALU, load, multiply, divide, CSR read, jump
# link, lui/auipc) feeding every operand position at distances 0, 1 and 2
#include "riscv_test.h"
#include "test_macros.h"

RVTEST_RV32M
RVTEST_CODE_BEGIN

  # ALU chains: each result used at once as both operands
  TEST_CASE( 2, x14, 64, li x14, 1; add x14, x14, x14; add x14, x14, x14; add x14, x14, x14;
             add x14, x14, x14; add x14, x14, x14; add x14, x14, x14)
  # a value written 1, 2, 3 instructions before, as rs2
  TEST_CASE( 3, x14, 6, li x11, 1; li x12, 2; li x13, 3; add x14, x0, x13; add x14, x14, x12; add x14, x14, x11)
  # the same register written twice in a row: the younger value wins
  TEST_CASE( 4, x14, 9, li x11, 5; li x11, 9; addi x14, x11, 0)
  TEST_CASE( 5, x14, 9, la x12, data; li x11, 5; lw x11, 0(x12); addi x14, x11, 0)
  TEST_CASE( 6, x14, 5, la x12, data; lw x11, 0(x12); li x11, 5; addi x14, x11, 0)
  # load-use as rs1 and rs2, at distances 0, 1, 2
  TEST_CASE( 7, x14, 18, la x12, data; lw x11, 0(x12); add x14, x11, x11)
  TEST_CASE( 8, x14, 18, la x12, data; lw x11, 0(x12); nop; add x14, x11, x11)
  TEST_CASE( 9, x14, 18, la x12, data; lw x11, 0(x12); nop; nop; add x14, x11, x11)
  TEST_CASE(10, x14, 10, la x12, data; lw x11, 0(x12); li x13, 1; add x14, x13, x11)
  # two loads back to back, both used at once
  TEST_CASE(11, x14, 16, la x12, data; lw x11, 0(x12); lw x13, 4(x12); add x14, x11, x13)
  # multiply and divide results used at once
  TEST_CASE(12, x14, 82, li x11, 9; mul x13, x11, x11; addi x14, x13, 1)
  TEST_CASE(13, x14, 4, li x11, 9; li x12, 2; div x13, x11, x12; add x14, x13, x0)
  TEST_CASE(14, x14, 2, li x11, 9; li x12, 4; div x13, x11, x12; div x14, x13, x13; add x14, x14, x14)
  TEST_CASE(15, x14, 3, la x12, data; lw x11, 0(x12); li x13, 3; divu x14, x11, x13)
  # a divide with a load-use and a multiply behind it
  TEST_CASE(16, x14, 49, la x12, data; lw x11, 4(x12); li x13, 1; divu x15, x11, x13; mul x14, x15, x15)
  # CSR read result used at once
  TEST_CASE(17, x14, 0x1234, li x11, 0x1234; csrw mscratch, x11; csrr x13, mscratch; addi x14, x13, 0)
  # CSR written from a value produced just before
  TEST_CASE(18, x14, 0x55, li x11, 0x55; csrw mscratch, x11; csrr x14, mscratch)
  # lui / auipc results at once
  TEST_CASE(19, x14, 0x12345678, lui x13, 0x12345; addi x14, x13, 0x678)
  # a branch on a register written by the previous instruction, not taken then taken
  TEST_CASE(20, x14, 1, li x14, 0; li x11, 3; addi x11, x11, 1; beq x11, x0, fail; li x12, 4; beq x11, x12, 1f;
            j fail; 1: li x14, 1)
  # instructions after a taken branch must not take effect
  TEST_CASE(21, x14, 0, li x14, 0; j 1f; li x14, 1; li x14, 2; 1: nop)
  TEST_CASE(22, x14, 0, li x14, 0; la x12, data; j 1f; sw x12, 0(x12); 1: lw x14, 8(x12))
  # a store followed by a load of the same word
  TEST_CASE(23, x14, 0x77, la x12, data; li x11, 0x77; sw x11, 8(x12); lw x14, 8(x12))
  # the stored value produced by a load just before, the address by an ALU op just before
  TEST_CASE(24, x14, 9, la x12, data; lw x11, 0(x12); addi x13, x12, 12; sw x11, 0(x13); lw x14, 12(x12))

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
data: .word 9, 7, 0, 0
RVTEST_DATA_END
