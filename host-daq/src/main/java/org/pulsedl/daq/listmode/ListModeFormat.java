package org.pulsedl.daq.listmode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.pulsedl.protocol.ResultBatch;

/**
 * The byte layout of a list-mode file (docs/listmode.md, normative there): a header, then blocks, each closed by
 * its own CRC-32, then an end block. Little-endian like the link (DESIGN §5); a record is laid out exactly as a
 * RESULT record on the wire.
 */
final class ListModeFormat {
    static final int VERSION = 1;
    /** First bytes of every list-mode file. */
    static final byte[] MAGIC = "PDL-LIST".getBytes(StandardCharsets.US_ASCII);
    /** Magic, version u16, reserved u16, header length u32. */
    static final int FILE_PREFIX = MAGIC.length + 8;
    /** Largest header JSON a reader accepts (the model's weights are in it). */
    static final int MAX_HEADER_BYTES = 64 << 20;
    /** "PDLB": a block of records; "PDLE": the end block a writer adds when it closes the file. */
    static final int DATA_BLOCK = 0x424C4450;
    static final int END_BLOCK = 0x454C4450;
    /** Block magic u32, index u32, record count u32, missing frames u32. */
    static final int BLOCK_HEADER = 16;
    static final int CRC = 4;
    /** Most records a reader accepts in one block (a corrupt count is caught before allocating). */
    static final int MAX_BLOCK_RECORDS = 1 << 20;

    private ListModeFormat() {}

    /** Bytes of one record with {@code outputs} outputs: the RESULT record of the link. */
    static int recordSize(int outputs) { return ResultBatch.recordSize(outputs); }

    static ByteBuffer le(int capacity) { return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN); }
}
