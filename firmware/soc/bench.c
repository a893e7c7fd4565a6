/*
 * fw-bench: the firmware's RESULT path on the CPU alone (pulsedl sim --elf, no SoC devices), measured with mcycle:
 * results popped from a stand-in result FIFO, written as records into RESULT frames of RESULT_BATCH records, each
 * frame numbered and CRC'd, handed to a link that takes it at once (the "faster link": DMA or a hardware FIFO).
 * Prints cycles per record for that path and for its parts, and what is left of it in the main loop when the
 * hardware result framer is on (hal_framer_start answers 1: the CPU pops nothing); the stand-in FIFO is read with
 * volatile loads, one per word, as the driver reads RESULT_POP. Exit 0 when the results came out as frames of the right size.
 */
#include <stdint.h>

#include "board.h"
#include "crc32.h"
#include "model_load.h"
#include "wire.h"
#include "frame.h"
#include "hal.h"
#include "record.h"
#include "results.h"
#include "settings.h"

#define PUTCHAR ((volatile uint32_t *)0x10002000u) /* simulation control: console */
#define OUTPUTS 2u
#define RING 128u
#define FRAMES 20u

#define WORDS (PULSEDL_ACCEL_RESULT_HEAD_WORDS + OUTPUTS)

static uint32_t ring[RING][WORDS];
static uint64_t last_stamp;
static volatile uint32_t *const fifo = &ring[0][0];
static uint32_t pops;
static uint32_t budget;      /* results the stand-in FIFO still holds */
static uint32_t bytes_sent;
static uint32_t frames_sent;
static uint8_t uart_tx_stand_in;
/* The link: an INFO request waits in `request`; the board's answer lands in `answer` while capturing. */
static uint8_t request[PDL_HEADER_SIZE + PDL_CRC_SIZE] __attribute__((aligned(4)));
static uint32_t request_left;
static uint8_t answer[PDL_MAX_FRAME];
static uint32_t answer_bytes;
static int capturing;

static uint32_t cycles(void) {
    uint32_t v;
    __asm__ volatile("csrr %0, mcycle" : "=r"(v));
    return v;
}

static void put(const char *s) {
    while (*s) *PUTCHAR = (uint8_t)*s++;
}

static void put_fixed(uint32_t hundredths) {
    char b[16];
    int n = 0;
    uint32_t whole = hundredths / 100;
    do b[n++] = (char)('0' + whole % 10); while ((whole /= 10) != 0);
    while (n) *PUTCHAR = (uint8_t)b[--n];
    *PUTCHAR = '.';
    *PUTCHAR = (uint8_t)('0' + hundredths / 10 % 10);
    *PUTCHAR = (uint8_t)('0' + hundredths % 10);
}

/* ---- the HAL, as far as the RESULT path uses it ---- */

/* As accel.c's accel_pop_record (narrow outputs, a record inside a burst: its 32-bit timestamp extended from the
 * last one), with the FIFO's words in RAM read by volatile loads. */
int hal_accel_pop_record(uint8_t *rec, uint32_t outputs, uint16_t *sequence) {
    if (budget == 0) return 0;   /* the RESULT_LEVEL check */
    budget--;
    volatile uint32_t *w = fifo + (pops % RING) * WORDS;
    uint32_t h = w[PULSEDL_ACCEL_RESULT_HEADER_WORD] | (pops & 0xFFFFu);
    last_stamp += (uint32_t)(w[PULSEDL_ACCEL_RESULT_TIMESTAMP_WORD] - (uint32_t)last_stamp);
    for (uint32_t k = 0; k < outputs; k++) record_put_output(rec, k, w[PULSEDL_ACCEL_RESULT_HEAD_WORDS + k]);
    record_put_header(rec, (uint32_t)last_stamp, (uint32_t)(last_stamp >> 32), (h >> 16) & 0xFFu, 0);
    *sequence = (uint16_t)h;
    pops++;
    return 1;
}

void hal_link_write(const uint8_t *buf, size_t n) {
    if (capturing) {
        for (size_t i = 0; i < n && answer_bytes < sizeof answer; i++) answer[answer_bytes++] = buf[i];
    }
    bytes_sent += n;
    frames_sent++;
}

uint32_t hal_millis(void) { return 0; }

/* The link has one writer here; the result framer is a switch: with it on, the core pops nothing. */
static int framer_present;
uint32_t hal_link_begin_frame(uint32_t next) { return next; }
void hal_link_end_frame(uint32_t next) { (void)next; }
int hal_framer_start(uint32_t outputs, uint32_t batch, uint32_t channel_mask, uint32_t max_age_ms) {
    (void)outputs;
    (void)batch;
    (void)channel_mask;
    (void)max_age_ms;
    return framer_present;
}
void hal_framer_finish(void) {}
void hal_framer_counters(uint32_t *records, uint32_t *lost, uint32_t *expected) {
    *records = *lost = *expected = 0;
}

/* Not on the RESULT path; present so the core links unchanged. */
static const hal_board_t board = {2, 12, 32, 100000000u, 0};
const hal_board_t *hal_board(void) { return &board; }
size_t hal_link_read(uint8_t *buf, size_t max) {
    size_t n = request_left < max ? request_left : max;
    for (size_t i = 0; i < n; i++) buf[i] = request[sizeof request - request_left + i];
    request_left -= (uint32_t)n;
    return n;
}
void hal_capture_start(const hal_capture_settings_t *s) { (void)s; }
void hal_capture_stop(void) {}
uint64_t hal_capture_ticks(void) { return 0; }
uint64_t hal_capture_triggers(void) { return 0; }
uint32_t hal_capture_overruns(void) { return 0; }
size_t hal_capture_waveform(uint64_t t, uint8_t c, int16_t *s) { (void)t; (void)c; (void)s; return 0; }
int hal_accel_load(const uint32_t *d, uint32_t nd, const uint32_t *p, uint32_t np, const uint32_t *w, uint32_t nw) {
    (void)d; (void)nd; (void)p; (void)np; (void)w; (void)nw;
    return 0;
}
void hal_accel_start(void) {}
void hal_accel_stop(void) {}
int hal_accel_drained(void) { return 1; }
uint32_t hal_accel_windows_in(void) { return pops; }
uint32_t hal_accel_input_drops(void) { return 0; }

/* A byte-at-a-time UART write as uart.c does it (status check, then the data register), to a RAM stand-in. */
static void uart_push(const uint8_t *b, uint32_t n) {
    volatile uint8_t *tx = &uart_tx_stand_in;
    for (uint32_t i = 0; i < n; i++) {
        while (*tx == 0xFF) {
        }
        *tx = b[i];
    }
}

static void put_hex(uint32_t v) {
    put("0x");
    for (int i = 7; i >= 0; i--) *PUTCHAR = (uint8_t)"0123456789abcdef"[(v >> (4 * i)) & 0xFu];
}

/* Boot (the shipped model's image built, CRC'd and "loaded") and one INFO request through the receiver, on the
 * target: the model CRC must equal the Java SocModelImage's (SocFirmwareBuildTest checks the printed value). */
static int boot_and_info(void) {
    uint32_t c0 = cycles();
    board_init();
    uint32_t c1 = cycles();
    put("fw-bench: boot cycles ");
    put_fixed((c1 - c0) * 100u);
    put("\nfw-bench: boot model crc ");
    put_hex(model_running()->crc);
    put("\n");
    wire_put16(request + PDL_FRAME_HEADER_SYNC_OFFSET, PDL_SYNC);
    request[PDL_FRAME_HEADER_VERSION_OFFSET] = PDL_VERSION;
    request[PDL_FRAME_HEADER_TYPE_OFFSET] = PDL_MESSAGE_TYPE_INFO;
    wire_put16(request + PDL_FRAME_HEADER_FLAGS_OFFSET, PDL_FRAME_FLAG_REQUEST);
    wire_put32(request + PDL_HEADER_SIZE, crc32_of(request, PDL_HEADER_SIZE));
    request_left = sizeof request;
    answer_bytes = 0;
    capturing = 1;
    board_poll();
    capturing = 0;
    uint32_t n = PDL_HEADER_SIZE + PDL_INFO_SIZE;
    if (answer_bytes != n + PDL_CRC_SIZE || answer[PDL_FRAME_HEADER_TYPE_OFFSET] != PDL_MESSAGE_TYPE_INFO
        || crc32_of(answer, n) != wire_get32(answer + n)
        || wire_get32(answer + PDL_HEADER_SIZE + PDL_INFO_MODEL_CRC_OFFSET) != model_running()->crc) {
        put("fw-bench: no INFO reply\n");
        return 1;
    }
    put("fw-bench: INFO reply ok\n");
    return 0;
}

static void report(const char *what, uint32_t cycles_total, uint32_t per) {
    put("fw-bench: ");
    put(what);
    put(" ");
    put_fixed((uint32_t)(((uint64_t)cycles_total * 100u + per / 2) / per));
    put("\n");
}

int main(void) {
    if (boot_and_info() != 0) return 2;
    for (uint32_t i = 0; i < RING; i++) {
        ring[i][PULSEDL_ACCEL_RESULT_HEADER_WORD] = PULSEDL_ACCEL_RESULT_MARKER << 24 | (i & 1u) << 16;
        ring[i][PULSEDL_ACCEL_RESULT_TIMESTAMP_WORD] = i * 5000u;
        for (uint32_t k = 0; k < OUTPUTS; k++) ring[i][PULSEDL_ACCEL_RESULT_HEAD_WORDS + k] = i * 7919u + k;
    }
    uint32_t batch = settings_max_batch(OUTPUTS);
    uint32_t records = batch * FRAMES;

    /* warm-up run (first touches), then the measured one */
    for (int pass = 0; pass < 2; pass++) {
        results_start(OUTPUTS, batch, 3u, 0u);
        budget = records;
        bytes_sent = frames_sent = 0;
        uint32_t c0 = cycles();
        while (results_poll(0) != 0) {
        }
        uint32_t c1 = cycles();
        if (pass == 1) report("result path (pop, record, frame, CRC) cycles/record", c1 - c0, records);
    }
    if (frames_sent != FRAMES || bytes_sent != FRAMES * (PDL_HEADER_SIZE + PDL_CRC_SIZE + PDL_RESULT_SIZE
                                                         + batch * (PDL_RESULT_RECORD_SIZE + 4u * OUTPUTS))) {
        put("fw-bench: wrong frames\n");
        return 1;
    }
    uint32_t frame_bytes = bytes_sent / frames_sent;

    static uint8_t buf[PDL_MAX_FRAME] __attribute__((aligned(4)));
    uint32_t c0 = cycles();
    volatile uint32_t sink = 0;
    for (uint32_t i = 0; i < FRAMES; i++) sink ^= crc32_of(buf, frame_bytes);
    uint32_t c1 = cycles();
    report("of which CRC-32 cycles/record", c1 - c0, records);
    report("CRC-32 cycles/byte", c1 - c0, FRAMES * frame_bytes);

    c0 = cycles();
    for (uint32_t i = 0; i < FRAMES; i++) uart_push(buf, frame_bytes);
    c1 = cycles();
    report("byte-by-byte UART push cycles/record", c1 - c0, records);
    /* With the result framer the hardware pops and frames; what stays in the main loop is results_poll's test. */
    framer_present = 1;
    results_start(OUTPUTS, batch, 3u, 0u);
    budget = records;
    c0 = cycles();
    uint32_t popped = 0;
    for (uint32_t i = 0; i < records; i++) popped += results_poll(0);
    c1 = cycles();
    if (popped != 0 || budget != records) {
        put("fw-bench: the CPU popped with the framer on\n");
        return 1;
    }
    report("result path with the hardware framer, cycles per results_poll call", c1 - c0, records);
    results_stop(0);
    framer_present = 0;
    put("fw-bench: records ");
    put_fixed(records * 100u);
    put(" in frames of ");
    put_fixed(batch * 100u);
    put(" records, ");
    put_fixed(frame_bytes * 100u);
    put(" bytes\n");
    return 0;
}
