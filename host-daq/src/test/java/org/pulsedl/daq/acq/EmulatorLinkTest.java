package org.pulsedl.daq.acq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.daq.emulator.Arrival;
import org.pulsedl.daq.emulator.EmulatorServer;
import org.pulsedl.daq.emulator.EmulatorSettings;
import org.pulsedl.daq.emulator.EmulatorWindows;
import org.pulsedl.daq.link.HostPort;
import org.pulsedl.daq.link.TcpTransport;
import org.pulsedl.daq.link.Transport;
import org.pulsedl.daq.link.UdpTransport;
import org.pulsedl.daq.listmode.ListModeHeader;
import org.pulsedl.daq.listmode.ListModeReader;
import org.pulsedl.daq.listmode.ListModeWriter;
import org.pulsedl.daq.sim.SimulatorConfig;
import org.pulsedl.quantizer.golden.GoldenModel;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.testing.TestSeed;

/**
 * Issue 13: the emulator and the DAQ over a real socket on 127.0.0.1, TCP and UDP. Every result that reaches the
 * list-mode file is checked bit for bit against the reference golden model on the window the emulator simulated,
 * none is lost (the board's final STATS against what arrived) and the link's sequence numbers have no gap.
 */
class EmulatorLinkTest {
    static final long RESULTS = 12_000;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "udp"})
    void everyResultArrivesBitExact(String kind) throws Exception {
        long seed = TestSeed.of("EmulatorLinkTest", 4242);
        QuantizedModel model = NeuralModel.builtin().quantized();
        // TCP unpaced (the link's flow control paces it); UDP paced at 20 k events/s, well below where loss begins.
        boolean tcp = kind.equals("tcp");
        EmulatorSettings s = new EmulatorSettings(SimulatorConfig.pdl2().withSeed(seed), 20_000, Arrival.POISSON, 256, 2);
        InetSocketAddress local = new InetSocketAddress("127.0.0.1", 0);
        Path file = dir.resolve(kind + ".pdl");
        DaqSummary summary;
        try (EmulatorServer emu = tcp ? EmulatorServer.tcp(local, s, model, false) : EmulatorServer.udp(local, s, model, true)) {
            emu.start();
            InetSocketAddress at = HostPort.parse(emu.address());
            Transport t = tcp ? TcpTransport.connect(at, 5000) : UdpTransport.connect(at);
            try (DaqSession session = new DaqSession(t)) {
                StringWriter status = new StringWriter();
                var info = DaqRun.prepare(session.client(), model, new PrintWriter(status));
                ListModeHeader header = DaqRun.header(model, info, session.name());
                try (ListModeWriter w = ListModeWriter.create(file, header)) {
                    session.acquisition().begin(w, new EventAnalysis(header));
                    summary = new DaqRun(session.client(), session.acquisition(), session::counters)
                            .run(new RunLimit(120.0, RESULTS), new PrintWriter(status), false);
                }
            }
        }
        System.out.println("EmulatorLinkTest " + kind + ": " + summary.describe());
        assertTrue(summary.boardEnded(), "the board's final STATS arrived");
        assertEquals(summary.board().results(), summary.events(), "lost: every result the board sent arrived");
        assertEquals(0, summary.lost());
        assertEquals(0, summary.link().sequenceGaps(), "no sequence gap");
        assertEquals(0, summary.link().crcErrors());
        assertTrue(summary.events() >= RESULTS);

        GoldenModel reference = new GoldenModel(model);
        int perBlock = s.blockEvents() * s.sim().channels();
        long[] index = {0};
        short[][][][] windows = {null};
        ListModeReader.Report report;
        try (ListModeReader r = ListModeReader.open(file)) {
            report = r.read(b -> {
                for (int i = 0; i < b.size(); i++, index[0]++) {
                    long j = index[0];
                    if (j % perBlock == 0) windows[0] = EmulatorWindows.block(s.sim(), j / perBlock, s.blockEvents());
                    long[] out = new long[b.outputCount()];
                    for (int k = 0; k < out.length; k++) out[k] = b.output(i, k);
                    assertArrayEquals(reference.runFromAdc(windows[0][(int) (j % perBlock)]), out, kind + " record " + j);
                    assertEquals((int) (j % 2), b.channels()[i], "record " + j + " channel");
                }
            });
        }
        assertTrue(report.intact(), report.toString());
        assertEquals(summary.events(), report.records(), "the file holds every result that arrived");
        assertTrue(summary.analysis().timing() != null && summary.analysis().timing().pairs() == summary.events() / 2);
    }
}
