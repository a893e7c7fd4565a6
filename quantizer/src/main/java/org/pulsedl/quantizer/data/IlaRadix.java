package org.pulsedl.quantizer.data;

import java.util.regex.Pattern;

/**
 * The value radices of a Vivado ILA CSV export that the importer understands, and how a cell of each
 * becomes an integer.
 *
 * <p>UNSIGNED and SIGNED cells are decimal numbers, checked against the bus width when the signal name
 * carries one ({@code [msb:lsb]}). HEX and BINARY cells are bit patterns of the bus width: zero-extended, or
 * sign-extended from bit {@code width-1} when they hold two's-complement data.
 */
public enum IlaRadix {
    UNSIGNED("\\d+", 10),
    SIGNED("-?\\d+", 10),
    HEX("[0-9a-fA-F]+", 16),
    BINARY("[01]+", 2);

    /** Bus width for values without a {@code [msb:lsb]} in the name: only the int16 range is checked. */
    public static final int UNKNOWN_WIDTH = 0;
    private static final int MAX_WIDTH = 62;

    private final Pattern syntax;
    private final int base;

    IlaRadix(String syntax, int base) {
        this.syntax = Pattern.compile(syntax);
        this.base = base;
    }

    /** The radix named in the ILA radix row, or {@code null} if unsupported. */
    public static IlaRadix byName(String name) {
        for (IlaRadix r : values()) {
            if (r.name().equalsIgnoreCase(name.trim())) return r;
        }
        return null;
    }

    /** Whether cells are bit patterns (whose sign depends on the two's-complement option). */
    public boolean isBitPattern() { return this == HEX || this == BINARY; }

    /**
     * The integer a cell stands for.
     *
     * @param cell          the cell text, already trimmed
     * @param width         the bus width in bits, or {@link #UNKNOWN_WIDTH}
     * @param twosComplement for HEX/BINARY: sign-extend from bit {@code width-1} (needs a known width)
     * @return the value, or an explanation starting "expected …" of why the cell is not one
     */
    public Result parse(String cell, int width, boolean twosComplement) {
        String expected = "expected " + article() + " " + name() + " value";
        if (!syntax.matcher(cell).matches()) return Result.error(expected + ", found '" + TextLines.quote(cell) + "'");
        if (width > 0) expected += " of " + width + " bits";
        boolean negative = cell.startsWith("-");
        String digits = (negative ? cell.substring(1) : cell).replaceFirst("^0+(?=.)", "");
        // Anything longer cannot fit 62 bits, let alone int16: report it as out of range.
        if (digits.length() > (base == 2 ? MAX_WIDTH : base == 16 ? 15 : 18)) return Result.error(expected + ", found '" + TextLines.quote(cell) + "'");
        long magnitude = Long.parseLong(digits, base);
        long value = negative ? -magnitude : magnitude;
        if (width > 0 && width <= MAX_WIDTH) {
            long span = 1L << width;
            boolean fits = switch (this) {
                case SIGNED -> value >= -(span / 2) && value < span / 2;
                default -> value < span;
            };
            if (!fits) return Result.error(expected + ", found '" + TextLines.quote(cell) + "'");
            if (isBitPattern() && twosComplement && value >= span / 2) value -= span;
        }
        if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
            return Result.error("expected a value that fits int16 (-32768..32767), found " + value + " ('" + TextLines.quote(cell) + "')");
        }
        return new Result((short) value, null);
    }

    private String article() { return this == UNSIGNED ? "an" : "a"; }

    /** A parsed cell: the value, or an error text when {@code error != null}. */
    public record Result(short value, String error) {
        static Result error(String message) { return new Result((short) 0, message); }
    }
}
