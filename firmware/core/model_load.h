/*
 * MODEL_LOAD on the SoC board (DESIGN section 5): BEGIN, CHUNKs in order, COMMIT. The image (layout model_image of
 * pulsedl_protocol.h) is staged in RAM; only a complete image whose CRC-32 matches and which fits this board is
 * written to the accelerator. Until then the accelerator's memories hold the running model untouched.
 */
#pragma once
#include <stdint.h>

#include "pulsedl_config.h"
#include "pulsedl_protocol.h"

/* The largest image: header and the accelerator's full program memories. */
#define MODEL_MAX_DESCRIPTOR_WORDS (8u * (PULSEDL_CFG_MAX_LAYERS + 1u))
#define MODEL_MAX_PARAM_WORDS (4u * PULSEDL_CFG_PARAM_ENTRIES)
#define MODEL_MAX_WEIGHT_WORDS (PULSEDL_CFG_WEIGHT_MEMORY_WORDS * PULSEDL_CFG_WEIGHT_CPU_WORDS_PER_WORD)
#define MODEL_MAX_IMAGE_BYTES \
    PDL_MODEL_IMAGE_BYTES(MODEL_MAX_DESCRIPTOR_WORDS + MODEL_MAX_PARAM_WORDS + MODEL_MAX_WEIGHT_WORDS)

/* The first descriptor word of a layer program: magic 'PDL', version 1 (docs/accelerator.md section 4). */
#define MODEL_PROGRAM_MAGIC 0x50444C01u

/* The running model, as INFO reports it. */
typedef struct {
    uint32_t crc;          /* CRC-32 of its image; 0: none */
    uint32_t output_count; /* raw outputs per window */
} model_t;

/* A refusal: NACK reason (PDL_NACK_REASON_*) and its detail; reason NONE when accepted. */
typedef struct {
    uint16_t reason;
    uint32_t detail;
} model_answer_t;

/* Loads the model compiled into the firmware (firmware/generated/pulsedl_model.c). */
void model_boot(uint32_t window_samples, uint32_t adc_bits);

const model_t *model_running(void);

/* One MODEL_LOAD frame's payload (length bytes). */
model_answer_t model_load(const uint8_t *payload, uint32_t length);
