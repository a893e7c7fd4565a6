package org.pulsedl.hls.rtl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pulsedl.hls.verilog.InstanceSpec;
import org.pulsedl.hls.verilog.ModuleSpec;
import org.pulsedl.hls.verilog.PortSpec;
import org.pulsedl.hls.verilog.Signal;
import org.pulsedl.hls.verilog.VerilogSpecException;
import org.pulsedl.hls.verilog.WireSpec;
import org.pulsedl.hls.verilog.Width;

/**
 * The nets of a parent module that join its units by name: a unit's output {@code o_x} drives the wire {@code x}
 * (declared here with the port's width and comment), and an input {@code i_x} reads the parent's port {@code i_x},
 * else the wire {@code x}, else the parent's output {@code o_x}; outputs named like a parent output drive it directly.
 * Every connection is width-checked by {@link InstanceSpec}, and an input without a driver fails generation.
 */
final class UnitNets {
    private final Map<String, PortSpec> parentPorts = new LinkedHashMap<>();
    private final Map<String, WireSpec> nets = new LinkedHashMap<>();

    UnitNets(List<PortSpec> parentPorts) {
        parentPorts.forEach(p -> this.parentPorts.put(p.name(), p));
    }

    /** Declares the wires driven by {@code unit}'s outputs, except those in {@code connectedElsewhere}. */
    void drives(ModuleSpec unit, String... connectedElsewhere) {
        List<String> skip = List.of(connectedElsewhere);
        for (PortSpec p : unit.ports()) {
            if (p.direction() == PortSpec.Direction.OUTPUT && !skip.contains(p.name())
                    && !parentPorts.containsKey(p.name())) {
                declare(WireSpec.of(base(p.name()), p.width(), p.comment()));
            }
        }
    }

    /** A net the parent drives itself. */
    WireSpec declare(WireSpec wire) {
        if (nets.put(wire.name(), wire) != null) {
            throw new VerilogSpecException("net '" + wire.name() + "' is driven twice");
        }
        return wire;
    }

    WireSpec declare(String name, int bits, String comment) {
        return declare(WireSpec.of(name, Width.bits(bits), comment));
    }

    /** The declared wires, in declaration order. */
    List<WireSpec> wires() {
        return List.copyOf(nets.values());
    }

    /** An instance of {@code unit}: ports in {@code explicit} take the given expressions, the others connect by name. */
    InstanceSpec.Builder instance(ModuleSpec unit, String name, Map<String, String> explicit) {
        InstanceSpec.Builder b = InstanceSpec.of(unit, name);
        for (PortSpec p : unit.ports()) {
            String e = explicit.get(p.name());
            if (e != null) {
                b.connect(p.name(), e);
            } else {
                b.connect(p.name(), byName(unit, p));
            }
        }
        return b;
    }

    /** The expression {@link #instance} connects to {@code unit}'s port {@code p}. */
    String source(ModuleSpec unit, PortSpec p, Map<String, String> explicit) {
        String e = explicit.get(p.name());
        return e != null ? e : byName(unit, p).name();
    }

    private Signal byName(ModuleSpec unit, PortSpec p) {
        String x = base(p.name());
        Signal s = parentPorts.get(p.name());
        if (s == null) {
            s = nets.get(x);
        }
        if (s == null && p.direction() == PortSpec.Direction.INPUT) {
            s = parentPorts.get("o_" + x);
        }
        if (s == null) {
            throw new VerilogSpecException(unit.name() + " port '" + p.name() + "': no net '" + x
                    + "' (no unit drives it)");
        }
        return s;
    }

    private static String base(String port) {
        return port.substring(port.indexOf('_') + 1);
    }
}
