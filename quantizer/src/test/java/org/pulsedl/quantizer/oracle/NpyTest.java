package org.pulsedl.quantizer.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    @TempDir
    Path dir;

    /** Writes a .npy the way NumPy does: magic, version, little-endian header length, padded dict, data. */
    private Path write(int major, String descr, String shape, byte[] payload) throws IOException {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + shape + "), }";
        int prefix = 6 + 2 + (major == 1 ? 2 : 4);
        int total = (prefix + dict.length() + 1 + 63) / 64 * 64;
        String header = dict + " ".repeat(total - prefix - dict.length() - 1) + "\n";
        ByteBuffer b = ByteBuffer.allocate(total + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            b.putShort((short) header.length());
        } else {
            b.putInt(header.length());
        }
        b.put(header.getBytes(StandardCharsets.ISO_8859_1)).put(payload);
        Path f = dir.resolve(descr.substring(1) + "_v" + major + ".npy");
        Files.write(f, b.array());
        return f;
    }

    private static byte[] le(int bytes, java.util.function.Consumer<ByteBuffer> fill) {
        ByteBuffer b = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        fill.accept(b);
        return b.array();
    }

    @Test
    void readsFloat32MatrixV1() throws IOException {
        Npy a = Npy.read(write(1, "<f4", "2, 3", le(24, b -> {
            for (int i = 0; i < 6; i++) {
                b.putFloat(i * 0.5f - 1);
            }
        })));
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertTrue(a.isFloat());
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.5, 1, 1.5}, a.toDoubles());
        assertArrayEquals(new double[] {0.5, 1, 1.5}, a.row(1));
    }

    @Test
    void readsIntegerTypesAndV2Headers() throws IOException {
        assertArrayEquals(new long[] {-128, 127}, Npy.read(write(2, "|i1", "2,", new byte[] {-128, 127})).toLongs());
        assertArrayEquals(new long[] {-32768, 5}, Npy.read(write(1, "<i2", "2,",
                le(4, b -> b.putShort((short) -32768).putShort((short) 5)))).toLongs());
        assertArrayEquals(new long[] {Integer.MIN_VALUE}, Npy.read(write(1, "<i4", "1,",
                le(4, b -> b.putInt(Integer.MIN_VALUE)))).toLongs());
        assertArrayEquals(new long[] {1L << 40}, Npy.read(write(2, "<i8", "1,", le(8, b -> b.putLong(1L << 40)))).toLongs());
        assertArrayEquals(new double[] {Math.PI}, Npy.read(write(1, "<f8", "", le(8, b -> b.putDouble(Math.PI)))).toDoubles());
    }

    @Test
    void refusesWrongSizesAndTypes() throws IOException {
        IOException e = assertThrows(IOException.class, () -> Npy.read(write(1, "<f4", "3,", new byte[8])));
        assertTrue(e.getMessage().contains("need 12 bytes, the file holds 8"), e.getMessage());
        e = assertThrows(IOException.class, () -> Npy.read(write(1, ">f4", "1,", new byte[4])));
        assertTrue(e.getMessage().contains("unsupported dtype '>f4'"), e.getMessage());
        Path junk = dir.resolve("junk.npy");
        Files.writeString(junk, "not numpy at all");
        e = assertThrows(IOException.class, () -> Npy.read(junk));
        assertEquals("'" + junk + "' is not a .npy file (bad magic)", e.getMessage());
    }
}
