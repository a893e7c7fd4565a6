package org.pulsedl.hls.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class NameAllocatorTest {
    @Test
    void keywordsOfBothLanguagesAreAvoided() {
        NameAllocator n = new NameAllocator();
        assertEquals("reg_", n.newName("reg"));
        assertEquals("logic_", n.newName("logic"));
        assertEquals("always_ff_", n.newName("always_ff"));
        assertTrue(Identifiers.isKeyword("uwire"));
        assertTrue(Identifiers.isKeyword("interface"));
        assertFalse(Identifiers.isLegal("wire"));
        assertTrue(Identifiers.isLegal("wire_r"));
    }

    @Test
    void illegalCharactersLeadingDigitsAndCollisions() {
        NameAllocator n = new NameAllocator().reserve("i_clk");
        assertEquals("conv1_out", n.newName("conv1.out"));
        assertEquals("_8bit", n.newName("8bit"));
        assertEquals("i_clk_1", n.newName("i_clk"));
        assertEquals("conv1_out_1", n.newName("conv1-out"));
        assertEquals("conv1_out_2", n.newName("conv1 out"));
    }

    @Test
    void tagsAndDeterminism() {
        NameAllocator a = new NameAllocator();
        NameAllocator b = new NameAllocator();
        for (String s : new String[] {"x", "x", "module", "a b"}) {
            assertEquals(a.newName(s), b.newName(s));
        }
        Object layer = new Object();
        String name = a.newName("dense", layer);
        assertEquals(name, a.get(layer));
        VerilogSpecException e = assertThrows(VerilogSpecException.class, () -> a.get("nothing"));
        assertEquals("name allocator: no name for tag nothing", e.getMessage());
    }

    @Test
    void constantExpressions() {
        Map<String, Long> env = Map.of("W", 8L, "DEPTH", 100L);
        assertEquals(OptionalLong.of(7), ConstExpr.eval("W-1", env));
        assertEquals(OptionalLong.of(7), ConstExpr.eval("$clog2(DEPTH)", env));
        assertEquals(OptionalLong.of(15), ConstExpr.eval("(W * 2) - 1", env));
        assertEquals(OptionalLong.empty(), ConstExpr.eval("8'd7", env));
        assertEquals(OptionalLong.empty(), ConstExpr.eval("UNKNOWN + 1", env));
        assertEquals(OptionalLong.empty(), ConstExpr.eval("W / 0", env));
        assertEquals(OptionalLong.of(16), Width.of("2*W").bits(env));
        assertEquals("[(2*W)-1:0]", Width.of("2*W").render());
        assertEquals("", Width.bits(1).render());
    }
}
