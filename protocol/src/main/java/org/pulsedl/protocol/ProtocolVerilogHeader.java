package org.pulsedl.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The protocol as a Verilog include for hardware that writes frames (the SoC's result framer, rtl/soc/pdl_framer.v):
 * the frame constants, every named value as a {@code localparam} with the C header's name (flags as bit masks), and
 * every layout's size and field offsets in bytes. Made from the same declaration as {@link ProtocolCHeader}, so the
 * RTL, the firmware and the Java codec cannot disagree on where a field goes.
 */
public final class ProtocolVerilogHeader {
    /** The file name the RTL includes. */
    public static final String FILE = "pulsedl_protocol.vh";
    /** The committed copy, relative to the repository root. */
    public static final String COMMITTED = "rtl/generated/" + FILE;
    /** How to regenerate it from the repository root (pulsedl generate writes it too). */
    public static final String COMMAND = "mvn -B -q -o -pl protocol compile && "
            + "java -cp protocol/target/classes org.pulsedl.protocol.ProtocolVerilogHeader " + COMMITTED;

    private ProtocolVerilogHeader() {
    }

    /** The include text; {@code banner} lines open it as comments. */
    public static String emit(List<String> banner) {
        StringBuilder b = new StringBuilder();
        for (String l : banner) {
            b.append("// ").append(l).append('\n');
        }
        b.append("\n// Host link frame (DESIGN section 5): header, payload, CRC-32 of both; all little-endian.\n");
        params(b, List.of(
                new String[] {"PDL_SYNC", "'h" + String.format("%04X", FrameHeader.SYNC), "bytes 'P','D' on the wire"},
                new String[] {"PDL_VERSION", String.valueOf(FrameHeader.VERSION), null},
                new String[] {"PDL_HEADER_SIZE", String.valueOf(FrameHeader.SIZE), "bytes"},
                new String[] {"PDL_CRC_SIZE", String.valueOf(FrameHeader.CRC_SIZE), "CRC-32, IEEE 802.3, over header and payload"},
                new String[] {"PDL_MAX_PAYLOAD", String.valueOf(FrameHeader.MAX_PAYLOAD), "bytes"}));
        for (Class<? extends Coded> set : Protocol.codes()) {
            boolean bits = Protocol.isBitSet(set);
            b.append("\n// ").append(set.getSimpleName()).append(bits ? " (bit masks)" : "").append('\n');
            List<String[]> defs = new ArrayList<>();
            for (Coded c : set.getEnumConstants()) {
                String value = bits ? String.valueOf(1L << c.code()) : String.valueOf(c.code());
                defs.add(new String[] {ProtocolCHeader.setPrefix(set) + "_" + c.name(), value, c.description()});
            }
            params(b, defs);
        }
        for (Layout l : Protocol.layouts()) {
            String p = ProtocolCHeader.layoutPrefix(l);
            b.append("\n// ").append(l.name()).append(": byte offsets").append(l.tail() == null ? "" : " (fixed part)")
                    .append('\n');
            List<String[]> defs = new ArrayList<>();
            defs.add(new String[] {p + "_SIZE", String.valueOf(l.fixedSize()), null});
            for (Field f : l.fields()) {
                defs.add(new String[] {p + "_" + f.name().toUpperCase(Locale.ROOT) + "_OFFSET", String.valueOf(f.offset()),
                        f.type().docName()});
            }
            params(b, defs);
        }
        return b.toString();
    }

    /** The text of the committed include: the declaration with the generated-file banner. */
    public static String text() {
        return emit(ProtocolDocs.banner(COMMAND, Protocol.canonical()));
    }

    /** {@code ProtocolVerilogHeader FILE}: writes the include to FILE. */
    public static void main(String[] args) throws java.io.IOException {
        if (args.length != 1) {
            System.err.println("usage: ProtocolVerilogHeader FILE   (the committed copy is " + COMMITTED + ")");
            System.exit(2);
        }
        java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]), text(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void params(StringBuilder b, List<String[]> defs) {
        int width = defs.stream().mapToInt(d -> d[0].length()).max().orElse(0);
        int vwidth = defs.stream().mapToInt(d -> d[1].length()).max().orElse(0);
        for (String[] d : defs) {
            b.append("localparam integer ").append(pad(d[0], width)).append(" = ");
            if (d[2] == null) {
                b.append(d[1]).append(";\n");
            } else {
                b.append(pad(d[1] + ";", vwidth + 1)).append("  // ").append(d[2].replace('\n', ' ')).append('\n');
            }
        }
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
