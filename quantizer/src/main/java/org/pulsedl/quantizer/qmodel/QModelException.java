package org.pulsedl.quantizer.qmodel;

/** An invalid quantised model or {@code .qmodel} file; the message starts with the field's path. */
public class QModelException extends IllegalArgumentException {
    private final String field;

    public QModelException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    /** Path of the offending field as in the JSON file, e.g. {@code layers[2].weights[3][5]}. */
    public String field() { return field; }
}
