package org.pulsedl.hls.gen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pulsedl.hls.accel.Estimates;
import org.pulsedl.hls.accel.LayerProgram;

/**
 * The result of one generation, in memory: every file's text by its path relative to the output folder (in a fixed
 * order), plus the compiled program and the estimates for printing.
 */
public record GeneratedFiles(Map<String, String> files, LayerProgram program, Estimates estimates) {
    public GeneratedFiles {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** Writes every file below {@code root} (UTF-8, creating folders); returns the paths written. */
    public List<Path> writeTo(Path root) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path p = root.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
            written.add(p);
        }
        return written;
    }

    /**
     * How the files below {@code root} differ from these: one line per missing or different file (with the first
     * different line), empty when every file is byte-identical.
     */
    public List<String> differences(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path p = root.resolve(e.getKey());
            if (!Files.isRegularFile(p)) {
                out.add(e.getKey() + ": missing");
                continue;
            }
            String have = Files.readString(p, StandardCharsets.UTF_8);
            if (!have.equals(e.getValue())) {
                out.add(e.getKey() + ": differs " + firstDifference(have, e.getValue()));
            }
        }
        return out;
    }

    static String firstDifference(String have, String want) {
        String[] a = have.split("\n", -1);
        String[] b = want.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<end of file>";
            String y = i < b.length ? b[i] : "<end of file>";
            if (!x.equals(y)) {
                return "at line " + (i + 1) + ": committed '" + clip(x) + "', generated '" + clip(y) + "'";
            }
        }
        return "(line endings)";
    }

    private static String clip(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "..." : s;
    }
}
