package org.pulsedl.hls.regmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** One negative test per register-map and memory-map rule, asserting the exact message. */
class RegisterMapValidationTest {
    private static void fails(String message, Executable build) {
        RegisterMapException e = assertThrows(RegisterMapException.class, build);
        assertEquals(message, e.getMessage());
    }

    private static RegisterMap.Builder map() {
        return RegisterMap.builder("dev");
    }

    private static Register.Builder reg(String name, long offset) {
        return Register.builder(name, offset).description("a register");
    }

    @Test
    void mapRules() {
        fails("register map 'Dev': name must be lower_snake_case", () -> RegisterMap.builder("Dev").register(reg("a", 0)).build());
        fails("register map 'dev': has no registers", () -> map().build());
        fails("register map 'dev': size 0xc is not a power of two of at least 8 bytes",
                () -> map().size(12).register(reg("a", 0)).build());
        fails("register map 'dev': base 0x1004 is not a 32-bit address aligned to its size 0x8",
                () -> map().base(0x1004).register(reg("a", 0)).build());
    }

    @Test
    void registerRules() {
        fails("register 'Ctrl': name must be lower_snake_case", () -> map().register(reg("Ctrl", 0)).build());
        fails("register 'a': description is missing", () -> map().register(Register.builder("a", 0)).build());
        fails("register map 'dev': register name 'a' is used twice", () -> map().register(reg("a", 0)).register(reg("a", 4)).build());
        fails("register 'b': offset 0x6 is not a multiple of 4", () -> map().register(reg("a", 0)).register(reg("b", 6)).build());
        fails("register 'b': offset 0x4 overlaps register 'a'", () -> map().register(reg("a", 4)).register(reg("b", 4)).build());
        fails("register 'b': offset 0x10 is outside the map's 0x10 bytes",
                () -> map().size(16).register(reg("a", 0)).register(reg("b", 16)).build());
        fails("register 'a': reset 0x100000000 does not fit in 32 bits", () -> map().register(reg("a", 0).reset(1L << 32)).build());
        fails("register 'a': reset 0x5 disagrees with its fields' resets 0x4",
                () -> map().register(reg("a", 0).reset(5).field(Field.bit("x", 2).reset(1).description("x"))).build());
    }

    @Test
    void fieldRules() {
        fails("register 'a' field 'X': name must be lower_snake_case",
                () -> map().register(reg("a", 0).field(Field.bit("X", 0).description("x"))).build());
        fails("register 'a' field 'x': description is missing", () -> map().register(reg("a", 0).field(Field.bit("x", 0))).build());
        fails("register 'a': field name 'x' is used twice", () -> map().register(reg("a", 0)
                .field(Field.bit("x", 0).description("x")).field(Field.bit("x", 1).description("x"))).build());
        fails("register 'a' field 'x': bits [1:2] are not a range msb >= lsb >= 0",
                () -> map().register(reg("a", 0).field(Field.builder("x", 1, 2).description("x"))).build());
        fails("register 'a' field 'x': bits [33:30] go beyond bit 31",
                () -> map().register(reg("a", 0).field(Field.builder("x", 33, 30).description("x"))).build());
        fails("register 'a': fields 'x' [3:0] and 'y' [4:2] overlap", () -> map().register(reg("a", 0)
                .field(Field.builder("x", 3, 0).description("x")).field(Field.builder("y", 4, 2).description("y"))).build());
        fails("register 'a' field 'x': reset 0x8 does not fit in 3 bits",
                () -> map().register(reg("a", 0).field(Field.builder("x", 2, 0).reset(8).description("x"))).build());
        fails("register 'a' field 'x': an RO field has no storage, so its reset must be 0",
                () -> map().register(reg("a", 0).field(Field.bit("x", 0).access(Access.RO).reset(1).description("x"))).build());
        fails("register 'a': an RO field has no storage, so its reset must be 0",
                () -> map().register(reg("a", 0).access(Access.RO).reset(1)).build());
    }

    @Test
    void enumValueRules() {
        fails("register 'a' field 'm': value name 'run' must be UPPER_SNAKE_CASE",
                () -> map().register(reg("a", 0).field(Field.builder("m", 1, 0).description("m").value("run", 1, ""))).build());
        fails("register 'a' field 'm': value 'RUN' = 4 does not fit in 2 bits",
                () -> map().register(reg("a", 0).field(Field.builder("m", 1, 0).description("m").value("RUN", 4, ""))).build());
        fails("register 'a' field 'm': value name 'RUN' is used twice", () -> map().register(reg("a", 0)
                .field(Field.builder("m", 1, 0).description("m").value("RUN", 1, "").value("RUN", 2, ""))).build());
        fails("register 'a' field 'm': values 'RUN' and 'GO' are both 1", () -> map().register(reg("a", 0)
                .field(Field.builder("m", 1, 0).description("m").value("RUN", 1, "").value("GO", 1, ""))).build());
    }

    @Test
    void memoryMapRules() {
        fails("memory map 'soc': has no regions", () -> new MemoryMap("soc", List.of()));
        fails("region 'ram': size 0x3000 is not a power of two of at least 4 bytes",
                () -> new MemoryMap("soc", List.of(new MemoryMap.Region("ram", 0, 0x3000, "RAM"))));
        fails("region 'ram': base 0x800 is not a 32-bit address aligned to its size 0x1000",
                () -> new MemoryMap("soc", List.of(new MemoryMap.Region("ram", 0x800, 0x1000, "RAM"))));
        fails("region 'uart': 0x1000..0x1fff overlaps region 'ram'", () -> new MemoryMap("soc", List.of(
                new MemoryMap.Region("ram", 0, 0x2000, "RAM"), new MemoryMap.Region("uart", 0x1000, 0x1000, "UART"))));
        fails("memory map 'soc': region name 'ram' is used twice", () -> new MemoryMap("soc", List.of(
                new MemoryMap.Region("ram", 0, 0x1000, "RAM"), new MemoryMap.Region("ram", 0x1000, 0x1000, "RAM"))));
        fails("region 'ram': description is missing",
                () -> new MemoryMap("soc", List.of(new MemoryMap.Region("ram", 0, 0x1000, ""))));
        fails("memory map 'soc': no region 'dma'", () -> MemoryMap.pulsedlSoc().region("dma"));
    }

    @Test
    void socMapMatchesDesign() {
        MemoryMap soc = MemoryMap.pulsedlSoc();
        assertEquals(0x8000_0000L, soc.region("ram").base());
        assertEquals(0x1000_0000L, soc.region("uart").base());
        assertEquals(0x1000_1000L, soc.region("timer").base());
        assertEquals(0x1000_2000L, soc.region("sim_ctrl").base());
        assertEquals(0x2000_0000L, soc.region("accel").base());
        assertEquals(0x3000_0000L, soc.region("adc").base());
        assertEquals(0x4000_0000L, soc.region("eth").base());
    }
}
