package org.pulsedl.quantizer.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import org.pulsedl.daq.bench.BenchmarkJson;
import org.pulsedl.daq.cli.PulsedlCommand;
import org.pulsedl.quantizer.qmodel.QModelFormat;
import org.pulsedl.quantizer.train.FloatModelFile;
import org.pulsedl.quantizer.train.SavedModelExport;
import org.pulsedl.quantizer.train.TrainingOutput;

/**
 * The writers {@link InterruptedWriteTest} interrupts, each through its real code path, and the child process
 * that runs one of them with {@link AtomicOutput#interruptionPoint} set: it announces the partial on stdout
 * ({@link #MARK}) and waits there to be killed.
 */
public final class WriterChild {
    static final String MARK = "PARTIAL ";
    /** A child that was not killed gives up after this long (the test's own waits are shorter). */
    private static final long GIVE_UP_MS = 120_000;

    private WriterChild() {}

    /** args: writer kind, target, shipped model folder (models/pdl2). */
    public static void main(String[] args) throws Exception {
        AtomicOutput.interruptionPoint = partial -> {
            System.out.println(MARK + partial);
            System.out.flush();
            try {
                Thread.sleep(GIVE_UP_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(3);
        };
        int code = write(args[0], Path.of(args[1]), Path.of(args[2]));
        System.exit(code);
    }

    /** Runs writer {@code kind} on {@code target}; returns its exit code (0 for library writers). */
    static int write(String kind, Path target, Path shipped) throws Exception {
        switch (kind) {
            case "bench-json" -> BenchmarkJson.write(target, bigReport());
            case "qmodel" -> QModelFormat.write(QModelFormat.read(shipped.resolve("model.qmodel")), target);
            case "float-model" -> FloatModelFile.read(shipped.resolve("float-model.json")).write(target);
            case "trace-png" -> {
                return PulsedlCommand.newCommandLine().execute("trace", "--model", shipped.toString(), "-n", "5", "--png",
                        target.toString());
            }
            case "generate" -> {
                return PulsedlCommand.newCommandLine().execute("generate", "--model", shipped.resolve("model.qmodel").toString(),
                        "--out", target.toString());
            }
            case "training" -> {
                FloatModelFile f = FloatModelFile.read(shipped.resolve("float-model.json"));
                new TrainingOutput(QModelFormat.read(shipped.resolve("model.qmodel")), f,
                        FloatModelFile.read(shipped.resolve("qat-float-model.json")), null, f.adc(),
                        Map.of("format", "pulsedl-training-history", "note", "written by InterruptedWriteTest")).write(target);
            }
            case "saved-model" -> {
                FloatModelFile f = FloatModelFile.read(shipped.resolve("float-model.json"));
                SavedModelExport.export(f.model(), f.adc(), target);
            }
            default -> throw new IllegalArgumentException("unknown writer " + kind);
        }
        return 0;
    }

    /** A benchmark report of about 8 MB, so the interruption lands well inside the stream. */
    private static ObjectNode bigReport() {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.putObject("benchmark").put("name", "interrupted");
        ArrayNode methods = root.putArray("methods");
        for (int i = 0; i < 100_000; i++) {
            methods.addObject().put("name", "m" + i).put("sigma_dt_ps", 60.0 + i * 1e-3).put("n_events", 20_000);
        }
        return root;
    }
}
