package org.pulsedl.quantizer.importer.tflite;

import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.qmodel.QuantizedModel;

/**
 * What {@link TfliteImporter} made of a {@code .tflite} file: a float {@link Model} for a float file, a
 * {@link QuantizedModel} (the file's own quantisation, not re-quantised) for a full-integer one.
 *
 * @param kind      float, int8 or 16x8
 * @param floatIo   a quantised model whose graph input/output are float32 (QUANTIZE first, DEQUANTIZE last);
 *                  the imported model starts at the QUANTIZE's output and ends at the DEQUANTIZE's input
 * @param floatModel the float model ({@code null} unless {@code kind == FLOAT})
 * @param quantized  the integer model ({@code null} when {@code kind == FLOAT})
 */
public record TfliteImport(Kind kind, boolean floatIo, Model floatModel, QuantizedModel quantized) {

    /** The arithmetic of the file. */
    public enum Kind {
        /** float32 throughout. */
        FLOAT,
        /** Full-integer: int8 activations, int8 weights, int32 bias. */
        INT8,
        /** TFLite's 16x8 mode: int16 activations (zero point 0), int8 weights, int64 bias. */
        INT16X8
    }

    public boolean isQuantized() { return kind != Kind.FLOAT; }
}
