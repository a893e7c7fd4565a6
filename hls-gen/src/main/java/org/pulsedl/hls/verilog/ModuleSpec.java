package org.pulsedl.hls.verilog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A Verilog-2005 module: a header comment saying what it is and where it comes from, parameters (one per
 * line, each commented), ANSI ports (each commented, {@code i_}/{@code o_} prefixed) and body items in the
 * order they were added. {@code build()} checks names are legal and unique across the module scope.
 */
public final class ModuleSpec {
    private final String name;
    private final List<String> header;
    private final List<ParameterSpec> parameters;
    private final List<PortSpec> ports;
    private final List<ModuleItem> items;

    private ModuleSpec(Builder b) {
        this.name = b.name;
        this.header = List.copyOf(b.header);
        this.parameters = List.copyOf(b.parameters);
        this.ports = List.copyOf(b.ports);
        this.items = List.copyOf(b.items);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public List<ParameterSpec> parameters() {
        return parameters;
    }

    public List<PortSpec> ports() {
        return ports;
    }

    public List<ModuleItem> items() {
        return items;
    }

    /** The port called {@code name}, or null. */
    public PortSpec port(String name) {
        for (PortSpec p : ports) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Parameter values as numbers where they evaluate: defaults, replaced by {@code overrides} (instance
     * parameter connections), each evaluated with the parameters declared before it.
     */
    public Map<String, Long> parameterValues(Map<String, String> overrides) {
        Map<String, Long> env = new LinkedHashMap<>();
        for (ParameterSpec p : parameters) {
            String expr = overrides.getOrDefault(p.name(), p.value());
            OptionalLong v = ConstExpr.eval(expr, env);
            if (v.isPresent()) {
                env.put(p.name(), v.getAsLong());
            }
        }
        return env;
    }

    /** Writes the module at the writer's indentation. */
    public void emit(VerilogWriter w) {
        for (String l : header) {
            w.comment(l);
        }
        String open = "module " + name;
        if (!parameters.isEmpty()) {
            w.line(open + " #(");
            w.indent();
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < parameters.size(); i++) {
                List<String> cells = new ArrayList<>(parameters.get(i).cells());
                cells.set(cells.size() - 1, cells.get(cells.size() - 1) + (i + 1 < parameters.size() ? "," : ""));
                rows.add(cells);
            }
            w.aligned(rows, parameters.stream().map(ParameterSpec::comment).toList());
            w.outdent();
            open = ")";
        }
        if (ports.isEmpty()) {
            w.line(open + ";");
        } else {
            w.line(open + " (");
            w.indent();
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < ports.size(); i++) {
                List<String> cells = new ArrayList<>(ports.get(i).cells());
                cells.set(cells.size() - 1, cells.get(cells.size() - 1) + (i + 1 < ports.size() ? "," : ""));
                rows.add(cells);
            }
            w.aligned(rows, ports.stream().map(PortSpec::comment).toList());
            w.outdent();
            w.line(");");
        }
        if (!items.isEmpty()) {
            w.blank();
            w.indent();
            emitItems(w, items);
            w.outdent();
            w.blank();
        }
        w.line("endmodule");
    }

    /**
     * Writes body items: runs of same-kind declarations as one aligned group, a blank line between other
     * items, and a comment block glued to the item after it.
     */
    static void emitItems(VerilogWriter w, List<? extends ModuleItem> items) {
        int i = 0;
        while (i < items.size()) {
            ModuleItem item = items.get(i);
            if (i > 0 && !(items.get(i - 1) instanceof CommentBlock)) {
                w.blank();
            }
            if (item instanceof Declaration) {
                int j = i;
                List<List<String>> rows = new ArrayList<>();
                List<String> comments = new ArrayList<>();
                while (j < items.size() && items.get(j).getClass() == item.getClass()) {
                    Declaration d = (Declaration) items.get(j);
                    rows.add(d.cells());
                    comments.add(d.comment());
                    j++;
                }
                w.aligned(rows, comments);
                i = j;
            } else {
                item.emit(w);
                i++;
            }
        }
    }

    public static final class Builder {
        private final String name;
        private final List<String> header = new ArrayList<>();
        private final List<ParameterSpec> parameters = new ArrayList<>();
        private final List<PortSpec> ports = new ArrayList<>();
        private final List<ModuleItem> items = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /** Header comment lines: what the module is and where it comes from. */
        public Builder header(String... lines) {
            header.addAll(List.of(lines));
            return this;
        }

        public Builder parameter(ParameterSpec p) {
            parameters.add(p);
            return this;
        }

        public Builder port(PortSpec p) {
            ports.add(p);
            return this;
        }

        public Builder ports(List<PortSpec> ps) {
            ports.addAll(ps);
            return this;
        }

        public Builder add(ModuleItem... more) {
            items.addAll(List.of(more));
            return this;
        }

        public Builder add(List<? extends ModuleItem> more) {
            items.addAll(more);
            return this;
        }

        public ModuleSpec build() {
            Identifiers.check("module", name);
            String what = "module '" + name + "'";
            if (header.isEmpty() || header.stream().allMatch(String::isBlank)) {
                throw new VerilogSpecException(what + ": header comment is missing (say what it is and where it comes from)");
            }
            for (String l : header) {
                if (l.contains("\t")) {
                    throw new VerilogSpecException(what + ": header comment contains a tab");
                }
            }
            Set<String> seen = new HashSet<>();
            List<String> names = new ArrayList<>();
            parameters.forEach(p -> names.add(p.name()));
            ports.forEach(p -> names.add(p.name()));
            items.forEach(i -> names.addAll(i.declaredNames()));
            for (String n : names) {
                if (!seen.add(n)) {
                    throw new VerilogSpecException(what + ": name '" + n + "' is declared twice");
                }
            }
            return new ModuleSpec(this);
        }
    }
}
