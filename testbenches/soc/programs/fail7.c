/* Fails on purpose with test number 7: checks the harness's exit code 1 and its message. */
#include "soc.h"

void trap(uint32_t mcause, uint32_t mtval) {
    (void)mcause;
    (void)mtval;
}

int main(void) { return 7; }
