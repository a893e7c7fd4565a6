#include "model_load.h"

#include <string.h>

#include "crc32.h"
#include "hal.h"
#include "pulsedl_model.h"
#include "wire.h"

/* The staging buffer, word-aligned so the program words are written to the accelerator as they lie. */
static uint32_t stage_words[(MODEL_MAX_IMAGE_BYTES + 3u) / 4u];
#define STAGE ((uint8_t *)stage_words)

static struct {
    int active;          /* a BEGIN was accepted and no COMMIT/ABORT/failure ended it */
    uint32_t size;
    uint32_t crc;
    uint32_t received;
    uint16_t next_chunk;
} load;

static model_t running;
static uint32_t board_window;
static uint32_t board_adc_bits;

const model_t *model_running(void) { return &running; }

static model_answer_t answer(uint16_t reason, uint32_t detail) {
    model_answer_t a = {reason, detail};
    return a;
}

/* The image in the staging buffer fits this board: the checks that keep the accelerator from refusing it after
 * its memories were overwritten. 0 when it does, else 1. */
static int unfit(uint32_t size) {
    if (size < PDL_MODEL_IMAGE_SIZE) return 1;
    const uint8_t *h = STAGE;
    uint32_t nd = wire_get32(h + PDL_MODEL_IMAGE_DESCRIPTOR_WORDS_OFFSET);
    uint32_t np = wire_get32(h + PDL_MODEL_IMAGE_PARAM_WORDS_OFFSET);
    uint32_t nw = wire_get32(h + PDL_MODEL_IMAGE_WEIGHT_WORDS_OFFSET);
    uint32_t outputs = h[PDL_MODEL_IMAGE_OUTPUT_COUNT_OFFSET];
    return wire_get32(h + PDL_MODEL_IMAGE_MAGIC_OFFSET) != PDL_MODEL_IMAGE_MAGIC
        || wire_get16(h + PDL_MODEL_IMAGE_FORMAT_OFFSET) != PDL_MODEL_IMAGE_FORMAT
        || wire_get16(h + PDL_MODEL_IMAGE_WINDOW_SAMPLES_OFFSET) != board_window
        || h[PDL_MODEL_IMAGE_ADC_BITS_OFFSET] != board_adc_bits
        || outputs < 1 || outputs > HAL_MAX_OUTPUTS
        || nd < 8 || nd > MODEL_MAX_DESCRIPTOR_WORDS || nd % 8 != 0
        || np > MODEL_MAX_PARAM_WORDS || np % 4 != 0
        || nw > MODEL_MAX_WEIGHT_WORDS
        || size != PDL_MODEL_IMAGE_BYTES(nd + np + nw)
        || wire_get32(h + PDL_MODEL_IMAGE_SIZE) != MODEL_PROGRAM_MAGIC;
}

/* Writes the staged image to the accelerator and makes it the running model. */
static int activate(uint32_t crc) {
    const uint32_t *w = stage_words + PDL_MODEL_IMAGE_SIZE / 4u;
    uint32_t nd = wire_get32(STAGE + PDL_MODEL_IMAGE_DESCRIPTOR_WORDS_OFFSET);
    uint32_t np = wire_get32(STAGE + PDL_MODEL_IMAGE_PARAM_WORDS_OFFSET);
    uint32_t nw = wire_get32(STAGE + PDL_MODEL_IMAGE_WEIGHT_WORDS_OFFSET);
    int error = hal_accel_load(w, nd, w + nd, np, w + nd + np, nw);
    running.crc = error ? 0 : crc;
    running.output_count = error ? 0 : STAGE[PDL_MODEL_IMAGE_OUTPUT_COUNT_OFFSET];
    return error;
}

static void stage_put_words(uint32_t at, const uint32_t *w, uint32_t n) {
    for (uint32_t i = 0; i < n; i++) wire_put32(STAGE + at + 4u * i, w[i]);
}

void model_boot(uint32_t window_samples, uint32_t adc_bits) {
    board_window = window_samples;
    board_adc_bits = adc_bits;
    uint8_t *h = STAGE;
    memset(h, 0, PDL_MODEL_IMAGE_SIZE);
    wire_put32(h + PDL_MODEL_IMAGE_MAGIC_OFFSET, PDL_MODEL_IMAGE_MAGIC);
    wire_put16(h + PDL_MODEL_IMAGE_FORMAT_OFFSET, PDL_MODEL_IMAGE_FORMAT);
    wire_put16(h + PDL_MODEL_IMAGE_WINDOW_SAMPLES_OFFSET, PULSEDL_MODEL_INPUT_LENGTH);
    h[PDL_MODEL_IMAGE_ADC_BITS_OFFSET] = (uint8_t)adc_bits;
    h[PDL_MODEL_IMAGE_OUTPUT_COUNT_OFFSET] = PULSEDL_MODEL_OUTPUTS;
    wire_put32(h + PDL_MODEL_IMAGE_DESCRIPTOR_WORDS_OFFSET, PULSEDL_MODEL_DESCRIPTOR_WORDS);
    wire_put32(h + PDL_MODEL_IMAGE_PARAM_WORDS_OFFSET, PULSEDL_MODEL_PARAM_WORDS);
    wire_put32(h + PDL_MODEL_IMAGE_WEIGHT_WORDS_OFFSET, PULSEDL_MODEL_WEIGHT_WORDS);
    uint32_t at = PDL_MODEL_IMAGE_SIZE;
    stage_put_words(at, pulsedl_model_descriptors, PULSEDL_MODEL_DESCRIPTOR_WORDS);
    at += 4u * PULSEDL_MODEL_DESCRIPTOR_WORDS;
    stage_put_words(at, pulsedl_model_params, PULSEDL_MODEL_PARAM_WORDS);
    at += 4u * PULSEDL_MODEL_PARAM_WORDS;
    stage_put_words(at, pulsedl_model_weights, PULSEDL_MODEL_WEIGHT_WORDS);
    at += 4u * PULSEDL_MODEL_WEIGHT_WORDS;
    if (unfit(at) || activate(crc32_of(STAGE, at))) running.crc = 0;
}

model_answer_t model_load(const uint8_t *p, uint32_t length) {
    if (length < PDL_MODEL_LOAD_SIZE) return answer(PDL_NACK_REASON_BAD_PAYLOAD, length);
    uint8_t phase = p[PDL_MODEL_LOAD_PHASE_OFFSET];
    uint16_t index = wire_get16(p + PDL_MODEL_LOAD_CHUNK_INDEX_OFFSET);
    uint32_t offset = wire_get32(p + PDL_MODEL_LOAD_OFFSET_OFFSET);
    uint32_t size = wire_get32(p + PDL_MODEL_LOAD_IMAGE_SIZE_OFFSET);
    uint32_t crc = wire_get32(p + PDL_MODEL_LOAD_IMAGE_CRC_OFFSET);
    const uint8_t *data = p + PDL_MODEL_LOAD_SIZE;
    uint32_t n = length - PDL_MODEL_LOAD_SIZE;
    switch (phase) {
    case PDL_MODEL_LOAD_PHASE_BEGIN:
        load.active = 0;
        if (size > MODEL_MAX_IMAGE_BYTES) return answer(PDL_NACK_REASON_IMAGE_TOO_LARGE, MODEL_MAX_IMAGE_BYTES);
        load.active = 1;
        load.size = size;
        load.crc = crc;
        load.received = 0;
        load.next_chunk = 0;
        return answer(PDL_NACK_REASON_NONE, 0);
    case PDL_MODEL_LOAD_PHASE_CHUNK:
        if (!load.active || size != load.size || crc != load.crc) return answer(PDL_NACK_REASON_BAD_STATE, 0);
        if (index != load.next_chunk || offset != load.received) {
            return answer(PDL_NACK_REASON_CHUNK_OUT_OF_ORDER, load.next_chunk);
        }
        if (n > load.size - load.received) return answer(PDL_NACK_REASON_BAD_PAYLOAD, load.size);
        memcpy(STAGE + load.received, data, n);
        load.received += n;
        load.next_chunk++;
        return answer(PDL_NACK_REASON_NONE, 0);
    case PDL_MODEL_LOAD_PHASE_COMMIT: {
        if (!load.active) return answer(PDL_NACK_REASON_BAD_STATE, 0);
        load.active = 0; /* a refused COMMIT ends the load; the running model stays */
        if (load.received != load.size) return answer(PDL_NACK_REASON_BAD_STATE, load.received);
        uint32_t computed = crc32_of(STAGE, load.size);
        if (computed != load.crc) return answer(PDL_NACK_REASON_IMAGE_CRC_MISMATCH, computed);
        if (unfit(load.size)) return answer(PDL_NACK_REASON_BAD_IMAGE, 0);
        int error = activate(computed);
        return error ? answer(PDL_NACK_REASON_BAD_IMAGE, (uint32_t)error) : answer(PDL_NACK_REASON_NONE, 0);
    }
    case PDL_MODEL_LOAD_PHASE_ABORT:
        load.active = 0;
        return answer(PDL_NACK_REASON_NONE, 0);
    default:
        return answer(PDL_NACK_REASON_BAD_PAYLOAD, length);
    }
}
