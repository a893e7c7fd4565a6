// Self-checking test cases for rv32_core, in the style of riscv-tests (isa/macros/scalar): each case sets
// TESTNUM, computes into x14 and compares with the expected value in x7; a mismatch jumps to `fail`.
// The *_BYPASS variants put 0..2 instructions between producer and consumer to exercise every forwarding path.
#ifndef PULSEDL_TEST_MACROS_H
#define PULSEDL_TEST_MACROS_H

#define NOPS(n) .rept n; nop; .endr

#define TEST_CASE(testnum, testreg, correctval, code...)                \
test_ ## testnum:                                                       \
        li TESTNUM, testnum;                                            \
        code;                                                           \
        li x7, correctval;                                              \
        bne testreg, x7, fail;

#define TEST_IMM_OP(testnum, inst, result, val1, imm)                   \
        TEST_CASE(testnum, x14, result, li x11, val1; inst x14, x11, imm)

#define TEST_IMM_SRC1_EQ_DEST(testnum, inst, result, val1, imm)         \
        TEST_CASE(testnum, x11, result, li x11, val1; inst x11, x11, imm)

#define TEST_IMM_ZERODEST(testnum, inst, val1, imm)                     \
        TEST_CASE(testnum, x0, 0, li x11, val1; inst x0, x11, imm)

#define TEST_IMM_BYPASS(testnum, before, after, inst, result, val1, imm) \
        TEST_CASE(testnum, x15, result, li x11, val1; NOPS(before); inst x14, x11, imm; NOPS(after); addi x15, x14, 0)

#define TEST_RR_OP(testnum, inst, result, val1, val2)                   \
        TEST_CASE(testnum, x14, result, li x11, val1; li x12, val2; inst x14, x11, x12)

#define TEST_RR_SRC12_EQ_DEST(testnum, inst, result, val1)              \
        TEST_CASE(testnum, x11, result, li x11, val1; inst x11, x11, x11)

#define TEST_RR_ZERODEST(testnum, inst, val1, val2)                     \
        TEST_CASE(testnum, x0, 0, li x11, val1; li x12, val2; inst x0, x11, x12)

#define TEST_RR_ZEROSRC(testnum, inst, result, val)                     \
        TEST_CASE(testnum, x14, result, li x11, val; inst x14, x0, x11)

#define TEST_RR_BYPASS(testnum, gap1, gap2, after, inst, result, val1, val2) \
        TEST_CASE(testnum, x15, result, li x11, val1; NOPS(gap1); li x12, val2; NOPS(gap2); \
                  inst x14, x11, x12; NOPS(after); addi x15, x14, 0)

#define TEST_LD_OP(testnum, inst, result, offset, base)                 \
        TEST_CASE(testnum, x14, result, la x11, base; inst x14, offset(x11))

#define TEST_LD_BYPASS(testnum, after, inst, result, offset, base)      \
        TEST_CASE(testnum, x15, result, la x11, base; inst x14, offset(x11); NOPS(after); addi x15, x14, 0)

#define TEST_ST_OP(testnum, load_inst, store_inst, result, offset, base) \
        TEST_CASE(testnum, x14, result, la x11, base; li x12, result; store_inst x12, offset(x11); \
                  load_inst x14, offset(x11))

#define TEST_ST_BYPASS(testnum, gap, load_inst, store_inst, result, offset, base) \
        TEST_CASE(testnum, x14, result, la x11, base; li x12, result; NOPS(gap); store_inst x12, offset(x11); \
                  NOPS(gap); load_inst x14, offset(x11))

// Taken: forward to 2, backward to 1, forward to 3; a fall-through anywhere fails.
#define TEST_BR2_OP_TAKEN(testnum, inst, val1, val2)                    \
test_ ## testnum:                                                       \
        li TESTNUM, testnum;                                            \
        li x11, val1;                                                   \
        li x12, val2;                                                   \
        inst x11, x12, 2f;                                              \
        bne x0, TESTNUM, fail;                                          \
1:      bne x0, TESTNUM, 3f;                                            \
2:      inst x11, x12, 1b;                                              \
        bne x0, TESTNUM, fail;                                          \
3:

#define TEST_BR2_OP_NOTTAKEN(testnum, inst, val1, val2)                 \
test_ ## testnum:                                                       \
        li TESTNUM, testnum;                                            \
        li x11, val1;                                                   \
        li x12, val2;                                                   \
        inst x11, x12, 1f;                                              \
        bne x0, TESTNUM, 2f;                                            \
1:      bne x0, TESTNUM, fail;                                          \
2:      inst x11, x12, 1b;                                              \
3:

#define TEST_PASSFAIL                                                   \
        bne x0, TESTNUM, pass;                                          \
fail:                                                                   \
        RVTEST_FAIL;                                                    \
pass:                                                                   \
        RVTEST_PASS;

#endif
