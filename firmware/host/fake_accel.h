/* The host build's stand-in for the ADC capture and the accelerator: periodic triggers paced by the wall clock,
 * and outputs that are a fixed function of the loaded program's bytes, the timestamp, the channel and the output
 * index. The Java test (HostFirmwareTest) computes the same function, so it sees which model the "accelerator"
 * holds and that no record is lost or altered on the way. */
#pragma once
#include <stdint.h>

/* FNV-1a (32 bit) over the program words as little-endian bytes: the loaded model's fingerprint. */
uint32_t fake_fingerprint_update(uint32_t h, const uint32_t *words, uint32_t n);
#define FAKE_FINGERPRINT_START 0x811C9DC5u

/* Raw output k of the window (timestamp, channel) for a model with fingerprint fp. */
int32_t fake_output(uint32_t fp, uint64_t timestamp, uint32_t channel, uint32_t k);

/* Sample i of the window (timestamp, channel), ADC counts. */
int16_t fake_sample(uint64_t timestamp, uint32_t channel, uint32_t i);
