/* The accelerator (docs/accelerator.md section 4.7): program memories written through the slave port after a soft
 * reset, stream mode started and stopped cleanly, results popped from the result FIFO. */
#include "drivers.h"
#include "pulsedl_protocol.h"
#include "record.h"
#include "soc_local.h"

static uint32_t wide; /* 1: each raw output is two words (int64); from the program header */

static void write_words(uint32_t base, const uint32_t *w, uint32_t n) {
    volatile uint32_t *to = (volatile uint32_t *)(uintptr_t)base;
    for (uint32_t i = 0; i < n; i++) to[i] = w[i];
}

int accel_load(const uint32_t *d, uint32_t nd, const uint32_t *p, uint32_t np, const uint32_t *w, uint32_t nw) {
    pdl_accel_ctrl_write(PDL_ACCEL_CTRL_SOFT_RESET_MASK);
    while (pdl_accel_status_read() & PDL_ACCEL_STATUS_RESETTING_MASK) {
    }
    write_words(PULSEDL_ACCEL_DESCRIPTOR_BASE, d, nd);
    write_words(PULSEDL_ACCEL_PARAM_BASE, p, np);
    write_words(PULSEDL_ACCEL_WEIGHT_BASE, w, nw);
    wide = (d[4] >> 16) & 1u; /* header h4 bit 16 */
    pdl_accel_ctrl_write(PDL_ACCEL_CTRL_CLEAR_MASK);
    return (int)pdl_accel_status_error_read();
}

void accel_start(void) { pdl_accel_ctrl_write(PDL_ACCEL_CTRL_START_MASK); }

/* Clean stop: windows already taken are computed and unloaded, then STATUS.running falls. */
void accel_stop(void) {
    pdl_accel_ctrl_write(0);
    while (pdl_accel_status_read() & PDL_ACCEL_STATUS_RUNNING_MASK) {
    }
}

static inline uint32_t pop(void) { return *(volatile uint32_t *)(uintptr_t)PDL_ACCEL_RESULT_POP_ADDR; }

int accel_pop_record(uint8_t *rec, uint32_t outputs, uint16_t *sequence) {
    uint32_t words = 1u + ACCEL_RESULT_TIMESTAMP_WORDS + outputs * (1u + wide);
    if (pdl_accel_result_level_read() < words) return 0;
    uint32_t h = pop();
    uint32_t lo = pop();
    uint32_t hi = pop();
    uint32_t flags = 0;
    for (uint32_t k = 0; k < outputs; k++) {
        uint32_t v = pop();
        if (wide) {
            /* int64 raw output: the record carries i32; a value beyond it saturates and is flagged */
            int32_t high = (int32_t)pop();
            if (high != ((int32_t)v >> 31)) {
                v = high < 0 ? 0x80000000u : 0x7FFFFFFFu;
                flags |= PDL_EVENT_FLAG_OUTPUT_CLIPPED;
            }
        }
        record_put_output(rec, k, v);
    }
    record_put_header(rec, lo, hi, (h >> 16) & 0xFFu, flags);
    *sequence = (uint16_t)h;
    return 1;
}

uint32_t accel_windows_in(void) { return pdl_accel_windows_in_read(); }

uint32_t accel_input_drops(void) { return pdl_accel_input_drops_read(); }
