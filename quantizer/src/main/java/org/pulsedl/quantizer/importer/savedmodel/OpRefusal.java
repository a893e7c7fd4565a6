package org.pulsedl.quantizer.importer.savedmodel;

import org.pulsedl.quantizer.model.ModelException;

/** A refusal at one op of the serving graph; {@link LayerDiagnosis} may replace it by its layer's real reason. */
final class OpRefusal extends ModelException {
    private final String opName;
    private final String opType;
    private final String reason;

    OpRefusal(String opName, String opType, String reason) {
        super("op '" + opName + "' (" + opType + "): " + reason);
        this.opName = opName;
        this.opType = opType;
        this.reason = reason;
    }

    String opName() { return opName; }

    String opType() { return opType; }

    String reason() { return reason; }
}
