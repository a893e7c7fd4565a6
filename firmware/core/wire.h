/* Little-endian field access for frames (DESIGN section 5: every field is little-endian), independent of the CPU's
 * byte order and of alignment: the decoder reads fields of frames that start at any byte. */
#pragma once
#include <stdint.h>
#include <string.h>

static inline uint16_t wire_get16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }

static inline uint32_t wire_get32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline void wire_put16(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static inline void wire_put32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

static inline void wire_put64(uint8_t *p, uint64_t v) {
    wire_put32(p, (uint32_t)v);
    wire_put32(p + 4, (uint32_t)(v >> 32));
}

/* A 32-bit store to a 4-byte aligned place: one store on a little-endian CPU (the RESULT records' fields are all
 * aligned, and this is the hot path of DESIGN section 4's rate budget). */
static inline void wire_put32_aligned(uint8_t *p, uint32_t v) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    memcpy(__builtin_assume_aligned(p, 4), &v, 4);
#else
    wire_put32(p, v);
#endif
}
