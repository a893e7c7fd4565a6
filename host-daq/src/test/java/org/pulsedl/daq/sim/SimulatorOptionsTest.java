package org.pulsedl.daq.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.daq.cli.PulsedlCommand;
import org.pulsedl.daq.cli.SimulatorOptions;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.data.DatasetIo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class SimulatorOptionsTest {
    @TempDir
    Path dir;

    @Command(name = "holder")
    static final class Holder {
        @Mixin
        SimulatorOptions options;
    }

    private static SimulatorConfig parse(String... args) {
        Holder h = new Holder();
        new CommandLine(h).parseArgs(args);
        return h.options.toConfig();
    }

    private static String error(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> parse(args)).getMessage();
    }

    @Test
    void defaultsArePdl2() {
        assertEquals(SimulatorConfig.pdl2(), parse());
    }

    @Test
    void everyOptionReachesTheConfig() throws Exception {
        Path spec = Files.writeString(dir.resolve("spec.csv"), "0.2,1\n0.4,3\n");
        SimulatorConfig c = parse("--shape", "dexp", "--rise-tau", "3", "--decay-tau", "40", "--sampling-rate", "250",
                "--adc-bits", "14", "--baseline", "0.1", "--samples", "64", "--onset", "10", "--channels", "3",
                "--offset", "0,1.5", "--offset", "-2", "--noise-sigma", "4.5", "--jitter", "0.1", "--channel-jitter", "0.05",
                "--amplitude-dist", "spectrum:" + spec + ":0.5", "--seed", "7");
        assertEquals(new DoubleExponentialShape(3, 40), c.shape());
        assertEquals(4.0, c.samplePeriodNs());
        assertEquals(16383, c.fullScaleCodes());
        assertEquals(0.1 * 16383, c.baselineCodes(), 1e-9);
        assertEquals(64, c.samples());
        assertEquals(10, c.onsetSample());
        assertEquals(List.of(0.0, 1.5, -2.0), c.channelOffsetsNs());
        assertEquals(4.5, c.noiseSigmaCodes());
        assertEquals(0.1, c.commonJitterNs());
        assertEquals(0.05, c.channelJitterNs());
        assertEquals("spectrum:spec.csv:0.5", c.amplitude().describe());
        assertEquals(7, c.seed());
        assertEquals(new CrRcShape(3, 10), parse("--crrc-order", "3", "--tau", "10").shape());
        assertEquals(30.0, parse("--snr", "30").targetSnrDb());
        assertEquals(0.25 * 4095, parse("--amplitude", "0.25").nominalAmplitudeCodes(), 1e-9);
        Path tpl = Files.writeString(dir.resolve("tpl.txt"), "0\n0.5\n1\n0.6\n0.3\n0.1\n0\n");
        assertEquals("template tpl.txt (7 points, step 4.0 ns)", parse("--template", tpl.toString(), "--template-step", "4").shape().describe());
    }

    @Test
    void conflictingOrIncompleteOptionsAreExplained() {
        assertEquals("give either --snr or --noise-sigma, not both", error("--snr", "40", "--noise-sigma", "3"));
        assertEquals("--offset has 1 value(s) for 2 channels; give one offset in ns per channel, e.g. --offset 0,1.5",
                error("--offset", "1"));
        assertEquals("--shape 'gauss': expected crrc, dexp or template", error("--shape", "gauss"));
        assertEquals("--shape template needs --template FILE", error("--shape", "template"));
        assertEquals("--template is only used with --shape template (got --shape dexp)", error("--shape", "dexp", "--template", "x"));
    }

    @Test
    void simulateWritesADatasetAndASummary() throws Exception {
        Path out = dir.resolve("sim.csv");
        StringWriter stdout = new StringWriter();
        CommandLine cl = PulsedlCommand.newCommandLine();
        cl.setOut(new PrintWriter(stdout));
        int rc = cl.execute("simulate", "--out", out.toString(), "--events", "300", "--offset", "0,1.5");
        assertEquals(0, rc, stdout.toString());
        Dataset d = DatasetIo.read(out);
        assertEquals(300, d.events());
        assertEquals(List.of("t_ch0_ns", "t_ch1_ns", "amplitude"), d.labelNames());
        assertEquals("pulsedl simulate", d.attributes().get("generator"));
        assertEquals(PulseSimulator.generate(SimulatorConfig.pdl2().withChannelOffsetsNs(List.of(0.0, 1.5)), 300).waveforms()[299][1][12],
                d.waveforms()[299][1][12]);
        String s = stdout.toString();
        assertTrue(s.contains("300 events x 2 channels x 32 samples") && s.contains("measured SNR"), s);
        StringWriter stderr = new StringWriter();
        cl.setErr(new PrintWriter(stderr));
        assertEquals(2, cl.execute("simulate", "--out", dir.resolve("x.txt").toString()));
        assertTrue(stderr.toString().contains("supported extensions"), stderr.toString());
    }
}
