package org.pulsedl.daq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * TensorFlow's native log lines stay off the terminal unless {@code --verbose} (issue 10). The native library
 * logs to the process' own stderr, so a child JVM runs {@code pulsedl inspect} on the project's SavedModel the
 * way the launcher does: {@code TF_CPP_MIN_LOG_LEVEL=2} and stderr through {@code scripts/tf-log-filter}.
 */
class TensorFlowLogTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** TensorFlow's C++ log (date, level, source path) and absl's (level+date, thread, file:line]). */
    private static final Pattern TF_LOG = Pattern.compile(
            "(?m)^(\\d{4}-\\d\\d-\\d\\d [\\d:.]+: [IWE] |[IWE]\\d{4} [\\d:.]+ +\\d+ \\S+:\\d+\\] |WARNING: All log messages before absl)");

    @Test
    @Timeout(120)
    void noTensorFlowLinesUnlessVerbose(@TempDir Path dir) throws Exception {
        String plain = stderr(dir, "2", false);
        assertTrue(TF_LOG.matcher(plain).find(), "the check must see TensorFlow's lines without the filter:\n" + plain);
        String filtered = stderr(dir, "2", true);
        assertFalse(TF_LOG.matcher(filtered).find(), "TensorFlow log lines on stderr:\n" + filtered);
    }

    @Test
    void verboseIsAcceptedBeforeOrAfterTheCommand() {
        String model = ROOT.resolve("models/pdl2/model.qmodel").toString();
        CliRun.of("--verbose", "inspect", model).assertSuccess();
        CliRun.of("inspect", model, "--verbose").assertSuccess();
    }

    /** stderr of {@code pulsedl inspect models/pdl2/saved_model} in a child JVM, optionally through the filter. */
    private static String stderr(Path dir, String level, boolean filter) throws IOException, InterruptedException {
        Path err = dir.resolve("err-" + filter + ".txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cmd = "'" + java + "' -cp \"$CP\" org.pulsedl.daq.cli.PulsedlCommand inspect '"
                + ROOT.resolve("models/pdl2/saved_model") + "' 2> " + (filter ? ">('" + ROOT.resolve("scripts/tf-log-filter")
                + "' > '" + err + "')" : "'" + err + "'") + " > /dev/null; wait";
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("bash.txt").toFile());
        pb.environment().put("CP", System.getProperty("java.class.path"));
        pb.environment().put("TF_CPP_MIN_LOG_LEVEL", level);
        Process p = pb.start();
        assertTrue(p.waitFor(100, TimeUnit.SECONDS), "child did not finish");
        assertEquals(List.of(), Files.readAllLines(dir.resolve("bash.txt")));
        Thread.sleep(200); // the filter may still be writing after the JVM's exit
        return Files.readString(err, StandardCharsets.UTF_8);
    }
}
