/* The host link's frames (DESIGN section 5, normative; layout from the generated pulsedl_protocol.h): an
 * incremental receiver that resynchronises after garbage, and a sender that numbers and CRCs frames. */
#pragma once
#include <stddef.h>
#include <stdint.h>

#include "pulsedl_protocol.h"

/* One received, intact frame; payload points into the receiver's buffer until the handler returns. */
typedef struct {
    uint8_t type;
    uint16_t flags;
    uint16_t length;
    uint32_t sequence;
    const uint8_t *payload;
} frame_t;

typedef void (*frame_handler_t)(const frame_t *f);

/* What the receiver counted (reported in STATS). */
typedef struct {
    uint32_t frames;
    uint32_t crc_errors;
    uint32_t sequence_gaps;
    uint32_t oversize_frames;
    uint32_t garbage_bytes;
} frame_rx_counters_t;

/* The receiver: bytes not yet consumed, always a prefix of a possible frame (so at most one frame). */
typedef struct {
    uint8_t buf[PDL_MAX_FRAME];
    size_t len;
    uint32_t expected_sequence;
    int seen_frame;
    frame_rx_counters_t counters;
    frame_handler_t handler;
} frame_rx_t;

void frame_rx_init(frame_rx_t *rx, frame_handler_t handler);

/* Stream input in any chunking; every intact frame goes to the handler in wire order. Never fails. */
void frame_rx_feed(frame_rx_t *rx, const uint8_t *p, size_t n);

/* A frame being built for sending: the payload is written in place, after the header's room. */
typedef struct {
    uint8_t bytes[PDL_MAX_FRAME] __attribute__((aligned(4)));
} frame_tx_t;

static inline uint8_t *frame_payload(uint8_t *frame) { return frame + PDL_HEADER_SIZE; }

/* Completes the frame in a 4-byte aligned buffer with room for length payload bytes and the CRC (header, next
 * sequence number, CRC) and hands it to the link. */
void frame_send(uint8_t *frame, uint8_t type, uint16_t flags, uint16_t length);

/* The sequence number the next frame sent will carry. */
uint32_t frame_next_sequence(void);
