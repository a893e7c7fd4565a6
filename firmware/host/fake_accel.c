#include "fake_accel.h"

uint32_t fake_fingerprint_update(uint32_t h, const uint32_t *words, uint32_t n) {
    for (uint32_t i = 0; i < n; i++) {
        for (int b = 0; b < 4; b++) {
            h ^= (words[i] >> (8 * b)) & 0xFFu;
            h *= 0x01000193u;
        }
    }
    return h;
}

int32_t fake_output(uint32_t fp, uint64_t timestamp, uint32_t channel, uint32_t k) {
    uint32_t x = fp ^ ((uint32_t)timestamp * 0x9E3779B1u) ^ ((uint32_t)(timestamp >> 32) * 0x7F4A7C15u)
               ^ (channel << 24) ^ (k * 0x85EBCA6Bu);
    x ^= x >> 16;
    x *= 0x7FEB352Du;
    x ^= x >> 15;
    x *= 0x846CA68Bu;
    x ^= x >> 16;
    return (int32_t)x;
}

int16_t fake_sample(uint64_t timestamp, uint32_t channel, uint32_t i) {
    return (int16_t)(((uint32_t)timestamp * 31u + i * 977u + channel * 7919u) & 0xFFFu);
}
