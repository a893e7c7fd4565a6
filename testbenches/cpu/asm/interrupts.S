# machine timer and external interrupts through the harness's simulation-control block (0x1000_2000:
# +8 raise mip.MTIP after N cycles, 0 = lower; +12 mip.MEIP level): taken only with mstatus.MIE and the mie
# bit, mcause = 0x8000_0007 / 0x8000_000b, mepc = the interrupted instruction, which then completes normally
#include "riscv_test.h"
#include "test_macros.h"

#define SIMCTRL 0x10002000

RVTEST_RV32M
RVTEST_CODE_BEGIN

  la t0, irq_vector
  csrw mtvec, t0
  li x30, SIMCTRL

  # pending but not enabled: mip shows it, nothing is taken
test_2:
  li TESTNUM, 2
  li x20, 0
  li x11, 1
  sw x11, 8(x30)
  nop; nop; nop; nop
  csrr x14, mip
  andi x14, x14, 0x80
  li x7, 0x80
  bne x14, x7, fail
  csrsi mstatus, 0x8            # MIE without mie.MTIE: still nothing
  nop; nop
  bnez x20, fail
  csrci mstatus, 0x8
  li x11, 0x80
  csrs mie, x11                 # MTIE without MIE: still nothing
  nop; nop
  bnez x20, fail
  sw x0, 8(x30)

  # enabled: the timer fires during a counting loop; the loop still counts to the end exactly once
test_3:
  li TESTNUM, 3
  li x20, 0
  li x11, 40
  sw x11, 8(x30)
  csrsi mstatus, 0x8
  li x12, 0
  li x13, 100
1:
  addi x12, x12, 1
  bne x12, x13, 1b
  csrci mstatus, 0x8
  li x7, 1
  bne x20, x7, fail             # taken once (the handler lowers the line)
  li x7, 0x80000007
  bne x21, x7, fail
  li x7, 100
  bne x12, x7, fail
  andi x14, x22, 0x88           # mstatus in the handler: MPIE = 1, MIE = 0
  li x7, 0x80
  bne x14, x7, fail

  # interrupting a divide and a load-use pair keeps their results
test_4:
  li TESTNUM, 4
  li x20, 0
  la x15, tdat
  li x11, 3
  sw x11, 8(x30)
  csrsi mstatus, 0x8
  .rept 8
  li x16, 1000
  li x17, 7
  div x18, x16, x17
  lw x19, 0(x15)
  add x19, x19, x18
  .endr
  csrci mstatus, 0x8
  li x7, 1
  bne x20, x7, fail
  li x7, 143
  bne x19, x7, fail

  # the external interrupt, and its priority over the timer
test_5:
  li TESTNUM, 5
  li x20, 0
  li x11, 0x800
  csrs mie, x11
  li x11, 1
  sw x11, 12(x30)
  sw x11, 8(x30)
  nop; nop; nop
  csrsi mstatus, 0x8
  nop; nop; nop; nop; nop; nop
  csrci mstatus, 0x8
  li x7, 2                      # external first, then the timer
  bne x20, x7, fail
  li x7, 0x8000000b
  bne x23, x7, fail
  li x7, 0x80000007
  bne x21, x7, fail
  csrw mie, x0

  TEST_PASSFAIL

  .align 2
irq_vector:
  csrr x21, mcause
  bgez x21, 2f                  # not an interrupt: the env's vector
  csrr x22, mstatus
  addi x20, x20, 1
  li x7, 0x8000000b
  bne x21, x7, 1f
  mv x23, x21
  sw x0, 12(x30)                # lower the external line
  mret
1:
  sw x0, 8(x30)                 # lower the timer line
  mret
2:
  j trap_vector

RVTEST_CODE_END

  .data
RVTEST_DATA_BEGIN
tdat: .word 1
RVTEST_DATA_END
