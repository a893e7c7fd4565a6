package org.pulsedl.hls.regmap;

/** A named value of a field ({@code MODE_RUN = 1}), emitted as a C macro and listed in the docs. */
public record EnumValue(String name, long value, String description) {
    public EnumValue {
        if (name == null || description == null) {
            throw new RegisterMapException("enum value: name and description are required");
        }
    }
}
