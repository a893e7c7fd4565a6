/*
 * Generated file - do not edit; regenerate it instead.
 * Command: mvn -B -q -o -pl protocol compile && java -cp protocol/target/classes org.pulsedl.protocol.ProtocolCHeader firmware/generated/pulsedl_protocol.h
 * Tool: pulsedl protocol 0.1.0
 * Input hash: sha256:fc06ece68b300ebbcd3183501614aea54e434a485bec396dd91b6346a004cfca
 */
#pragma once

#include <stdint.h>

/* Host link frame (DESIGN section 5): header, payload, CRC-32 of both; all little-endian. */
#define PDL_SYNC               0x4450u      /* bytes 'P','D' on the wire */
#define PDL_VERSION            1u
#define PDL_HEADER_SIZE        12u
#define PDL_CRC_SIZE           4u           /* CRC-32, IEEE 802.3, over header and payload */
#define PDL_MAX_PAYLOAD        1400u
#define PDL_MAX_FRAME          1416u        /* header + largest payload + CRC */
#define PDL_MODEL_IMAGE_MAGIC  0x4D4C4450u  /* first word of a model_image: the bytes 'P','D','L','M' */
#define PDL_MODEL_IMAGE_FORMAT 1u

/* MessageType */
#define PDL_MESSAGE_TYPE_INFO       0x01u  /* board identity and capabilities; REQUEST with an empty payload asks for it */
#define PDL_MESSAGE_TYPE_CONFIG     0x02u  /* get or set board settings */
#define PDL_MESSAGE_TYPE_WAVEFORM   0x03u  /* raw samples of one event window */
#define PDL_MESSAGE_TYPE_RESULT     0x04u  /* a batch of results: timestamp, channel, flags, raw network outputs */
#define PDL_MESSAGE_TYPE_STATS      0x05u  /* board counters incl. drops, overruns and CRC errors; REQUEST with an empty payload asks for them */
#define PDL_MESSAGE_TYPE_MODEL_LOAD 0x06u  /* chunked model image, each chunk acknowledged, CRC-checked before use */
#define PDL_MESSAGE_TYPE_START      0x07u  /* start acquisition: timestamps restart at 0, counters are cleared */
#define PDL_MESSAGE_TYPE_STOP       0x08u  /* stop acquisition; the board then sends a final STATS */
#define PDL_MESSAGE_TYPE_ACK        0x09u  /* positive answer to a frame */
#define PDL_MESSAGE_TYPE_NACK       0x0Au  /* negative answer to a frame, with a reason code */

/* FrameFlag (bit masks) */
#define PDL_FRAME_FLAG_REQUEST       (1u << 0)  /* asks the peer for this message: the board answers INFO, CONFIG (operation GET) and STATS requests with the same type and REPLY set */
#define PDL_FRAME_FLAG_REPLY         (1u << 1)  /* answers a REQUEST */
#define PDL_FRAME_FLAG_ACK_REQUESTED (1u << 2)  /* the receiver answers with ACK or NACK naming this frame's sequence (MODEL_LOAD, CONFIG SET, START and STOP always are) */

/* EventFlag (bit masks) */
#define PDL_EVENT_FLAG_PILE_UP        (1u << 0)  /* a second pulse fell inside the window */
#define PDL_EVENT_FLAG_ADC_SATURATED  (1u << 1)  /* a sample reached the ADC's full scale */
#define PDL_EVENT_FLAG_OUTPUT_CLIPPED (1u << 2)  /* a network output saturated its integer range */
#define PDL_EVENT_FLAG_WAVEFORM_SENT  (1u << 3)  /* the event's raw samples follow in a WAVEFORM frame with the same timestamp */

/* ConfigOperation */
#define PDL_CONFIG_OPERATION_GET    0u  /* host asks for the listed keys (values ignored; no entries = all keys); the board answers VALUES */
#define PDL_CONFIG_OPERATION_SET    1u  /* host sets the listed keys; the board answers ACK, or NACK naming the first bad key */
#define PDL_CONFIG_OPERATION_VALUES 2u  /* board reports the current values (reply to GET) */

/* ConfigKey */
#define PDL_CONFIG_KEY_CHANNEL_MASK       1u  /* bit n enables ADC channel n */
#define PDL_CONFIG_KEY_TRIGGER_THRESHOLD  2u  /* leading-edge trigger threshold in ADC counts above baseline */
#define PDL_CONFIG_KEY_PRETRIGGER_SAMPLES 3u  /* samples kept before the trigger in each window */
#define PDL_CONFIG_KEY_WAVEFORM_PRESCALE  4u  /* send the raw WAVEFORM of every n-th event (0 = none) */
#define PDL_CONFIG_KEY_RESULT_BATCH       5u  /* most records per RESULT frame (the board may send fewer, e.g. on a timeout) */
#define PDL_CONFIG_KEY_STATS_INTERVAL_MS  6u  /* period of unsolicited STATS frames while running (0 = only on request) */
#define PDL_CONFIG_KEY_PULSE_RATE_HZ      7u  /* emulator only: mean pulse rate per channel */
#define PDL_CONFIG_KEY_PULSE_MODE         8u  /* emulator only: 0 = periodic, 1 = Poisson arrivals */

/* ModelLoadPhase */
#define PDL_MODEL_LOAD_PHASE_BEGIN  0u  /* announces image_size and image_crc; discards any unfinished load (the running model stays) */
#define PDL_MODEL_LOAD_PHASE_CHUNK  1u  /* carries bytes [offset, offset + data length) of the image, chunks in order from index 0 */
#define PDL_MODEL_LOAD_PHASE_COMMIT 2u  /* all bytes sent: the board checks the whole image's CRC-32 and only then activates it */
#define PDL_MODEL_LOAD_PHASE_ABORT  3u  /* discard the unfinished load; the running model stays */

/* NackReason */
#define PDL_NACK_REASON_NONE               0u   /* accepted (ACK) */
#define PDL_NACK_REASON_UNKNOWN_TYPE       1u   /* the message type is not known to the receiver */
#define PDL_NACK_REASON_BAD_PAYLOAD        2u   /* the payload length does not match the message's layout */
#define PDL_NACK_REASON_UNKNOWN_KEY        3u   /* CONFIG names a key the board does not have; detail = the key */
#define PDL_NACK_REASON_BAD_VALUE          4u   /* CONFIG value out of range; detail = the key */
#define PDL_NACK_REASON_BAD_STATE          5u   /* not allowed now (e.g. MODEL_LOAD while running, CHUNK without BEGIN) */
#define PDL_NACK_REASON_CHUNK_OUT_OF_ORDER 6u   /* MODEL_LOAD chunk index or offset is not the next expected; detail = the expected index */
#define PDL_NACK_REASON_IMAGE_TOO_LARGE    7u   /* MODEL_LOAD image larger than the board's model memory; detail = the limit in bytes */
#define PDL_NACK_REASON_IMAGE_CRC_MISMATCH 8u   /* MODEL_LOAD COMMIT: the received image's CRC-32 differs; the running model is kept; detail = the CRC computed */
#define PDL_NACK_REASON_BUSY               9u   /* the board cannot take the request now; retry later */
#define PDL_NACK_REASON_BAD_IMAGE          10u  /* MODEL_LOAD COMMIT: the image passed its CRC but is not a model this board can run (wrong format, window length or ADC width); the running model is kept */

/* frame_header: Starts every frame; all fields little-endian. The CRC-32 (IEEE 802.3, as java.util.zip.CRC32) of header and payload follows the payload. */
typedef struct __attribute__((packed)) {
    uint16_t sync;  /* 0x4450, the bytes 'P','D'; a receiver hunts for it after garbage */
    uint8_t  version;  /* protocol version, 1; a frame of another version is not recognised */
    uint8_t  type;  /* what the payload is */
    uint16_t flags;  /* bit set of frame flags */
    uint16_t length;  /* payload bytes, at most 1400; a header claiming more is an oversize frame */
    uint32_t sequence;  /* per stream and direction, +1 per frame modulo 2^32; a jump is a sequence gap */
} pdl_frame_header_t;
#define PDL_FRAME_HEADER_SIZE            12u
#define PDL_FRAME_HEADER_SYNC_OFFSET     0u
#define PDL_FRAME_HEADER_VERSION_OFFSET  2u
#define PDL_FRAME_HEADER_TYPE_OFFSET     3u
#define PDL_FRAME_HEADER_FLAGS_OFFSET    4u
#define PDL_FRAME_HEADER_LENGTH_OFFSET   6u
#define PDL_FRAME_HEADER_SEQUENCE_OFFSET 8u
_Static_assert(sizeof(pdl_frame_header_t) == PDL_FRAME_HEADER_SIZE, "frame_header is packed as on the wire");

/* info: What the board is; sent as the REPLY to an INFO REQUEST (whose payload is empty). */
typedef struct __attribute__((packed)) {
    uint8_t  protocol_version;  /* highest protocol version the board speaks */
    uint8_t  channels;  /* ADC channels */
    uint8_t  adc_bits;  /* ADC resolution in bits */
    uint8_t  output_count;  /* raw network outputs per result record */
    uint32_t adc_clock_hz;  /* ADC sample clock; one timestamp tick is one period of it */
    uint16_t window_samples;  /* samples per event window (the network's input length) */
    uint16_t max_payload;  /* largest payload the board sends and accepts (<= 1400) */
    uint32_t firmware_version;  /* firmware build, major << 16 | minor << 8 | patch */
    uint32_t model_crc;  /* CRC-32 of the active model image (0: none loaded) */
    uint32_t board_id;  /* serial number or emulator instance */
} pdl_info_t;
#define PDL_INFO_SIZE                    24u
#define PDL_INFO_PROTOCOL_VERSION_OFFSET 0u
#define PDL_INFO_CHANNELS_OFFSET         1u
#define PDL_INFO_ADC_BITS_OFFSET         2u
#define PDL_INFO_OUTPUT_COUNT_OFFSET     3u
#define PDL_INFO_ADC_CLOCK_HZ_OFFSET     4u
#define PDL_INFO_WINDOW_SAMPLES_OFFSET   8u
#define PDL_INFO_MAX_PAYLOAD_OFFSET      10u
#define PDL_INFO_FIRMWARE_VERSION_OFFSET 12u
#define PDL_INFO_MODEL_CRC_OFFSET        16u
#define PDL_INFO_BOARD_ID_OFFSET         20u
_Static_assert(sizeof(pdl_info_t) == PDL_INFO_SIZE, "info is packed as on the wire");

/* config_entry: One setting. */
typedef struct __attribute__((packed)) {
    uint16_t key;  /* which setting */
    uint16_t reserved;  /* reserved, 0 */
    int32_t  value;  /* the value (ignored in GET) */
} pdl_config_entry_t;
#define PDL_CONFIG_ENTRY_SIZE            8u
#define PDL_CONFIG_ENTRY_KEY_OFFSET      0u
#define PDL_CONFIG_ENTRY_RESERVED_OFFSET 2u
#define PDL_CONFIG_ENTRY_VALUE_OFFSET    4u
_Static_assert(sizeof(pdl_config_entry_t) == PDL_CONFIG_ENTRY_SIZE, "config_entry is packed as on the wire");

/* config: Read or write settings. */
typedef struct __attribute__((packed)) {
    uint8_t  operation;  /* what to do with the entries */
    uint8_t  entry_count;  /* number of entries */
    uint16_t reserved;  /* reserved, 0 */
} pdl_config_t;
/* followed by entry_count entries x pdl_config_entry_t: the settings */
#define PDL_CONFIG_SIZE               4u                                               /* fixed part */
#define PDL_CONFIG_OPERATION_OFFSET   0u
#define PDL_CONFIG_ENTRY_COUNT_OFFSET 1u
#define PDL_CONFIG_RESERVED_OFFSET    2u
#define PDL_CONFIG_BYTES(n)           (PDL_CONFIG_SIZE + (n) * PDL_CONFIG_ENTRY_SIZE)  /* payload bytes with n entries */
_Static_assert(sizeof(pdl_config_t) == PDL_CONFIG_SIZE, "config is packed as on the wire");

/* waveform: The raw ADC samples of one event window. */
typedef struct __attribute__((packed)) {
    uint64_t timestamp;  /* ADC-clock ticks since START of the window's trigger sample */
    uint8_t  channel;  /* ADC channel */
    uint8_t  flags;  /* event flags */
    uint16_t sample_count;  /* number of samples */
    int16_t  samples[];  /* sample_count samples: ADC counts, oldest first */
} pdl_waveform_t;
#define PDL_WAVEFORM_SIZE                12u                             /* fixed part */
#define PDL_WAVEFORM_TIMESTAMP_OFFSET    0u
#define PDL_WAVEFORM_CHANNEL_OFFSET      8u
#define PDL_WAVEFORM_FLAGS_OFFSET        9u
#define PDL_WAVEFORM_SAMPLE_COUNT_OFFSET 10u
#define PDL_WAVEFORM_BYTES(n)            (PDL_WAVEFORM_SIZE + (n) * 2u)  /* payload bytes with n samples */
_Static_assert(sizeof(pdl_waveform_t) == PDL_WAVEFORM_SIZE, "waveform is packed as on the wire");

/* result_record: One event; followed by output_count raw outputs (i32 each) of the enclosing RESULT. */
typedef struct __attribute__((packed)) {
    uint64_t timestamp;  /* ADC-clock ticks since START of the trigger sample */
    uint8_t  channel;  /* ADC channel */
    uint8_t  flags;  /* event flags */
    uint16_t reserved;  /* reserved, 0 */
    int32_t  outputs[];  /* output_count outputs: the network's raw integer outputs, in model output order */
} pdl_result_record_t;
#define PDL_RESULT_RECORD_SIZE             12u                                  /* fixed part */
#define PDL_RESULT_RECORD_TIMESTAMP_OFFSET 0u
#define PDL_RESULT_RECORD_CHANNEL_OFFSET   8u
#define PDL_RESULT_RECORD_FLAGS_OFFSET     9u
#define PDL_RESULT_RECORD_RESERVED_OFFSET  10u
#define PDL_RESULT_RECORD_BYTES(n)         (PDL_RESULT_RECORD_SIZE + (n) * 4u)  /* payload bytes with n outputs */
_Static_assert(sizeof(pdl_result_record_t) == PDL_RESULT_RECORD_SIZE, "result_record is packed as on the wire");

/* result: A batch of network results. */
typedef struct __attribute__((packed)) {
    uint16_t record_count;  /* records in this frame */
    uint8_t  output_count;  /* raw outputs per record (as INFO) */
    uint8_t  reserved;  /* reserved, 0 */
} pdl_result_t;
/* followed by record_count records x pdl_result_record_t: the events, in timestamp order per channel */
#define PDL_RESULT_SIZE                4u  /* fixed part */
#define PDL_RESULT_RECORD_COUNT_OFFSET 0u
#define PDL_RESULT_OUTPUT_COUNT_OFFSET 2u
#define PDL_RESULT_RESERVED_OFFSET     3u
_Static_assert(sizeof(pdl_result_t) == PDL_RESULT_SIZE, "result is packed as on the wire");

/* stats: Board counters since START (cumulative; a host compares them with its own). */
typedef struct __attribute__((packed)) {
    uint64_t timestamp;  /* ADC-clock ticks since START when the counters were read */
    uint64_t triggers;  /* events triggered */
    uint64_t results;  /* result records sent */
    uint64_t waveforms;  /* WAVEFORM frames sent */
    uint32_t dropped_events;  /* events lost because the send queue was full */
    uint32_t fifo_overruns;  /* times the ADC FIFO overflowed (samples lost) */
    uint32_t crc_errors;  /* received frames with a bad CRC */
    uint32_t sequence_gaps;  /* jumps in the host's sequence numbers */
    uint32_t oversize_frames;  /* received headers claiming more than 1400 payload bytes */
    uint32_t nacks_sent;  /* NACK frames sent */
} pdl_stats_t;
#define PDL_STATS_SIZE                   56u
#define PDL_STATS_TIMESTAMP_OFFSET       0u
#define PDL_STATS_TRIGGERS_OFFSET        8u
#define PDL_STATS_RESULTS_OFFSET         16u
#define PDL_STATS_WAVEFORMS_OFFSET       24u
#define PDL_STATS_DROPPED_EVENTS_OFFSET  32u
#define PDL_STATS_FIFO_OVERRUNS_OFFSET   36u
#define PDL_STATS_CRC_ERRORS_OFFSET      40u
#define PDL_STATS_SEQUENCE_GAPS_OFFSET   44u
#define PDL_STATS_OVERSIZE_FRAMES_OFFSET 48u
#define PDL_STATS_NACKS_SENT_OFFSET      52u
_Static_assert(sizeof(pdl_stats_t) == PDL_STATS_SIZE, "stats is packed as on the wire");

/* model_load: One step of loading a model image; every MODEL_LOAD frame is answered with ACK or NACK. */
typedef struct __attribute__((packed)) {
    uint8_t  phase;  /* the step */
    uint8_t  reserved;  /* reserved, 0 */
    uint16_t chunk_index;  /* CHUNK: 0, 1, 2... in order; else 0 */
    uint32_t offset;  /* CHUNK: byte offset of data in the image; else 0 */
    uint32_t image_size;  /* bytes of the whole image (every phase repeats it) */
    uint32_t image_crc;  /* CRC-32 of the whole image (every phase repeats it) */
    uint8_t  data[];  /* the rest of the payload data: CHUNK: image bytes (up to 1384 per frame); else empty */
} pdl_model_load_t;
#define PDL_MODEL_LOAD_SIZE               16u                               /* fixed part */
#define PDL_MODEL_LOAD_PHASE_OFFSET       0u
#define PDL_MODEL_LOAD_RESERVED_OFFSET    1u
#define PDL_MODEL_LOAD_CHUNK_INDEX_OFFSET 2u
#define PDL_MODEL_LOAD_OFFSET_OFFSET      4u
#define PDL_MODEL_LOAD_IMAGE_SIZE_OFFSET  8u
#define PDL_MODEL_LOAD_IMAGE_CRC_OFFSET   12u
#define PDL_MODEL_LOAD_BYTES(n)           (PDL_MODEL_LOAD_SIZE + (n) * 1u)  /* payload bytes with n data */
_Static_assert(sizeof(pdl_model_load_t) == PDL_MODEL_LOAD_SIZE, "model_load is packed as on the wire");

/* ack: The answer to a frame (ACK: reason NONE; NACK: why not). */
typedef struct __attribute__((packed)) {
    uint8_t  acked_type;  /* type of the frame answered */
    uint8_t  reserved;  /* reserved, 0 */
    uint16_t reason;  /* NONE in an ACK */
    uint32_t acked_sequence;  /* sequence of the frame answered */
    uint32_t detail;  /* reason-specific value (see the reason) */
} pdl_ack_t;
#define PDL_ACK_SIZE                  12u
#define PDL_ACK_ACKED_TYPE_OFFSET     0u
#define PDL_ACK_RESERVED_OFFSET       1u
#define PDL_ACK_REASON_OFFSET         2u
#define PDL_ACK_ACKED_SEQUENCE_OFFSET 4u
#define PDL_ACK_DETAIL_OFFSET         8u
_Static_assert(sizeof(pdl_ack_t) == PDL_ACK_SIZE, "ack is packed as on the wire");

/* model_image: What the SoC board's MODEL_LOAD image holds (the emulator takes the model's .qmodel text instead): this header, then the accelerator's memory images as u32 words in the order descriptors, parameter table, weights (docs/accelerator.md section 4), as pulsedl generate emits them. */
typedef struct __attribute__((packed)) {
    uint32_t magic;  /* 0x4D4C4450, the bytes 'P','D','L','M' */
    uint16_t format;  /* image format, 1 */
    uint16_t window_samples;  /* the network's input length; must equal the board's (INFO) */
    uint8_t  adc_bits;  /* ADC width the input stage expects; must equal the board's (INFO) */
    uint8_t  output_count;  /* raw outputs per window */
    uint16_t reserved;  /* reserved, 0 */
    uint32_t descriptor_words;  /* descriptor-memory words (header and layer descriptors) */
    uint32_t param_words;  /* parameter-table words (4 per entry) */
    uint32_t weight_words;  /* weight-memory words as the CPU writes them (U/4 per memory word) */
    uint32_t words[];  /* the rest of the payload words: descriptor, parameter and weight words, in that order */
} pdl_model_image_t;
#define PDL_MODEL_IMAGE_SIZE                    24u                                /* fixed part */
#define PDL_MODEL_IMAGE_MAGIC_OFFSET            0u
#define PDL_MODEL_IMAGE_FORMAT_OFFSET           4u
#define PDL_MODEL_IMAGE_WINDOW_SAMPLES_OFFSET   6u
#define PDL_MODEL_IMAGE_ADC_BITS_OFFSET         8u
#define PDL_MODEL_IMAGE_OUTPUT_COUNT_OFFSET     9u
#define PDL_MODEL_IMAGE_RESERVED_OFFSET         10u
#define PDL_MODEL_IMAGE_DESCRIPTOR_WORDS_OFFSET 12u
#define PDL_MODEL_IMAGE_PARAM_WORDS_OFFSET      16u
#define PDL_MODEL_IMAGE_WEIGHT_WORDS_OFFSET     20u
#define PDL_MODEL_IMAGE_BYTES(n)                (PDL_MODEL_IMAGE_SIZE + (n) * 4u)  /* payload bytes with n words */
_Static_assert(sizeof(pdl_model_image_t) == PDL_MODEL_IMAGE_SIZE, "model_image is packed as on the wire");
