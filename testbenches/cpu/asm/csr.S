# Zicsr: csrrw/csrrs/csrrc and their immediate forms on mscratch; the machine CSRs DESIGN §4 names
#include "riscv_test.h"
#include "test_macros.h"

RVTEST_RV32M
RVTEST_CODE_BEGIN

  TEST_CASE( 2, x14, 0, csrr x14, mhartid)
  # misa: MXL = 1 (32-bit), I and M present
  TEST_CASE( 3, x14, 1, csrr x13, misa; srli x14, x13, 30)
  TEST_CASE( 4, x14, 0x1100, csrr x13, misa; li x12, 0x1100; and x14, x13, x12)
  # csrrw returns the old value and writes the new one
  TEST_CASE( 5, x14, 0, csrw mscratch, x0; li x11, 0x12345678; csrrw x14, mscratch, x11)
  TEST_CASE( 6, x14, 0x12345678, csrr x14, mscratch)
  TEST_CASE( 7, x14, 0x12345678, li x11, 0x0f0; csrrs x14, mscratch, x11)
  TEST_CASE( 8, x14, 0x123456f8, csrr x14, mscratch)
  TEST_CASE( 9, x14, 0x123456f8, li x11, 0x12300000; csrrc x14, mscratch, x11)
  TEST_CASE(10, x14, 0x000456f8, csrr x14, mscratch)
  TEST_CASE(11, x14, 0x000456f8, csrrwi x14, mscratch, 0x1f)
  TEST_CASE(12, x14, 0x1f, csrrsi x14, mscratch, 0x0; csrr x14, mscratch)
  TEST_CASE(13, x14, 0x1f, csrrsi x14, mscratch, 0x60 >> 2)
  TEST_CASE(14, x14, 0x1f, csrrci x14, mscratch, 0x3; csrr x14, mscratch; xori x14, x14, 0x3)
  TEST_CASE(15, x14, 0x1c, csrr x14, mscratch)
  # rd = x0 writes without reading into a register; rs1 = rd
  TEST_CASE(16, x14, 0x55, li x14, 0x55; csrrw x0, mscratch, x14; csrrw x14, mscratch, x14)
  # mtvec: direct mode, 4-byte aligned base
  TEST_CASE(17, x14, 0x80001234, csrr x15, mtvec; li x11, 0x80001234; csrw mtvec, x11; csrr x14, mtvec;
            csrw mtvec, x15)
  # mepc holds a 4-byte aligned address (IALIGN = 32)
  TEST_CASE(18, x14, 0x80000100, li x11, 0x80000100; csrw mepc, x11; csrr x14, mepc)
  # mstatus: MIE and MPIE are writable
  TEST_CASE(19, x14, 0x88, li x11, 0x88; csrs mstatus, x11; csrr x13, mstatus; and x14, x13, x11; csrc mstatus, 0x8)
  # mie: MTIE and MEIE are writable
  TEST_CASE(20, x14, 0x880, li x11, 0x880; csrw mie, x11; csrr x14, mie; and x14, x14, x11; csrw mie, x0)
  # mcause and mtval are writable
  TEST_CASE(21, x14, 5, li x11, 5; csrw mcause, x11; csrr x14, mcause)
  TEST_CASE(22, x14, 0xdeadbeef, li x11, 0xdeadbeef; csrw mtval, x11; csrr x14, mtval)
  # identification CSRs are readable
  TEST_CASE(23, x0, 0, csrr x14, mvendorid; csrr x14, marchid; csrr x14, mimpid)

  TEST_PASSFAIL

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
