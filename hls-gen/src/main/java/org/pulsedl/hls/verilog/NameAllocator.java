package org.pulsedl.hls.verilog;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Hands out legal, unique Verilog identifiers within one scope (a module), deterministically: the same
 * sequence of requests always yields the same names. A suggestion is sanitised (illegal characters become
 * {@code _}, a leading digit gets a {@code _} prefix, a keyword gets a {@code _} suffix) and, if taken,
 * gets {@code _1}, {@code _2}, ... appended. Like javapoet's allocator, a name can be tagged and looked up.
 */
public final class NameAllocator {
    private final Set<String> used = new HashSet<>();
    private final Map<Object, String> byTag = new HashMap<>();

    /** Reserves names the allocator must never hand out (e.g. the module's ports). */
    public NameAllocator reserve(String... names) {
        for (String n : names) {
            used.add(n);
        }
        return this;
    }

    /** A new unique name derived from {@code suggestion}. */
    public String newName(String suggestion) {
        String base = sanitise(suggestion);
        String name = base;
        for (int i = 1; used.contains(name); i++) {
            name = base + "_" + i;
        }
        used.add(name);
        return name;
    }

    /** A new unique name, remembered under {@code tag} for {@link #get(Object)}. */
    public String newName(String suggestion, Object tag) {
        if (byTag.containsKey(tag)) {
            throw new VerilogSpecException("name allocator: tag " + tag + " already has name '" + byTag.get(tag) + "'");
        }
        String name = newName(suggestion);
        byTag.put(tag, name);
        return name;
    }

    /** The name allocated for {@code tag}. */
    public String get(Object tag) {
        String name = byTag.get(tag);
        if (name == null) {
            throw new VerilogSpecException("name allocator: no name for tag " + tag);
        }
        return name;
    }

    /** True if {@code name} was allocated or reserved. */
    public boolean isUsed(String name) {
        return used.contains(name);
    }

    static String sanitise(String suggestion) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < suggestion.length(); i++) {
            char c = suggestion.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            b.append(ok ? c : '_');
        }
        if (b.length() == 0 || Character.isDigit(b.charAt(0))) {
            b.insert(0, '_');
        }
        String s = b.toString();
        return Identifiers.isKeyword(s) ? s + "_" : s;
    }
}
