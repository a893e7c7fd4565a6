package org.pulsedl.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The protocol as the firmware's C header: frame constants, every named value as a {@code PDL_<SET>_<NAME>} macro
 * (flags as bit masks), and every layout as a packed struct {@code pdl_<layout>_t} with size and offset macros and
 * a {@code _Static_assert} on its size, so a compiler that laid a struct out differently stops the build. Tails of
 * scalars are flexible array members; tails of records are described in a comment.
 */
public final class ProtocolCHeader {
    /** The file name the firmware includes. */
    public static final String FILE = "pulsedl_protocol.h";
    /** The committed copy the firmware builds with, relative to the repository root. */
    public static final String COMMITTED = "firmware/generated/" + FILE;
    /** How to regenerate it from the repository root. */
    public static final String COMMAND = "mvn -B -q -o -pl protocol compile && "
            + "java -cp protocol/target/classes org.pulsedl.protocol.ProtocolCHeader " + COMMITTED;

    private ProtocolCHeader() {
    }

    /** The header text; {@code banner} lines (generated-file notice, command, hash) open it as a comment. */
    public static String emit(List<String> banner) {
        StringBuilder b = new StringBuilder("/*\n");
        for (String l : banner) {
            b.append(" * ").append(comment(l)).append('\n');
        }
        b.append(" */\n#pragma once\n\n#include <stdint.h>\n\n");
        b.append("/* Host link frame (DESIGN section 5): header, payload, CRC-32 of both; all little-endian. */\n");
        defines(b, List.of(
                new String[] {"PDL_SYNC", hex(FrameHeader.SYNC) + "u", "bytes 'P','D' on the wire"},
                new String[] {"PDL_VERSION", FrameHeader.VERSION + "u", null},
                new String[] {"PDL_HEADER_SIZE", FrameHeader.SIZE + "u", null},
                new String[] {"PDL_CRC_SIZE", FrameHeader.CRC_SIZE + "u", "CRC-32, IEEE 802.3, over header and payload"},
                new String[] {"PDL_MAX_PAYLOAD", FrameHeader.MAX_PAYLOAD + "u", null},
                new String[] {"PDL_MAX_FRAME", FrameHeader.MAX_FRAME + "u", "header + largest payload + CRC"},
                new String[] {"PDL_MODEL_IMAGE_MAGIC", hex(Payloads.MODEL_IMAGE_MAGIC) + "u",
                        "first word of a model_image: the bytes 'P','D','L','M'"},
                new String[] {"PDL_MODEL_IMAGE_FORMAT", Payloads.MODEL_IMAGE_FORMAT + "u", null}));
        for (Class<? extends Coded> set : Protocol.codes()) {
            codes(b, set);
        }
        for (Layout l : Protocol.layouts()) {
            struct(b, l);
        }
        return b.toString();
    }

    /** The text of the committed header: the declaration with the generated-file banner. */
    public static String text() {
        return emit(ProtocolDocs.banner(COMMAND, Protocol.canonical()));
    }

    /** {@code ProtocolCHeader FILE}: writes the header to FILE. */
    public static void main(String[] args) throws java.io.IOException {
        if (args.length != 1) {
            System.err.println("usage: ProtocolCHeader FILE   (the committed copy is " + COMMITTED + ")");
            System.exit(2);
        }
        java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]), text(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@code MessageType} → {@code MESSAGE_TYPE}: the macro prefix of a set of values. */
    public static String setPrefix(Class<? extends Coded> set) {
        return "PDL_" + set.getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** The C struct type of a layout. */
    public static String structName(Layout l) {
        return "pdl_" + l.name() + "_t";
    }

    /** The macro prefix of a layout, e.g. {@code PDL_RESULT_RECORD}. */
    public static String layoutPrefix(Layout l) {
        return "PDL_" + l.name().toUpperCase(Locale.ROOT);
    }

    private static void codes(StringBuilder b, Class<? extends Coded> set) {
        boolean bits = Protocol.isBitSet(set);
        b.append("\n/* ").append(set.getSimpleName()).append(bits ? " (bit masks)" : "").append(" */\n");
        List<String[]> defs = new ArrayList<>();
        for (Coded c : set.getEnumConstants()) {
            String value = bits ? "(1u << " + c.code() + ")" : hexOrDecimal(set, c.code());
            defs.add(new String[] {setPrefix(set) + "_" + c.name(), value, c.description()});
        }
        defines(b, defs);
    }

    private static void struct(StringBuilder b, Layout l) {
        String p = layoutPrefix(l);
        b.append("\n/* ").append(comment(l.name() + ": " + l.description())).append(" */\n");
        b.append("typedef struct __attribute__((packed)) {\n");
        int width = l.fields().stream().mapToInt(f -> f.type().cType().length()).max().orElse(8);
        if (l.tail() != null && l.tail().scalar() != null) {
            width = Math.max(width, l.tail().scalar().cType().length());
        }
        for (Field f : l.fields()) {
            b.append("    ").append(pad(f.type().cType(), width)).append(' ').append(f.name()).append(";  /* ")
                    .append(comment(f.description())).append(" */\n");
        }
        Tail t = l.tail();
        if (t != null && t.scalar() != null) {
            b.append("    ").append(pad(t.scalar().cType(), width)).append(' ').append(t.name()).append("[];  /* ")
                    .append(comment(count(t) + ": " + t.description())).append(" */\n");
        }
        b.append("} ").append(structName(l)).append(";\n");
        if (t != null && t.record() != null) {
            b.append("/* followed by ").append(comment(count(t))).append(" x ").append(structName(t.record()))
                    .append(": ").append(comment(t.description())).append(" */\n");
        }
        List<String[]> defs = new ArrayList<>();
        defs.add(new String[] {p + "_SIZE", l.fixedSize() + "u", t == null ? null : "fixed part"});
        for (Field f : l.fields()) {
            defs.add(new String[] {p + "_" + f.name().toUpperCase(Locale.ROOT) + "_OFFSET", f.offset() + "u", null});
        }
        if (t != null && (t.scalar() != null || t.record().tail() == null)) {
            String element = t.scalar() != null ? t.scalar().size() + "u" : layoutPrefix(t.record()) + "_SIZE";
            defs.add(new String[] {p + "_BYTES(n)", "(" + p + "_SIZE + (n) * " + element + ")",
                    "payload bytes with n " + t.name()});
        }
        defines(b, defs);
        b.append("_Static_assert(sizeof(").append(structName(l)).append(") == ").append(p)
                .append("_SIZE, \"").append(l.name()).append(" is packed as on the wire\");\n");
    }

    private static String count(Tail t) {
        return (t.countField() == null ? "the rest of the payload" : t.countField()) + " " + t.name();
    }

    private static String hexOrDecimal(Class<? extends Coded> set, int code) {
        return set == MessageType.class ? hex(code) + "u" : code + "u";
    }

    private static String hex(int v) {
        return String.format("0x%02X", v);
    }

    private static void defines(StringBuilder b, List<String[]> defs) {
        int width = defs.stream().mapToInt(d -> d[0].length()).max().orElse(0);
        int vwidth = defs.stream().mapToInt(d -> d[1].length()).max().orElse(0);
        for (String[] d : defs) {
            b.append("#define ").append(pad(d[0], width)).append(' ');
            if (d[2] == null) {
                b.append(d[1]).append('\n');
            } else {
                b.append(pad(d[1], vwidth)).append("  /* ").append(comment(d[2])).append(" */\n");
            }
        }
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    /** Comment text that cannot close the comment early. */
    private static String comment(String s) {
        return s.replace("*/", "* /").replace('\n', ' ');
    }
}
