package org.pulsedl.daq.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pulsedl.daq.acq.Acquisition;
import org.pulsedl.daq.acq.BoardClient;
import org.pulsedl.daq.acq.EventAnalysis;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.daq.listmode.ListModeHeader;
import org.pulsedl.daq.sim.SimulatorConfig;
import org.pulsedl.protocol.ConfigKey;
import org.pulsedl.protocol.ConfigMessage;
import org.pulsedl.protocol.ConfigOperation;
import org.pulsedl.protocol.FrameDecoder;
import org.pulsedl.protocol.MessageType;
import org.pulsedl.protocol.ModelLoadMessage;
import org.pulsedl.protocol.ModelLoadPhase;
import org.pulsedl.protocol.EventFlag;
import org.pulsedl.protocol.ResultBatch;
import org.pulsedl.protocol.WaveformMessage;
import org.pulsedl.quantizer.golden.GoldenModel;
import org.pulsedl.quantizer.qmodel.QModelFormat;
import org.pulsedl.quantizer.qmodel.QuantizedModel;

/**
 * The emulated board's side of the protocol, host and board joined by an in-memory byte pipe through the real
 * encoder and decoder (the sockets are exercised by {@code EmulatorLinkTest}): MODEL_LOAD with its refusals,
 * CONFIG, START/STOP with a final STATS that accounts for every record.
 */
class BoardConversationTest {
    private final QuantizedModel shipped = shippedModel();
    private final List<ResultBatch> received = new ArrayList<>();
    private final List<WaveformMessage> waveforms = new ArrayList<>();
    private EmulatedBoard board;
    private BoardClient client;
    private Acquisition acquisition;

    private static QuantizedModel shippedModel() {
        try {
            return NeuralModel.builtin().quantized();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void connect(EmulatorSettings s) {
        FrameDecoder[] toHost = new FrameDecoder[1];
        FrameDecoder[] toBoard = new FrameDecoder[1];
        board = new EmulatedBoard(s, shipped, false, (b, off, len) -> { synchronized (toHost) { toHost[0].feed(b, off, len); } });
        client = BoardClient.over((b, off, len) -> { synchronized (toBoard) { toBoard[0].feed(b, off, len); } });
        ListModeHeader header = new ListModeHeader(shipped, s.tickNs(), s.sim().channels(), Map.of());
        acquisition = new Acquisition(client);
        acquisition.begin(null, new EventAnalysis(header));
        toHost[0] = new FrameDecoder(f -> {
            if (f.messageType() == MessageType.RESULT) received.add(ResultBatch.decode(f.payload()));
            if (f.messageType() == MessageType.WAVEFORM) waveforms.add(WaveformMessage.decode(f.payload()));
            acquisition.onFrame(f);
        });
        toBoard[0] = new FrameDecoder(board);
    }

    @AfterEach
    void close() throws Exception {
        if (board != null) board.close();
    }

    private static EmulatorSettings settings() {
        return new EmulatorSettings(SimulatorConfig.pdl2().withSeed(99), 1e5, Arrival.POISSON, 64, 1);
    }

    @Test
    void aFailedModelLoadKeepsTheRunningModel() throws Exception {
        connect(settings());
        long crc = client.info().modelCrc();
        assertEquals(ListModeHeader.crcOf(QModelFormat.toJson(shipped)), crc, "INFO names the running model by its CRC");

        QuantizedModel renamed = new QuantizedModel("pdl2-renamed", shipped.inputShape(), shipped.input(), shipped.inputStage(),
                shipped.layers(), shipped.rounding(), shipped.mBits(), shipped.outputs(), shipped.metadata());
        byte[] image = BoardClient.imageOf(QModelFormat.toJson(renamed));
        byte[] corrupt = image.clone();
        corrupt[corrupt.length / 2] ^= 1;
        // The image's CRC is announced for the intact bytes, the chunks carry one flipped bit.
        long announced = ListModeHeader.crcOf(new String(image, StandardCharsets.UTF_8));
        client.command(MessageType.MODEL_LOAD, new ModelLoadMessage(ModelLoadPhase.BEGIN, 0, 0, image.length, announced, new byte[0]).encode());
        client.command(MessageType.MODEL_LOAD, new ModelLoadMessage(ModelLoadPhase.CHUNK, 0, 0, image.length, announced,
                java.util.Arrays.copyOf(corrupt, ModelLoadMessage.MAX_CHUNK)).encode());
        IllegalStateException outOfOrder = assertThrows(IllegalStateException.class, () -> client.command(MessageType.MODEL_LOAD,
                new ModelLoadMessage(ModelLoadPhase.CHUNK, 5, 0, image.length, announced, new byte[10]).encode()));
        assertTrue(outOfOrder.getMessage().contains("chunk index or offset"), outOfOrder.getMessage());
        IllegalStateException early = assertThrows(IllegalStateException.class, () -> client.command(MessageType.MODEL_LOAD,
                new ModelLoadMessage(ModelLoadPhase.COMMIT, 0, 0, image.length, announced, new byte[0]).encode()));
        assertTrue(early.getMessage().contains("not allowed now"), early.getMessage());
        assertEquals(crc, client.info().modelCrc(), "a refused COMMIT leaves the running model");

        IllegalStateException badCrc = assertThrows(IllegalStateException.class, () -> loadWithWrongCrc(image));
        assertTrue(badCrc.getMessage().contains("CRC-32 differs"), badCrc.getMessage());
        assertEquals(crc, client.info().modelCrc(), "a CRC mismatch leaves the running model");

        IllegalStateException notAModel = assertThrows(IllegalStateException.class,
                () -> client.loadModel("{\"format\": \"something else\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(notAModel.getMessage().contains("not a model this board can run"), notAModel.getMessage());
        assertEquals(crc, client.info().modelCrc());

        client.loadModel(image);
        long loaded = client.info().modelCrc();
        assertNotEquals(crc, loaded);
        assertEquals(announced, loaded, "the new model runs");
    }

    private void loadWithWrongCrc(byte[] image) throws Exception {
        long wrong = ListModeHeader.crcOf("not the image");
        client.command(MessageType.MODEL_LOAD, new ModelLoadMessage(ModelLoadPhase.BEGIN, 0, 0, image.length, wrong, new byte[0]).encode());
        for (int off = 0, i = 0; off < image.length; off += ModelLoadMessage.MAX_CHUNK, i++) {
            byte[] chunk = java.util.Arrays.copyOfRange(image, off, Math.min(image.length, off + ModelLoadMessage.MAX_CHUNK));
            client.command(MessageType.MODEL_LOAD, new ModelLoadMessage(ModelLoadPhase.CHUNK, i, off, image.length, wrong, chunk).encode());
        }
        client.command(MessageType.MODEL_LOAD, new ModelLoadMessage(ModelLoadPhase.COMMIT, 0, 0, image.length, wrong, new byte[0]).encode());
    }

    @Test
    void configIsCheckedAndTakesEffectAtStart() throws Exception {
        connect(settings());
        IllegalStateException bad = assertThrows(IllegalStateException.class, () -> client.command(MessageType.CONFIG,
                new ConfigMessage(ConfigOperation.SET, List.of(new ConfigMessage.Entry(ConfigKey.PULSE_MODE, 7))).encode()));
        assertTrue(bad.getMessage().contains("out of range"), bad.getMessage());
        client.command(MessageType.CONFIG, new ConfigMessage(ConfigOperation.SET, List.of(
                new ConfigMessage.Entry(ConfigKey.PULSE_MODE, 0), new ConfigMessage.Entry(ConfigKey.PULSE_RATE_HZ, 1_000_000),
                new ConfigMessage.Entry(ConfigKey.CHANNEL_MASK, 0b10))).encode());
        acquire(3000);
        for (ResultBatch b : received) {
            for (int i = 0; i < b.size(); i++) {
                assertEquals(1, b.channels()[i], "channel 0 is masked off");
                assertEquals(0, b.timestamps()[i] % 125, "a 1 MHz pulser on the 125 MHz clock");
            }
        }
    }

    /** WAVEFORM_PRESCALE 10: every 10th event's windows follow its results, flagged, with the simulated samples. */
    @Test
    void waveformsOfEveryNthEvent() throws Exception {
        EmulatorSettings s = settings();
        connect(s);
        client.command(MessageType.CONFIG, new ConfigMessage(ConfigOperation.SET,
                List.of(new ConfigMessage.Entry(ConfigKey.WAVEFORM_PRESCALE, 10))).encode());
        acquire(1000);
        long flagged = 0;
        for (ResultBatch b : received) {
            for (int i = 0; i < b.size(); i++) if ((b.flags()[i] & EventFlag.WAVEFORM_SENT.mask()) != 0) flagged++;
        }
        assertEquals(flagged, waveforms.size(), "one WAVEFORM per flagged result");
        assertEquals(acquisition.lastStats().waveforms(), waveforms.size());
        assertTrue(waveforms.size() >= 2 * 1000 / 20);
        short[][][] block0 = EmulatorWindows.block(s.sim(), 0, s.blockEvents());
        assertArrayEquals(block0[0][0], waveforms.get(0).samples(), "event 0, channel 0");
        assertArrayEquals(block0[21][0], waveforms.get(3).samples(), "event 10, channel 1");
        assertEquals(received.get(0).timestamps()[20], waveforms.get(2).timestamp());
    }

    @Test
    void startStopAccountsForEveryRecordBitExact() throws Exception {
        EmulatorSettings s = settings();
        connect(s);
        acquire(5000);
        assertEquals(acquisition.lastStats().results(), acquisition.records(), "the final STATS counts what arrived");
        GoldenModel reference = new GoldenModel(shipped);
        int perBlock = s.blockEvents() * s.sim().channels();
        long index = 0;
        short[][][] windows = null;
        for (ResultBatch b : received) {
            for (int i = 0; i < b.size(); i++, index++) {
                if (index % perBlock == 0) windows = EmulatorWindows.block(s.sim(), index / perBlock, s.blockEvents());
                long[] out = new long[b.outputCount()];
                for (int k = 0; k < out.length; k++) out[k] = b.output(i, k);
                assertArrayEquals(reference.runFromAdc(windows[(int) (index % perBlock)]), out, "record " + index);
            }
        }
        assertTrue(index >= 3000);
    }

    private void acquire(long records) throws Exception {
        client.command(MessageType.START);
        long end = System.nanoTime() + 60_000_000_000L;
        while (acquisition.records() < records && System.nanoTime() < end) Thread.sleep(5);
        acquisition.stopping();
        client.command(MessageType.STOP);
        assertTrue(acquisition.awaitFinalStats(10_000), "the board sends STATS after STOP");
    }
}
