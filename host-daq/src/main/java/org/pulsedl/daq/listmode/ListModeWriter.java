package org.pulsedl.daq.listmode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;
import org.pulsedl.protocol.ResultBatch;

/**
 * Writes a list-mode file as the data arrive. Records collect in a block; a block is written with one
 * {@code write} (and so reaches the operating system whole) when it is full or older than the flush interval.
 * A process killed at any moment therefore loses at most the block it was collecting, and every block before it
 * is intact and CRC-checked (docs/listmode.md §4). Not thread-safe.
 *
 * <p>Unlike the project's other outputs (docs/outputs.md) the file is written in place, not renamed into place
 * at the end: a recording must survive a crash of the writer with what it had flushed.
 */
public final class ListModeWriter implements AutoCloseable {
    public static final int DEFAULT_BLOCK_RECORDS = 4096;
    public static final long DEFAULT_FLUSH_NANOS = 200_000_000L;

    private final FileChannel out;
    private final int outputs;
    private final int recordSize;
    private final int blockRecords;
    private final long flushNanos;
    private final ByteBuffer block;
    private final CRC32 crc = new CRC32();
    private int pending;
    private long pendingMissing;
    private long oldestPending;
    private long blocks;
    private long records;

    private ListModeWriter(FileChannel out, ListModeHeader header, int blockRecords, long flushNanos) {
        this.out = out;
        this.outputs = header.outputCount();
        this.recordSize = ListModeFormat.recordSize(outputs);
        this.blockRecords = blockRecords;
        this.flushNanos = flushNanos;
        this.block = ListModeFormat.le(ListModeFormat.BLOCK_HEADER + blockRecords * recordSize + ListModeFormat.CRC);
        block.position(ListModeFormat.BLOCK_HEADER);
    }

    /** Creates (or replaces) {@code file} and writes its header. */
    public static ListModeWriter create(Path file, ListModeHeader header) throws IOException {
        return create(file, header, DEFAULT_BLOCK_RECORDS, DEFAULT_FLUSH_NANOS);
    }

    public static ListModeWriter create(Path file, ListModeHeader header, int blockRecords, long flushNanos) throws IOException {
        if (blockRecords < 1 || blockRecords > ListModeFormat.MAX_BLOCK_RECORDS) {
            throw new IllegalArgumentException("block size must be 1.." + ListModeFormat.MAX_BLOCK_RECORDS + " records, got " + blockRecords);
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        try {
            byte[] json = header.toJson();
            ByteBuffer head = ListModeFormat.le(ListModeFormat.FILE_PREFIX + json.length + ListModeFormat.CRC);
            head.put(ListModeFormat.MAGIC).putShort((short) ListModeFormat.VERSION).putShort((short) 0).putInt(json.length).put(json);
            CRC32 c = new CRC32();
            c.update(head.array(), 0, head.position());
            head.putInt((int) c.getValue()).flip();
            writeFully(ch, head);
            return new ListModeWriter(ch, header, blockRecords, flushNanos);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Appends every record of {@code batch} (its outputs must match the header's). */
    public void add(ResultBatch batch) throws IOException {
        if (batch.outputCount() != outputs) {
            throw new IllegalArgumentException("records of " + batch.outputCount() + " outputs do not fit a file of " + outputs + "-output records");
        }
        for (int i = 0; i < batch.size(); i++) {
            if (pending == 0) oldestPending = System.nanoTime();
            block.putLong(batch.timestamps()[i]).put((byte) batch.channels()[i]).put((byte) batch.flags()[i]).putShort((short) 0);
            for (int k = 0; k < outputs; k++) block.putInt(batch.output(i, k));
            if (++pending == blockRecords) flush();
        }
        if (pending > 0 && System.nanoTime() - oldestPending >= flushNanos) flush();
    }

    /** Notes {@code n} link frames lost before the records that follow (stored with the next block). */
    public void addMissingFrames(long n) { pendingMissing += n; }

    /** Writes the records collected so far as one block (nothing when there are none). */
    public void flush() throws IOException {
        if (pending == 0 && pendingMissing == 0) return;
        writeBlock(ListModeFormat.DATA_BLOCK);
    }

    private void writeBlock(int magic) throws IOException {
        block.putInt(0, magic).putInt(4, (int) blocks).putInt(8, pending).putInt(12, (int) Math.min(pendingMissing, 0xFFFF_FFFFL));
        crc.reset();
        crc.update(block.array(), 0, block.position());
        block.putInt((int) crc.getValue()).flip();
        writeFully(out, block);
        blocks++;
        records += pending;
        pending = 0;
        pendingMissing = 0;
        block.clear().position(ListModeFormat.BLOCK_HEADER);
    }

    public long records() { return records + pending; }

    public long blocksWritten() { return blocks; }

    /** Flushes, writes the end block and closes the file. */
    @Override
    public void close() throws IOException {
        try {
            flush();
            writeBlock(ListModeFormat.END_BLOCK);
        } finally {
            out.close();
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) ch.write(b);
    }
}
