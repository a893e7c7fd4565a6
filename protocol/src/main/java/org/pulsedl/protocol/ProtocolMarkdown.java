package org.pulsedl.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * docs/protocol.md: the hand-written prose of {@code protocol-prose.md} with the generated tables (header, every
 * message's payload and records, every set of named values) put in at its {@code {{header}}},
 * {@code {{messages}}} and {@code {{codes}}} marks.
 */
public final class ProtocolMarkdown {
    static final String PROSE = "protocol-prose.md";

    private ProtocolMarkdown() {
    }

    /** The prose template (its text is an input of the banner's hash). */
    public static String prose() {
        try (InputStream in = ProtocolMarkdown.class.getResourceAsStream(PROSE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the packaged " + PROSE, e);
        }
    }

    public static String emit(List<String> banner) {
        StringBuilder head = new StringBuilder("<!--\n");
        for (String l : banner) {
            head.append("  ").append(l.replace("-->", "- ->")).append('\n');
        }
        head.append("-->\n");
        return head + prose()
                .replace("{{header}}", "`" + FrameHeader.LAYOUT.name() + "` — " + FrameHeader.LAYOUT.description()
                        + "\n\n" + table(FrameHeader.LAYOUT) + "\nThen `length` payload bytes, then the CRC-32 (`u32`) of the "
                        + FrameHeader.SIZE + " header bytes and the payload.")
                .replace("{{messages}}", messages())
                .replace("{{codes}}", codes());
    }

    private static String messages() {
        StringBuilder b = new StringBuilder("| Code | Type | Payload | What it is |\n|---|---|---|---|\n");
        for (MessageType t : MessageType.values()) {
            b.append("| `").append(String.format("0x%02X", t.code())).append("` | ").append(t.name()).append(" | `")
                    .append(t.payload().name()).append("` | ").append(cell(t.description())).append(" |\n");
        }
        Set<Layout> done = new LinkedHashSet<>();
        for (MessageType t : MessageType.values()) {
            List<String> users = new ArrayList<>();
            for (MessageType u : MessageType.values()) {
                if (u.payload() == t.payload()) {
                    users.add(u.name());
                }
            }
            if (done.add(t.payload())) {
                b.append("\n### ").append(String.join(", ", users)).append("\n\n");
                layout(b, t.payload(), done);
            }
        }
        for (Layout l : Protocol.layouts()) {
            if (l != FrameHeader.LAYOUT && done.add(l)) {
                b.append("\n### Inside a payload: `").append(l.name()).append("`\n\n");
                layout(b, l, done);
            }
        }
        return b.toString().stripTrailing();
    }

    private static void layout(StringBuilder b, Layout l, Set<Layout> done) {
        b.append("`").append(l.name()).append("` — ").append(l.description()).append("\n");
        if (l.fields().isEmpty() && l.tail() == null) {
            return;
        }
        b.append('\n').append(table(l));
        Tail t = l.tail();
        if (t != null && t.record() != null && done.add(t.record())) {
            b.append('\n');
            layout(b, t.record(), done);
        }
    }

    private static String table(Layout l) {
        StringBuilder b = new StringBuilder("| Offset | Field | Type | Meaning |\n|---|---|---|---|\n");
        for (Field f : l.fields()) {
            String values = f.values() == null ? "" : " (" + f.values().getSimpleName() + ")";
            b.append("| ").append(f.offset()).append(" | `").append(f.name()).append("` | ").append(f.type().docName())
                    .append(" | ").append(cell(f.description() + values)).append(" |\n");
        }
        Tail t = l.tail();
        if (t != null) {
            String count = t.countField() == null ? "rest of payload" : "`" + t.countField() + "`";
            b.append("| ").append(l.fixedSize()).append(" | `").append(t.name()).append("` | ")
                    .append(t.elementName()).append("[").append(count).append("] | ")
                    .append(cell(t.description())).append(" |\n");
        }
        return b.toString();
    }

    private static String codes() {
        StringBuilder b = new StringBuilder();
        for (Class<? extends Coded> set : Protocol.codes()) {
            boolean bits = Protocol.isBitSet(set);
            b.append("\n### ").append(set.getSimpleName()).append("\n\n| ").append(bits ? "Bit" : "Value")
                    .append(" | Name | Meaning |\n|---|---|---|\n");
            for (Coded c : set.getEnumConstants()) {
                b.append("| ").append(c.code()).append(" | `").append(c.name()).append("` | ").append(cell(c.description()))
                        .append(" |\n");
            }
        }
        return b.toString().strip();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace('\n', ' ');
    }
}
