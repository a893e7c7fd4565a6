package org.pulsedl.daq.acq;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.daq.emulator.EmulatorServer;
import org.pulsedl.daq.emulator.EmulatorSettings;
import org.pulsedl.daq.link.HostPort;
import org.pulsedl.daq.link.TcpTransport;
import org.pulsedl.daq.link.Transport;
import org.pulsedl.daq.link.UdpTransport;
import org.pulsedl.daq.listmode.ListModeHeader;
import org.pulsedl.daq.listmode.ListModeWriter;
import org.pulsedl.quantizer.qmodel.QuantizedModel;

/**
 * Benchmark (not a test; docs/performance.md, "Board emulator and acquisition"): the emulator and the DAQ in one JVM over 127.0.0.1, the DAQ
 * writing the list-mode file and running the live analysis as {@code pulsedl daq} does.
 * <ul>
 *   <li>{@code tcp SECONDS POOL THREADS}: unpaced TCP ingest, results/s with losses and sequence gaps (POOL 0 = every
 *       pulse simulated and run through the golden model afresh; N = N blocks computed once and repeated);</li>
 *   <li>{@code udp SECONDS POOL RATE…}: paced UDP at each event rate, the loss at each.</li>
 * </ul>
 */
public final class LinkBenchmark {
    public static void main(String[] args) throws Exception {
        String kind = args[0];
        double seconds = Double.parseDouble(args[1]);
        int pool = Integer.parseInt(args[2]);
        QuantizedModel model = NeuralModel.builtin().quantized();
        // Warm-up (JIT, pool) outside the measurement.
        run(true, EmulatorSettings.defaults().withPool(Math.max(pool, 1)), model, 3);
        System.out.println("--- warm-up done ---");
        if (kind.equals("tcp")) {
            int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
            EmulatorSettings s = EmulatorSettings.defaults().withThreads(threads).withPool(pool);
            System.out.println(run(true, s, model, seconds).describe());
        } else {
            for (int i = 3; i < args.length; i++) {
                double rate = Double.parseDouble(args[i]);
                EmulatorSettings s = EmulatorSettings.defaults().withPool(pool).withRate(rate, EmulatorSettings.defaults().arrival());
                DaqSummary d = run(false, s, model, seconds);
                long sent = d.board() == null ? 0 : d.board().results();
                System.out.printf(Locale.ROOT, "udp %,.0f events/s (%,.0f results/s offered): received %,d of %,d results, lost %d (%.3f %%), "
                                + "missing frames %d, seq gaps %d%n", rate, 2 * rate, d.events(), sent, d.lost(),
                        sent == 0 ? 0 : 100.0 * d.lost() / sent, d.link().missingFrames(), d.link().sequenceGaps());
            }
        }
    }

    private static DaqSummary run(boolean tcp, EmulatorSettings s, QuantizedModel model, double seconds) throws Exception {
        Path file = Files.createTempFile("pulsedl-linkbench", ".pdl");
        InetSocketAddress local = new InetSocketAddress("127.0.0.1", 0);
        try (EmulatorServer emu = tcp ? EmulatorServer.tcp(local, s, model, false) : EmulatorServer.udp(local, s, model, true)) {
            emu.start();
            InetSocketAddress at = HostPort.parse(emu.address());
            Transport t = tcp ? TcpTransport.connect(at, 5000) : UdpTransport.connect(at);
            try (DaqSession session = new DaqSession(t)) {
                PrintWriter quiet = new PrintWriter(new StringWriter());
                var info = DaqRun.prepare(session.client(), model, quiet);
                ListModeHeader header = DaqRun.header(model, info, session.name());
                try (ListModeWriter w = ListModeWriter.create(file, header)) {
                    session.acquisition().begin(w, new EventAnalysis(header));
                    return new DaqRun(session.client(), session.acquisition(), session::counters)
                            .run(new RunLimit(seconds, null), new PrintWriter(System.out, true), false);
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
