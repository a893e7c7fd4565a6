package org.pulsedl.hls.rtl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A miter proven by cases (the multiplier proofs: {@link AuFabricProof}, {@link DescriptorProductProof}): Yosys
 * writes the miter as an AIG with a map ({@code write_aiger -zinit -map}); ABC proves it constant 0 once per value of
 * the low {@code bits} bits of one input, those bits fixed with {@code cof} and every other input bit free, by SAT
 * sweeping. The cases together cover every input when the values are all {@code 2^bits} of them ({@code bits} 0: one
 * case, nothing fixed). One ABC run holds every case (a process per case
 * would cost more than the proofs); its log has one verdict per case, in order.
 */
final class CaseSplitProof {
    private CaseSplitProof() {}

    /** Proven for every value, or the first value whose case failed, with ABC's log. */
    record Result(boolean proven, int casesRun, Integer failedValue, String log) {}

    static Result prove(Path dir, String aig, String map, String input, int bits, int[] values) throws IOException {
        Map<Integer, Integer> bitInput = new HashMap<>();             // bit of the split input -> AIG input index
        int inputs = 0;
        for (String line : Files.readAllLines(dir.resolve(map))) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 4 && f[0].equals("input")) {
                inputs++;
                if (f[3].equals(input)) {
                    bitInput.put(Integer.parseInt(f[2]), Integer.parseInt(f[1]));
                }
            }
        }
        if (bitInput.size() < bits) {
            throw new IllegalStateException(map + " has " + bitInput.size() + " bits of " + input + ", fewer than " + bits);
        }
        int digits = 1;                                  // ABC names inputs pi<index>, padded to log10(#inputs)
        for (long p = 10; p < inputs; p *= 10) {
            digits++;
        }
        StringBuilder cmd = new StringBuilder();
        for (int v : values) {
            cmd.append("read_aiger ").append(aig).append("; logic");
            for (int b = 0; b < bits; b++) {
                cmd.append("; cof pi").append(String.format("%0" + digits + "d", bitInput.get(b))).append(' ')
                        .append((v >> b) & 1);
            }
            cmd.append("; strash; frames -F 1 -i; ").append(RequantProof.ZERO_OUTPUT).append("; ");
        }
        String log = RtlBench.run(dir, List.of("yosys-abc", "-c", cmd.toString()), 1800);
        Files.writeString(dir.resolve(aig + "-abc.log"), log);
        int run = 0;
        for (String line : log.split("\n")) {
            if (line.contains("Networks are equivalent")) {
                run++;
            } else if (line.contains("Networks are NOT EQUIVALENT")) {
                return new Result(false, run + 1, values[run], log);
            }
        }
        boolean all = run == values.length;
        return new Result(all, run, all ? null : values[Math.min(run, values.length - 1)], log);
    }
}
