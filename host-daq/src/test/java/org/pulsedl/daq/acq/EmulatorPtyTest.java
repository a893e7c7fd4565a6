package org.pulsedl.daq.acq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.daq.emulator.Arrival;
import org.pulsedl.daq.emulator.EmulatorServer;
import org.pulsedl.daq.emulator.EmulatorSettings;
import org.pulsedl.daq.link.SerialTransport;
import org.pulsedl.daq.listmode.ListModeHeader;
import org.pulsedl.daq.listmode.ListModeWriter;
import org.pulsedl.daq.sim.SimulatorConfig;
import org.pulsedl.quantizer.qmodel.QuantizedModel;

/**
 * {@code emulate --pty}: the emulated board on one end of a real pty pair made by socat, the DAQ on the other end
 * as a serial port (jSerialComm), as with a board on a USB-serial cable. No result is lost and no sequence skips.
 */
class EmulatorPtyTest {
    @TempDir
    Path dir;

    @Test
    void theDaqReadsTheEmulatorThroughAPty() throws Exception {
        QuantizedModel model = NeuralModel.builtin().quantized();
        EmulatorSettings s = new EmulatorSettings(SimulatorConfig.pdl2(), 5_000, Arrival.POISSON, 128, 1);
        DaqSummary summary;
        try (EmulatorServer emu = EmulatorServer.pty(dir, 921_600, s, model, true)) {
            emu.start();
            try (DaqSession session = new DaqSession(SerialTransport.open(emu.address(), 921_600))) {
                StringWriter status = new StringWriter();
                var info = DaqRun.prepare(session.client(), model, new PrintWriter(status));
                ListModeHeader header = DaqRun.header(model, info, session.name());
                try (ListModeWriter w = ListModeWriter.create(dir.resolve("pty.pdl"), header)) {
                    session.acquisition().begin(w, new EventAnalysis(header));
                    summary = new DaqRun(session.client(), session.acquisition(), session::counters)
                            .run(new RunLimit(60.0, 3000L), new PrintWriter(status), false);
                }
            }
        }
        System.out.println("EmulatorPtyTest: " + summary.describe());
        assertTrue(summary.boardEnded());
        assertTrue(summary.events() >= 3000);
        assertEquals(summary.board().results(), summary.events());
        assertEquals(0, summary.link().sequenceGaps());
        assertEquals(0, summary.link().crcErrors());
    }
}
