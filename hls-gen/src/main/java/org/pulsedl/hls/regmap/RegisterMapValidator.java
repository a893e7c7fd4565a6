package org.pulsedl.hls.regmap;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a register map must satisfy before anything is emitted (STYLE item 4). Each rule throws a
 * {@link RegisterMapException} naming the register (and field) and the rule; the tests assert each message.
 */
public final class RegisterMapValidator {
    private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern UPPER = Pattern.compile("[A-Z][A-Z0-9_]*");

    private RegisterMapValidator() {
    }

    public static void validate(RegisterMap map) {
        String what = "register map '" + map.name() + "'";
        if (map.name() == null || !SNAKE.matcher(map.name()).matches()) {
            throw new RegisterMapException(what + ": name must be lower_snake_case");
        }
        if (map.registers().isEmpty()) {
            throw new RegisterMapException(what + ": has no registers");
        }
        if (map.size() < 8 || Long.bitCount(map.size()) != 1) {
            throw new RegisterMapException(what + ": size " + Hex.of(map.size()) + " is not a power of two of at least 8 bytes");
        }
        if (map.base() < 0 || map.base() > 0xFFFF_FFFFL || map.base() % map.size() != 0) {
            throw new RegisterMapException(what + ": base " + Hex.of(map.base()) + " is not a 32-bit address aligned to its size "
                    + Hex.of(map.size()));
        }
        Set<String> names = new HashSet<>();
        Map<Long, String> offsets = new HashMap<>();
        for (Register r : map.registers()) {
            checkRegister(r, map);
            if (!names.add(r.name())) {
                throw new RegisterMapException(what + ": register name '" + r.name() + "' is used twice");
            }
            String other = offsets.putIfAbsent(r.offset(), r.name());
            if (other != null) {
                throw new RegisterMapException("register '" + r.name() + "': offset " + Hex.of(r.offset())
                        + " overlaps register '" + other + "'");
            }
        }
    }

    private static void checkRegister(Register r, RegisterMap map) {
        String what = "register '" + r.name() + "'";
        if (r.name() == null || !SNAKE.matcher(r.name()).matches()) {
            throw new RegisterMapException(what + ": name must be lower_snake_case");
        }
        if (r.description() == null || r.description().isBlank()) {
            throw new RegisterMapException(what + ": description is missing");
        }
        if (r.access() == null) {
            throw new RegisterMapException(what + ": access is missing");
        }
        if (r.offset() % 4 != 0) {
            throw new RegisterMapException(what + ": offset " + Hex.of(r.offset()) + " is not a multiple of 4");
        }
        if (r.offset() < 0 || r.offset() + 4 > map.size()) {
            throw new RegisterMapException(what + ": offset " + Hex.of(r.offset()) + " is outside the map's "
                    + Hex.of(map.size()) + " bytes");
        }
        if (r.isWhole() && r.reset() != null && (r.reset() < 0 || r.reset() > 0xFFFF_FFFFL)) {
            throw new RegisterMapException(what + ": reset " + Hex.of(r.reset()) + " does not fit in 32 bits");
        }
        Set<String> fieldNames = new HashSet<>();
        List<Field> fields = r.fields();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            checkField(r, f);
            if (!fieldNames.add(f.name())) {
                throw new RegisterMapException(what + ": field name '" + f.name() + "' is used twice");
            }
            for (int j = 0; j < i; j++) {
                Field g = fields.get(j);
                if ((f.mask() & g.mask()) != 0) {
                    throw new RegisterMapException(what + ": fields '" + g.name() + "' " + bits(g) + " and '" + f.name()
                            + "' " + bits(f) + " overlap");
                }
            }
        }
        if (!r.isWhole() && r.reset() != null && r.reset() != r.resetValue()) {
            throw new RegisterMapException(what + ": reset " + Hex.of(r.reset()) + " disagrees with its fields' resets "
                    + Hex.of(r.resetValue()));
        }
    }

    private static void checkField(Register r, Field f) {
        String what = r.isWhole() ? "register '" + r.name() + "'" : "register '" + r.name() + "' field '" + f.name() + "'";
        if (f.name() == null || !SNAKE.matcher(f.name()).matches()) {
            throw new RegisterMapException(what + ": name must be lower_snake_case");
        }
        if (!r.isWhole() && (f.description() == null || f.description().isBlank())) {
            throw new RegisterMapException(what + ": description is missing");
        }
        if (f.lsb() < 0 || f.msb() < f.lsb()) {
            throw new RegisterMapException(what + ": bits " + bits(f) + " are not a range msb >= lsb >= 0");
        }
        if (f.msb() > 31) {
            throw new RegisterMapException(what + ": bits " + bits(f) + " go beyond bit 31");
        }
        if (f.reset() < 0 || (f.width() < 63 && f.reset() >= (1L << f.width()))) {
            throw new RegisterMapException(what + ": reset " + Hex.of(f.reset()) + " does not fit in " + f.width() + " bits");
        }
        if (f.access() == Access.RO && f.reset() != 0) {
            throw new RegisterMapException(what + ": an RO field has no storage, so its reset must be 0");
        }
        Set<String> names = new HashSet<>();
        Map<Long, String> values = new HashMap<>();
        for (EnumValue v : f.enumValues()) {
            if (!UPPER.matcher(v.name()).matches()) {
                throw new RegisterMapException(what + ": value name '" + v.name() + "' must be UPPER_SNAKE_CASE");
            }
            if (v.value() < 0 || v.value() >= (1L << f.width())) {
                throw new RegisterMapException(what + ": value '" + v.name() + "' = " + v.value() + " does not fit in "
                        + f.width() + " bits");
            }
            if (!names.add(v.name())) {
                throw new RegisterMapException(what + ": value name '" + v.name() + "' is used twice");
            }
            String other = values.putIfAbsent(v.value(), v.name());
            if (other != null) {
                throw new RegisterMapException(what + ": values '" + other + "' and '" + v.name() + "' are both " + v.value());
            }
        }
    }

    static String bits(Field f) {
        return f.msb() == f.lsb() ? "[" + f.msb() + "]" : "[" + f.msb() + ":" + f.lsb() + "]";
    }
}
