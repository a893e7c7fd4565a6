package org.pulsedl.quantizer.io;

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
        assertTrue(e.getMessage().contains("need 12 bytes of data, the file holds 8 (truncated)"), e.getMessage());
        e = assertThrows(IOException.class, () -> Npy.read(write(1, ">f4", "1,", new byte[4])));
        assertTrue(e.getMessage().contains("dtype '>f4' is not supported") && e.getMessage().contains("big-endian"),
                e.getMessage());
        Path junk = dir.resolve("junk.npy");
        Files.writeString(junk, "not numpy at all");
        e = assertThrows(IOException.class, () -> Npy.read(junk));
        assertEquals("'" + junk + "' is not a .npy file (it does not start with \\x93NUMPY)", e.getMessage());
    }

    @Test
    void refusesFortranOrderObjectsSurplusAndAbsurdShapes() throws IOException {
        Path fortran = write(1, "<f4", "2,", new byte[8]);
        byte[] b = Files.readAllBytes(fortran);
        Files.write(fortran, new String(b, StandardCharsets.ISO_8859_1).replace("False", "True ")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertRefused(fortran, "Fortran order");
        assertRefused(write(1, "|O", "1,", new byte[8]), "dtype '|O' is not supported");
        assertRefused(write(1, "<i2", "1,", new byte[4]), "surplus bytes");
        assertRefused(write(1, "<i2", "3,", new byte[4]), "(truncated)");
        assertRefused(write(1, "<f8", "100000, 100000, 100000", new byte[8]), "needs more bytes than the file holds");
        assertRefused(write(1, "<f8", "-1,", new byte[8]), "damaged .npy header");
        Path cut = write(2, "<i4", "1,", new byte[4]);
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(cut), 12));
        assertRefused(cut, "damaged .npy header");
    }

    private static void assertRefused(Path file, String fragment) {
        IOException e = assertThrows(IOException.class, () -> Npy.read(file));
        assertTrue(e.getMessage().startsWith("'" + file + "'") && e.getMessage().contains(fragment), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void writesWhatItReads() throws IOException {
        Path i8 = dir.resolve("a.npy");
        Npy.writeIntegers(i8, "|i1", new int[] {2, 2, 1}, new long[] {-128, 0, 5, 127});
        Npy a = Npy.read(i8);
        assertEquals("|i1", a.dtype());
        assertArrayEquals(new int[] {2, 2, 1}, a.shape());
        assertArrayEquals(new long[] {-128, 0, 5, 127}, a.toLongs());
        assertEquals(0, (Files.size(i8) - 4) % 64, "header padded to 64 bytes as NumPy does");
        for (String d : new String[] {"<i2", "<i4", "<i8"}) {
            Npy.writeIntegers(i8, d, new int[] {3}, new long[] {-7, 0, 9});
            assertArrayEquals(new long[] {-7, 0, 9}, Npy.read(i8).toLongs(), d);
        }
        Npy.writeFloats(i8, "<f4", new int[] {1, 2}, new double[] {0.1, -2});
        assertArrayEquals(new double[] {0.1f, -2}, Npy.read(i8).toDoubles());
        Npy.writeFloats(i8, "<f8", new int[] {}, new double[] {Math.E});
        assertArrayEquals(new double[] {Math.E}, Npy.read(i8).toDoubles());
        assertThrows(IllegalArgumentException.class, () -> Npy.writeIntegers(i8, "|i1", new int[] {1}, new long[] {128}));
    }
}
