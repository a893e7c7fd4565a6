#include "board.h"

#include "crc32.h"
#include "frame.h"
#include "hal.h"
#include "model_load.h"
#include "results.h"
#include "settings.h"
#include "wire.h"

static frame_rx_t rx;
/* Replies and acknowledgements; RESULT and WAVEFORM frames have their own buffers (results.c). */
static uint8_t reply[PDL_MAX_FRAME] __attribute__((aligned(4)));

static struct {
    int running;
    uint32_t nacks;
    uint32_t next_stats_ms;
    uint32_t stats_interval_ms;
} board;

int board_running(void) { return board.running; }

static void acknowledge(const frame_t *f, uint16_t reason, uint32_t detail) {
    uint8_t *p = frame_payload(reply);
    p[PDL_ACK_ACKED_TYPE_OFFSET] = f->type;
    p[PDL_ACK_RESERVED_OFFSET] = 0;
    wire_put16(p + PDL_ACK_REASON_OFFSET, reason);
    wire_put32(p + PDL_ACK_ACKED_SEQUENCE_OFFSET, f->sequence);
    wire_put32(p + PDL_ACK_DETAIL_OFFSET, detail);
    if (reason != PDL_NACK_REASON_NONE) board.nacks++;
    frame_send(reply, reason == PDL_NACK_REASON_NONE ? PDL_MESSAGE_TYPE_ACK : PDL_MESSAGE_TYPE_NACK, 0, PDL_ACK_SIZE);
}

static void send_info(void) {
    const hal_board_t *hb = hal_board();
    uint8_t *p = frame_payload(reply);
    p[PDL_INFO_PROTOCOL_VERSION_OFFSET] = PDL_VERSION;
    p[PDL_INFO_CHANNELS_OFFSET] = hb->channels;
    p[PDL_INFO_ADC_BITS_OFFSET] = hb->adc_bits;
    p[PDL_INFO_OUTPUT_COUNT_OFFSET] = (uint8_t)model_running()->output_count;
    wire_put32(p + PDL_INFO_ADC_CLOCK_HZ_OFFSET, hb->adc_clock_hz);
    wire_put16(p + PDL_INFO_WINDOW_SAMPLES_OFFSET, hb->window_samples);
    wire_put16(p + PDL_INFO_MAX_PAYLOAD_OFFSET, PDL_MAX_PAYLOAD);
    wire_put32(p + PDL_INFO_FIRMWARE_VERSION_OFFSET, FIRMWARE_VERSION);
    wire_put32(p + PDL_INFO_MODEL_CRC_OFFSET, model_running()->crc);
    wire_put32(p + PDL_INFO_BOARD_ID_OFFSET, hb->board_id);
    frame_send(reply, PDL_MESSAGE_TYPE_INFO, PDL_FRAME_FLAG_REPLY, PDL_INFO_SIZE);
}

/* STATS: unsolicited (flags 0) while running and after STOP, or the REPLY to a request. */
static void send_stats(uint16_t flags) {
    const results_counters_t *r = results_counters();
    uint8_t *p = frame_payload(reply);
    wire_put64(p + PDL_STATS_TIMESTAMP_OFFSET, hal_capture_ticks());
    wire_put64(p + PDL_STATS_TRIGGERS_OFFSET, hal_capture_triggers());
    wire_put64(p + PDL_STATS_RESULTS_OFFSET, r->records);
    wire_put64(p + PDL_STATS_WAVEFORMS_OFFSET, r->waveforms);
    wire_put32(p + PDL_STATS_DROPPED_EVENTS_OFFSET, r->lost + hal_accel_input_drops());
    wire_put32(p + PDL_STATS_FIFO_OVERRUNS_OFFSET, hal_capture_overruns());
    wire_put32(p + PDL_STATS_CRC_ERRORS_OFFSET, rx.counters.crc_errors);
    wire_put32(p + PDL_STATS_SEQUENCE_GAPS_OFFSET, rx.counters.sequence_gaps);
    wire_put32(p + PDL_STATS_OVERSIZE_FRAMES_OFFSET, rx.counters.oversize_frames);
    wire_put32(p + PDL_STATS_NACKS_SENT_OFFSET, board.nacks);
    frame_send(reply, PDL_MESSAGE_TYPE_STATS, flags, PDL_STATS_SIZE);
}

static void config(const frame_t *f) {
    const uint8_t *p = f->payload;
    if (f->length < PDL_CONFIG_SIZE) {
        acknowledge(f, PDL_NACK_REASON_BAD_PAYLOAD, f->length);
        return;
    }
    uint32_t n = p[PDL_CONFIG_ENTRY_COUNT_OFFSET];
    if (f->length != PDL_CONFIG_BYTES(n)) {
        acknowledge(f, PDL_NACK_REASON_BAD_PAYLOAD, f->length);
        return;
    }
    const uint8_t *e = p + PDL_CONFIG_SIZE;
    switch (p[PDL_CONFIG_OPERATION_OFFSET]) {
    case PDL_CONFIG_OPERATION_GET: {
        for (uint32_t i = 0; i < n; i++) {
            uint32_t key = wire_get16(e + PDL_CONFIG_ENTRY_SIZE * i + PDL_CONFIG_ENTRY_KEY_OFFSET);
            if (!settings_known(key)) {
                acknowledge(f, PDL_NACK_REASON_UNKNOWN_KEY, key);
                return;
            }
        }
        uint8_t *q = frame_payload(reply);
        uint32_t count = n == 0 ? SETTINGS_KEYS : n;
        for (uint32_t i = 0; i < count; i++) {
            uint32_t key = n == 0 ? i + 1 : wire_get16(e + PDL_CONFIG_ENTRY_SIZE * i + PDL_CONFIG_ENTRY_KEY_OFFSET);
            uint8_t *o = q + PDL_CONFIG_BYTES(i);
            wire_put16(o + PDL_CONFIG_ENTRY_KEY_OFFSET, key);
            wire_put16(o + PDL_CONFIG_ENTRY_RESERVED_OFFSET, 0);
            wire_put32(o + PDL_CONFIG_ENTRY_VALUE_OFFSET, (uint32_t)settings_get(key));
        }
        q[PDL_CONFIG_OPERATION_OFFSET] = PDL_CONFIG_OPERATION_VALUES;
        q[PDL_CONFIG_ENTRY_COUNT_OFFSET] = (uint8_t)count;
        wire_put16(q + PDL_CONFIG_RESERVED_OFFSET, 0);
        frame_send(reply, PDL_MESSAGE_TYPE_CONFIG, PDL_FRAME_FLAG_REPLY, (uint16_t)PDL_CONFIG_BYTES(count));
        return;
    }
    case PDL_CONFIG_OPERATION_SET:
        if (board.running) {
            acknowledge(f, PDL_NACK_REASON_BAD_STATE, 0);
            return;
        }
        /* All entries are checked before any is applied: a refused SET changes nothing. */
        for (uint32_t i = 0; i < n; i++) {
            const uint8_t *x = e + PDL_CONFIG_ENTRY_SIZE * i;
            uint32_t key = wire_get16(x + PDL_CONFIG_ENTRY_KEY_OFFSET);
            if (!settings_known(key)) {
                acknowledge(f, PDL_NACK_REASON_UNKNOWN_KEY, key);
                return;
            }
            if (!settings_valid(key, (int32_t)wire_get32(x + PDL_CONFIG_ENTRY_VALUE_OFFSET))) {
                acknowledge(f, PDL_NACK_REASON_BAD_VALUE, key);
                return;
            }
        }
        for (uint32_t i = 0; i < n; i++) {
            const uint8_t *x = e + PDL_CONFIG_ENTRY_SIZE * i;
            settings_set(wire_get16(x + PDL_CONFIG_ENTRY_KEY_OFFSET), (int32_t)wire_get32(x + PDL_CONFIG_ENTRY_VALUE_OFFSET));
        }
        acknowledge(f, PDL_NACK_REASON_NONE, 0);
        return;
    default:
        acknowledge(f, PDL_NACK_REASON_BAD_PAYLOAD, f->length);
    }
}

static void model(const frame_t *f) {
    if (board.running) {
        acknowledge(f, PDL_NACK_REASON_BAD_STATE, 0);
        return;
    }
    model_answer_t a = model_load(f->payload, f->length);
    if (a.reason == PDL_NACK_REASON_NONE) settings_fit_model(model_running()->output_count);
    acknowledge(f, a.reason, a.detail);
}

static void start(const frame_t *f) {
    if (board.running) {
        acknowledge(f, PDL_NACK_REASON_BAD_STATE, 0);
        return;
    }
    if (model_running()->crc == 0) {
        acknowledge(f, PDL_NACK_REASON_BAD_STATE, 0);
        return;
    }
    /* START clears the counters (STATS counts since START), the receiver's included. */
    board.nacks = 0;
    rx.counters = (frame_rx_counters_t){0};
    results_start(model_running()->output_count, (uint32_t)settings_get(PDL_CONFIG_KEY_RESULT_BATCH),
                  (uint32_t)settings_get(PDL_CONFIG_KEY_CHANNEL_MASK),
                  (uint32_t)settings_get(PDL_CONFIG_KEY_WAVEFORM_PRESCALE));
    board.stats_interval_ms = (uint32_t)settings_get(PDL_CONFIG_KEY_STATS_INTERVAL_MS);
    board.next_stats_ms = hal_millis() + board.stats_interval_ms;
    board.running = 1;
    acknowledge(f, PDL_NACK_REASON_NONE, 0);
    hal_capture_settings_t s = {
        .channel_mask = (uint32_t)settings_get(PDL_CONFIG_KEY_CHANNEL_MASK),
        .trigger_threshold = settings_get(PDL_CONFIG_KEY_TRIGGER_THRESHOLD),
        .pretrigger_samples = (uint32_t)settings_get(PDL_CONFIG_KEY_PRETRIGGER_SAMPLES),
        .pulse_rate_hz = (uint32_t)settings_get(PDL_CONFIG_KEY_PULSE_RATE_HZ),
        .pulse_mode = (uint32_t)settings_get(PDL_CONFIG_KEY_PULSE_MODE),
        .waveform_prescale = (uint32_t)settings_get(PDL_CONFIG_KEY_WAVEFORM_PRESCALE),
    };
    hal_accel_start();
    hal_capture_start(&s);
}

/* STOP: the last results, then the ACK of the STOP, then the final STATS (the order the emulator keeps, so the
 * host knows every result precedes the ACK). */
static void stop(const frame_t *f) {
    if (board.running) {
        hal_capture_stop();
        while (!hal_accel_drained()) results_poll(hal_millis());
        hal_accel_stop();
        while (results_poll(hal_millis()) != 0) {
        }
        results_stop(hal_accel_windows_in());
        board.running = 0;
    }
    acknowledge(f, PDL_NACK_REASON_NONE, 0);
    send_stats(0);
}

static void dispatch(const frame_t *f) {
    int request = (f->flags & PDL_FRAME_FLAG_REQUEST) != 0;
    switch (f->type) {
    case PDL_MESSAGE_TYPE_INFO:
        if (request) send_info();
        break;
    case PDL_MESSAGE_TYPE_STATS:
        if (request) send_stats(PDL_FRAME_FLAG_REPLY);
        break;
    case PDL_MESSAGE_TYPE_CONFIG: config(f); break;
    case PDL_MESSAGE_TYPE_MODEL_LOAD: model(f); break;
    case PDL_MESSAGE_TYPE_START: start(f); break;
    case PDL_MESSAGE_TYPE_STOP: stop(f); break;
    case PDL_MESSAGE_TYPE_ACK:
    case PDL_MESSAGE_TYPE_NACK: break;
    default: acknowledge(f, PDL_NACK_REASON_UNKNOWN_TYPE, f->type);
    }
}

void board_init(void) {
    crc32_init();
    frame_rx_init(&rx, dispatch);
    const hal_board_t *hb = hal_board();
    model_boot(hb->window_samples, hb->adc_bits);
    settings_init(hb->channels, hb->window_samples, settings_max_batch(model_running()->output_count));
}

void board_poll(void) {
    uint8_t in[64];
    size_t n = hal_link_read(in, sizeof in);
    if (n > 0) frame_rx_feed(&rx, in, n);
    if (!board.running) return;
    uint32_t now = hal_millis();
    results_poll(now);
    if (board.stats_interval_ms != 0 && (int32_t)(now - board.next_stats_ms) >= 0) {
        send_stats(0);
        board.next_stats_ms += board.stats_interval_ms;
    }
}
