// What the C test programs need from the simulated board: the counters and a report line.
#ifndef PULSEDL_BOARD_H
#define PULSEDL_BOARD_H

#include <stdint.h>

static inline uint32_t board_cycles(void) {
    uint32_t v;
    __asm__ volatile("csrr %0, mcycle" : "=r"(v));
    return v;
}

static inline uint32_t board_instret(void) {
    uint32_t v;
    __asm__ volatile("csrr %0, minstret" : "=r"(v));
    return v;
}

// Prints "NAME: cycles C instructions I CPI x.yyy" (integer arithmetic: the printf is integer-only).
void board_report(const char *name, uint32_t cycles, uint32_t instructions);

#endif
