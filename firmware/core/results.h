/*
 * The RESULT path (DESIGN sections 4 and 5): results popped from the accelerator are written as records straight
 * into a RESULT frame, which goes out when it holds RESULT_BATCH records, or when its first record has waited
 * RESULTS_MAX_AGE_MS, or at STOP. While WAVEFORM_PRESCALE is not 0, a record whose window the capture kept (every
 * n-th event's: hal_capture_waveform) is flagged WAVEFORM_SENT and followed by a WAVEFORM frame with its samples. The accelerator's window sequence numbers reveal windows lost on the way (counted as dropped).
 *
 * A board with a hardware result framer (hal_framer_start) does all of that itself while no WAVEFORM is asked for:
 * the CPU then pops nothing and only reads the framer's counters. Building with -DRESULTS_SOFTWARE (make
 * RESULT_PATH=software) keeps the CPU path on such a board too.
 */
#pragma once
#include <stdint.h>

#define RESULTS_MAX_AGE_MS 10u

typedef struct {
    uint64_t records;   /* result records sent */
    uint64_t waveforms; /* WAVEFORM frames sent */
    uint32_t lost;      /* windows missing from the accelerator's sequence */
} results_counters_t;

/* A run begins: clears the counters and the batch. */
void results_start(uint32_t outputs, uint32_t batch, uint32_t channel_mask, uint32_t waveform_prescale);

/* Moves what the accelerator has into frames; returns the results popped. */
uint32_t results_poll(uint32_t now_ms);

/* The run ends once the accelerator has no more results: windows accepted after the last result seen (lost at the
 * end of the run) count as lost too. */
void results_stop(uint32_t windows_in);

/* Sends a partly filled batch. */
void results_flush(void);

const results_counters_t *results_counters(void);
