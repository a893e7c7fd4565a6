package org.pulsedl.hls.regmap;

/** A register or memory map broke a rule; the message names the register/field and the rule. */
public final class RegisterMapException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public RegisterMapException(String message) {
        super(message);
    }
}
