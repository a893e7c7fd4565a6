package org.pulsedl.daq.cpu;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pulsedl.quantizer.data.Dataset;

/**
 * The file the SoC harness reads for {@code --windows} (testbenches/soc/windows.h; docs/soc.md "Windows file"):
 * {@code "PDLWIN1\0"}, u32 window count, u32 samples per window, then per window a u32 tag and the samples as int16,
 * little-endian. A dataset becomes one window per event and channel, in event order, tagged with the channel.
 */
public final class WindowsFile {
    static final byte[] MAGIC = "PDLWIN1\0".getBytes(StandardCharsets.US_ASCII);

    private WindowsFile() {}

    /** Writes the first {@code events} events of {@code dataset} (all of them when larger). */
    public static void write(Dataset dataset, int events, Path file) throws IOException {
        int n = Math.min(events, dataset.events());
        int channels = dataset.channels();
        int samples = dataset.samples();
        try (OutputStream out = Files.newOutputStream(file)) {
            ByteBuffer head = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            head.put(MAGIC).putInt(n * channels).putInt(samples);
            out.write(head.array());
            ByteBuffer w = ByteBuffer.allocate(4 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
            for (int e = 0; e < n; e++) {
                for (int c = 0; c < channels; c++) {
                    w.clear();
                    w.putInt(c);
                    for (short s : dataset.waveform(e, c)) {
                        w.putShort(s);
                    }
                    out.write(w.array());
                }
            }
        }
    }
}
