package org.pulsedl.quantizer.qmodel;

import java.nio.file.Path;
import org.pulsedl.quantizer.util.ModelJson;

/** An invalid quantised model or {@code .qmodel} file; the message starts with the field's path. */
public class QModelException extends IllegalArgumentException {
    private final String field;

    public QModelException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    private QModelException(Path file, QModelException cause) {
        super(file + ": " + ModelJson.oneLine(cause.getMessage()), cause);
        this.field = cause.field;
    }

    /** This error behind the name of the file it was found in, made one line ({@code m.qmodel: layers[2].bias: …}). */
    public QModelException inFile(Path file) { return new QModelException(file, this); }

    /** Path of the offending field as in the JSON file, e.g. {@code layers[2].weights[3][5]}. */
    public String field() { return field; }
}
