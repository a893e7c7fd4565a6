package org.pulsedl.daq.gui;

import static org.pulsedl.daq.gui.GuiScreenshotChild.barPixels;
import static org.pulsedl.daq.gui.GuiScreenshotChild.onEdt;
import static org.pulsedl.daq.gui.GuiScreenshotChild.screenshot;
import static org.pulsedl.daq.gui.GuiScreenshotChild.total;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.quantizer.qmodel.QuantizedModel;

/**
 * The window side of {@link GuiSocXvfbTest}: the window connects to the simulated SoC's pty as the connect dialog's
 * "Simulated SoC" entry does ({@code soc:PTY}), acquires until {@code min} results arrived, and prints what the
 * test checks as {@code key=value} lines (the scope's traces as {@code trace_<channel>=<timestamp>:<samples>}). Arguments: output folder, settings folder, the pty, min results.
 */
public final class GuiSocChild {
    private GuiSocChild() {}

    public static void main(String[] args) {
        try {
            run(Path.of(args[0]), Path.of(args[1]), args[2], Long.parseLong(args[3]));
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);   // the window's threads would keep a failed run alive
        }
    }

    private static void run(Path out, Path settingsDir, String pty, long min) throws Exception {
        Files.createDirectories(out);
        Map<String, Object> result = new LinkedHashMap<>();
        QuantizedModel model = NeuralModel.builtin().quantized();
        MainWindow w = MainWindow.open(GuiSettings.load(settingsDir), model);
        Thread.sleep(1500);
        BufferedImage before = screenshot(w);
        result.put("before_energy_pixels", onEdt(() -> barPixels(before, w, w.spectrum().view().panel())));
        result.put("soc_entry_enabled", SimulatedSoc.unavailableReason() == null);

        long t0 = System.nanoTime();
        BoardConnection c = w.connect(ConnectTarget.parse("soc:" + pty)).get(300, TimeUnit.SECONDS);
        result.put("connected_as", c.target().text());
        LiveSnapshot snap;
        while ((snap = w.lastSnapshot()) == null || snap.status().records() < min) {
            if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(300)) {
                throw new IllegalStateException("fewer than " + min + " results within 300 s; last snapshot " + snap);
            }
            Thread.sleep(200);
        }
        result.put("seconds_to_results", (System.nanoTime() - t0) / 1e9);
        Thread.sleep(2 * LiveRefresher.PERIOD_MS + 200);   // the snapshot above is drawn
        BufferedImage after = screenshot(w);
        ImageIO.write(after, "png", out.resolve("gui-soc.png").toFile());
        result.put("energy_dataset_counts", onEdt(() -> total(w.spectrum().view().bars().getSeries(0))));
        result.put("energy_pixels", onEdt(() -> barPixels(after, w, w.spectrum().view().panel())));
        LiveSnapshot last = w.lastSnapshot();
        result.put("records", last.status().records());
        result.put("lost", last.status().lost());
        result.put("crc_errors", last.status().crcErrors());
        result.put("seq_gaps", last.status().sequenceGaps());
        result.put("pairs", last.pairs());
        result.put("scope_traces", last.traces().size());
        for (ScopeTrace t : last.traces()) {
            StringBuilder samples = new StringBuilder();
            for (short s : t.samples()) samples.append(samples.length() == 0 ? "" : ",").append(s);
            result.put("trace_" + t.channel(), t.timestamp() + ":" + samples);
        }
        SwingUtilities.invokeAndWait(() -> w.frame().dispose());
        w.awaitClosed();
        result.forEach((k, v) -> System.out.println(k + "=" + v));
        System.out.flush();
    }
}
