// Generated file - do not edit; regenerate it instead.
// Command: mvn -B -q -o -pl protocol compile && java -cp protocol/target/classes org.pulsedl.protocol.ProtocolVerilogHeader rtl/generated/pulsedl_protocol.vh
// Tool: pulsedl protocol 0.1.0
// Input hash: sha256:fc06ece68b300ebbcd3183501614aea54e434a485bec396dd91b6346a004cfca

// Host link frame (DESIGN section 5): header, payload, CRC-32 of both; all little-endian.
localparam integer PDL_SYNC        = 'h4450;  // bytes 'P','D' on the wire
localparam integer PDL_VERSION     = 1;
localparam integer PDL_HEADER_SIZE = 12;      // bytes
localparam integer PDL_CRC_SIZE    = 4;       // CRC-32, IEEE 802.3, over header and payload
localparam integer PDL_MAX_PAYLOAD = 1400;    // bytes

// MessageType
localparam integer PDL_MESSAGE_TYPE_INFO       = 1;   // board identity and capabilities; REQUEST with an empty payload asks for it
localparam integer PDL_MESSAGE_TYPE_CONFIG     = 2;   // get or set board settings
localparam integer PDL_MESSAGE_TYPE_WAVEFORM   = 3;   // raw samples of one event window
localparam integer PDL_MESSAGE_TYPE_RESULT     = 4;   // a batch of results: timestamp, channel, flags, raw network outputs
localparam integer PDL_MESSAGE_TYPE_STATS      = 5;   // board counters incl. drops, overruns and CRC errors; REQUEST with an empty payload asks for them
localparam integer PDL_MESSAGE_TYPE_MODEL_LOAD = 6;   // chunked model image, each chunk acknowledged, CRC-checked before use
localparam integer PDL_MESSAGE_TYPE_START      = 7;   // start acquisition: timestamps restart at 0, counters are cleared
localparam integer PDL_MESSAGE_TYPE_STOP       = 8;   // stop acquisition; the board then sends a final STATS
localparam integer PDL_MESSAGE_TYPE_ACK        = 9;   // positive answer to a frame
localparam integer PDL_MESSAGE_TYPE_NACK       = 10;  // negative answer to a frame, with a reason code

// FrameFlag (bit masks)
localparam integer PDL_FRAME_FLAG_REQUEST       = 1;  // asks the peer for this message: the board answers INFO, CONFIG (operation GET) and STATS requests with the same type and REPLY set
localparam integer PDL_FRAME_FLAG_REPLY         = 2;  // answers a REQUEST
localparam integer PDL_FRAME_FLAG_ACK_REQUESTED = 4;  // the receiver answers with ACK or NACK naming this frame's sequence (MODEL_LOAD, CONFIG SET, START and STOP always are)

// EventFlag (bit masks)
localparam integer PDL_EVENT_FLAG_PILE_UP        = 1;  // a second pulse fell inside the window
localparam integer PDL_EVENT_FLAG_ADC_SATURATED  = 2;  // a sample reached the ADC's full scale
localparam integer PDL_EVENT_FLAG_OUTPUT_CLIPPED = 4;  // a network output saturated its integer range
localparam integer PDL_EVENT_FLAG_WAVEFORM_SENT  = 8;  // the event's raw samples follow in a WAVEFORM frame with the same timestamp

// ConfigOperation
localparam integer PDL_CONFIG_OPERATION_GET    = 0;  // host asks for the listed keys (values ignored; no entries = all keys); the board answers VALUES
localparam integer PDL_CONFIG_OPERATION_SET    = 1;  // host sets the listed keys; the board answers ACK, or NACK naming the first bad key
localparam integer PDL_CONFIG_OPERATION_VALUES = 2;  // board reports the current values (reply to GET)

// ConfigKey
localparam integer PDL_CONFIG_KEY_CHANNEL_MASK       = 1;  // bit n enables ADC channel n
localparam integer PDL_CONFIG_KEY_TRIGGER_THRESHOLD  = 2;  // leading-edge trigger threshold in ADC counts above baseline
localparam integer PDL_CONFIG_KEY_PRETRIGGER_SAMPLES = 3;  // samples kept before the trigger in each window
localparam integer PDL_CONFIG_KEY_WAVEFORM_PRESCALE  = 4;  // send the raw WAVEFORM of every n-th event (0 = none)
localparam integer PDL_CONFIG_KEY_RESULT_BATCH       = 5;  // most records per RESULT frame (the board may send fewer, e.g. on a timeout)
localparam integer PDL_CONFIG_KEY_STATS_INTERVAL_MS  = 6;  // period of unsolicited STATS frames while running (0 = only on request)
localparam integer PDL_CONFIG_KEY_PULSE_RATE_HZ      = 7;  // emulator only: mean pulse rate per channel
localparam integer PDL_CONFIG_KEY_PULSE_MODE         = 8;  // emulator only: 0 = periodic, 1 = Poisson arrivals

// ModelLoadPhase
localparam integer PDL_MODEL_LOAD_PHASE_BEGIN  = 0;  // announces image_size and image_crc; discards any unfinished load (the running model stays)
localparam integer PDL_MODEL_LOAD_PHASE_CHUNK  = 1;  // carries bytes [offset, offset + data length) of the image, chunks in order from index 0
localparam integer PDL_MODEL_LOAD_PHASE_COMMIT = 2;  // all bytes sent: the board checks the whole image's CRC-32 and only then activates it
localparam integer PDL_MODEL_LOAD_PHASE_ABORT  = 3;  // discard the unfinished load; the running model stays

// NackReason
localparam integer PDL_NACK_REASON_NONE               = 0;   // accepted (ACK)
localparam integer PDL_NACK_REASON_UNKNOWN_TYPE       = 1;   // the message type is not known to the receiver
localparam integer PDL_NACK_REASON_BAD_PAYLOAD        = 2;   // the payload length does not match the message's layout
localparam integer PDL_NACK_REASON_UNKNOWN_KEY        = 3;   // CONFIG names a key the board does not have; detail = the key
localparam integer PDL_NACK_REASON_BAD_VALUE          = 4;   // CONFIG value out of range; detail = the key
localparam integer PDL_NACK_REASON_BAD_STATE          = 5;   // not allowed now (e.g. MODEL_LOAD while running, CHUNK without BEGIN)
localparam integer PDL_NACK_REASON_CHUNK_OUT_OF_ORDER = 6;   // MODEL_LOAD chunk index or offset is not the next expected; detail = the expected index
localparam integer PDL_NACK_REASON_IMAGE_TOO_LARGE    = 7;   // MODEL_LOAD image larger than the board's model memory; detail = the limit in bytes
localparam integer PDL_NACK_REASON_IMAGE_CRC_MISMATCH = 8;   // MODEL_LOAD COMMIT: the received image's CRC-32 differs; the running model is kept; detail = the CRC computed
localparam integer PDL_NACK_REASON_BUSY               = 9;   // the board cannot take the request now; retry later
localparam integer PDL_NACK_REASON_BAD_IMAGE          = 10;  // MODEL_LOAD COMMIT: the image passed its CRC but is not a model this board can run (wrong format, window length or ADC width); the running model is kept

// frame_header: byte offsets
localparam integer PDL_FRAME_HEADER_SIZE            = 12;
localparam integer PDL_FRAME_HEADER_SYNC_OFFSET     = 0;   // u16
localparam integer PDL_FRAME_HEADER_VERSION_OFFSET  = 2;   // u8
localparam integer PDL_FRAME_HEADER_TYPE_OFFSET     = 3;   // u8
localparam integer PDL_FRAME_HEADER_FLAGS_OFFSET    = 4;   // u16
localparam integer PDL_FRAME_HEADER_LENGTH_OFFSET   = 6;   // u16
localparam integer PDL_FRAME_HEADER_SEQUENCE_OFFSET = 8;   // u32

// info: byte offsets
localparam integer PDL_INFO_SIZE                    = 24;
localparam integer PDL_INFO_PROTOCOL_VERSION_OFFSET = 0;   // u8
localparam integer PDL_INFO_CHANNELS_OFFSET         = 1;   // u8
localparam integer PDL_INFO_ADC_BITS_OFFSET         = 2;   // u8
localparam integer PDL_INFO_OUTPUT_COUNT_OFFSET     = 3;   // u8
localparam integer PDL_INFO_ADC_CLOCK_HZ_OFFSET     = 4;   // u32
localparam integer PDL_INFO_WINDOW_SAMPLES_OFFSET   = 8;   // u16
localparam integer PDL_INFO_MAX_PAYLOAD_OFFSET      = 10;  // u16
localparam integer PDL_INFO_FIRMWARE_VERSION_OFFSET = 12;  // u32
localparam integer PDL_INFO_MODEL_CRC_OFFSET        = 16;  // u32
localparam integer PDL_INFO_BOARD_ID_OFFSET         = 20;  // u32

// config_entry: byte offsets
localparam integer PDL_CONFIG_ENTRY_SIZE            = 8;
localparam integer PDL_CONFIG_ENTRY_KEY_OFFSET      = 0;  // u16
localparam integer PDL_CONFIG_ENTRY_RESERVED_OFFSET = 2;  // u16
localparam integer PDL_CONFIG_ENTRY_VALUE_OFFSET    = 4;  // i32

// config: byte offsets (fixed part)
localparam integer PDL_CONFIG_SIZE               = 4;
localparam integer PDL_CONFIG_OPERATION_OFFSET   = 0;  // u8
localparam integer PDL_CONFIG_ENTRY_COUNT_OFFSET = 1;  // u8
localparam integer PDL_CONFIG_RESERVED_OFFSET    = 2;  // u16

// waveform: byte offsets (fixed part)
localparam integer PDL_WAVEFORM_SIZE                = 12;
localparam integer PDL_WAVEFORM_TIMESTAMP_OFFSET    = 0;   // u64
localparam integer PDL_WAVEFORM_CHANNEL_OFFSET      = 8;   // u8
localparam integer PDL_WAVEFORM_FLAGS_OFFSET        = 9;   // u8
localparam integer PDL_WAVEFORM_SAMPLE_COUNT_OFFSET = 10;  // u16

// result_record: byte offsets (fixed part)
localparam integer PDL_RESULT_RECORD_SIZE             = 12;
localparam integer PDL_RESULT_RECORD_TIMESTAMP_OFFSET = 0;   // u64
localparam integer PDL_RESULT_RECORD_CHANNEL_OFFSET   = 8;   // u8
localparam integer PDL_RESULT_RECORD_FLAGS_OFFSET     = 9;   // u8
localparam integer PDL_RESULT_RECORD_RESERVED_OFFSET  = 10;  // u16

// result: byte offsets (fixed part)
localparam integer PDL_RESULT_SIZE                = 4;
localparam integer PDL_RESULT_RECORD_COUNT_OFFSET = 0;  // u16
localparam integer PDL_RESULT_OUTPUT_COUNT_OFFSET = 2;  // u8
localparam integer PDL_RESULT_RESERVED_OFFSET     = 3;  // u8

// stats: byte offsets
localparam integer PDL_STATS_SIZE                   = 56;
localparam integer PDL_STATS_TIMESTAMP_OFFSET       = 0;   // u64
localparam integer PDL_STATS_TRIGGERS_OFFSET        = 8;   // u64
localparam integer PDL_STATS_RESULTS_OFFSET         = 16;  // u64
localparam integer PDL_STATS_WAVEFORMS_OFFSET       = 24;  // u64
localparam integer PDL_STATS_DROPPED_EVENTS_OFFSET  = 32;  // u32
localparam integer PDL_STATS_FIFO_OVERRUNS_OFFSET   = 36;  // u32
localparam integer PDL_STATS_CRC_ERRORS_OFFSET      = 40;  // u32
localparam integer PDL_STATS_SEQUENCE_GAPS_OFFSET   = 44;  // u32
localparam integer PDL_STATS_OVERSIZE_FRAMES_OFFSET = 48;  // u32
localparam integer PDL_STATS_NACKS_SENT_OFFSET      = 52;  // u32

// model_load: byte offsets (fixed part)
localparam integer PDL_MODEL_LOAD_SIZE               = 16;
localparam integer PDL_MODEL_LOAD_PHASE_OFFSET       = 0;   // u8
localparam integer PDL_MODEL_LOAD_RESERVED_OFFSET    = 1;   // u8
localparam integer PDL_MODEL_LOAD_CHUNK_INDEX_OFFSET = 2;   // u16
localparam integer PDL_MODEL_LOAD_OFFSET_OFFSET      = 4;   // u32
localparam integer PDL_MODEL_LOAD_IMAGE_SIZE_OFFSET  = 8;   // u32
localparam integer PDL_MODEL_LOAD_IMAGE_CRC_OFFSET   = 12;  // u32

// ack: byte offsets
localparam integer PDL_ACK_SIZE                  = 12;
localparam integer PDL_ACK_ACKED_TYPE_OFFSET     = 0;   // u8
localparam integer PDL_ACK_RESERVED_OFFSET       = 1;   // u8
localparam integer PDL_ACK_REASON_OFFSET         = 2;   // u16
localparam integer PDL_ACK_ACKED_SEQUENCE_OFFSET = 4;   // u32
localparam integer PDL_ACK_DETAIL_OFFSET         = 8;   // u32

// model_image: byte offsets (fixed part)
localparam integer PDL_MODEL_IMAGE_SIZE                    = 24;
localparam integer PDL_MODEL_IMAGE_MAGIC_OFFSET            = 0;   // u32
localparam integer PDL_MODEL_IMAGE_FORMAT_OFFSET           = 4;   // u16
localparam integer PDL_MODEL_IMAGE_WINDOW_SAMPLES_OFFSET   = 6;   // u16
localparam integer PDL_MODEL_IMAGE_ADC_BITS_OFFSET         = 8;   // u8
localparam integer PDL_MODEL_IMAGE_OUTPUT_COUNT_OFFSET     = 9;   // u8
localparam integer PDL_MODEL_IMAGE_RESERVED_OFFSET         = 10;  // u16
localparam integer PDL_MODEL_IMAGE_DESCRIPTOR_WORDS_OFFSET = 12;  // u32
localparam integer PDL_MODEL_IMAGE_PARAM_WORDS_OFFSET      = 16;  // u32
localparam integer PDL_MODEL_IMAGE_WEIGHT_WORDS_OFFSET     = 20;  // u32
