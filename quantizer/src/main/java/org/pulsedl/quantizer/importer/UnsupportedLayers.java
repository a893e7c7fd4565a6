package org.pulsedl.quantizer.importer;

import java.util.Set;

/**
 * The real reason a whole family of layers cannot be imported, in a user's terms (issue 10: a refusal names
 * the layer and why, not the first internal op or shape check that happens to trip). Shared by the Keras and
 * SavedModel importers.
 */
public final class UnsupportedLayers {
    public static final String RECURRENT = "recurrent layers (GRU, LSTM, SimpleRNN) are not supported"
            + " (DESIGN §2: a feed-forward 1-D CNN)";
    public static final String TRANSPOSED = "transposed convolution is not supported (DESIGN §2: Conv1D only)";
    public static final String NOT_1D = "2-D and 3-D layers are not supported (pulsedl takes 1-D windows [length, channels])";
    public static final String SEPARABLE = "depthwise and separable convolution are not supported (DESIGN §2: Conv1D only)";

    private static final Set<String> RECURRENT_CLASSES = Set.of("GRU", "LSTM", "SimpleRNN", "RNN", "Bidirectional",
            "ConvLSTM1D", "GRUCell", "LSTMCell", "CuDNNGRU", "CuDNNLSTM");
    private static final Set<String> TRANSPOSED_CLASSES = Set.of("Conv1DTranspose", "Convolution1DTranspose",
            "Conv2DTranspose", "Convolution2DTranspose", "Conv3DTranspose", "Convolution3DTranspose");
    private static final Set<String> NOT_1D_CLASSES = Set.of("Conv2D", "Convolution2D", "Conv3D", "Convolution3D",
            "MaxPooling2D", "MaxPool2D", "AveragePooling2D", "AvgPool2D", "MaxPooling3D", "AveragePooling3D",
            "DepthwiseConv2D", "SeparableConv2D", "GlobalMaxPooling2D", "GlobalAveragePooling2D", "ConvLSTM2D");
    private static final Set<String> SEPARABLE_CLASSES = Set.of("DepthwiseConv1D", "SeparableConv1D", "SeparableConvolution1D");

    private UnsupportedLayers() {}

    /** Why a Keras layer class is refused as a family, or null when it is not one of these families. */
    public static String reason(String kerasClass) {
        if (RECURRENT_CLASSES.contains(kerasClass)) return RECURRENT;
        if (TRANSPOSED_CLASSES.contains(kerasClass)) return TRANSPOSED;
        if (NOT_1D_CLASSES.contains(kerasClass)) return NOT_1D;
        if (SEPARABLE_CLASSES.contains(kerasClass)) return SEPARABLE;
        return null;
    }
}
