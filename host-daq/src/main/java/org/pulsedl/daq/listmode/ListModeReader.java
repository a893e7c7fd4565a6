package org.pulsedl.daq.listmode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.pulsedl.protocol.ResultBatch;

/**
 * Reads a list-mode file block by block (docs/listmode.md). A damaged header is refused with one line naming the
 * file. A damaged or cut-off block ends the reading there: every block before it is delivered, and
 * {@link Report#damage()} says exactly what was found where — the expected result of a writer killed mid-run.
 */
public final class ListModeReader implements AutoCloseable {
    /** Receives each intact block's records, in file order. */
    @FunctionalInterface
    public interface BlockListener {
        void onBlock(ResultBatch records) throws IOException;
    }

    /**
     * What the reading found.
     *
     * @param blocks        intact data blocks delivered
     * @param records       records in them
     * @param missingFrames link frames the writer noted as lost (sequence gaps) over those blocks
     * @param closed        true when the end block was found: the writer closed the file normally
     * @param damage        null, or one sentence: where the reading stopped and why
     */
    public record Report(long blocks, long records, long missingFrames, boolean closed, String damage) {
        public boolean intact() { return closed && damage == null; }
    }

    private final Path file;
    private final FileChannel in;
    private final ListModeHeader header;
    private final long dataStart;

    private ListModeReader(Path file, FileChannel in, ListModeHeader header, long dataStart) {
        this.file = file;
        this.in = in;
        this.header = header;
        this.dataStart = dataStart;
    }

    /** Opens {@code file} and checks its header. */
    public static ListModeReader open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            String name = file.toString();
            ByteBuffer prefix = ListModeFormat.le(ListModeFormat.FILE_PREFIX);
            if (readFully(ch, prefix, 0) < prefix.capacity()
                    || !Arrays.equals(Arrays.copyOf(prefix.array(), ListModeFormat.MAGIC.length), ListModeFormat.MAGIC)) {
                throw new IllegalArgumentException("'" + name + "' is not a pulsedl list-mode file (it does not start with "
                        + new String(ListModeFormat.MAGIC, java.nio.charset.StandardCharsets.US_ASCII) + ")");
            }
            int version = prefix.getShort(8) & 0xFFFF;
            if (version != ListModeFormat.VERSION) {
                throw new IllegalArgumentException("list-mode file '" + name + "' has format version " + version
                        + "; this pulsedl reads version " + ListModeFormat.VERSION);
            }
            long jsonLength = prefix.getInt(12) & 0xFFFF_FFFFL;
            if (jsonLength > ListModeFormat.MAX_HEADER_BYTES || ListModeFormat.FILE_PREFIX + jsonLength + ListModeFormat.CRC > ch.size()) {
                throw new IllegalArgumentException("list-mode file '" + name + "': the header is damaged or cut off (it claims "
                        + jsonLength + " bytes, the file has " + ch.size() + ")");
            }
            ByteBuffer rest = ListModeFormat.le((int) jsonLength + ListModeFormat.CRC);
            readFully(ch, rest, ListModeFormat.FILE_PREFIX);
            CRC32 c = new CRC32();
            c.update(prefix.array());
            c.update(rest.array(), 0, (int) jsonLength);
            if ((int) c.getValue() != rest.getInt((int) jsonLength)) {
                throw new IllegalArgumentException("list-mode file '" + name + "': the header fails its CRC check (the file is damaged)");
            }
            ListModeHeader header = ListModeHeader.fromJson(Arrays.copyOf(rest.array(), (int) jsonLength), name);
            return new ListModeReader(file, ch, header, ListModeFormat.FILE_PREFIX + jsonLength + ListModeFormat.CRC);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    public ListModeHeader header() { return header; }

    /** Delivers every intact block to {@code listener} and reports where and why the reading stopped. */
    public Report read(BlockListener listener) throws IOException {
        int k = header.outputCount();
        int recordSize = ListModeFormat.recordSize(k);
        ByteBuffer head = ListModeFormat.le(ListModeFormat.BLOCK_HEADER);
        CRC32 crc = new CRC32();
        long at = dataStart;
        long size = in.size();
        long blocks = 0, records = 0, missing = 0;
        while (true) {
            if (at == size) {
                return new Report(blocks, records, missing, false, "the file ends after "
                        + (blocks == 0 ? "its header" : "block " + (blocks - 1)) + " without its end block: the writer did not close it (killed or still writing); every block is intact");
            }
            head.clear();
            int got = readFully(in, head, at);
            String where = "block " + blocks + " at byte " + at;
            if (got < ListModeFormat.BLOCK_HEADER) {
                return new Report(blocks, records, missing, false, where + " is cut off (" + got + " of at least "
                        + (ListModeFormat.BLOCK_HEADER + ListModeFormat.CRC) + " bytes): the writer stopped inside it; the "
                        + blocks + " blocks before it are intact");
            }
            int magic = head.getInt(0);
            long count = head.getInt(8) & 0xFFFF_FFFFL;
            if (magic != ListModeFormat.DATA_BLOCK && magic != ListModeFormat.END_BLOCK
                    || (head.getInt(4) & 0xFFFF_FFFFL) != blocks || count > ListModeFormat.MAX_BLOCK_RECORDS) {
                return new Report(blocks, records, missing, false, where + " is damaged (its header is not a block header); "
                        + "the " + blocks + " blocks before it are intact");
            }
            int length = ListModeFormat.BLOCK_HEADER + (int) count * recordSize + ListModeFormat.CRC;
            ByteBuffer body = ListModeFormat.le(length);
            got = readFully(in, body, at);
            if (got < length) {
                return new Report(blocks, records, missing, false, where + " is cut off (" + got + " of " + length
                        + " bytes): the writer stopped inside it; the " + blocks + " blocks before it are intact");
            }
            crc.reset();
            crc.update(body.array(), 0, length - ListModeFormat.CRC);
            if ((int) crc.getValue() != body.getInt(length - ListModeFormat.CRC)) {
                return new Report(blocks, records, missing, false, where + " fails its CRC check (damaged); the " + blocks
                        + " blocks before it are intact");
            }
            if (magic == ListModeFormat.END_BLOCK) {
                String trailing = at + length < size ? (size - at - length) + " bytes after the end block are ignored" : null;
                return new Report(blocks, records, missing, true, trailing);
            }
            listener.onBlock(decode(body, (int) count, k));
            blocks++;
            records += count;
            missing += body.getInt(12) & 0xFFFF_FFFFL;
            at += length;
        }
    }

    private static ResultBatch decode(ByteBuffer b, int n, int k) {
        long[] ts = new long[n];
        int[] ch = new int[n];
        int[] fl = new int[n];
        int[] out = new int[n * k];
        b.position(ListModeFormat.BLOCK_HEADER);
        for (int i = 0; i < n; i++) {
            ts[i] = b.getLong();
            ch[i] = b.get() & 0xFF;
            fl[i] = b.get() & 0xFF;
            b.getShort();
            for (int j = 0; j < k; j++) out[i * k + j] = b.getInt();
        }
        return new ResultBatch(k, ts, ch, fl, out);
    }

    public Path file() { return file; }

    @Override
    public void close() throws IOException { in.close(); }

    private static int readFully(FileChannel ch, ByteBuffer b, long position) throws IOException {
        int total = 0;
        while (b.hasRemaining()) {
            int n = ch.read(b, position + total);
            if (n < 0) break;
            total += n;
        }
        return total;
    }
}
