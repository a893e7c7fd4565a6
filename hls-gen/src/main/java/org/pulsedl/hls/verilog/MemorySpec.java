package org.pulsedl.hls.verilog;

import java.util.ArrayList;
import java.util.List;

/**
 * A synchronous-read memory: an array with one write port and one read port on the same clock, optionally
 * initialised by {@code $readmemh}. It is written in the template Yosys ({@code memory_bram}) and Vivado
 * (UG901 "simple dual port") both map to block RAM: either the read data is registered
 * ({@link ReadStyle#REGISTERED_DATA}, data in {@code <name>_rdata_r}) or the read address is
 * ({@link ReadStyle#REGISTERED_ADDRESS}, data on wire {@code <name>_rdata}). Either way the data of a read
 * issued at edge n is available after edge n, as in a real BRAM (DESIGN §4).
 */
public final class MemorySpec implements ModuleItem {
    /** Where the read port's register sits. */
    public enum ReadStyle { REGISTERED_DATA, REGISTERED_ADDRESS }

    private final String name;
    private final Width width;
    private final int depth;
    private final String clock;
    private final String writeEnable;
    private final String writeAddress;
    private final String writeData;
    private final String readEnable;
    private final String readAddress;
    private final ReadStyle readStyle;
    private final String initFile;
    private final String comment;

    private MemorySpec(Builder b) {
        this.name = b.name;
        this.width = b.width;
        this.depth = b.depth;
        this.clock = b.clock;
        this.writeEnable = b.writeEnable;
        this.writeAddress = b.writeAddress;
        this.writeData = b.writeData;
        this.readEnable = b.readEnable;
        this.readAddress = b.readAddress;
        this.readStyle = b.readStyle;
        this.initFile = b.initFile;
        this.comment = b.comment;
    }

    /** A memory of {@code depth} words of {@code width}. */
    public static Builder builder(String name, Width width, int depth) {
        return new Builder(name, width, depth);
    }

    public String name() {
        return name;
    }

    public int depth() {
        return depth;
    }

    /** Bits of a word address: {@code max(1, clog2(depth))}. */
    public int addressBits() {
        return Math.max(1, ConstExpr.clog2(depth));
    }

    /** The signal holding the read data ({@code <name>_rdata_r} or {@code <name>_rdata}). */
    public String readData() {
        return readStyle == ReadStyle.REGISTERED_DATA ? name + "_rdata_r" : name + "_rdata";
    }

    @Override
    public List<String> declaredNames() {
        return readStyle == ReadStyle.REGISTERED_DATA
                ? List.of(name, name + "_rdata_r")
                : List.of(name, name + "_raddr_r", name + "_rdata");
    }

    @Override
    public void emit(VerilogWriter w) {
        if (!comment.isEmpty()) {
            w.comment(comment);
        }
        w.comment(depth + " x " + width.render() + " synchronous-read memory, "
                + (readStyle == ReadStyle.REGISTERED_DATA ? "registered read data" : "registered read address")
                + " (infers block RAM).");
        List<Declaration> decls = new ArrayList<>();
        decls.add(new Raw(List.of("reg", "", width.render(), name + " [0:" + (depth - 1) + "];")));
        if (readStyle == ReadStyle.REGISTERED_DATA) {
            decls.add(RegSpec.of(name + "_rdata_r", width, ""));
        } else {
            decls.add(RegSpec.of(name + "_raddr_r", Width.bits(addressBits()), ""));
            decls.add(new Raw(List.of("wire", "", width.render(), name + "_rdata;")));
        }
        w.aligned(decls.stream().map(Declaration::cells).toList(), decls.stream().map(d -> "").toList());
        if (initFile != null) {
            w.blank();
            w.line("initial $readmemh(\"" + initFile + "\", " + name + ");");
        }
        w.blank();
        List<Stmt> stmts = new ArrayList<>();
        if (writeEnable != null) {
            stmts.add(Stmt.ifThen(writeEnable, Stmt.nonBlocking(name + "[" + writeAddress + "]", writeData)));
        }
        Stmt read = readStyle == ReadStyle.REGISTERED_DATA
                ? Stmt.nonBlocking(name + "_rdata_r", name + "[" + readAddress + "]")
                : Stmt.nonBlocking(name + "_raddr_r", readAddress);
        stmts.add(readEnable == null ? read : Stmt.ifThen(readEnable, read));
        AlwaysBlock.clocked(clock).add(stmts).build().emit(w);
        if (readStyle == ReadStyle.REGISTERED_ADDRESS) {
            w.blank();
            w.line("assign " + name + "_rdata = " + name + "[" + name + "_raddr_r];");
        }
    }

    /** A pre-rendered declaration line (the array and the read-data wire). */
    private record Raw(List<String> cells) implements Declaration {
        @Override
        public String comment() {
            return "";
        }
    }

    public static final class Builder {
        private final String name;
        private final Width width;
        private final int depth;
        private String clock;
        private String writeEnable;
        private String writeAddress;
        private String writeData;
        private String readEnable;
        private String readAddress;
        private ReadStyle readStyle = ReadStyle.REGISTERED_DATA;
        private String initFile;
        private String comment = "";

        private Builder(String name, Width width, int depth) {
            this.name = name;
            this.width = width;
            this.depth = depth;
        }

        public Builder clock(String clock) {
            this.clock = clock;
            return this;
        }

        /** The write port: {@code if (enable) mem[address] <= data;}. Omit for a ROM. */
        public Builder write(String enable, String address, String data) {
            this.writeEnable = enable;
            this.writeAddress = address;
            this.writeData = data;
            return this;
        }

        /** The read port without enable (reads every cycle). */
        public Builder read(String address) {
            this.readAddress = address;
            return this;
        }

        /** The read port with an enable (the read register holds while disabled). */
        public Builder read(String enable, String address) {
            this.readEnable = enable;
            this.readAddress = address;
            return this;
        }

        public Builder readStyle(ReadStyle style) {
            this.readStyle = style;
            return this;
        }

        /** Initial contents from a {@code $readmemh} file (path as the simulator/synthesiser will see it). */
        public Builder initFile(String path) {
            this.initFile = path;
            return this;
        }

        public Builder comment(String comment) {
            this.comment = comment;
            return this;
        }

        public MemorySpec build() {
            String what = "memory '" + name + "'";
            Identifiers.check("memory", name);
            if (width == null) {
                throw new VerilogSpecException(what + ": width is missing");
            }
            if (depth < 2) {
                throw new VerilogSpecException(what + ": depth " + depth + " (must be at least 2)");
            }
            if (clock == null) {
                throw new VerilogSpecException(what + ": clock is missing");
            }
            Identifiers.check(what + " clock", clock);
            if (readAddress == null) {
                throw new VerilogSpecException(what + ": read port is missing (a memory nobody reads is removed by synthesis)");
            }
            Expr.check(what + " read address", readAddress);
            if (readEnable != null) {
                Expr.check(what + " read enable", readEnable);
            }
            if (writeEnable != null) {
                Expr.check(what + " write enable", writeEnable);
                Expr.check(what + " write address", writeAddress);
                Expr.check(what + " write data", writeData);
            } else if (initFile == null) {
                throw new VerilogSpecException(what + ": a memory without a write port needs an init file");
            }
            if (initFile != null && (initFile.isBlank() || initFile.contains("\"") || initFile.contains("\\")
                    || initFile.contains("\n"))) {
                throw new VerilogSpecException(what + ": init file '" + initFile + "' must be a plain path");
            }
            if (comment == null) {
                comment = "";
            }
            return new MemorySpec(this);
        }
    }
}
