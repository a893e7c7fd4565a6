package org.pulsedl.hls.accel;

/**
 * A model that does not fit an accelerator configuration. The message names the layer (when there is one), the
 * limit and the value, e.g. {@code layer 1 'conv1d_1': output 8x600 = 4800 values exceeds act_depth = 256}.
 */
public final class ProgramException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ProgramException(String message) {
        super(message);
    }
}
