/*
 * What the protocol core needs from a board: the host link's bytes, a millisecond clock, the ADC capture (input
 * port) and the accelerator. The SoC build implements it with the drivers in firmware/soc, the host build with
 * stdin/stdout and a software stand-in (firmware/host), so the core is tested off the SoC against the Java
 * protocol declaration.
 */
#pragma once
#include <stddef.h>
#include <stdint.h>

#include "pulsedl_config.h"

/* Most raw outputs a window can have (the accelerator's limit). */
#define HAL_MAX_OUTPUTS PULSEDL_CFG_MAX_OUTPUTS

/* Fixed facts of the board, reported in INFO. */
typedef struct {
    uint8_t channels;
    uint8_t adc_bits;
    uint16_t window_samples;
    uint32_t adc_clock_hz;
    uint32_t board_id;
} hal_board_t;

const hal_board_t *hal_board(void);

/* ---- host link ---- */

/* Up to max received bytes into buf, without waiting; 0 when none have arrived. */
size_t hal_link_read(uint8_t *buf, size_t max);

/* Sends n bytes; returns when the link has taken them all. */
void hal_link_write(const uint8_t *buf, size_t n);

/* A frame is about to be written: returns once the link may take it, with the sequence number it carries. A board
 * whose hardware sends frames too (the SoC's result framer) waits for a frame boundary and gives the hardware's
 * counter, so every frame on the link has one numbering; others give `next`, the core's own count. */
uint32_t hal_link_begin_frame(uint32_t next);

/* The frame is written; `next` is the sequence number of the frame after it. Frees the link for the hardware. */
void hal_link_end_frame(uint32_t next);

/* ---- time ---- */

/* A free-running millisecond clock (wraps). */
uint32_t hal_millis(void);

/* ---- ADC capture / input port: triggers windows that go straight to the accelerator ---- */

typedef struct {
    uint32_t channel_mask;
    int32_t trigger_threshold;
    uint32_t pretrigger_samples;
    uint32_t pulse_rate_hz; /* test-pulse generator (or emulated pulser) */
    uint32_t pulse_mode;    /* 0 periodic, 1 Poisson */
    uint32_t waveform_prescale; /* keep the windows of every n-th event (index since start mod n = 0; 0: none) */
} hal_capture_settings_t;

/* Starts capturing: timestamps restart at 0, the capture's counters are cleared. */
void hal_capture_start(const hal_capture_settings_t *s);

void hal_capture_stop(void);

/* ADC-clock ticks since the capture started. */
uint64_t hal_capture_ticks(void);

/* Events triggered since start (one per trigger, whatever the number of channels). */
uint64_t hal_capture_triggers(void);

/* Times the capture FIFO overflowed (samples lost) since start. */
uint32_t hal_capture_overruns(void);

/* The samples of the window with this timestamp and channel if the capture kept them (the windows of every
 * waveform_prescale-th event, as far as it has room): count copied (window_samples), or 0. While waveform_prescale
 * is not 0 the core asks for every record it sends, in the order of the records, so a capture that keeps few
 * windows may forget those of the records already asked for. */
size_t hal_capture_waveform(uint64_t timestamp, uint8_t channel, int16_t *samples);

/* ---- accelerator ---- */

/* Soft reset, then writes the program memories (descriptors, parameter table, weights) and reads them back. 0 on
 * success, else the accelerator's error code or HAL_ACCEL_LOAD_READBACK when a word read back differs (the memories
 * then hold no runnable model). */
#define HAL_ACCEL_LOAD_READBACK 0x100 /* beyond the accelerator's 8-bit error codes */
int hal_accel_load(const uint32_t *descriptors, uint32_t descriptor_words, const uint32_t *params,
                   uint32_t param_words, const uint32_t *weights, uint32_t weight_words);

/* Starts stream mode: window sequence numbers restart at 0. */
void hal_accel_start(void);

/* 1 when every window the accelerator accepted has finished (its result is in the result FIFO, no round in
 * progress, the input FIFO empty). STOP pops results until then, so a full result FIFO cannot hold the drain up. */
int hal_accel_drained(void);

/* Clean stop: windows already accepted finish, their results stay in the result FIFO to be popped. */
void hal_accel_stop(void);

/* Pops the next window's result straight into a RESULT record (layout result_record of pulsedl_protocol.h, at a
 * 4-byte aligned place with room for outputs raw outputs): the window's capture timestamp (hal_capture_ticks at its
 * first sample, stamped by the capture and carried through the accelerator), channel tag, the EventFlag bits the
 * hardware sets, reserved 0, the raw outputs. Stores the window's sequence number (counting windows from the start
 * command; a jump reveals windows lost inside) and returns 1, or returns 0 when the result FIFO is empty. Writing
 * the wire record directly copies each FIFO word once: this is the per-record path of DESIGN section 4's rate
 * budget. */
int hal_accel_pop_record(uint8_t *record, uint32_t outputs, uint16_t *sequence);

/* Windows the accelerator accepted since start (its WINDOWS_IN counter): the sequence number the next would get. */
uint32_t hal_accel_windows_in(void);

/* Windows the accelerator refused since start because its input FIFO was full. */
uint32_t hal_accel_input_drops(void);

/* ---- hardware result framer (DESIGN section 4's rate budget: the CPU out of the per-result path) ---- */

/* Hands the accelerator's results to the board's result framer, if it has one: it writes them as records into
 * RESULT frames of `batch` records (a partly filled frame leaves after max_age_ms), drops channels outside the mask
 * and counts windows missing from the sequence. Returns 1 when the hardware took over, 0 when the CPU must pop. */
int hal_framer_start(uint32_t outputs, uint32_t batch, uint32_t channel_mask, uint32_t max_age_ms);

/* After the accelerator has drained: the framer takes the last results, sends every record it holds, and stops. */
void hal_framer_finish(void);

/* The framer's counts since hal_framer_start: records sent, windows missing from the sequence, and the sequence
 * number (16 bits) the next result would carry. */
void hal_framer_counters(uint32_t *records, uint32_t *lost, uint32_t *expected);
