/* Loads and stores to addresses no device answers trap with a load (5) or store (6/7) access fault carrying the
   address in mtval; the handler skips the instruction. Mapped devices around them still answer. */
#include "soc.h"

static volatile uint32_t cause, value, traps;

void trap(uint32_t mcause, uint32_t mtval) {
    cause = mcause;
    value = mtval;
    traps++;
    uint32_t epc;
    __asm__ volatile("csrr %0, mepc" : "=r"(epc));
    __asm__ volatile("csrw mepc, %0" ::"r"(epc + 4));   /* no C extension: instructions are 4 bytes */
}

static int expect(uint32_t n, uint32_t mcause, uint32_t addr) {
    return traps == n && cause == mcause && value == addr;
}

int main(void) {
    static const uint32_t holes[] = {0x00000000u, 0x10004000u, 0x30010000u, 0x40000000u, 0x50000000u,
                                     0x80010000u, 0xfffffffcu};
    uint32_t n = 0;
    for (uint32_t i = 0; i < sizeof holes / sizeof holes[0]; i++) {
        (void)REG(holes[i]);
        if (!expect(++n, 5, holes[i])) return 10 + i;
        REG(holes[i]) = 0x1234u;
        if (!expect(++n, 7, holes[i])) return 20 + i;
    }
    /* still working: RAM, the timer, the UART and the result framer (just below the hole at 0x10004000) */
    if (REG(PDL_UART_DIV_ADDR) != PDL_UART_DIV_RESET) return 30;
    if (REG(PDL_TIMER_MTIMECMP_HI_ADDR) != 0xffffffffu) return 31;
    if (REG(PDL_FRAMER_BATCH_ADDR) != PDL_FRAMER_BATCH_RESET) return 33;
    return traps == n ? 0 : 32;
}
