/*
 * Generated file - do not edit; regenerate it instead.
 * Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
 * Tool: pulsedl hls-gen 0.1.0
 * Input hash: sha256:ff83ddafe9ee39691fcbb617663117706c56c426a7f45c83a30d5d636f77cbd2
 */
#ifndef PULSEDL_CONFIG_H
#define PULSEDL_CONFIG_H

/* Accelerator configuration (docs/accelerator.md section 8). */
#define PULSEDL_CFG_PES                       28u         /* P: processing elements */
#define PULSEDL_CFG_LANES                     8u          /* U: arithmetic units per PE */
#define PULSEDL_CFG_ARITHMETIC_UNITS          224u        /* P*U */
#define PULSEDL_CFG_MAC_DSPS                  112u        /* DSP48 slices of the MAC array */
#define PULSEDL_CFG_TWO_MACS_PER_DSP          1u          /* 1: two int8 MACs per DSP48 */
#define PULSEDL_CFG_INT16_LANES               8u          /* lanes an int16-input layer uses (U, or U/2 with packing alone) */
#define PULSEDL_CFG_WEIGHT_BITS               8u          /* weight width */
#define PULSEDL_CFG_ACTIVATION_BITS           16u         /* widest activation */
#define PULSEDL_CFG_ACC_BITS                  48u         /* accumulator width */
#define PULSEDL_CFG_M_BITS                    31u         /* requantisation multiplier bits */
#define PULSEDL_CFG_ROUNDING_DOUBLE           1u          /* 1: DOUBLE rounding implemented */
#define PULSEDL_CFG_ROUNDING_SINGLE           1u          /* 1: SINGLE rounding implemented */

/* Buffer and memory sizes. */
#define PULSEDL_CFG_ACT_DEPTH                 256u        /* entries per activation region (4 regions per PE) */
#define PULSEDL_CFG_STAGING_DEPTH             64u         /* entries per input staging buffer */
#define PULSEDL_CFG_WEIGHT_MEMORY_WORDS       2048u       /* weight-memory words of U bytes */
#define PULSEDL_CFG_WEIGHT_CPU_WORDS_PER_WORD 2u          /* 32-bit words per weight-memory word (U/4) */
#define PULSEDL_CFG_PARAM_ENTRIES             512u        /* parameter-table entries (4 words each) */
#define PULSEDL_CFG_MAX_LAYERS                32u         /* descriptors the program memory holds */
#define PULSEDL_CFG_INPUT_FIFO_WINDOWS        64u         /* windows the input FIFO holds */
#define PULSEDL_CFG_RESULT_FIFO_WORDS         1024u       /* words the result FIFO holds */

/* Model limits: LayerProgram refuses models beyond them. */
#define PULSEDL_CFG_MAX_LENGTH                256u        /* longest tensor length */
#define PULSEDL_CFG_MAX_CHANNELS              512u        /* most channels or units */
#define PULSEDL_CFG_MAX_FAN_IN                1024u       /* largest fan-in K*C_in */
#define PULSEDL_CFG_MAX_KERNEL                16u         /* largest Conv1D kernel */
#define PULSEDL_CFG_MAX_STRIDE                16u         /* largest stride */
#define PULSEDL_CFG_MAX_POOL                  16u         /* largest pool window */
#define PULSEDL_CFG_MAX_OUTPUTS               16u         /* values the last layer may produce */

/* Pipeline latencies (docs/accelerator.md section 5) and clock. */
#define PULSEDL_CFG_MAC_LATENCY               4u          /* L_MAC cycles */
#define PULSEDL_CFG_REQUANT_LATENCY           6u          /* L_RQ cycles */
#define PULSEDL_CFG_INPUT_LATENCY             4u          /* L_IN cycles */
#define PULSEDL_CFG_CLOCK_HZ                  100000000u  /* target clock */

/* SoC memory map 'soc' (DESIGN section 4). */
#define PULSEDL_SOC_RAM_BASE                  0x80000000u /* RAM: code, data, stack; reset vector at its base */
#define PULSEDL_SOC_RAM_SIZE                  0x00010000u /* ram size in bytes */
#define PULSEDL_SOC_UART_BASE                 0x10000000u /* UART */
#define PULSEDL_SOC_UART_SIZE                 0x00001000u /* uart size in bytes */
#define PULSEDL_SOC_TIMER_BASE                0x10001000u /* timer (mtime/mtimecmp) */
#define PULSEDL_SOC_TIMER_SIZE                0x00001000u /* timer size in bytes */
#define PULSEDL_SOC_SIM_CTRL_BASE             0x10002000u /* simulation control: putchar, exit code */
#define PULSEDL_SOC_SIM_CTRL_SIZE             0x00001000u /* sim_ctrl size in bytes */
#define PULSEDL_SOC_FRAMER_BASE               0x10003000u /* result framer: RESULT frames from the accelerator to the UART */
#define PULSEDL_SOC_FRAMER_SIZE               0x00001000u /* framer size in bytes */
#define PULSEDL_SOC_ACCEL_BASE                0x20000000u /* accelerator: registers, descriptor, parameter and weight windows (decoded exactly; other offsets give a bus error) */
#define PULSEDL_SOC_ACCEL_SIZE                0x00020000u /* accel size in bytes */
#define PULSEDL_SOC_ADC_BASE                  0x30000000u /* ADC capture and test-pulse generator */
#define PULSEDL_SOC_ADC_SIZE                  0x00010000u /* adc size in bytes */
#define PULSEDL_SOC_ETH_BASE                  0x40000000u /* Ethernet/UDP */
#define PULSEDL_SOC_ETH_SIZE                  0x00010000u /* eth size in bytes */

/* Accelerator memory windows (docs/accelerator.md section 4.7), as bus addresses. */
#define PULSEDL_ACCEL_DESCRIPTOR_BASE         (PULSEDL_SOC_ACCEL_BASE + 0x00001000u) /* descriptor memory, 32-bit words */
#define PULSEDL_ACCEL_PARAM_BASE              (PULSEDL_SOC_ACCEL_BASE + 0x00002000u) /* parameter table, 4 words per entry */
#define PULSEDL_ACCEL_WEIGHT_BASE             (PULSEDL_SOC_ACCEL_BASE + 0x00010000u) /* weight memory, U/4 words per memory word */
#define PULSEDL_ACCEL_DESCRIPTOR_SIZE         0x00000420u /* descriptor bytes implemented; beyond them a bus error */
#define PULSEDL_ACCEL_PARAM_SIZE              0x00002000u /* parameter-table bytes implemented */
#define PULSEDL_ACCEL_WEIGHT_SIZE             0x00004000u /* weight-memory bytes implemented */

/* Result words (docs/accelerator.md section 4.8): per window a header word, the capture timestamp word, then the outputs. */
#define PULSEDL_ACCEL_RESULT_HEADER_WORD      0u          /* index of the header word among a window's result words */
#define PULSEDL_ACCEL_RESULT_TIMESTAMP_WORD   1u          /* index of the capture timestamp word (32 bits, taken with the window's first sample) */
#define PULSEDL_ACCEL_RESULT_HEAD_WORDS       2u          /* words in front of the outputs */
#define PULSEDL_ACCEL_RESULT_MARKER           0x000000a5u /* bits 31:24 of a header word */
#define PULSEDL_ACCEL_RESULT_IS_HEADER(w)     ((((w) >> 24) & 0xffu) == PULSEDL_ACCEL_RESULT_MARKER) /* the word has the header marker */
#define PULSEDL_ACCEL_RESULT_TAG(w)           (((w) >> 16) & 0x000000ffu) /* the window's tag (input port) */
#define PULSEDL_ACCEL_RESULT_SEQ(w)           (((w) >> 0) & 0x0000ffffu) /* sequence number; a gap means dropped windows */

#endif /* PULSEDL_CONFIG_H */
