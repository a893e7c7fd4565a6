package org.pulsedl.protocol;

import static org.pulsedl.protocol.ScalarType.I16;
import static org.pulsedl.protocol.ScalarType.I32;
import static org.pulsedl.protocol.ScalarType.U16;
import static org.pulsedl.protocol.ScalarType.U32;
import static org.pulsedl.protocol.ScalarType.U64;
import static org.pulsedl.protocol.ScalarType.U8;

/**
 * The payload of every message type (DESIGN §5), the one place their layouts are written down. Timestamps count
 * ADC-clock ticks since START; network outputs are the raw integers the hardware produced, so the host can compare
 * them bit for bit with the golden model and scales them itself.
 */
public final class Payloads {
    private Payloads() {
    }

    public static final Layout EMPTY = Layout.builder("empty", "No payload (length 0).").build();

    public static final Layout INFO = Layout.builder("info",
                    "What the board is; sent as the REPLY to an INFO REQUEST (whose payload is empty).")
            .field("protocol_version", U8, "highest protocol version the board speaks")
            .field("channels", U8, "ADC channels")
            .field("adc_bits", U8, "ADC resolution in bits")
            .field("output_count", U8, "raw network outputs per result record")
            .field("adc_clock_hz", U32, "ADC sample clock; one timestamp tick is one period of it")
            .field("window_samples", U16, "samples per event window (the network's input length)")
            .field("max_payload", U16, "largest payload the board sends and accepts (<= 1400)")
            .field("firmware_version", U32, "firmware build, major << 16 | minor << 8 | patch")
            .field("model_crc", U32, "CRC-32 of the active model image (0: none loaded)")
            .field("board_id", U32, "serial number or emulator instance")
            .build();

    public static final Layout CONFIG_ENTRY = Layout.builder("config_entry", "One setting.")
            .field("key", U16, "which setting", ConfigKey.class)
            .reserved("reserved", U16)
            .field("value", I32, "the value (ignored in GET)")
            .build();

    public static final Layout CONFIG = Layout.builder("config", "Read or write settings.")
            .field("operation", U8, "what to do with the entries", ConfigOperation.class)
            .field("entry_count", U8, "number of entries")
            .reserved("reserved", U16)
            .tail("entries", CONFIG_ENTRY, "entry_count", "the settings")
            .build();

    public static final Layout WAVEFORM = Layout.builder("waveform", "The raw ADC samples of one event window.")
            .field("timestamp", U64, "ADC-clock ticks since START of the window's trigger sample")
            .field("channel", U8, "ADC channel")
            .field("flags", U8, "event flags", EventFlag.class)
            .field("sample_count", U16, "number of samples")
            .tail("samples", I16, "sample_count", "ADC counts, oldest first")
            .build();

    public static final Layout RESULT_RECORD = Layout.builder("result_record",
                    "One event; followed by output_count raw outputs (i32 each) of the enclosing RESULT.")
            .field("timestamp", U64, "ADC-clock ticks since START of the trigger sample")
            .field("channel", U8, "ADC channel")
            .field("flags", U8, "event flags", EventFlag.class)
            .reserved("reserved", U16)
            .tail("outputs", I32, "output_count", "the network's raw integer outputs, in model output order")
            .build();

    public static final Layout RESULT = Layout.builder("result", "A batch of network results.")
            .field("record_count", U16, "records in this frame")
            .field("output_count", U8, "raw outputs per record (as INFO)")
            .reserved("reserved", U8)
            .tail("records", RESULT_RECORD, "record_count", "the events, in timestamp order per channel")
            .build();

    public static final Layout STATS = Layout.builder("stats",
                    "Board counters since START (cumulative; a host compares them with its own).")
            .field("timestamp", U64, "ADC-clock ticks since START when the counters were read")
            .field("triggers", U64, "events triggered")
            .field("results", U64, "result records sent")
            .field("waveforms", U64, "WAVEFORM frames sent")
            .field("dropped_events", U32, "events lost because the send queue was full")
            .field("fifo_overruns", U32, "times the ADC FIFO overflowed (samples lost)")
            .field("crc_errors", U32, "received frames with a bad CRC")
            .field("sequence_gaps", U32, "jumps in the host's sequence numbers")
            .field("oversize_frames", U32, "received headers claiming more than 1400 payload bytes")
            .field("nacks_sent", U32, "NACK frames sent")
            .build();

    public static final Layout MODEL_LOAD = Layout.builder("model_load",
                    "One step of loading a model image; every MODEL_LOAD frame is answered with ACK or NACK.")
            .field("phase", U8, "the step", ModelLoadPhase.class)
            .reserved("reserved", U8)
            .field("chunk_index", U16, "CHUNK: 0, 1, 2... in order; else 0")
            .field("offset", U32, "CHUNK: byte offset of data in the image; else 0")
            .field("image_size", U32, "bytes of the whole image (every phase repeats it)")
            .field("image_crc", U32, "CRC-32 of the whole image (every phase repeats it)")
            .tail("data", U8, null, "CHUNK: image bytes (up to 1384 per frame); else empty")
            .build();

    /** The first word of a {@link #MODEL_IMAGE}: the bytes {@code 'P','D','L','M'}. */
    public static final int MODEL_IMAGE_MAGIC = 0x4D4C4450;
    public static final int MODEL_IMAGE_FORMAT = 1;

    public static final Layout MODEL_IMAGE = Layout.builder("model_image",
                    "What the SoC board's MODEL_LOAD image holds (the emulator takes the model's .qmodel text instead): "
                            + "this header, then the accelerator's memory images as u32 words in the order descriptors, "
                            + "parameter table, weights (docs/accelerator.md section 4), as pulsedl generate emits them.")
            .field("magic", U32, "0x4D4C4450, the bytes 'P','D','L','M'")
            .field("format", U16, "image format, 1")
            .field("window_samples", U16, "the network's input length; must equal the board's (INFO)")
            .field("adc_bits", U8, "ADC width the input stage expects; must equal the board's (INFO)")
            .field("output_count", U8, "raw outputs per window")
            .reserved("reserved", U16)
            .field("descriptor_words", U32, "descriptor-memory words (header and layer descriptors)")
            .field("param_words", U32, "parameter-table words (4 per entry)")
            .field("weight_words", U32, "weight-memory words as the CPU writes them (U/4 per memory word)")
            .tail("words", U32, null, "descriptor, parameter and weight words, in that order")
            .build();

    public static final Layout ACK = Layout.builder("ack", "The answer to a frame (ACK: reason NONE; NACK: why not).")
            .field("acked_type", U8, "type of the frame answered", MessageType.class)
            .reserved("reserved", U8)
            .field("reason", U16, "NONE in an ACK", NackReason.class)
            .field("acked_sequence", U32, "sequence of the frame answered")
            .field("detail", U32, "reason-specific value (see the reason)")
            .build();
}
