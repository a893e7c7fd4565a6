package org.pulsedl.protocol;

import static org.pulsedl.protocol.ScalarType.U16;
import static org.pulsedl.protocol.ScalarType.U32;
import static org.pulsedl.protocol.ScalarType.U8;

/** The frame envelope of DESIGN §5 (normative): 12-byte header, payload, CRC-32 over header and payload. */
public final class FrameHeader {
    /** The sync word: bytes {@code 'P','D'} on the wire. */
    public static final int SYNC = 0x4450;
    public static final int VERSION = 1;
    /** The largest payload, so a whole frame fits one UDP datagram at MTU 1,500. */
    public static final int MAX_PAYLOAD = 1400;
    public static final int CRC_SIZE = 4;

    public static final Layout LAYOUT = Layout.builder("frame_header",
                    "Starts every frame; all fields little-endian. The CRC-32 (IEEE 802.3, as java.util.zip.CRC32) of "
                            + "header and payload follows the payload.")
            .field("sync", U16, "0x4450, the bytes 'P','D'; a receiver hunts for it after garbage")
            .field("version", U8, "protocol version, 1; a frame of another version is not recognised")
            .field("type", U8, "what the payload is", MessageType.class)
            .field("flags", U16, "bit set of frame flags", FrameFlag.class)
            .field("length", U16, "payload bytes, at most 1400; a header claiming more is an oversize frame")
            .field("sequence", U32, "per stream and direction, +1 per frame modulo 2^32; a jump is a sequence gap")
            .build();

    public static final Field SYNC_FIELD = LAYOUT.field("sync");
    public static final Field VERSION_FIELD = LAYOUT.field("version");
    public static final Field TYPE = LAYOUT.field("type");
    public static final Field FLAGS = LAYOUT.field("flags");
    public static final Field LENGTH = LAYOUT.field("length");
    public static final Field SEQUENCE = LAYOUT.field("sequence");
    public static final int SIZE = LAYOUT.fixedSize();
    /** Header, largest payload and CRC: 1,416 bytes. */
    public static final int MAX_FRAME = SIZE + MAX_PAYLOAD + CRC_SIZE;

    private FrameHeader() {
    }
}
