package org.pulsedl.quantizer.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.pulsedl.quantizer.io.AtomicOutput;
import org.pulsedl.quantizer.io.OutputPaths;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.qmodel.QModelFormat;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.quant.AdcInput;

/**
 * The output folder of {@code pulsedl train} (docs/training.md, "Output files"), written as one: every part is
 * built as a hidden partial and all are renamed into place together, and the parts this run does not produce
 * ({@code saved_model/} with {@code --no-saved-model}, {@code qat-float-model.json} without QAT) are removed, so
 * no part of an earlier model survives beside the new one (issue 8). Files with other names are left alone.
 *
 * @param quantized  {@code model.qmodel}
 * @param floatModel {@code float-model.json}
 * @param qatModel   {@code qat-float-model.json}, or {@code null} when the run has no QAT phase
 * @param savedModel the float network exported as {@code saved_model/}, or {@code null} for none
 * @param adc        the input normalisation the SavedModel applies
 * @param history    {@code training.json}
 */
public record TrainingOutput(QuantizedModel quantized, FloatModelFile floatModel, FloatModelFile qatModel, Model savedModel,
                             AdcInput adc, Map<String, Object> history) {

    /** Every name a training run owns in its folder. */
    static final List<String> PARTS = List.of(TrainingRun.QMODEL, TrainingRun.FLOAT_MODEL, TrainingRun.QAT_FLOAT_MODEL,
            TrainingRun.SAVED_MODEL, TrainingRun.HISTORY);

    /** Refuses, before any training, a folder ({@code option} names it) the parts cannot be written to. */
    public static void check(String option, Path dir) {
        OutputPaths.folder(option, dir);
        for (String part : PARTS) {
            Path p = dir.resolve(part);
            boolean wantFolder = part.equals(TrainingRun.SAVED_MODEL);
            if (Files.exists(p) && Files.isDirectory(p) != wantFolder) {
                throw new IllegalArgumentException(option + " " + dir + ": " + part + " is " + (wantFolder ? "a file" : "a folder")
                        + "; training writes " + (wantFolder ? "a folder" : "a file") + " there: move it away first");
            }
        }
    }

    /** Writes every part into {@code dir} (created if missing) and removes the stale ones, in one commit. */
    public void write(Path dir) throws IOException {
        try (AtomicOutput.Batch b = AtomicOutput.batch()) {
            b.writeString(dir.resolve(TrainingRun.QMODEL), QModelFormat.toJson(quantized));
            b.writeString(dir.resolve(TrainingRun.FLOAT_MODEL), floatModel.toJson());
            if (qatModel != null) {
                b.writeString(dir.resolve(TrainingRun.QAT_FLOAT_MODEL), qatModel.toJson());
            } else {
                b.remove(dir.resolve(TrainingRun.QAT_FLOAT_MODEL));
            }
            if (savedModel != null) {
                b.writeDirectory(dir.resolve(TrainingRun.SAVED_MODEL), partial -> SavedModelExport.exportInto(savedModel, adc, partial));
            } else {
                b.remove(dir.resolve(TrainingRun.SAVED_MODEL));
            }
            b.writeString(dir.resolve(TrainingRun.HISTORY),
                    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(history) + "\n");
            b.commit();
        }
    }
}
