#include "results.h"

#include "frame.h"
#include "hal.h"
#include "record.h"
#include "wire.h"

static uint8_t frame[PDL_MAX_FRAME] __attribute__((aligned(4)));
static uint8_t waveform[PDL_HEADER_SIZE + PDL_WAVEFORM_BYTES(PULSEDL_CFG_MAX_LENGTH) + PDL_CRC_SIZE]
    __attribute__((aligned(4)));

static struct {
    uint32_t outputs;
    uint32_t record_size;
    uint32_t batch;
    uint32_t mask;
    uint32_t prescale;       /* WAVEFORM_PRESCALE: 0 asks the capture for no waveform */
    uint32_t count;          /* records in the frame being filled */
    uint8_t *next;           /* where the next record goes */
    uint32_t first_ms;       /* when the frame's first record was written */
    uint16_t expected_sequence;
    int hardware;            /* the board's result framer sends the RESULT frames; the CPU pops nothing */
    results_counters_t counters;
} run;

const results_counters_t *results_counters(void) {
    if (run.hardware) {
        uint32_t records, lost, expected;
        hal_framer_counters(&records, &lost, &expected);
        run.counters.records = records;
        run.counters.lost = lost;
    }
    return &run.counters;
}

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
    run.expected_sequence = 0;
    run.counters = (results_counters_t){0, 0, 0};
    restart_frame();
    /* WAVEFORM frames follow the records whose windows the capture kept, which the hardware framer does not check:
     * the CPU path then. */
    run.hardware = 0;
#ifndef RESULTS_SOFTWARE
    if (waveform_prescale == 0) run.hardware = hal_framer_start(outputs, batch, channel_mask, RESULTS_MAX_AGE_MS);
#endif
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
    if (run.hardware) {
        uint32_t records, lost, expected;
        hal_framer_finish();
        hal_framer_counters(&records, &lost, &expected);
        run.hardware = 0;
        run.counters.records = records;
        run.counters.lost = lost + (uint16_t)((uint16_t)windows_in - (uint16_t)expected);
        return;
    }
    run.counters.lost += (uint16_t)((uint16_t)windows_in - run.expected_sequence);
    run.expected_sequence = (uint16_t)windows_in;
    results_flush();
}

/* The samples of the record's window, if the capture kept them, into the WAVEFORM frame's buffer: their count. */
static size_t take_waveform(uint64_t timestamp, uint8_t channel) {
    return hal_capture_waveform(timestamp, channel, (int16_t *)(void *)(frame_payload(waveform) + PDL_WAVEFORM_SIZE));
}

/* Sends the n samples take_waveform left in the buffer. */
static void send_waveform(uint64_t timestamp, uint8_t channel, uint32_t flags, size_t n) {
    uint8_t *p = frame_payload(waveform);
    int16_t *samples = (int16_t *)(void *)(p + PDL_WAVEFORM_SIZE);
    for (size_t i = 0; i < n; i++) wire_put16(p + PDL_WAVEFORM_SIZE + 2 * i, (uint16_t)samples[i]);
    wire_put64(p + PDL_WAVEFORM_TIMESTAMP_OFFSET, timestamp);
    p[PDL_WAVEFORM_CHANNEL_OFFSET] = channel;
    p[PDL_WAVEFORM_FLAGS_OFFSET] = (uint8_t)flags;
    wire_put16(p + PDL_WAVEFORM_SAMPLE_COUNT_OFFSET, (uint16_t)n);
    frame_send(waveform, PDL_MESSAGE_TYPE_WAVEFORM, 0, (uint16_t)PDL_WAVEFORM_BYTES(n));
    run.counters.waveforms++;
}

uint32_t results_poll(uint32_t now_ms) {
    if (run.hardware) return 0;
    uint32_t popped = 0;
    uint16_t sequence;
    /* Each result lands where the frame's next record goes; a result of a disabled channel is overwritten by the
     * next one. */
    for (uint8_t *rec = run.next; hal_accel_pop_record(rec, run.outputs, &sequence); rec = run.next) {
        popped++;
        run.counters.lost += (uint16_t)(sequence - run.expected_sequence);
        run.expected_sequence = (uint16_t)(sequence + 1u);
        uint8_t channel = rec[PDL_RESULT_RECORD_CHANNEL_OFFSET];
        if (((run.mask >> channel) & 1u) == 0) continue;
        size_t samples = 0;
        uint64_t ts = 0;
        if (run.prescale != 0) {
            ts = (uint64_t)wire_get32(rec + PDL_RESULT_RECORD_TIMESTAMP_OFFSET + 4) << 32
                 | wire_get32(rec + PDL_RESULT_RECORD_TIMESTAMP_OFFSET);
            samples = take_waveform(ts, channel);
            if (samples != 0) rec[PDL_RESULT_RECORD_FLAGS_OFFSET] |= PDL_EVENT_FLAG_WAVEFORM_SENT;
        }
        if (run.count == 0) run.first_ms = now_ms;
        run.next = rec + run.record_size;
        if (samples != 0) {
            /* read before the frame may be sent and its buffer reused */
            uint32_t flags = rec[PDL_RESULT_RECORD_FLAGS_OFFSET];
            if (++run.count == run.batch) results_flush();
            send_waveform(ts, channel, flags, samples);
        } else if (++run.count == run.batch) {
            results_flush();
        }
        /* One frame per call at most: while results keep coming faster than the link sends them, the caller still
         * reads the host's commands (STOP) between frames. */
        if (run.count == 0) break;
    }
    if (run.count != 0 && now_ms - run.first_ms >= RESULTS_MAX_AGE_MS) results_flush();
    return popped;
}
