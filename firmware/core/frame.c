#include "frame.h"

#include <string.h>

#include "crc32.h"
#include "hal.h"
#include "wire.h"

#define SYNC_LO (PDL_SYNC & 0xFFu)
#define SYNC_HI (PDL_SYNC >> 8)

void frame_rx_init(frame_rx_t *rx, frame_handler_t handler) {
    memset(rx, 0, sizeof *rx);
    rx->handler = handler;
}

/* Forgets the first k held bytes; the hunt resumes at what follows them. */
static void drop(frame_rx_t *rx, size_t k) {
    rx->len -= k;
    if (rx->len > 0) memmove(rx->buf, rx->buf + k, rx->len);
}

/*
 * Consumes what the held bytes decide: garbage before a sync word, a bad candidate (its first byte only, or the
 * sync word of an oversize header, whose extent is unknown), or a whole frame. Stops when the held bytes are a
 * possible frame start waiting for more. As in the Java FrameDecoder, a frame that follows damage is still found:
 * after a bad candidate the hunt goes on one byte further, through bytes already held.
 */
static void scan(frame_rx_t *rx) {
    for (;;) {
        const uint8_t *b = rx->buf;
        size_t n = rx->len;
        if (n == 0) return;
        if (b[0] != SYNC_LO || (n >= 2 && b[1] != SYNC_HI)) {
            rx->counters.garbage_bytes++;
            drop(rx, 1);
            continue;
        }
        if (n < PDL_HEADER_SIZE) return;
        if (b[PDL_FRAME_HEADER_VERSION_OFFSET] != PDL_VERSION) {
            rx->counters.garbage_bytes++;
            drop(rx, 1);
            continue;
        }
        uint16_t length = wire_get16(b + PDL_FRAME_HEADER_LENGTH_OFFSET);
        if (length > PDL_MAX_PAYLOAD) {
            rx->counters.oversize_frames++;
            rx->counters.garbage_bytes += 2;
            drop(rx, 2);
            continue;
        }
        size_t total = PDL_HEADER_SIZE + length + PDL_CRC_SIZE;
        if (n < total) return;
        if (crc32_of(b, total - PDL_CRC_SIZE) != wire_get32(b + total - PDL_CRC_SIZE)) {
            rx->counters.crc_errors++;
            rx->counters.garbage_bytes++;
            drop(rx, 1);
            continue;
        }
        frame_t f = {
            .type = b[PDL_FRAME_HEADER_TYPE_OFFSET],
            .flags = wire_get16(b + PDL_FRAME_HEADER_FLAGS_OFFSET),
            .length = length,
            .sequence = wire_get32(b + PDL_FRAME_HEADER_SEQUENCE_OFFSET),
            .payload = b + PDL_HEADER_SIZE,
        };
        rx->counters.frames++;
        /* DESIGN section 5's sequence rule, as the host's SequenceTracker: a jump forward is one gap; a frame less
         * than 2^31 behind is late (reordered or repeated) and leaves the expectation where it is. */
        uint32_t ahead = f.sequence - rx->expected_sequence;
        if (!rx->seen_frame || ahead < 0x80000000u) {
            if (rx->seen_frame && ahead != 0) rx->counters.sequence_gaps++;
            rx->expected_sequence = f.sequence + 1;
        }
        rx->seen_frame = 1;
        rx->handler(&f);
        drop(rx, total);
    }
}

void frame_rx_feed(frame_rx_t *rx, const uint8_t *p, size_t n) {
    /* Byte by byte: the buffer then never holds more than one candidate, and a delivered frame is exactly the
     * held bytes, so the normal path moves no memory. */
    while (n-- > 0) {
        rx->buf[rx->len++] = *p++;
        scan(rx);
    }
}

static uint32_t next_sequence;

uint32_t frame_next_sequence(void) { return next_sequence; }

void frame_send(uint8_t *b, uint8_t type, uint16_t flags, uint16_t length) {
    wire_put16(b + PDL_FRAME_HEADER_SYNC_OFFSET, PDL_SYNC);
    b[PDL_FRAME_HEADER_VERSION_OFFSET] = PDL_VERSION;
    b[PDL_FRAME_HEADER_TYPE_OFFSET] = type;
    wire_put16(b + PDL_FRAME_HEADER_FLAGS_OFFSET, flags);
    wire_put16(b + PDL_FRAME_HEADER_LENGTH_OFFSET, length);
    uint32_t sequence = hal_link_begin_frame(next_sequence);
    wire_put32(b + PDL_FRAME_HEADER_SEQUENCE_OFFSET, sequence);
    size_t n = PDL_HEADER_SIZE + length;
    wire_put32(b + n, crc32_of(b, n));
    hal_link_write(b, n + PDL_CRC_SIZE);
    next_sequence = sequence + 1;
    hal_link_end_frame(next_sequence);
}
