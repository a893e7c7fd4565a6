# Start-up: global pointer, stack at the top of RAM, .bss cleared, a trap handler, main(). If main returns (test
# and benchmark programs do), its result goes to tohost as the simulation convention has it (DESIGN section 4:
# 0 -> 1 = pass, n -> (n << 1) | 1 = fail n). A trap ends the run as failure 0x7ff (the firmware has no traps).
    .section .text.init, "ax"
    .globl _start
_start:
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    la sp, __stack_top
    la t0, trap
    csrw mtvec, t0
    la t0, __bss_start
    la t1, __bss_end
1:  bgeu t0, t1, 2f
    sw zero, 0(t0)
    addi t0, t0, 4
    j 1b
2:  call main
exit:
    slli a0, a0, 1
    ori a0, a0, 1
    la t0, tohost
3:  sw a0, 0(t0)
    sw zero, 4(t0)
    j 3b

    .align 2
trap:
    li a0, 0x7ff
    j exit

    .section .tohost, "aw", @progbits
    .align 6
    .globl tohost
tohost: .dword 0
    .align 6
    .globl fromhost
fromhost: .dword 0
