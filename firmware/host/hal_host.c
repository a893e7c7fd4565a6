/* The HAL of the host build: the host link is stdin/stdout (a pipe, or a pty when socat runs the program), time is
 * the monotonic clock, and the capture and accelerator are the software stand-in of fake_accel.h. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fake_accel.h"
#include "hal.h"
#include "host.h"
#include "record.h"

#define FIFO_WINDOWS PULSEDL_CFG_INPUT_FIFO_WINDOWS

static const hal_board_t board = {
    .channels = 2, .adc_bits = 12, .window_samples = 32, .adc_clock_hz = 100000000u, .board_id = 0x484F5354u};

const hal_board_t *hal_board(void) { return &board; }

static uint64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

size_t hal_link_read(uint8_t *buf, size_t max) {
    struct pollfd p = {.fd = 0, .events = POLLIN};
    if (poll(&p, 1, 0) <= 0) return 0;
    ssize_t n = read(0, buf, max);
    if (n == 0) exit(0);                 /* the host closed the link: the board's job is done */
    if (n < 0) {
        if (errno == EINTR || errno == EAGAIN) return 0;
        perror("pulsedl-fw-host: read");
        exit(1);
    }
    return (size_t)n;
}

void hal_link_write(const uint8_t *buf, size_t n) {
    while (n > 0) {
        ssize_t w = write(1, buf, n);
        if (w < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            exit(0);                     /* the host went away */
        }
        buf += w;
        n -= (size_t)w;
    }
}

/* One writer of the link: the core numbers its frames itself. */
uint32_t hal_link_begin_frame(uint32_t next) { return next; }
void hal_link_end_frame(uint32_t next) { (void)next; }

/* No result framer: the core pops the stand-in's results. */
int hal_framer_start(uint32_t outputs, uint32_t batch, uint32_t channel_mask, uint32_t max_age_ms) {
    (void)outputs;
    (void)batch;
    (void)channel_mask;
    (void)max_age_ms;
    return 0;
}
void hal_framer_finish(void) {}
void hal_framer_counters(uint32_t *records, uint32_t *lost, uint32_t *expected) {
    *records = *lost = *expected = 0;
}

void host_wait_for_input(int millis) {
    struct pollfd p = {.fd = 0, .events = POLLIN};
    poll(&p, 1, millis);
}

uint32_t hal_millis(void) { return (uint32_t)(now_ns() / 1000000u); }

/* ---- capture: periodic triggers at the configured rate, one window per enabled channel ---- */

static struct {
    int on;
    uint64_t start_ns;
    uint64_t triggers;
    uint64_t period_ticks;
    uint32_t rate_hz;
    uint32_t mask;
    uint32_t waveform_prescale;
} cap;

/* ---- accelerator: a FIFO of windows; outputs computed when popped ---- */

static struct {
    uint32_t fingerprint;
    uint64_t ts[FIFO_WINDOWS];
    uint8_t ch[FIFO_WINDOWS];
    uint16_t seq[FIFO_WINDOWS];
    uint32_t head, count;
    uint16_t next_seq;
    uint32_t drops;
    uint32_t lose_every; /* test hook: every n-th accepted window vanishes inside (its sequence number is used) */
    uint32_t accepted;
} acc;

void hal_capture_start(const hal_capture_settings_t *s) {
    cap.on = 1;
    cap.start_ns = now_ns();
    cap.triggers = 0;
    cap.rate_hz = s->pulse_rate_hz;
    cap.period_ticks = board.adc_clock_hz / s->pulse_rate_hz;
    cap.mask = s->channel_mask;
    cap.waveform_prescale = s->waveform_prescale;
}

void hal_capture_stop(void) { cap.on = 0; }

uint64_t hal_capture_ticks(void) {
    return cap.triggers == 0 ? 0 : (cap.triggers - 1) * cap.period_ticks;
}

uint64_t hal_capture_triggers(void) { return cap.triggers; }

uint32_t hal_capture_overruns(void) { return 0; }

/* Every window can be recomputed from its timestamp, so this capture keeps exactly every n-th event's (trigger k at
 * k periods). */
size_t hal_capture_waveform(uint64_t timestamp, uint8_t channel, int16_t *samples) {
    if (cap.waveform_prescale == 0 || timestamp / cap.period_ticks % cap.waveform_prescale != 0) return 0;
    for (uint32_t i = 0; i < board.window_samples; i++) samples[i] = fake_sample(timestamp, channel, i);
    return board.window_samples;
}

static void push_window(uint64_t ts, uint8_t ch) {
    if (acc.count == FIFO_WINDOWS) {
        acc.drops++;
        return;
    }
    uint16_t seq = acc.next_seq++;
    if (acc.lose_every != 0 && ++acc.accepted % acc.lose_every == 0) return;
    uint32_t at = (acc.head + acc.count++) % FIFO_WINDOWS;
    acc.ts[at] = ts;
    acc.ch[at] = ch;
    acc.seq[at] = seq;
}

/* Triggers that are due by the wall clock since START. */
static void capture_advance(void) {
    if (!cap.on) return;
    uint64_t due = (now_ns() - cap.start_ns) * cap.rate_hz / 1000000000u + 1;
    for (; cap.triggers < due; cap.triggers++) {
        for (uint8_t c = 0; c < board.channels; c++) {
            if ((cap.mask >> c) & 1u) push_window(cap.triggers * cap.period_ticks, c);
        }
    }
}

int hal_accel_load(const uint32_t *d, uint32_t nd, const uint32_t *p, uint32_t np, const uint32_t *w, uint32_t nw) {
    uint32_t h = fake_fingerprint_update(FAKE_FINGERPRINT_START, d, nd);
    h = fake_fingerprint_update(h, p, np);
    acc.fingerprint = fake_fingerprint_update(h, w, nw);
    acc.count = 0;
    const char *lose = getenv("PULSEDL_FW_HOST_LOSE_EVERY");
    acc.lose_every = lose ? (uint32_t)strtoul(lose, NULL, 10) : 0;
    return 0;
}

void hal_accel_start(void) {
    acc.count = 0;
    acc.next_seq = 0;
    acc.drops = 0;
    acc.accepted = 0;
}

void hal_accel_stop(void) {}

int hal_accel_pop_record(uint8_t *rec, uint32_t outputs, uint16_t *sequence) {
    if (acc.count == 0) capture_advance();
    if (acc.count == 0) return 0;
    uint32_t at = acc.head;
    acc.head = (acc.head + 1) % FIFO_WINDOWS;
    acc.count--;
    uint64_t ts = acc.ts[at];
    record_put_header(rec, (uint32_t)ts, (uint32_t)(ts >> 32), acc.ch[at], 0);
    for (uint32_t k = 0; k < outputs; k++) record_put_output(rec, k, (uint32_t)fake_output(acc.fingerprint, ts, acc.ch[at], k));
    *sequence = acc.seq[at];
    return 1;
}

int hal_accel_drained(void) { return 1; } /* the stand-in computes a window when it takes it */
uint32_t hal_accel_windows_in(void) { return acc.next_seq; }

uint32_t hal_accel_input_drops(void) { return acc.drops; }
