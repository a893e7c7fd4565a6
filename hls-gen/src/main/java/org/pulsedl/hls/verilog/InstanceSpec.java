package org.pulsedl.hls.verilog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A module instance with named, aligned parameter and port connections. Built against the instantiated
 * {@link ModuleSpec} it is checked at {@code build()}: unknown parameters and ports, ports left unconnected,
 * and width mismatches where both widths evaluate (port widths with the instance's parameter values,
 * connected {@link Signal}s with literal widths). Connections are written in the target's declaration order.
 */
public final class InstanceSpec implements ModuleItem {
    private final String module;
    private final String name;
    private final Map<String, String> params;
    private final Map<String, String> ports;
    private final String comment;

    private InstanceSpec(Builder b, Map<String, String> params, Map<String, String> ports) {
        this.module = b.module;
        this.name = b.name;
        this.params = params;
        this.ports = ports;
        this.comment = b.comment;
    }

    /** An instance checked against {@code target}. */
    public static Builder of(ModuleSpec target, String instanceName) {
        return new Builder(target.name(), target, instanceName);
    }

    /** An instance of a module known only by name (not checked beyond syntax). */
    public static Builder of(String moduleName, String instanceName) {
        return new Builder(moduleName, null, instanceName);
    }

    public String name() {
        return name;
    }

    @Override
    public List<String> declaredNames() {
        return List.of(name);
    }

    @Override
    public void emit(VerilogWriter w) {
        if (!comment.isEmpty()) {
            w.comment(comment);
        }
        if (params.isEmpty()) {
            w.line(module + " " + name + " " + (ports.isEmpty() ? "();" : "("));
        } else {
            w.line(module + " #(");
            w.indent();
            connections(w, params);
            w.outdent();
            w.line(") " + name + " " + (ports.isEmpty() ? "();" : "("));
        }
        if (!ports.isEmpty()) {
            w.indent();
            connections(w, ports);
            w.outdent();
            w.line(");");
        }
    }

    private static void connections(VerilogWriter w, Map<String, String> conns) {
        List<List<String>> rows = new ArrayList<>();
        int i = 0;
        for (var e : conns.entrySet()) {
            String sep = ++i < conns.size() ? "," : "";
            rows.add(List.of("." + e.getKey(), "(" + e.getValue() + ")" + sep));
        }
        w.aligned(rows, rows.stream().map(r -> "").toList());
    }

    public static final class Builder {
        private final String module;
        private final ModuleSpec target;
        private final String name;
        private final Map<String, String> params = new LinkedHashMap<>();
        private final Map<String, String> ports = new LinkedHashMap<>();
        private final Map<String, Signal> signals = new HashMap<>();
        private String comment = "";

        private Builder(String module, ModuleSpec target, String name) {
            this.module = module;
            this.target = target;
            this.name = name;
        }

        private String what() {
            return "instance '" + name + "' of '" + module + "'";
        }

        public Builder param(String param, String value) {
            Expr.check(what() + " parameter '" + param + "'", value);
            if (params.put(param, value) != null) {
                throw new VerilogSpecException(what() + ": parameter '" + param + "' is set twice");
            }
            return this;
        }

        public Builder param(String param, long value) {
            return param(param, Long.toString(value));
        }

        /** Connects {@code port} to an expression (width not checked). */
        public Builder connect(String port, String expr) {
            Expr.check(what() + " port '" + port + "'", expr);
            if (ports.put(port, expr) != null) {
                throw new VerilogSpecException(what() + ": port '" + port + "' is connected twice");
            }
            return this;
        }

        /** Connects {@code port} to a declared signal (width checked when known). */
        public Builder connect(String port, Signal signal) {
            connect(port, signal.name());
            signals.put(port, signal);
            return this;
        }

        /** Leaves output {@code port} explicitly unconnected ({@code .port()}; Verilator -Wall flags it). */
        public Builder open(String port) {
            if (ports.put(port, "") != null) {
                throw new VerilogSpecException(what() + ": port '" + port + "' is connected twice");
            }
            return this;
        }

        public Builder comment(String comment) {
            this.comment = comment;
            return this;
        }

        public InstanceSpec build() {
            Identifiers.check("instance", name);
            Identifiers.check("instance '" + name + "' module", module);
            if (target == null) {
                return new InstanceSpec(this, new LinkedHashMap<>(params), new LinkedHashMap<>(ports));
            }
            for (String p : params.keySet()) {
                if (target.parameters().stream().noneMatch(q -> q.name().equals(p))) {
                    throw new VerilogSpecException(what() + ": no parameter '" + p + "'");
                }
            }
            for (String p : ports.keySet()) {
                if (target.port(p) == null) {
                    throw new VerilogSpecException(what() + ": no port '" + p + "'");
                }
            }
            Map<String, Long> env = target.parameterValues(params);
            Map<String, String> orderedParams = new LinkedHashMap<>();
            for (ParameterSpec p : target.parameters()) {
                if (params.containsKey(p.name())) {
                    orderedParams.put(p.name(), params.get(p.name()));
                }
            }
            Map<String, String> orderedPorts = new LinkedHashMap<>();
            for (PortSpec p : target.ports()) {
                String conn = ports.get(p.name());
                if (conn == null) {
                    throw new VerilogSpecException(what() + ": port '" + p.name()
                            + "' is not connected (connect it, or open() an output)");
                }
                if (conn.isEmpty() && p.direction() != PortSpec.Direction.OUTPUT) {
                    throw new VerilogSpecException(what() + ": input port '" + p.name() + "' cannot be left open");
                }
                Signal s = signals.get(p.name());
                if (s != null) {
                    OptionalLong portBits = p.width().bits(env);
                    OptionalLong sigBits = s.width().knownBits();
                    if (portBits.isPresent() && sigBits.isPresent() && portBits.getAsLong() != sigBits.getAsLong()) {
                        throw new VerilogSpecException(what() + ": port '" + p.name() + "' is " + portBits.getAsLong()
                                + " bits wide but '" + s.name() + "' is " + sigBits.getAsLong());
                    }
                }
                orderedPorts.put(p.name(), conn);
            }
            return new InstanceSpec(this, orderedParams, orderedPorts);
        }
    }
}
