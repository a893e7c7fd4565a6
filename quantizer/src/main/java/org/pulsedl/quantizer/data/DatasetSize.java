package org.pulsedl.quantizer.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Estimates of what a dataset costs in memory and on disk, so that a size that cannot fit is refused up front
 * with the estimate (issue 8: {@code simulate --events 1000000000} ran 85 s, then died out of memory) and no
 * reader allocates from a size declared in an untrusted file before checking it.
 */
public final class DatasetSize {
    /** The environment variable the {@code ./pulsedl} launcher passes to {@code java} (e.g. {@code -Xmx16g}). */
    public static final String JAVA_OPTS_VARIABLE = "PULSEDL_JAVA_OPTS";
    /** How the user can give the JVM more memory. */
    public static final String HEAP_ADVICE = "raise the JVM's memory limit, e.g. " + JAVA_OPTS_VARIABLE + "=-Xmx16g ./pulsedl …";

    private DatasetSize() {}

    /**
     * Heap bytes of one event held as {@link Dataset} arrays ({@code short[channels][samples]} and a label row),
     * with 16-byte array headers, 4-byte references and 8-byte alignment, plus the references holding them.
     */
    public static long heapBytesPerEvent(int channels, int samples, int labels) {
        long channelRefs = align(16 + 4L * channels);
        long channelData = channels * align(16 + 2L * samples);
        long labelRow = align(16 + 8L * labels);
        return channelRefs + channelData + labelRow + 2 * 4;
    }

    /** Bytes of the raw content (int16 samples, float64 labels) of {@code events} events, as HDF5 stores it. */
    public static long contentBytes(long events, int channels, int samples, int labels) {
        return saturatingMultiply(events, 2L * channels * samples + 8L * labels);
    }

    /**
     * Null when {@code bytes} more can be allocated, else a description such as "needs about 184 GB of memory,
     * but the JVM may use at most 3.9 GB".
     */
    public static String heapShortfall(long bytes) {
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (bytes <= available) return null;
        return "needs about " + human(bytes) + " of memory, but the JVM may use at most " + human(available);
    }

    /**
     * Refuses a write of about {@code bytes} into {@code target}'s folder when its file system has less free
     * space (the previous file stays until the new one is complete, so the whole size must fit beside it).
     */
    public static void requireDiskSpace(Path target, long bytes, String how) throws IOException {
        Path folder = target.toAbsolutePath().normalize().getParent();
        if (folder == null || !Files.isDirectory(folder)) return; // the write itself reports a missing folder
        long free = Files.getFileStore(folder).getUsableSpace();
        if (bytes > free) {
            throw new IOException(target + ": the dataset needs about " + human(bytes) + " on disk (" + how + "), but only "
                    + human(free) + " is free in " + folder + "; write fewer events or free some space");
        }
    }

    /** A byte count for people: {@code 812 bytes}, {@code 3.9 GB}. */
    public static String human(long bytes) {
        if (bytes < 1000) return bytes + " bytes";
        String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
        double v = bytes;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }

    /** {@code a * b}, or {@link Long#MAX_VALUE} when that overflows (sizes from untrusted files). */
    public static long saturatingMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return (hi == 0 && lo >= 0) ? lo : Long.MAX_VALUE;
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }
}
