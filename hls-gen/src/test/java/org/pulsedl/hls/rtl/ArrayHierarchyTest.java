package org.pulsedl.hls.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.verilog.ModuleSpec;
import org.pulsedl.hls.verilog.VerilogFile;
import org.pulsedl.hls.verilog.VerilogSpecException;

/** The array is one module per hardware unit, joined by nets named after the units' ports ({@link UnitNets}). */
class ArrayHierarchyTest {

    @Test
    void arrayInstantiatesOneModulePerUnit() {
        List<VerilogFile> files = AcceleratorRtl.files(AcceleratorConfig.small(), RtlBench.PROVENANCE);
        List<String> names = files.stream().map(f -> f.module().name()).toList();
        for (String unit : List.of("program", "controller", "loader", "drain", "unloader")) {
            int at = names.indexOf("pdl_accel_" + unit);
            assertTrue(at >= 0 && at < names.indexOf("pdl_accel_array"), unit + " precedes the array: " + names);
        }
        String array = files.get(names.indexOf("pdl_accel_array")).text();
        for (String inst : List.of("pdl_accel_program u_program (", "pdl_accel_controller u_controller (",
                "pdl_accel_loader u_loader (", "pdl_accel_drain u_drain (", "pdl_accel_unloader u_unloader (",
                "pdl_accel_pe u_pe (")) {
            assertTrue(array.contains(inst), "array instantiates " + inst);
        }
        String loader = files.get(names.indexOf("pdl_accel_loader")).text();
        assertTrue(loader.contains("pdl_accel_requant_in u_input_stage ("), "the input stage sits in the loader");
        assertTrue(array.contains(".i_staged_a") && array.contains("(staged_a)"), "nets named after the ports");
    }

    private static ModuleSpec unit(String name, String in, String out) {
        return ModuleSpec.builder(name).header(name + ": test unit")
                .port(V.in("i_" + in, 4, "input"))
                .port(V.out("o_" + out, 4, "output"))
                .add(V.assign("o_" + out, "i_" + in))
                .build();
    }

    @Test
    void unitsConnectByPortName() {
        ModuleSpec a = unit("ua", "x", "y");
        ModuleSpec b = unit("ub", "y", "z");
        UnitNets nets = new UnitNets(List.of(V.in("i_x", 4, "parent input"), V.out("o_z", 4, "parent output")));
        nets.drives(a);
        nets.drives(b);
        assertEquals(List.of("y"), nets.wires().stream().map(w -> w.name()).toList(), "only the inner net is a wire");
        String text = new VerilogFile(RtlBench.PROVENANCE.banner("t"), ModuleSpec.builder("top").header("top: test")
                .port(V.in("i_x", 4, "parent input")).port(V.out("o_z", 4, "parent output"))
                .add(nets.wires()).add(nets.instance(a, "u_a", Map.of()).build())
                .add(nets.instance(b, "u_b", Map.of()).build()).build()).text();
        assertTrue(text.replaceAll(" +", " ").contains(".i_x (i_x)"), text);
        assertTrue(text.replaceAll(" +", " ").contains(".o_y (y)"), text);
        assertTrue(text.replaceAll(" +", " ").contains(".i_y (y)"), text);
        assertTrue(text.replaceAll(" +", " ").contains(".o_z (o_z)"), text);
    }

    @Test
    void inputWithoutDriverFailsGeneration() {
        UnitNets nets = new UnitNets(List.of());
        VerilogSpecException e = assertThrows(VerilogSpecException.class,
                () -> nets.instance(unit("ua", "q", "r"), "u_a", Map.of()));
        assertEquals("ua port 'i_q': no net 'q' (no unit drives it)", e.getMessage());
    }

    @Test
    void widthMismatchFailsGeneration() {
        UnitNets nets = new UnitNets(List.of());
        nets.declare("q", 3, "three bits");
        nets.drives(unit("ub", "s", "q2"));
        assertThrows(VerilogSpecException.class, () -> nets.instance(unit("ua", "q", "r"), "u_a", Map.of()).build());
    }
}
