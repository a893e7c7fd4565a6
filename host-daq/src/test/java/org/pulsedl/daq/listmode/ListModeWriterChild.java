package org.pulsedl.daq.listmode;

import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The writer of {@link ListModeKillTest}, run in its own JVM: writes {@link Records} into a list-mode file of
 * {@code BLOCK}-record blocks forever, and after each block reached the file, appends "block N" to a progress
 * file (a second file, so the parent can read it after the kill), until it is killed.
 */
public final class ListModeWriterChild {
    static final int BLOCK = 1000;

    public static void main(String[] args) throws Exception {
        ListModeWriter w = ListModeWriter.create(Path.of(args[0]), Records.header(), BLOCK, Long.MAX_VALUE);
        long next = 0;
        long blocks = 0;
        FileOutputStream progress = new FileOutputStream(args[1], true);
        while (true) {
            // 300 records per call: blocks fill across calls, so a block is often half collected when the kill comes.
            w.add(Records.batch(next, 300));
            next += 300;
            if (w.blocksWritten() > blocks) {
                blocks = w.blocksWritten();
                progress.write(("block " + blocks + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            if (blocks >= 20) Thread.sleep(1);
        }
    }
}
