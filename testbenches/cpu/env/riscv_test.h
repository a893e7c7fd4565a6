// Our riscv-tests `p` environment (machine mode, physical addresses): the same entry, trap vector and
// pass/fail protocol as the upstream env/p/riscv_test.h, so tests written for it build unmodified.
// TESTNUM (gp) names the running test; RVTEST_PASS / RVTEST_FAIL end with an ecall whose trap handler
// stores TESTNUM to `tohost` (1 = pass, (n << 1) | 1 = test n failed).
#ifndef PULSEDL_RISCV_TEST_H
#define PULSEDL_RISCV_TEST_H

#define TESTNUM gp

#define RVTEST_RV32U .macro init; .endm
#define RVTEST_RV32UF RVTEST_RV32U
// Machine-level tests return to M (MPP = 3) from the start-up mret; user-level tests to MPP = 0, which on a
// core with U-mode (QEMU) runs them in user mode and on ours (machine mode only; MPP reads 3) in M.
#define RVTEST_RV32M .macro init; li a0, 0x1800; csrs mstatus, a0; .endm
#define RVTEST_RV64U RVTEST_RV32U
#define RVTEST_RV64M RVTEST_RV32M

#define CAUSE_USER_ECALL 8
#define CAUSE_SUPERVISOR_ECALL 9
#define CAUSE_MACHINE_ECALL 11

// The set-up of satp, PMP and delegation: each step points mtvec just past itself, so on a core without the
// CSR (ours) the illegal-instruction trap simply skips it.
#define SKIP_IF_ILLEGAL_BEGIN la t0, 1f; csrw mtvec, t0;
#define SKIP_IF_ILLEGAL_END .align 2; 1:

#define RVTEST_CODE_BEGIN                                               \
        .section .text.init;                                            \
        .align  6;                                                      \
        .weak mtvec_handler;                                            \
        .globl _start;                                                  \
_start:                                                                 \
        j reset_vector;                                                 \
        .align 2;                                                       \
trap_vector:                                                            \
        csrr t5, mcause;                                                \
        li t6, CAUSE_USER_ECALL;                                        \
        beq t5, t6, write_tohost;                                       \
        li t6, CAUSE_SUPERVISOR_ECALL;                                  \
        beq t5, t6, write_tohost;                                       \
        li t6, CAUSE_MACHINE_ECALL;                                     \
        beq t5, t6, write_tohost;                                       \
        la t5, mtvec_handler;                                           \
        beqz t5, 1f;                                                    \
        jr t5;                                                          \
1:      slli TESTNUM, TESTNUM, 1;       /* unexpected trap: fail */     \
        ori TESTNUM, TESTNUM, 1;                                        \
write_tohost:                                                           \
        sw TESTNUM, tohost, t5;                                         \
        sw zero, tohost + 4, t5;                                        \
        j write_tohost;                                                 \
reset_vector:                                                           \
        INIT_XREG;                                                      \
        csrr a0, mhartid;                                               \
2:      bnez a0, 2b;                                                    \
        SKIP_IF_ILLEGAL_BEGIN csrwi satp, 0; SKIP_IF_ILLEGAL_END        \
        SKIP_IF_ILLEGAL_BEGIN li t0, -1; csrw pmpaddr0, t0;             \
            li t0, 0x1f; csrw pmpcfg0, t0; SKIP_IF_ILLEGAL_END          \
        csrwi mie, 0;                                                   \
        SKIP_IF_ILLEGAL_BEGIN csrwi medeleg, 0; csrwi mideleg, 0;       \
            SKIP_IF_ILLEGAL_END                                         \
        li TESTNUM, 0;                                                  \
        la t0, trap_vector;                                             \
        csrw mtvec, t0;                                                 \
        csrwi mstatus, 0;                                               \
        init;                                                           \
        la t0, 3f;                                                      \
        csrw mepc, t0;                                                  \
        csrr a0, mhartid;                                               \
        mret;                                                           \
3:

#define INIT_XREG                                                       \
        li x1, 0; li x2, 0; li x3, 0; li x4, 0; li x5, 0; li x6, 0;     \
        li x7, 0; li x8, 0; li x9, 0; li x10, 0; li x11, 0; li x12, 0;  \
        li x13, 0; li x14, 0; li x15, 0; li x16, 0; li x17, 0;          \
        li x18, 0; li x19, 0; li x20, 0; li x21, 0; li x22, 0;          \
        li x23, 0; li x24, 0; li x25, 0; li x26, 0; li x27, 0;          \
        li x28, 0; li x29, 0; li x30, 0; li x31, 0;

#define RVTEST_CODE_END unimp

#define RVTEST_PASS                                                     \
        fence;                                                          \
        li TESTNUM, 1;                                                  \
        li a7, 93;                                                      \
        li a0, 0;                                                       \
        ecall

#define RVTEST_FAIL                                                     \
        fence;                                                          \
1:      beqz TESTNUM, 1b;                                               \
        slli TESTNUM, TESTNUM, 1;                                       \
        ori TESTNUM, TESTNUM, 1;                                        \
        li a7, 93;                                                      \
        addi a0, TESTNUM, 0;                                            \
        ecall

#define EXTRA_DATA

#define RVTEST_DATA_BEGIN                                               \
        EXTRA_DATA                                                      \
        .pushsection .tohost, "aw", @progbits;                          \
        .align 6; .global tohost; tohost: .dword 0; .size tohost, 8;    \
        .align 6; .global fromhost; fromhost: .dword 0; .size fromhost, 8; \
        .popsection;                                                    \
        .align 4; .global begin_signature; begin_signature:

#define RVTEST_DATA_END .align 4; .global end_signature; end_signature:

#endif
