package org.pulsedl.daq.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pulsedl.daq.acq.AnalysisSummary;
import org.pulsedl.daq.acq.EventAnalysis;
import org.pulsedl.daq.listmode.ListModeReader;
import org.pulsedl.quantizer.cli.InputFiles;
import org.pulsedl.quantizer.io.AtomicOutput;
import org.pulsedl.quantizer.io.OutputPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pulsedl replay}: a list-mode file through the same analysis as a live run (issue 13). */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Read a list-mode file and run it through the analysis of pulsedl daq: channel time difference "
                + "(sigma, Gaussian fit, FWHM) and the energy line's resolution.",
                "A file whose writer was killed is read up to its last intact block, and the damage is reported."})
public final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A list-mode file written by pulsedl daq.")
    Path file;

    @Option(names = "--json", paramLabel = "SUMMARY", description = "Also write the summary as JSON.")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (json != null) OutputPaths.file("--json", json);
        PrintWriter out = spec.commandLine().getOut();
        try (ListModeReader reader = InputFiles.read(file, ListModeReader::open)) {
            EventAnalysis analysis = new EventAnalysis(reader.header());
            ListModeReader.Report report = reader.read(analysis::accept);
            AnalysisSummary s = analysis.summary();
            out.printf("%s: %,d results in %d blocks, model %s (CRC %08x)%n", file, report.records(), report.blocks(),
                    reader.header().model().name(), reader.header().modelCrc());
            if (report.damage() != null) out.println((report.closed() ? "note: " : "incomplete: ") + report.damage());
            if (report.missingFrames() > 0) out.printf("the link lost %d frames during the run (sequence gaps)%n", report.missingFrames());
            String a = s.describe();
            if (!a.isEmpty()) out.println(a);
            out.flush();
            if (json != null) {
                ObjectNode o = new ObjectMapper().createObjectNode();
                o.put("file", file.toString());
                o.put("events", report.records());
                o.put("blocks", report.blocks());
                o.put("complete", report.intact());
                o.put("closed", report.closed());
                if (report.damage() != null) o.put("damage", report.damage());
                o.put("missing_frames", report.missingFrames());
                o.put("model", reader.header().model().name());
                s.putInto(o);
                AtomicOutput.writeString(json, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n");
            }
        }
        return 0;
    }
}
