package org.pulsedl.hls.rtl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.verilog.VerilogFile;

/**
 * The proof behind the simulation clock gates of the array's units (docs/accelerator.md, "Simulation clock gate"):
 * from <b>any</b> state, after {@code k} clock edges with the same inputs and the unit's state-enabling inputs low
 * (for the PE {@link ProcessingElementRtl#STATE_ENABLES}), a further edge changes no flip-flop and no memory word of
 * the unit. The gate stops the unit's clock only after more such edges than {@code k}, so a stopped edge is one that
 * would have changed nothing.
 *
 * <p>Yosys 0.23 flattens the generated unit (with its submodules) and maps it to an and-inverter graph with
 * every memory word a latch ({@code memory_map}), written as ASCII AIGER with names. This class then unrolls the graph
 * itself: frame 0's latches are free variables (any state), the inputs are one set of free variables shared by all
 * frames (held constant), the enabling inputs are the constant 0, and every frame's AND gates go through one
 * structural hash table with constant folding. When every latch's next-state literal equals its current one, the
 * two are the same function of the initial state and the inputs — for every initial state and every input value — so
 * that frame is {@code k}. Identical literals are sufficient, not necessary: the check can fail to prove a true
 * property, never prove a false one.
 */
final class QuiescenceProof {
    /** Outcome: edges until the fixed point ({@code -1}: none within the limit), graph size, the latch that still moves. */
    record Result(int settleEdges, int latches, int ands, String moving, double seconds) {
        boolean settled() {
            return settleEdges >= 0;
        }
    }

    private final AcceleratorConfig cfg;
    private final Path dir;
    private final String unit;
    private final List<String> below;

    /** The unit {@code unit} ({@code "pe"}, {@code "program"}: the generator's short names) with {@code below}. */
    QuiescenceProof(AcceleratorConfig cfg, Path dir, String unit, String... below) {
        this.cfg = cfg;
        this.dir = dir;
        this.unit = unit;
        this.below = List.of(below);
    }

    /** The PE with its arithmetic units and requantiser. */
    static QuiescenceProof pe(AcceleratorConfig cfg, Path dir) {
        return new QuiescenceProof(cfg, dir, "pe", "au", "requant");
    }

    RtlShape shape() {
        return new RtlShape(cfg, AcceleratorRtl.TOP);
    }

    /**
     * Writes the unit's hierarchy as ASCII AIGER, with {@code VERILATOR} defined (the multipliers' Verilator twins, the
     * branch the gate runs in) or not (the Booth rows that are synthesised).
     */
    Path aiger(boolean verilatorBranch) throws IOException {
        RtlShape s = shape();
        Set<String> modules = new HashSet<>(List.of(s.name(unit)));
        below.forEach(b -> modules.add(s.name(b)));
        List<String> files = new ArrayList<>();
        for (VerilogFile f : AcceleratorRtl.files(cfg, RtlBench.PROVENANCE)) {
            if (modules.contains(f.module().name())) {
                Path p = dir.resolve(f.fileName());
                Files.writeString(p, f.text(), StandardCharsets.UTF_8);
                files.add(p.toString());
            }
        }
        String out = unit + (verilatorBranch ? "-verilator.aag" : ".aag");
        String script = String.join("\n",
                "read_verilog " + (verilatorBranch ? "-DVERILATOR " : "") + String.join(" ", files),
                "hierarchy -top " + s.name(unit),
                "proc; flatten; opt_clean",
                "memory -nomap; memory_map",       // every memory word a latch: its contents are part of the state
                "opt; techmap; opt -fast; dffunmap",
                "setundef -zero",                  // x constants (default branches) become one value, as in a simulator
                "aigmap; opt_clean",
                "write_aiger -ascii -symbols " + out, "");
        Path ys = dir.resolve(unit + (verilatorBranch ? "-verilator.ys" : ".ys"));
        Files.writeString(ys, script, StandardCharsets.UTF_8);
        RtlBench.run(dir, List.of("yosys", "-q", "-l", ys.getFileName() + ".log", "-s", ys.toString()), 1800);
        return dir.resolve(out);
    }

    /** Unrolls {@code aag} with the inputs named in {@code low} held at 0 and the others free but constant. */
    static Result settle(Path aag, Set<String> low, int maxEdges) throws IOException {
        long t0 = System.nanoTime();
        List<String> lines = Files.readAllLines(aag, StandardCharsets.UTF_8);
        String[] h = lines.get(0).split(" ");
        if (!h[0].equals("aag")) {
            throw new IOException(aag + ": not ASCII AIGER");
        }
        int maxVar = Integer.parseInt(h[1]);
        int ni = Integer.parseInt(h[2]);
        int nl = Integer.parseInt(h[3]);
        int no = Integer.parseInt(h[4]);
        int na = Integer.parseInt(h[5]);
        int[] inputs = new int[ni];
        int[] latch = new int[nl];
        int[] next = new int[nl];
        int[] andLhs = new int[na];
        int[] andA = new int[na];
        int[] andB = new int[na];
        int row = 1;
        for (int i = 0; i < ni; i++) {
            inputs[i] = Integer.parseInt(lines.get(row++).trim());
        }
        for (int i = 0; i < nl; i++) {
            String[] f = lines.get(row++).trim().split(" ");
            latch[i] = Integer.parseInt(f[0]);
            next[i] = Integer.parseInt(f[1]);
        }
        row += no;
        for (int i = 0; i < na; i++) {
            String[] f = lines.get(row++).trim().split(" ");
            andLhs[i] = Integer.parseInt(f[0]);
            andA[i] = Integer.parseInt(f[1]);
            andB[i] = Integer.parseInt(f[2]);
            if (andA[i] >= andLhs[i] || andB[i] >= andLhs[i]) {
                throw new IOException(aag + ": AND " + andLhs[i] + " is not in topological order");
            }
        }
        Map<Integer, String> inputName = new HashMap<>();
        Map<Integer, String> latchName = new HashMap<>();
        for (; row < lines.size() && !lines.get(row).equals("c"); row++) {
            String l = lines.get(row);
            int sp = l.indexOf(' ');
            int idx = Integer.parseInt(l.substring(1, sp));
            if (l.charAt(0) == 'i') {
                inputName.put(idx, l.substring(sp + 1));
            } else if (l.charAt(0) == 'l') {
                latchName.put(idx, l.substring(sp + 1));
            }
        }
        Graph g = new Graph();
        int[] val = new int[maxVar + 1];                 // literal of the new graph for each AIGER variable
        int pinned = 0;
        for (int i = 0; i < ni; i++) {
            String name = inputName.getOrDefault(i, "");
            String base = name.contains("[") ? name.substring(0, name.indexOf('[')) : name;
            if (low.contains(base)) {
                val[inputs[i] >> 1] = Graph.FALSE;
                pinned++;
            } else {
                val[inputs[i] >> 1] = g.fresh();
            }
        }
        if (pinned < low.size()) {
            throw new IOException(aag + ": " + pinned + " input bits found for the " + low.size() + " held low " + low);
        }
        int[] state = new int[nl];
        for (int i = 0; i < nl; i++) {
            state[i] = g.fresh();                         // any initial state
        }
        for (int edge = 0; edge <= maxEdges; edge++) {
            for (int i = 0; i < nl; i++) {
                val[latch[i] >> 1] = state[i];
            }
            for (int i = 0; i < na; i++) {
                val[andLhs[i] >> 1] = g.and(lit(val, andA[i]), lit(val, andB[i]));
            }
            int[] after = new int[nl];
            String moving = null;
            for (int i = 0; i < nl; i++) {
                after[i] = lit(val, next[i]);
                if (after[i] != state[i] && moving == null) {
                    moving = latchName.getOrDefault(i, "latch " + i);
                }
            }
            if (moving == null) {
                return new Result(edge, nl, na, null, (System.nanoTime() - t0) / 1e9);
            }
            if (edge == maxEdges) {
                return new Result(-1, nl, na, moving, (System.nanoTime() - t0) / 1e9);
            }
            state = after;
        }
        throw new AssertionError("unreachable");
    }

    private static int lit(int[] val, int aigerLit) {
        return val[aigerLit >> 1] ^ (aigerLit & 1);
    }

    /** A structurally hashed and-inverter graph: literal 2·node + complement, node 0 the constant. */
    private static final class Graph {
        static final int FALSE = 0;
        static final int TRUE = 1;
        private final Map<Long, Integer> table = new HashMap<>();
        private int nodes = 1;

        int fresh() {
            return 2 * nodes++;
        }

        int and(int a, int b) {
            if (a == FALSE || b == FALSE || a == (b ^ 1)) {
                return FALSE;
            }
            if (a == TRUE || a == b) {
                return b;
            }
            if (b == TRUE) {
                return a;
            }
            long key = a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
            Integer n = table.get(key);
            if (n == null) {
                n = fresh();
                table.put(key, n);
            }
            return n;
        }
    }
}
