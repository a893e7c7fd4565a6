package org.pulsedl.daq.gui;

import java.awt.Color;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import org.jfree.chart.ChartPanel;
import org.jfree.data.xy.XYSeries;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.daq.emulator.Arrival;
import org.pulsedl.daq.emulator.EmulatorServer;
import org.pulsedl.daq.emulator.EmulatorSettings;
import org.pulsedl.daq.sim.SimulatorConfig;
import org.pulsedl.quantizer.qmodel.QuantizedModel;

/**
 * The GUI side of {@link GuiXvfbTest}, in a JVM of its own on the test's X display (AWT reads DISPLAY once, at
 * start-up): an emulated board on a real TCP socket on 127.0.0.1, the window connected to it as a user would,
 * events flowing until both fits are up, then a screenshot from the X server (java.awt.Robot) and the numbers
 * the test checks, as {@code key=value} lines on stdout.
 * Arguments: output folder, settings folder, seed, events per second, the emulator's pool of precomputed blocks
 * (0: every pulse computed afresh; more makes a high rate affordable on a small machine), and the seconds to keep
 * streaming after the fits are up while the event thread's latency is measured (the GUI benchmark); optionally a
 * connect target (e.g. {@code tcp:127.0.0.1:5000}: a {@code pulsedl emulate} in another process) instead of the
 * emulator in this process.
 */
public final class GuiScreenshotChild {
    private GuiScreenshotChild() {}

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);   // the window's threads would keep a failed run alive
        }
    }

    private static void run(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path settingsDir = Path.of(args[1]);
        long seed = Long.parseLong(args[2]);
        double rate = Double.parseDouble(args[3]);
        int pool = Integer.parseInt(args[4]);
        double holdSeconds = Double.parseDouble(args[5]);
        Files.createDirectories(out);
        Map<String, Object> result = new LinkedHashMap<>();
        QuantizedModel model = NeuralModel.builtin().quantized();
        EmulatorSettings s = new EmulatorSettings(SimulatorConfig.pdl2().withSeed(seed), rate, Arrival.POISSON, 256, 1, pool);
        try (EmulatorServer emu = EmulatorServer.tcp(new InetSocketAddress("127.0.0.1", 0), s, model, true)) {
            emu.start();
            GuiSettings settings = GuiSettings.load(settingsDir);
            settings.put(GuiSettings.WAVEFORM_PRESCALE, "50");
            MainWindow w = MainWindow.open(settings, model);
            Thread.sleep(1500);
            BufferedImage before = screenshot(w);
            result.put("before_dt_pixels", onEdt(() -> barPixels(before, w, w.deltaT().view().panel())));
            result.put("before_energy_pixels", onEdt(() -> barPixels(before, w, w.spectrum().view().panel())));

            long t0 = System.nanoTime();
            ConnectTarget target = ConnectTarget.parse(args.length > 6 ? args[6] : "tcp:" + emu.address());
            w.connect(target).get(60, TimeUnit.SECONDS);
            LiveSnapshot snap;
            while (true) {
                snap = w.lastSnapshot();
                if (snap != null && snap.deltaTFit() != null && snap.line() != null && snap.pairs() >= 5000
                        && snap.traces().stream().anyMatch(t -> !Double.isNaN(t.markerNs()))) break;
                if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(90)) {
                    throw new IllegalStateException("no fitted histograms within 90 s; last snapshot " + snap);
                }
                Thread.sleep(100);
            }
            result.put("seconds_to_fits", (System.nanoTime() - t0) / 1e9);
            if (holdSeconds > 0) {
                EdtLatencyProbe probe = new EdtLatencyProbe(20, 1 << 16);   // every sample of the hold
                long r0 = w.lastSnapshot().status().records(), h0 = System.nanoTime();
                long edtThread = onEdt(() -> Thread.currentThread().getId());
                var mx = java.lang.management.ManagementFactory.getThreadMXBean();
                long cpu0 = mx.getThreadCpuTime(edtThread), drawn0 = w.refreshCounts()[1];
                Thread.sleep((long) (holdSeconds * 1000));
                long cpu = mx.getThreadCpuTime(edtThread) - cpu0, drawn = w.refreshCounts()[1] - drawn0;
                result.put("hold_edt_cpu_ms_per_refresh", cpu / 1e6 / Math.max(1, drawn));
                result.put("hold_edt_cpu_share", cpu / (double) (System.nanoTime() - h0));
                LiveSnapshot h = w.lastSnapshot();
                double[] lat = probe.percentilesMs();
                probe.close();
                result.put("hold_results_per_s", (h.status().records() - r0) / ((System.nanoTime() - h0) / 1e9));
                result.put("hold_edt_samples", probe.count());
                result.put("hold_edt_p50_ms", lat[0]);
                result.put("hold_edt_p99_ms", lat[1]);
                result.put("hold_edt_max_ms", lat[2]);
                result.put("hold_refreshes_offered_drawn", java.util.Arrays.toString(w.refreshCounts()).replace(" ", ""));
            }
            Thread.sleep(2 * LiveRefresher.PERIOD_MS + 200);   // the snapshot above is drawn
            BufferedImage after = screenshot(w);
            ImageIO.write(after, "png", out.resolve("gui.png").toFile());
            result.put("dt_dataset_counts", onEdt(() -> total(w.deltaT().view().bars().getSeries(0))));
            result.put("energy_dataset_counts", onEdt(() -> total(w.spectrum().view().bars().getSeries(0))));
            result.put("scope_series", onEdt(() -> w.scope().traces().getSeriesCount()));
            result.put("scope_markers", onEdt(() -> w.scope().chart().getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND) == null
                    ? 0 : w.scope().chart().getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size()));
            result.put("dt_pixels", onEdt(() -> barPixels(after, w, w.deltaT().view().panel())));
            result.put("energy_pixels", onEdt(() -> barPixels(after, w, w.spectrum().view().panel())));
            LiveSnapshot last = w.lastSnapshot();
            result.put("pairs", last.pairs());
            result.put("dt_sigma_ps", last.deltaTFit().sigma());
            result.put("resolution_pct", last.line().fwhmPct());
            result.put("records", last.status().records());
            result.put("lost", last.status().lost());
            result.put("crc_errors", last.status().crcErrors());
            result.put("seq_gaps", last.status().sequenceGaps());
            List<Path> pngs = onEdt(() -> {
                try {
                    return w.exportPngs(out.resolve("plots"));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            result.put("exported", pngs.size());
            SwingUtilities.invokeAndWait(() -> w.frame().dispose());
            w.awaitClosed();
        }
        result.put("settings_saved", Files.isRegularFile(settingsDir.resolve(GuiSettings.FILE)));
        result.forEach((k, v) -> System.out.println(k + "=" + v));
        System.out.flush();
    }

    static BufferedImage screenshot(MainWindow w) throws Exception {
        Rectangle r = onEdt(() -> new Rectangle(w.frame().getLocationOnScreen(), w.frame().getSize()));
        return new Robot().createScreenCapture(r);
    }

    /** Pixels of the histograms' bar colour inside the chart's data area, in a screenshot of the whole frame. */
    static int barPixels(BufferedImage shot, MainWindow w, ChartPanel panel) {
        Rectangle2D area = panel.getScreenDataArea();
        Point frame = w.frame().getLocationOnScreen();
        Point p = panel.getLocationOnScreen();
        int x0 = (int) Math.ceil(p.x - frame.x + area.getX()), y0 = (int) Math.ceil(p.y - frame.y + area.getY());
        int x1 = (int) (p.x - frame.x + area.getMaxX()), y1 = (int) (p.y - frame.y + area.getMaxY());
        int n = 0;
        Color bar = PlotColors.BARS;
        for (int y = Math.max(0, y0); y < Math.min(shot.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(shot.getWidth(), x1); x++) {
                int rgb = shot.getRGB(x, y);
                int dr = ((rgb >> 16) & 0xFF) - bar.getRed(), dg = ((rgb >> 8) & 0xFF) - bar.getGreen(), db = (rgb & 0xFF) - bar.getBlue();
                if (dr * dr + dg * dg + db * db < 200) n++;
            }
        }
        return n;
    }

    static long total(XYSeries s) {
        long n = 0;
        for (int i = 0; i < s.getItemCount(); i++) n += s.getY(i).longValue();
        return n;
    }

    static <T> T onEdt(java.util.concurrent.Callable<T> c) throws Exception {
        Object[] r = {null};
        Exception[] e = {null};
        SwingUtilities.invokeAndWait(() -> {
            try {
                r[0] = c.call();
            } catch (Exception x) {
                e[0] = x;
            }
        });
        if (e[0] != null) throw e[0];
        @SuppressWarnings("unchecked") T t = (T) r[0];
        return t;
    }
}
