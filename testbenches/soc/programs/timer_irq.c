/* The machine timer interrupts the CPU: mtimecmp = mtime + 2000, MTIE and MIE set, wait; the handler sees
   mcause 0x8000_0007 after mtime passed mtimecmp, disarms the timer and counts. Three rounds. */
#include "soc.h"

static volatile uint32_t interrupts;
static volatile uint32_t late;   /* the handler ran before mtime reached mtimecmp */

static uint64_t mtime(void) {
    uint32_t hi, lo;
    do {
        hi = REG(PDL_TIMER_MTIME_HI_ADDR);
        lo = REG(PDL_TIMER_MTIME_LO_ADDR);
    } while (hi != REG(PDL_TIMER_MTIME_HI_ADDR));
    return (uint64_t)hi << 32 | lo;
}

static uint64_t deadline;

void trap(uint32_t mcause, uint32_t mtval) {
    (void)mtval;
    if (mcause != 0x80000007u) {
        REG(PDL_SIM_CTRL_EXIT_ADDR) = (90u << 1) | 1u;   /* unexpected trap */
    }
    if (mtime() < deadline) late = 1;
    REG(PDL_TIMER_MTIMECMP_HI_ADDR) = 0xffffffffu;
    REG(PDL_TIMER_MTIMECMP_LO_ADDR) = 0xffffffffu;
    interrupts++;
}

int main(void) {
    if (REG(PDL_TIMER_MTIMECMP_LO_ADDR) != 0xffffffffu) return 1;   /* reset value */
    __asm__ volatile("csrs mie, %0" ::"r"(1u << 7));
    __asm__ volatile("csrs mstatus, %0" ::"r"(1u << 3));
    for (uint32_t round = 1; round <= 3; round++) {
        deadline = mtime() + 2000;
        REG(PDL_TIMER_MTIMECMP_HI_ADDR) = 0xffffffffu;
        REG(PDL_TIMER_MTIMECMP_LO_ADDR) = (uint32_t)deadline;
        REG(PDL_TIMER_MTIMECMP_HI_ADDR) = (uint32_t)(deadline >> 32);
        for (uint32_t spin = 0; interrupts < round; spin++) {
            if (spin > 100000) return 2;   /* never interrupted */
        }
    }
    return late ? 3 : interrupts == 3 ? 0 : 4;
}
