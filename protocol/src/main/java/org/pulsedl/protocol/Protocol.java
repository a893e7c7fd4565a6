package org.pulsedl.protocol;

import java.util.List;

/**
 * The whole declaration in one list, in the order the C header and docs/protocol.md present it: the frame header,
 * the message types with their payloads, the records inside payloads, and the named values. Adding a message or a
 * field here is all it takes; the codec, the firmware header and the docs follow.
 */
public final class Protocol {
    private Protocol() {
    }

    /** The layouts emitted as C structs, records before the payloads that contain them. */
    public static List<Layout> layouts() {
        return List.of(FrameHeader.LAYOUT, Payloads.INFO, Payloads.CONFIG_ENTRY, Payloads.CONFIG, Payloads.WAVEFORM,
                Payloads.RESULT_RECORD, Payloads.RESULT, Payloads.STATS, Payloads.MODEL_LOAD, Payloads.ACK,
                Payloads.MODEL_IMAGE);
    }

    /** The sets of named values. */
    public static List<Class<? extends Coded>> codes() {
        return List.of(MessageType.class, FrameFlag.class, EventFlag.class, ConfigOperation.class, ConfigKey.class,
                ModelLoadPhase.class, NackReason.class);
    }

    /** True for enums whose codes are bit numbers. */
    public static boolean isBitSet(Class<? extends Coded> codes) {
        return codes == FrameFlag.class || codes == EventFlag.class;
    }

    /** A canonical text of the declaration: what generated files hash in their banner. */
    public static String canonical() {
        StringBuilder b = new StringBuilder();
        b.append("pulsedl protocol version ").append(FrameHeader.VERSION).append(" sync ").append(FrameHeader.SYNC)
                .append(" max_payload ").append(FrameHeader.MAX_PAYLOAD).append(" model_image ")
                .append(Payloads.MODEL_IMAGE_MAGIC).append(' ').append(Payloads.MODEL_IMAGE_FORMAT).append('\n');
        for (Layout l : layouts()) {
            l.canonical(b);
        }
        for (Class<? extends Coded> c : codes()) {
            b.append("codes ").append(c.getSimpleName()).append('\n');
            for (Coded v : c.getEnumConstants()) {
                b.append("  ").append(v.code()).append(' ').append(v.name()).append(' ').append(v.description()).append('\n');
            }
        }
        for (MessageType t : MessageType.values()) {
            b.append("message ").append(t.code()).append(' ').append(t.name()).append(' ').append(t.payload().name())
                    .append('\n');
        }
        return b.toString();
    }
}
