package org.pulsedl.daq.cpu;

import java.util.SplittableRandom;

/**
 * One seeded random RV32IM program for differential testing against QEMU (issue 12): random register values, then
 * a body of every RV32IM instruction, forward branches and jumps, loads and stores into its own 256-byte data
 * region, CSR accesses and traps (ecall, ebreak, illegal instructions, misaligned jump targets), then a dump of
 * x1..x29 and the data region as its signature.
 *
 * <p>Register roles: x1..x27 are random operands and destinations; x28 holds the data region's base (never
 * written); x29 accumulates every trap's mcause and mtval (written only by the trap handler); x30 and x31 belong to
 * the handler. Not generated, because QEMU 7.2 legally differs from rv32_core there: misaligned loads and stores
 * (QEMU performs some), the counters (QEMU's are not exact), misa and mstatus.MPP (QEMU has U-mode and more).
 */
final class RandomProgram {
    static final int DATA_WORDS = 64;
    static final int SIGNATURE_WORDS = 29 + DATA_WORDS;
    private static final String[] RR = {"add", "sub", "sll", "slt", "sltu", "xor", "srl", "sra", "or", "and",
            "mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu"};
    private static final String[] RI = {"addi", "slti", "sltiu", "xori", "ori", "andi"};
    private static final String[] SHIFT_I = {"slli", "srli", "srai"};
    private static final String[] LOADS = {"lb", "lbu", "lh", "lhu", "lw"};
    private static final String[] STORES = {"sb", "sh", "sw"};
    private static final String[] BRANCHES = {"beq", "bne", "blt", "bge", "bltu", "bgeu"};
    private static final int[] SPECIAL = {0, 1, -1, 0x80000000, 0x7fffffff, 2, -2, 0xffff, 0x8000, 31, 32};

    private final SplittableRandom rnd;
    private final String id;
    private final StringBuilder text = new StringBuilder();
    private int labels;

    private RandomProgram(long seed, String id) {
        this.rnd = new SplittableRandom(seed);
        this.id = id;
    }

    /** The program's code (labels prefixed with {@code id}) and its data section, for {@link #suite}. */
    record Parts(String code, String data) {}

    static Parts generate(long seed, String id, int bodyLength) {
        return new RandomProgram(seed, id).build(bodyLength);
    }

    /**
     * An assembly file in our `p` environment running {@code count} programs with seeds {@code firstSeed},
     * {@code firstSeed + 1}, …; each prints its signature as one line on the HTIF console (hex digits drawn as the
     * even characters '0' + 2n, so no character is an odd tohost value that would end the run).
     */
    static String suite(long firstSeed, int count, int bodyLength) {
        StringBuilder code = new StringBuilder();
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < count; i++) {
            Parts p = generate(firstSeed + i, "p" + i, bodyLength);
            code.append(p.code());
            data.append(p.data());
        }
        return """
                #include "riscv_test.h"
                RVTEST_RV32M
                RVTEST_CODE_BEGIN
                  la x30, rp_handler
                  csrw mtvec, x30
                """ + code + """
                  la x30, trap_vector
                  csrw mtvec, x30
                  RVTEST_PASS

                # x29 = x29 * 33 + mcause, then ^ mtval; resume after the trapping instruction
                  .align 2
                rp_handler:
                  csrr x30, mcause
                  slli x31, x29, 5
                  add x29, x29, x31
                  add x29, x29, x30
                  csrr x30, mtval
                  xor x29, x29, x30
                  csrr x30, mepc
                  addi x30, x30, 4
                  csrw mepc, x30
                  mret

                # prints x11 words from x10 as hex, then a newline (clobbers x10..x17)
                rp_dump:
                  mv x12, ra
                1:lw x13, 0(x10)
                  li x14, 8
                2:srli x15, x13, 28
                  slli x15, x15, 1
                  addi x15, x15, 0x30
                  jal rp_putc
                  slli x13, x13, 4
                  addi x14, x14, -1
                  bnez x14, 2b
                  addi x10, x10, 4
                  addi x11, x11, -1
                  bnez x11, 1b
                  li x15, 10
                  jal rp_putc
                  jr x12

                # HTIF console putchar (device 1, command 1) of x15; waits until the host has taken it
                rp_putc:
                  la x16, tohost
                  sw x15, 0(x16)
                  li x17, 0x01010000
                  sw x17, 4(x16)
                3:lw x17, 0(x16)
                  bnez x17, 3b
                  la x16, fromhost
                  sw x0, 0(x16)
                  sw x0, 4(x16)
                  ret
                RVTEST_CODE_END

                  .data
                RVTEST_DATA_BEGIN
                """ + data + """
                RVTEST_DATA_END
                """;
    }

    private Parts build(int bodyLength) {
        line("# program " + id);
        line("la x28, " + id + "_data");
        for (int r = 1; r <= 27; r++) {
            line("li x" + r + ", " + value());
        }
        line("li x29, 0");
        line("li x30, " + value());
        line("csrw mscratch, x30");
        // the start-up traps on our core (satp, PMP, delegation: illegal) but not on QEMU: start from equal state
        line("csrw mcause, x0");
        line("csrw mepc, x0");
        line("csrw mtval, x0");
        for (int i = 0; i < bodyLength; i++) {
            item(true);
        }
        line("la x30, " + id + "_sig");
        for (int r = 1; r <= 29; r++) {
            line("sw x" + r + ", " + 4 * (r - 1) + "(x30)");
        }
        line("la x10, " + id + "_sig");
        line("li x11, " + SIGNATURE_WORDS);
        line("jal rp_dump");
        StringBuilder data = new StringBuilder();
        data.append("  .align 2\n").append(id).append("_sig: .skip ").append(4 * 29).append('\n');
        data.append(id).append("_data:\n");
        for (int i = 0; i < DATA_WORDS; i++) {
            data.append("  .word ").append(value()).append('\n');
        }
        return new Parts(text.toString(), data.toString());
    }

    /** One random instruction or construct; control flow only when {@code control}. */
    private void item(boolean control) {
        int kind = rnd.nextInt(100);
        if (kind < 30) {
            line(pick(RR) + " " + dest() + ", " + src() + ", " + src());
        } else if (kind < 42) {
            line(pick(RI) + " " + dest() + ", " + src() + ", " + (rnd.nextInt(4096) - 2048));
        } else if (kind < 47) {
            line(pick(SHIFT_I) + " " + dest() + ", " + src() + ", " + rnd.nextInt(32));
        } else if (kind < 50) {
            line((rnd.nextBoolean() ? "lui " : "auipc ") + dest() + ", " + rnd.nextInt(1 << 20));
        } else if (kind < 60) {
            String op = pick(LOADS);
            line(op + " " + dest() + ", " + offset(op) + "(x28)");
        } else if (kind < 68) {
            String op = pick(STORES);
            line(op + " " + src() + ", " + offset(op) + "(x28)");
        } else if (kind < 74) {
            csr();
        } else if (kind < 77) {
            trap();
        } else if (kind < 78) {
            line(rnd.nextBoolean() ? "fence" : "fence.i");
        } else if (control && kind < 90) {
            String label = id + "_l" + labels++;
            line(pick(BRANCHES) + " " + src() + ", " + src() + ", " + label);
            skipped(label);
        } else if (control && kind < 95) {
            String label = id + "_l" + labels++;
            line("jal " + dest() + ", " + label);
            skipped(label);
        } else if (control) {
            // jalr over one instruction: base from auipc, target auipc + 12
            String base = "x" + (1 + rnd.nextInt(27));
            line("auipc " + base + ", 0");
            line("jalr " + dest() + ", 12(" + base + ")");
            line(pick(RR) + " " + dest() + ", " + src() + ", " + src());   // exactly one instruction skipped
        } else {
            line("xor " + dest() + ", " + src() + ", " + src());
        }
    }

    private void skipped(String label) {
        int n = rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            item(false);
        }
        text.append(label).append(":\n");
    }

    private void csr() {
        switch (rnd.nextInt(5)) {
            case 0 -> line("csrrw " + dest() + ", mscratch, " + src());
            case 1 -> line("csrrs " + dest() + ", mscratch, " + src());
            case 2 -> line("csrrc " + dest() + ", mscratch, " + src());
            case 3 -> line(pick(new String[] {"csrrwi", "csrrsi", "csrrci"}) + " " + dest() + ", mscratch, "
                    + rnd.nextInt(32));
            default -> line("csrr " + dest() + ", " + pick(new String[] {"mhartid", "mscratch", "mcause", "mepc",
                    "mtval", "mtvec"}));
        }
    }

    private void trap() {
        switch (rnd.nextInt(5)) {
            case 0 -> line("ecall");
            case 1 -> line("ebreak");
            case 2 -> line(".word 0x00000000");                      // illegal: all zeros
            case 3 -> line("csrrs " + dest() + ", 0x7c0, x0");       // illegal: no such CSR
            default -> {
                // misaligned jump target (auipc + 10): mcause 0, resumes after the jalr
                String base = "x" + (1 + rnd.nextInt(27));
                line("auipc " + base + ", 0");
                line("jalr " + dest() + ", 10(" + base + ")");
            }
        }
    }

    private int offset(String op) {
        int size = op.endsWith("w") ? 4 : op.startsWith("lh") || op.equals("sh") ? 2 : 1;
        return rnd.nextInt(4 * DATA_WORDS / size) * size;
    }

    private String dest() {
        return rnd.nextInt(20) == 0 ? "x0" : "x" + (1 + rnd.nextInt(27));
    }

    private String src() {
        int r = rnd.nextInt(30);
        return "x" + (r == 28 ? 29 : r);   // x0..x27 and x29 (x28, the data base, only as the address register)
    }

    private String value() {
        return Integer.toString(rnd.nextInt(3) == 0 ? SPECIAL[rnd.nextInt(SPECIAL.length)] : rnd.nextInt());
    }

    private String pick(String[] options) {
        return options[rnd.nextInt(options.length)];
    }

    private void line(String s) {
        text.append("  ").append(s).append('\n');
    }
}
