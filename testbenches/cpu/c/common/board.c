// The simulated board for C test programs: stdout is the harness's putchar register (simulation control,
// 0x1000_2000, DESIGN §4 memory map); tohost is where start.S reports main's result.
#include <stdio.h>
#include <stdint.h>
#include "board.h"

#define SIMCTRL_PUTCHAR ((volatile uint32_t *)0x10002000u)

__attribute__((section(".tohost"), aligned(64))) volatile uint64_t tohost;
__attribute__((section(".tohost"), aligned(64))) volatile uint64_t fromhost;

static int board_putc(char c, FILE *file) {
    (void)file;
    *SIMCTRL_PUTCHAR = (uint8_t)c;
    return (uint8_t)c;
}

static FILE board_stdout = FDEV_SETUP_STREAM(board_putc, NULL, NULL, _FDEV_SETUP_WRITE);
FILE *const stdout = &board_stdout;
FILE *const stderr = &board_stdout;

void board_report(const char *name, uint32_t cycles, uint32_t instructions) {
    uint32_t milli = (uint32_t)(((uint64_t)cycles * 1000u + instructions / 2) / instructions);
    printf("%s: cycles %lu instructions %lu CPI %lu.%03lu\n", name, (unsigned long)cycles,
           (unsigned long)instructions, (unsigned long)(milli / 1000), (unsigned long)(milli % 1000));
}
