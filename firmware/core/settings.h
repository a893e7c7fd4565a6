/* The board settings CONFIG reads and writes (ConfigKey in the protocol), with their limits as the emulator has
 * them. They change only while stopped; START takes them. */
#pragma once
#include <stdint.h>

#include "pulsedl_protocol.h"

/* Keys are 1..SETTINGS_KEYS (PDL_CONFIG_KEY_*). */
#define SETTINGS_KEYS PDL_CONFIG_KEY_PULSE_MODE

void settings_init(uint32_t channels, uint32_t window_samples, uint32_t max_batch);

/* 1 when key is a known key. */
int settings_known(uint32_t key);

int32_t settings_get(uint32_t key);

/* 1 when value is allowed for the (known) key. */
int settings_valid(uint32_t key, int32_t value);

void settings_set(uint32_t key, int32_t value);

/* The largest RESULT_BATCH for outputs raw outputs per record (one frame's payload). */
uint32_t settings_max_batch(uint32_t outputs);

/* Lowers RESULT_BATCH to what a frame holds for a model with outputs raw outputs. */
void settings_fit_model(uint32_t outputs);
