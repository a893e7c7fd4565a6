package org.pulsedl.hls.regmap;

import java.util.ArrayList;
import java.util.List;

/**
 * The registers of one peripheral, declared once (DESIGN §4) and emitted as Verilog
 * ({@link RegisterFileVerilog}), a C header ({@link RegisterMapCHeader}), Markdown
 * ({@link RegisterMapMarkdown}) and JSON ({@link RegisterMapJson}). {@code size} is the block's address
 * aperture in bytes (a power of two; the register file decodes {@code log2(size)} address bits).
 */
public record RegisterMap(String name, long base, long size, String description, List<Register> registers) {
    public RegisterMap {
        registers = List.copyOf(registers);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Address bits the register file decodes: {@code log2(size)}. */
    public int addressBits() {
        return 63 - Long.numberOfLeadingZeros(size);
    }

    public static final class Builder {
        private final String name;
        private long base;
        private Long size;
        private String description = "";
        private final List<Register> registers = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /** The bus address of offset 0. */
        public Builder base(long base) {
            this.base = base;
            return this;
        }

        /** The aperture in bytes; default: the smallest power of two (at least 8) covering all registers. */
        public Builder size(long size) {
            this.size = size;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder register(Register register) {
            registers.add(register);
            return this;
        }

        public Builder register(Register.Builder register) {
            return register(register.build());
        }

        /** Builds and validates the map ({@link RegisterMapValidator}). */
        public RegisterMap build() {
            long aperture = size != null ? size : defaultSize();
            RegisterMap map = new RegisterMap(name, base, aperture, description, registers);
            RegisterMapValidator.validate(map);
            return map;
        }

        private long defaultSize() {
            long end = 4;
            for (Register r : registers) {
                end = Math.max(end, r.offset() + 4);
            }
            long s = 8;
            while (s < end) {
                s <<= 1;
            }
            return s;
        }
    }
}
