#include "results.h"

#include "frame.h"
#include "hal.h"
#include "wire.h"

/* The record writes below store whole aligned words; the declaration must keep the fields where they assume. */
_Static_assert(PDL_HEADER_SIZE % 4 == 0 && PDL_RESULT_SIZE % 4 == 0 && PDL_RESULT_RECORD_SIZE % 4 == 0,
               "RESULT records are word-aligned in the frame");
_Static_assert(PDL_RESULT_RECORD_TIMESTAMP_OFFSET == 0 && PDL_RESULT_RECORD_CHANNEL_OFFSET == 8
                   && PDL_RESULT_RECORD_FLAGS_OFFSET == 9 && PDL_RESULT_RECORD_RESERVED_OFFSET == 10,
               "a record is timestamp, then channel, flags, reserved in one word");

static uint8_t frame[PDL_MAX_FRAME] __attribute__((aligned(4)));
static uint8_t waveform[PDL_HEADER_SIZE + PDL_WAVEFORM_BYTES(PULSEDL_CFG_MAX_LENGTH) + PDL_CRC_SIZE]
    __attribute__((aligned(4)));

static struct {
    uint32_t outputs;
    uint32_t record_size;
    uint32_t batch;
    uint32_t mask;
    uint32_t prescale;
    uint32_t until_waveform; /* records before the next one with a waveform */
    uint32_t count;          /* records in the frame being filled */
    uint8_t *next;           /* where the next record goes */
    uint32_t first_ms;       /* when the frame's first record was written */
    uint16_t expected_sequence;
    results_counters_t counters;
} run;

const results_counters_t *results_counters(void) { return &run.counters; }

static void restart_frame(void) {
    run.count = 0;
    run.next = frame_payload(frame) + PDL_RESULT_SIZE;
}

void results_start(uint32_t outputs, uint32_t batch, uint32_t channel_mask, uint32_t waveform_prescale) {
    run.outputs = outputs;
    run.record_size = PDL_RESULT_RECORD_SIZE + 4u * outputs;
    run.batch = batch;
    run.mask = channel_mask;
    run.prescale = waveform_prescale;
    run.until_waveform = 0;
    run.expected_sequence = 0;
    run.counters = (results_counters_t){0, 0, 0};
    restart_frame();
}

void results_flush(void) {
    if (run.count == 0) return;
    uint8_t *p = frame_payload(frame);
    wire_put16(p + PDL_RESULT_RECORD_COUNT_OFFSET, run.count);
    p[PDL_RESULT_OUTPUT_COUNT_OFFSET] = (uint8_t)run.outputs;
    p[PDL_RESULT_RESERVED_OFFSET] = 0;
    frame_send(frame, PDL_MESSAGE_TYPE_RESULT, 0, (uint16_t)(PDL_RESULT_SIZE + run.count * run.record_size));
    run.counters.records += run.count;
    restart_frame();
}

void results_stop(uint32_t windows_in) {
    run.counters.lost += (uint16_t)((uint16_t)windows_in - run.expected_sequence);
    run.expected_sequence = (uint16_t)windows_in;
    results_flush();
}

static void send_waveform(const hal_result_t *r, uint32_t flags) {
    uint8_t *p = frame_payload(waveform);
    size_t n = hal_capture_waveform(r->timestamp, r->channel, (int16_t *)(p + PDL_WAVEFORM_SIZE));
    for (size_t i = 0; i < n; i++) {
        int16_t s = ((int16_t *)(p + PDL_WAVEFORM_SIZE))[i];
        wire_put16(p + PDL_WAVEFORM_SIZE + 2 * i, (uint16_t)s);
    }
    wire_put64(p + PDL_WAVEFORM_TIMESTAMP_OFFSET, r->timestamp);
    p[PDL_WAVEFORM_CHANNEL_OFFSET] = r->channel;
    p[PDL_WAVEFORM_FLAGS_OFFSET] = (uint8_t)flags;
    wire_put16(p + PDL_WAVEFORM_SAMPLE_COUNT_OFFSET, (uint16_t)n);
    frame_send(waveform, PDL_MESSAGE_TYPE_WAVEFORM, 0, (uint16_t)PDL_WAVEFORM_BYTES(n));
    run.counters.waveforms++;
}

uint32_t results_poll(uint32_t now_ms) {
    hal_result_t r;
    uint32_t popped = 0;
    while (hal_accel_pop(&r, run.outputs)) {
        popped++;
        run.counters.lost += (uint16_t)(r.sequence - run.expected_sequence);
        run.expected_sequence = (uint16_t)(r.sequence + 1u);
        if (((run.mask >> r.channel) & 1u) == 0) continue;
        uint32_t flags = r.flags;
        int with_waveform = 0;
        if (run.prescale != 0) {
            if (run.until_waveform == 0) {
                with_waveform = 1;
                flags |= PDL_EVENT_FLAG_WAVEFORM_SENT;
                run.until_waveform = run.prescale;
            }
            run.until_waveform--;
        }
        /* The record: every field 4-byte aligned (12-byte header + 4-byte RESULT fields + 16 + 4k per record). */
        uint8_t *rec = run.next;
        wire_put32_aligned(rec + PDL_RESULT_RECORD_TIMESTAMP_OFFSET, (uint32_t)r.timestamp);
        wire_put32_aligned(rec + PDL_RESULT_RECORD_TIMESTAMP_OFFSET + 4, (uint32_t)(r.timestamp >> 32));
        wire_put32_aligned(rec + PDL_RESULT_RECORD_CHANNEL_OFFSET, r.channel | flags << 8);
        for (uint32_t k = 0; k < run.outputs; k++) {
            wire_put32_aligned(rec + PDL_RESULT_RECORD_SIZE + 4u * k, (uint32_t)r.outputs[k]);
        }
        if (run.count == 0) run.first_ms = now_ms;
        run.next = rec + run.record_size;
        if (++run.count == run.batch) results_flush();
        if (with_waveform) send_waveform(&r, flags);
    }
    if (run.count != 0 && now_ms - run.first_ms >= RESULTS_MAX_AGE_MS) results_flush();
    return popped;
}
