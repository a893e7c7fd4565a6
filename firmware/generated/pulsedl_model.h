/*
 * Generated file - do not edit; regenerate it instead.
 * Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
 * Tool: pulsedl hls-gen 0.1.0
 * Input hash: sha256:4aa50e3e4478009a066ac70547790d426c0304ad548bd19e5a2a1168dc497af8
 */
#ifndef PULSEDL_MODEL_H
#define PULSEDL_MODEL_H

#include <stdint.h>

/*
 * Model 'pdl2' compiled for P = 28, U = 8: the three memory images of
 * docs/accelerator.md section 4, in the order the CPU writes them through the slave port.
 */
#define PULSEDL_MODEL_NAME                    "pdl2"      /* model name */
#define PULSEDL_MODEL_LAYERS                  5u          /* executed layers (descriptors) */
#define PULSEDL_MODEL_INPUT_LENGTH            32u         /* input window length */
#define PULSEDL_MODEL_INPUT_CHANNELS          1u          /* input channels */
#define PULSEDL_MODEL_INPUT_STAGE             1u          /* 1: windows are ADC codes */
#define PULSEDL_MODEL_OUTPUTS                 2u          /* outputs per window */
#define PULSEDL_MODEL_RAW_OUTPUTS             1u          /* 1: outputs are raw accumulators */
#define PULSEDL_MODEL_RESULT_WORDS            6u          /* result-FIFO words per window (header and timestamp words + outputs) */
#define PULSEDL_MODEL_MACS_PER_WINDOW         9792u       /* multiply-accumulates per window */
#define PULSEDL_MODEL_LANES                   8u          /* U the weight words are laid out for (must equal CAPS.U) */

#define PULSEDL_MODEL_DESCRIPTOR_WORDS        48u         /* header (8 words) + 8 words per layer */
#define PULSEDL_MODEL_WEIGHT_MEMORY_WORDS     740u        /* weight-memory words (U bytes each) */
#define PULSEDL_MODEL_WEIGHT_WORDS            1480u       /* 32-bit words: U/4 per memory word */
#define PULSEDL_MODEL_PARAM_ENTRIES           91u         /* parameter-table entries */
#define PULSEDL_MODEL_PARAM_WORDS             364u        /* 32-bit words: 4 per entry */

/* Descriptor memory image: write word i at the descriptor window + 4*i. */
extern const uint32_t pulsedl_model_descriptors[];
/* Weight memory image: write word i at the weight window + 4*i (lane u of a memory word in byte u%4 of word u/4). */
extern const uint32_t pulsedl_model_weights[];
/* Parameter table image: write word i at the parameter window + 4*i (p0 bias lo, p1 bias hi, p2 m, p3 shifts). */
extern const uint32_t pulsedl_model_params[];

#endif /* PULSEDL_MODEL_H */
