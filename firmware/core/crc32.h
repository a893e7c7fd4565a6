/* CRC-32, IEEE 802.3 (reflected polynomial 0xEDB88320): the value java.util.zip.CRC32 gives, as DESIGN section 5
 * requires of every frame and of a whole model image. */
#pragma once
#include <stddef.h>
#include <stdint.h>

#define CRC32_START 0xFFFFFFFFu

/* Builds the tables; call once before the first crc32_update. */
void crc32_init(void);

/* Continues a CRC over n bytes; start with CRC32_START and finish with crc32_final. */
uint32_t crc32_update(uint32_t state, const uint8_t *p, size_t n);

static inline uint32_t crc32_final(uint32_t state) { return ~state; }

static inline uint32_t crc32_of(const uint8_t *p, size_t n) { return crc32_final(crc32_update(CRC32_START, p, n)); }
