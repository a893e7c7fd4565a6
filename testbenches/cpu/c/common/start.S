# Start-up for the C test programs: stack, .bss cleared, main(), then main's result to tohost
# (0 -> 1 = pass, n -> (n << 1) | 1 = fail n; DESIGN §4 simulation conventions).
    .section .text.init, "ax"
    .globl _start
_start:
    la sp, __stack_top
    la t0, __bss_start
    la t1, __bss_end
1:  bgeu t0, t1, 2f
    sw zero, 0(t0)
    addi t0, t0, 4
    j 1b
2:  call main
    slli a0, a0, 1
    ori a0, a0, 1
    la t0, tohost
3:  sw a0, 0(t0)
    sw zero, 4(t0)
    j 3b
