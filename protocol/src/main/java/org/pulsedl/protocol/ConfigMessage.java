package org.pulsedl.protocol;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The CONFIG payload ({@link Payloads#CONFIG}). Keys are raw codes so a board can answer a key it does not know
 * with NACK UNKNOWN_KEY; {@link ConfigKey#of} names the known ones.
 */
public record ConfigMessage(ConfigOperation operation, List<Entry> entries) {
    private static final Layout L = Payloads.CONFIG;
    private static final Layout E = Payloads.CONFIG_ENTRY;

    /** One setting: key code and value. */
    public record Entry(int key, int value) {
        public Entry(ConfigKey key, int value) {
            this(key.code(), value);
        }
    }

    public ConfigMessage {
        entries = List.copyOf(entries);
        if (entries.size() > 255 || L.fixedSize() + entries.size() * E.fixedSize() > FrameHeader.MAX_PAYLOAD) {
            throw new IllegalArgumentException(entries.size() + " CONFIG entries do not fit one frame");
        }
    }

    public byte[] encode() {
        ByteBuffer b = PayloadBuffer.allocate(L.fixedSize() + entries.size() * E.fixedSize());
        L.field("operation").put(b, 0, operation.code());
        L.field("entry_count").put(b, 0, entries.size());
        int at = L.fixedSize();
        for (Entry e : entries) {
            E.field("key").put(b, at, e.key());
            E.field("value").put(b, at, e.value());
            at += E.fixedSize();
        }
        return b.array();
    }

    public static ConfigMessage decode(byte[] payload) {
        PayloadBuffer.expectFixed(MessageType.CONFIG, payload);
        ByteBuffer b = PayloadBuffer.wrap(payload);
        int op = L.field("operation").getInt(b, 0);
        ConfigOperation operation = Coded.of(ConfigOperation.class, op);
        if (operation == null) {
            throw new PayloadException("CONFIG operation " + op + " is not known to this host");
        }
        int count = L.field("entry_count").getInt(b, 0);
        PayloadBuffer.expect(MessageType.CONFIG, payload, L.fixedSize() + count * E.fixedSize());
        List<Entry> entries = new ArrayList<>(count);
        for (int i = 0, at = L.fixedSize(); i < count; i++, at += E.fixedSize()) {
            entries.add(new Entry(E.field("key").getInt(b, at), E.field("value").getInt(b, at)));
        }
        return new ConfigMessage(operation, entries);
    }
}
