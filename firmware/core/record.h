/* Writing one RESULT record in place (layout result_record of pulsedl_protocol.h): what a HAL's
 * hal_accel_pop_record does with the words it pops. Every field is a whole aligned word. */
#pragma once
#include <stdint.h>

#include "pulsedl_protocol.h"
#include "wire.h"

_Static_assert(PDL_HEADER_SIZE % 4 == 0 && PDL_RESULT_SIZE % 4 == 0 && PDL_RESULT_RECORD_SIZE % 4 == 0,
               "RESULT records are word-aligned in the frame");
_Static_assert(PDL_RESULT_RECORD_TIMESTAMP_OFFSET == 0 && PDL_RESULT_RECORD_CHANNEL_OFFSET == 8
                   && PDL_RESULT_RECORD_FLAGS_OFFSET == 9 && PDL_RESULT_RECORD_RESERVED_OFFSET == 10,
               "a record is the timestamp, then channel, flags and reserved in one word");

static inline void record_put_header(uint8_t *rec, uint32_t timestamp_lo, uint32_t timestamp_hi, uint32_t channel,
                                     uint32_t flags) {
    wire_put32_aligned(rec + PDL_RESULT_RECORD_TIMESTAMP_OFFSET, timestamp_lo);
    wire_put32_aligned(rec + PDL_RESULT_RECORD_TIMESTAMP_OFFSET + 4, timestamp_hi);
    wire_put32_aligned(rec + PDL_RESULT_RECORD_CHANNEL_OFFSET, channel | flags << 8);
}

static inline void record_put_output(uint8_t *rec, uint32_t k, uint32_t value) {
    wire_put32_aligned(rec + PDL_RESULT_RECORD_SIZE + 4u * k, value);
}
