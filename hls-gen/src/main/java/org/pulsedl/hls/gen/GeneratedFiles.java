package org.pulsedl.hls.gen;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.pulsedl.hls.accel.Estimates;
import org.pulsedl.hls.accel.LayerProgram;
import org.pulsedl.hls.verilog.Banner;
import org.pulsedl.quantizer.io.AtomicOutput;

/**
 * The result of one generation, in memory: every file's text by its path relative to the output folder (in a fixed
 * order), the layout that placed them, plus the compiled program and the estimates for printing.
 */
public record GeneratedFiles(Map<String, String> files, OutputLayout layout, LayerProgram program, Estimates estimates) {
    /** How much of a file's head is searched for the banner. */
    private static final int BANNER_SEARCH = 512;

    public GeneratedFiles {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        for (String f : files.keySet()) {
            if (layout.ownedParts().stream().noneMatch(p -> f.equals(p) || f.startsWith(p + "/"))) {
                throw new IllegalStateException(f + " lies outside the parts the " + layout.key() + " layout owns");
            }
        }
    }

    /**
     * Writes every file below {@code root} (UTF-8). Each part the layout owns ({@link OutputLayout#ownedParts}) is
     * built beside its place and all are swapped in together, so no file of an earlier generation survives in
     * them; everything else below {@code root} is left alone. Returns the paths written.
     *
     * @throws IllegalArgumentException before writing anything, when an owned folder holds a file that no
     *                                  generation wrote ({@link #checkReplaceable})
     */
    public List<Path> writeTo(Path root) throws IOException {
        checkReplaceable(root, layout);
        try (AtomicOutput.Batch b = AtomicOutput.batch()) {
            for (String part : layout.ownedParts()) {
                if (files.containsKey(part)) {
                    b.writeString(root.resolve(part), files.get(part));
                } else {
                    b.writeDirectory(root.resolve(part), dir -> writeBelow(part, dir));
                }
            }
            b.commit();
        }
        List<Path> written = new ArrayList<>();
        for (String f : files.keySet()) written.add(root.resolve(f));
        return written;
    }

    /**
     * Refuses a folder whose owned parts hold a file that carries no generated-file banner: replacing the part
     * whole would delete the user's file.
     */
    public static void checkReplaceable(Path root, OutputLayout layout) throws IOException {
        for (String part : layout.ownedParts()) {
            Path p = root.resolve(part);
            boolean file = part.equals(layout.estimates());
            if (!Files.exists(p)) continue;
            if (Files.isDirectory(p) == file) {
                throw new IllegalArgumentException(p + ": is a " + (file ? "folder" : "file") + " where generate writes a "
                        + (file ? "file" : "folder") + "; move it elsewhere or choose another --out");
            }
            List<Path> contents;
            try (Stream<Path> walk = Files.walk(p)) {
                contents = walk.filter(Files::isRegularFile)
                        .filter(f -> !AtomicOutput.isPartialName(f.getFileName().toString())).toList();
            }
            for (Path f : contents) {
                if (!isGenerated(f)) {
                    throw new IllegalArgumentException(f + ": not a generated file (no '" + Banner.GENERATED + "' banner), "
                            + "and generate replaces " + (file ? p : p + "/") + " whole; move the file elsewhere or choose another --out");
                }
            }
        }
    }

    private static boolean isGenerated(Path f) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(f)) {
            head = in.readNBytes(BANNER_SEARCH);
        }
        return new String(head, StandardCharsets.UTF_8).contains(Banner.GENERATED);
    }

    /** Fills {@code dir} (the partial of the owned folder {@code part}) with the files below {@code part}. */
    private void writeBelow(String part, Path dir) throws IOException {
        for (Map.Entry<String, String> e : files.entrySet()) {
            if (e.getKey().startsWith(part + "/")) {
                Path p = dir.resolve(e.getKey().substring(part.length() + 1));
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
            }
        }
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
