package org.pulsedl.daq.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.quantizer.data.Dataset;

/** The windows file matches the layout testbenches/soc/windows.cpp reads: header, then tag and int16 samples. */
class WindowsFileTest {
    @TempDir
    Path dir;

    @Test
    void oneWindowPerEventAndChannelTaggedWithTheChannel() throws IOException {
        short[][][] w = {{{1, -2, 3}, {4, 5, -32768}}, {{7, 8, 9}, {10, 11, 32767}}, {{0, 0, 0}, {0, 0, 0}}};
        Dataset d = new Dataset(w, List.of("t"), new double[][] {{0}, {0}, {0}}, Map.of());
        Path f = dir.resolve("w.bin");
        WindowsFile.write(d, 2, f);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[8];
        b.get(magic);
        assertEquals("PDLWIN1\0", new String(magic, StandardCharsets.US_ASCII));
        assertEquals(4, b.getInt());
        assertEquals(3, b.getInt());
        for (int e = 0; e < 2; e++) {
            for (int c = 0; c < 2; c++) {
                assertEquals(c, b.getInt());
                for (int i = 0; i < 3; i++) {
                    assertEquals(w[e][c][i], b.getShort());
                }
            }
        }
        assertEquals(0, b.remaining());
    }
}
