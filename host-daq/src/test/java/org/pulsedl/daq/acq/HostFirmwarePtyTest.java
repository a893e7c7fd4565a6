package org.pulsedl.daq.acq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.daq.firmware.FirmwareBuild;
import org.pulsedl.daq.link.SerialTransport;
import org.pulsedl.daq.listmode.ListModeHeader;
import org.pulsedl.daq.listmode.ListModeWriter;
import org.pulsedl.protocol.ConfigKey;
import org.pulsedl.protocol.ConfigMessage;
import org.pulsedl.protocol.ConfigOperation;
import org.pulsedl.protocol.InfoMessage;
import org.pulsedl.protocol.MessageType;
import org.pulsedl.quantizer.qmodel.QuantizedModel;

/**
 * The firmware's host build behind a real pty (socat runs it, the DAQ opens the pty as a serial port through
 * jSerialComm): the unchanged DAQ run (START, RESULT frames into a list-mode file, STOP, final STATS) takes every
 * record the board sent, with no sequence gap and no CRC error.
 */
@Timeout(120)
class HostFirmwarePtyTest {
    @TempDir
    Path dir;

    @Test
    void theDaqRecordsTheFirmwareThroughAPty() throws Exception {
        Path binary = FirmwareBuild.host();
        Path link = dir.resolve("board");
        Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + link, "EXEC:" + binary)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            for (int i = 0; i < 500 && !Files.exists(link); i++) Thread.sleep(10);
            assertTrue(Files.exists(link), "socat made the pty " + link);
            QuantizedModel model = NeuralModel.builtin().quantized();
            DaqSummary summary;
            try (DaqSession session = new DaqSession(SerialTransport.open(link.toString(), 921_600))) {
                InfoMessage info = session.client().info();
                session.client().command(MessageType.CONFIG, new ConfigMessage(ConfigOperation.SET,
                        List.of(new ConfigMessage.Entry(ConfigKey.PULSE_RATE_HZ, 5000))).encode());
                ListModeHeader header = DaqRun.header(model, info, session.name());
                try (ListModeWriter w = ListModeWriter.create(dir.resolve("fw.pdl"), header)) {
                    session.acquisition().begin(w, new EventAnalysis(header));
                    summary = new DaqRun(session.client(), session.acquisition(), session::counters)
                            .run(new RunLimit(60.0, 3000L), new PrintWriter(new StringWriter()), false);
                }
            }
            System.out.println("HostFirmwarePtyTest: " + summary.describe());
            assertTrue(summary.boardEnded(), "the final STATS arrived");
            assertTrue(summary.events() >= 3000);
            assertEquals(summary.board().results(), summary.events(), "every record the board sent was recorded");
            assertEquals(0, summary.link().sequenceGaps());
            assertEquals(0, summary.link().crcErrors());
        } finally {
            socat.destroy();
            if (!socat.waitFor(5, TimeUnit.SECONDS)) socat.destroyForcibly();
        }
    }
}
