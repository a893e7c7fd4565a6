package org.pulsedl.protocol;

/**
 * The variable part after a layout's fixed fields: an array of scalars (samples, image bytes) or of records
 * (a {@link Layout} each). The element count is a field of the enclosing message ({@code countField}) or, when
 * that is null, whatever fills the rest of the payload.
 */
public record Tail(String name, ScalarType scalar, Layout record, String countField, String description) {
    public Tail {
        if ((scalar == null) == (record == null)) {
            throw new IllegalArgumentException("tail " + name + ": exactly one of scalar and record");
        }
    }

    /** The size of one element, fixed part only for records whose own tail is counted elsewhere. */
    public int elementFixedSize() {
        return scalar != null ? scalar.size() : record.fixedSize();
    }

    /** The element type as written in the docs, e.g. {@code i16} or {@code result_record}. */
    public String elementName() {
        return scalar != null ? scalar.docName() : record.name();
    }
}
