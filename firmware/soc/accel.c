/* The accelerator (docs/accelerator.md sections 4.6-4.8): program memories written through the slave port after a
 * soft reset and read back to verify them, stream mode started, stopped after it has drained, results popped from
 * the result FIFO.
 *
 * STOP closes the capture first and waits until every accepted window's result is out, so nothing is in flight
 * when CTRL.start falls (the accelerator's own stop would drain too; waiting here keeps STOP's reply after the
 * last RESULT). A soft reset before a model load and before each START clears the FIFOs and restarts the window
 * sequence numbers, which the HAL counts losses by. The result header carries the window's tag and sequence, the
 * next word its capture timestamp: the low 32 bits of the capture clock (pdl_adc) at the window's first sample,
 * which the record gets extended to the clock's 64 bits. */
#include "drivers.h"
#include "mmio.h"
#include "pulsedl_protocol.h"
#include "record.h"


static uint32_t wide; /* 1: each raw output is two words (int64); from the program header */

/* The last record's 64-bit timestamp, and whether it is anchored to the capture clock. */
static uint64_t last_stamp;
static int anchored;

static void write_words(uint32_t base, const uint32_t *w, uint32_t n) {
    volatile uint32_t *to = (volatile uint32_t *)(uintptr_t)base;
    for (uint32_t i = 0; i < n; i++) to[i] = w[i];
}

/* 1 when the n words at base read back as w (the program memories read back while stopped). */
static int reads_back(uint32_t base, const uint32_t *w, uint32_t n) {
    volatile const uint32_t *from = (volatile const uint32_t *)(uintptr_t)base;
    for (uint32_t i = 0; i < n; i++) {
        if (from[i] != w[i]) return 0;
    }
    return 1;
}

/* CTRL.soft_reset: FIFOs, loader, controller, drain and unloader back to their reset state (program memories and
 * counters kept); the accelerator says when it is done. */
static void soft_reset(void) {
    pdl_accel_ctrl_write(PDL_ACCEL_CTRL_SOFT_RESET_MASK);
    while (pdl_accel_status_read() & (PDL_ACCEL_STATUS_RESETTING_MASK | PDL_ACCEL_STATUS_RUNNING_MASK)) {
    }
}

int accel_load(const uint32_t *d, uint32_t nd, const uint32_t *p, uint32_t np, const uint32_t *w, uint32_t nw) {
    soft_reset();
    write_words(PULSEDL_ACCEL_DESCRIPTOR_BASE, d, nd);
    write_words(PULSEDL_ACCEL_PARAM_BASE, p, np);
    write_words(PULSEDL_ACCEL_WEIGHT_BASE, w, nw);
    wide = (d[4] >> 16) & 1u; /* header h4 bit 16 */
    /* verified before it runs: a word the memories did not take (a bus fault, a program beyond the build's limits)
     * would otherwise show only as wrong results */
    if (!reads_back(PULSEDL_ACCEL_DESCRIPTOR_BASE, d, nd) || !reads_back(PULSEDL_ACCEL_PARAM_BASE, p, np)
        || !reads_back(PULSEDL_ACCEL_WEIGHT_BASE, w, nw)) {
        return HAL_ACCEL_LOAD_READBACK;
    }
    pdl_accel_ctrl_write(PDL_ACCEL_CTRL_CLEAR_MASK);
    return (int)pdl_accel_status_error_read();
}

/* Sequence numbers (soft reset) and counters (WINDOWS_IN, INPUT_DROPS) start from 0: the HAL counts from the start. */
void accel_start(void) {
    soft_reset();
    anchored = 0;
    pdl_accel_ctrl_write(PDL_ACCEL_CTRL_CLEAR_MASK);
    pdl_accel_ctrl_write(PDL_ACCEL_CTRL_START_MASK);
}

/* Every accepted window's result pushed, no round in progress, the input FIFO empty (the capture is closed and
 * no window is passing the port: capture_stop waited for it). */
int accel_drained(void) {
    uint32_t s = pdl_accel_status_read();
    return (s & PDL_ACCEL_STATUS_IDLE_MASK) && (s & PDL_ACCEL_STATUS_INPUT_EMPTY_MASK) &&
           pdl_accel_windows_out_read() == pdl_accel_windows_in_read();
}

/* Called once drained (board.c's STOP), so CTRL.start never falls while a window loads. */
void accel_stop(void) {
    pdl_accel_ctrl_write(0);
    while (pdl_accel_status_read() & PDL_ACCEL_STATUS_RUNNING_MASK) {
    }
}

static inline uint32_t pop(void) { return *(volatile uint32_t *)(uintptr_t)PDL_ACCEL_RESULT_POP_ADDR; }

/* The 64-bit capture time of a window from its 32-bit stamp. Windows leave in arrival order, so a stamp is the last
 * one plus less than 2^32 ticks; the first record after the result FIFO was empty is anchored to the capture clock
 * instead (read after the window was captured, so at most 2^32 ticks later), which also covers gaps between
 * windows longer than 2^32 ticks. One MMIO read of the clock per burst, none per record within it. */
static uint64_t extend_stamp(uint32_t stamp) {
    if (!anchored) {
        uint64_t now = capture_ticks();
        last_stamp = now - (uint32_t)((uint32_t)now - stamp);
        anchored = 1;
    } else {
        last_stamp += (uint32_t)(stamp - (uint32_t)last_stamp);
    }
    return last_stamp;
}

int accel_pop_record(uint8_t *rec, uint32_t outputs, uint16_t *sequence) {
    uint32_t words = PULSEDL_ACCEL_RESULT_HEAD_WORDS + outputs * (1u + wide);
    if (pdl_accel_result_level_read() < words) {
        anchored = 0;
        return 0;
    }
    _Static_assert(PULSEDL_ACCEL_RESULT_HEADER_WORD == 0 && PULSEDL_ACCEL_RESULT_TIMESTAMP_WORD == 1
                       && PULSEDL_ACCEL_RESULT_HEAD_WORDS == 2,
                   "the result words are popped in the order header, timestamp, outputs");
    uint32_t h = pop();
    uint64_t t = extend_stamp(pop());
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
    record_put_header(rec, (uint32_t)t, (uint32_t)(t >> 32), PULSEDL_ACCEL_RESULT_TAG(h), flags);
    *sequence = (uint16_t)PULSEDL_ACCEL_RESULT_SEQ(h);
    return 1;
}

uint32_t accel_windows_in(void) { return pdl_accel_windows_in_read(); }

uint32_t accel_input_drops(void) { return pdl_accel_input_drops_read(); }

uint32_t accel_wide(void) { return wide; }
