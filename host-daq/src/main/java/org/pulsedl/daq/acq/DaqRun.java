package org.pulsedl.daq.acq;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import org.pulsedl.daq.listmode.ListModeHeader;
import org.pulsedl.daq.listmode.ListModeWriter;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.protocol.InfoMessage;
import org.pulsedl.protocol.LinkCounters;
import org.pulsedl.protocol.MessageType;
import org.pulsedl.protocol.StatsMessage;
import org.pulsedl.quantizer.qmodel.QModelFormat;
import org.pulsedl.quantizer.qmodel.QuantizedModel;

/**
 * One headless acquisition (issue 13 "Acquisition and list mode"): asks the board what it is, loads the model
 * when the board runs another, starts it, records every RESULT into the list-mode file while a status line shows
 * rates and losses, stops it, waits for its final STATS and accounts for every record: received, or counted lost.
 */
public final class DaqRun {
    /** How long the board may take to send its last frames after STOP. */
    public static final long FINAL_STATS_MS = 10_000;

    private final BoardClient client;
    private final Acquisition acquisition;
    private final Supplier<LinkCounters> link;
    private final Supplier<String> linkEnded;

    public DaqRun(BoardClient client, Acquisition acquisition, Supplier<LinkCounters> link) {
        this(client, acquisition, link, () -> null);
    }

    /**
     * A run that ends early when {@code linkEnded} gives a reason (a {@link DaqSession}'s {@code linkEnded}: the
     * board went away): what arrived stays recorded, and the summary says why the run ended.
     */
    public DaqRun(BoardClient client, Acquisition acquisition, Supplier<LinkCounters> link, Supplier<String> linkEnded) {
        this.client = client;
        this.acquisition = acquisition;
        this.link = link;
        this.linkEnded = linkEnded;
    }

    /** The board's INFO, checked against {@code model}; loads the model onto the board when its CRC differs. */
    public static InfoMessage prepare(BoardClient client, QuantizedModel model, PrintWriter status) throws IOException, InterruptedException {
        InfoMessage info = client.info();
        if (info.windowSamples() != model.inputShape().size()) {
            throw new IllegalArgumentException("the board's windows are " + info.windowSamples() + " samples, model '" + model.name()
                    + "' takes " + model.inputShape().size());
        }
        byte[] image = imageFor(info, model);
        CRC32 c = new CRC32();
        c.update(image);
        long crc = c.getValue();
        if (info.modelCrc() != crc) {
            status.printf(Locale.ROOT, "loading model '%s' onto the board (it runs CRC %08x, the model is %08x)%n", model.name(), info.modelCrc(), crc);
            status.flush();
            client.loadModel(image);
            info = client.info();
        }
        if (info.outputCount() != model.outputShape().size()) {
            throw new IllegalArgumentException("the board sends " + info.outputCount() + " outputs per result, model '" + model.name()
                    + "' has " + model.outputShape().size());
        }
        return info;
    }

    /**
     * The MODEL_LOAD image of {@code model} for the board that answered {@code info}: the SoC board (and the
     * firmware's host build) takes the accelerator's memory images ({@link SocModelImage}, compiled for the shipped accelerator configuration), the
     * emulator the {@code .qmodel} text. INFO's model CRC is the CRC-32 of the image the board runs.
     */
    public static byte[] imageFor(InfoMessage info, QuantizedModel model) {
        return SocModelImage.takesImage(info) ? SocModelImage.of(model, AcceleratorConfig.artix7Default())
                : BoardClient.imageOf(QModelFormat.toJson(model));
    }

    /** The list-mode header of a run on a board that answered {@code info}. */
    public static ListModeHeader header(QuantizedModel model, InfoMessage info, String source) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("source", source);
        settings.put("adc_clock_hz", Long.toString(info.adcClockHz()));
        settings.put("adc_bits", Integer.toString(info.adcBits()));
        settings.put("window_samples", Integer.toString(info.windowSamples()));
        settings.put("board_id", String.format("%08x", info.boardId()));
        settings.put("firmware_version", Long.toString(info.firmwareVersion()));
        return new ListModeHeader(model, 1e9 / info.adcClockHz(), info.channels(), settings);
    }

    /** Runs until {@code limit}, then stops the board and returns the accounting. */
    public DaqSummary run(RunLimit limit, PrintWriter status, boolean terminal) throws IOException, InterruptedException {
        client.command(MessageType.START);
        long t0 = System.nanoTime();
        long lastRecords = 0;
        long lastNanos = t0;
        long nextPrint = t0;
        double elapsed;
        String lostLink;
        while (true) {
            Thread.sleep(50);
            long now = System.nanoTime();
            elapsed = (now - t0) / 1e9;
            acquisition.noteMissingFrames(link.get().missingFrames());
            acquisition.flush();
            if (acquisition.writeFailure() != null) throw acquisition.writeFailure();
            if (now >= nextPrint) {
                long r = acquisition.records();
                double rate = (r - lastRecords) / ((now - lastNanos) / 1e9);
                statusLine(status, terminal, elapsed, r, rate);
                lastRecords = r;
                lastNanos = now;
                nextPrint = now + (terminal ? 500_000_000L : 2_000_000_000L);
            }
            lostLink = linkEnded.get();
            if (lostLink != null || limit.reached(elapsed, acquisition.records())) break;
        }
        acquisition.stopping();
        boolean ended = false;
        if (lostLink == null) {
            try {
                client.command(MessageType.STOP);
                ended = acquisition.awaitFinalStats(FINAL_STATS_MS);
            } catch (IOException e) {
                lostLink = e.getMessage();   // a UDP board that died answers nothing: account for the run all the same
            }
        }
        double duration = (System.nanoTime() - t0) / 1e9;
        acquisition.noteMissingFrames(link.get().missingFrames());
        acquisition.flush();
        if (terminal) status.println();
        StatsMessage board = acquisition.lastStats();
        return new DaqSummary(acquisition.records(), board, ended, link.get(), acquisition.badPayloads(), duration,
                acquisition.summary(), lostLink);
    }

    private void statusLine(PrintWriter status, boolean terminal, double elapsed, long records, double rate) {
        LinkCounters c = link.get();
        StatsMessage b = acquisition.lastStats();
        long lost = b == null ? 0 : Math.max(0, b.results() - records);
        String line = String.format(Locale.ROOT, "%7.1f s  %,12d results  %9.0f /s  lost %d  crc errors %d  seq gaps %d",
                elapsed, records, rate, lost, c.crcErrors(), c.sequenceGaps());
        if (terminal) {
            status.print("\r" + line);
        } else {
            status.println(line);
        }
        status.flush();
    }
}
