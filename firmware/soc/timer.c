#include "drivers.h"
#include "mmio.h"

uint64_t timer_cycles(void) {
    uint32_t hi, lo;
    do { /* hi, lo, hi again: a carry between the reads is seen */
        hi = mmio_read(SOC_TIMER_BASE, PDL_TIMER_MTIME_HI_OFFSET);
        lo = mmio_read(SOC_TIMER_BASE, PDL_TIMER_MTIME_LO_OFFSET);
    } while (hi != mmio_read(SOC_TIMER_BASE, PDL_TIMER_MTIME_HI_OFFSET));
    return (uint64_t)hi << 32 | lo;
}
