package org.pulsedl.daq.cpu;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the CPU's sources live: {@code rtl/cpu} (the core) and {@code testbenches/cpu} (the Verilator harness and the
 * test programs) of the pulsedl tree. Found from {@code -Dpulsedl.root}, {@code $PULSEDL_ROOT}, or by walking up
 * from the running jar or classes folder.
 */
public final class CpuSources {
    static final String CORE = "rtl/cpu/rv32_core.v";

    private CpuSources() {}

    /** The pulsedl tree holding the CPU sources. */
    public static Path root() throws IOException {
        String explicit = System.getProperty("pulsedl.root", System.getenv("PULSEDL_ROOT"));
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit).toAbsolutePath();
            if (!Files.isRegularFile(p.resolve(CORE))) {
                throw new IOException("the pulsedl tree " + p + " (pulsedl.root / PULSEDL_ROOT) has no " + CORE);
            }
            return p;
        }
        Path here;
        try {
            here = Path.of(CpuSources.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            here = Path.of("").toAbsolutePath();
        }
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(CORE))) {
                return p;
            }
        }
        throw new IOException("cannot find the CPU sources (" + CORE + ") above " + here
                + "; run from a pulsedl checkout or set PULSEDL_ROOT");
    }

    /** The core's Verilog files, sorted. */
    public static List<Path> verilog(Path root) throws IOException {
        return list(root.resolve("rtl/cpu"), ".v");
    }

    /** The harness's C++ sources and headers, sorted. */
    public static List<Path> harness(Path root) throws IOException {
        return cxx(root.resolve("testbenches/cpu"));
    }

    /**
     * The SoC's Verilog: rtl/soc, the core, and the generated accelerator, register files and memory-map include
     * (rtl/generated, *.v and *.vh), sorted.
     */
    public static List<Path> socVerilog(Path root) throws IOException {
        List<Path> all = new ArrayList<>(list(root.resolve("rtl/soc"), ".v"));
        all.addAll(verilog(root));
        all.addAll(list(root.resolve("rtl/generated"), ".v"));
        all.addAll(list(root.resolve("rtl/generated"), ".vh"));
        return all;
    }

    /** The SoC harness (testbenches/soc: C++, headers, the Verilator configuration) and the CPU harness's ELF reader. */
    public static List<Path> socHarness(Path root) throws IOException {
        List<Path> all = new ArrayList<>(cxx(root.resolve("testbenches/soc")));
        all.addAll(list(root.resolve("testbenches/soc"), ".vlt"));
        all.add(root.resolve("testbenches/cpu/elf32.cpp"));
        all.add(root.resolve("testbenches/cpu/elf32.h"));
        return all;
    }

    private static List<Path> cxx(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".cpp") || p.toString().endsWith(".h")).sorted().toList();
        }
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
