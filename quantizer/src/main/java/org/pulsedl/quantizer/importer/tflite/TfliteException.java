package org.pulsedl.quantizer.importer.tflite;

/**
 * A {@code .tflite} file that cannot be read (malformed flatbuffer, wrong identifier, index out of range) or
 * imported (an operator outside the supported subset). Import refusals name the operator:
 * {@code operator 3 ADD: …}.
 */
public class TfliteException extends IllegalArgumentException {
    private final int operatorIndex;

    /** An error not tied to one operator. */
    public TfliteException(String message) {
        super(message);
        this.operatorIndex = -1;
    }

    public TfliteException(String message, Throwable cause) {
        super(message, cause);
        this.operatorIndex = -1;
    }

    /** {@code cause}'s message behind {@code prefix} (e.g. the file name), keeping its operator index. */
    public TfliteException(String prefix, TfliteException cause) {
        super(prefix + cause.getMessage(), cause);
        this.operatorIndex = cause.operatorIndex;
    }

    /** A refusal of operator {@code index} (execution order) whose builtin name is {@code opName}. */
    public TfliteException(int index, String opName, String reason) {
        super("operator " + index + " " + opName + ": " + reason);
        this.operatorIndex = index;
    }

    /** The refused operator's index, or −1 when the error is not about one operator. */
    public int operatorIndex() { return operatorIndex; }
}
