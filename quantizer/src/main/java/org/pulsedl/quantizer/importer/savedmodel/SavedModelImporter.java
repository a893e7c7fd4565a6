package org.pulsedl.quantizer.importer.savedmodel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.pulsedl.quantizer.importer.InputNormalisation;
import org.pulsedl.quantizer.model.FloatInference;
import org.pulsedl.quantizer.model.InputLayer;
import org.pulsedl.quantizer.model.Layer;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.model.ModelException;
import org.tensorflow.proto.GraphDef;

/**
 * Imports a TF SavedModel (e.g. Keras 3's {@code model.export()}) into the float IR.
 *
 * <p><b>How the structure is recovered.</b> Keras 3 no longer writes {@code keras_metadata.pb}, and the
 * object graph of an exported model names only variables, not layers. The reliable description left is the
 * computation itself, so the importer walks the serving signature's graph: from the output tensor into the
 * {@code StatefulPartitionedCall} functions, evaluating weights (variables read through the session, constants
 * and the arithmetic Keras does on them) and mapping each op on the activation to IR layers
 * ({@link ChainBuilder} lists the patterns). Layer names come from the ops' name scopes. Any other op, a
 * second input/output, or a branching graph is refused with the op's name and type.
 *
 * <p><b>Self-check.</b> Before returning, the rebuilt model and TensorFlow (through TF Java) run the same
 * seeded random windows; a disagreement beyond float32 rounding is refused, so a pattern the walker
 * misread can never come back as a silently different model.
 */
public final class SavedModelImporter {
    /** Windows of the self-check, and its tolerance relative to the largest output magnitude. */
    static final int CHECK_WINDOWS = 16;
    static final double CHECK_TOLERANCE = 1e-4;

    private SavedModelImporter() {}

    /**
     * Reads the SavedModel directory {@code dir} (tag {@code serve}, signature {@code serving_default} or {@code serve}).
     *
     * @throws ModelException naming the directory and the reason (not a SavedModel, unsupported op, …)
     */
    public static Model read(Path dir) {
        SavedModelImport i = importFrom(dir);
        if (i.input() != null) {
            throw new ModelException("cannot import SavedModel '" + dir + "': it normalises its input first ("
                    + i.input() + "), which a bare float model cannot hold");
        }
        return i.model();
    }

    /** A SavedModel's layers and the input normalisation in front of them (null when it has none). */
    public record SavedModelImport(Model model, InputNormalisation input) {}

    /**
     * Reads the SavedModel directory {@code dir} like {@link #read}, recognising an input normalisation
     * {@code (x − baseline) · code_scale} before the first layer (pulsedl's own export) instead of refusing it.
     *
     * @throws ModelException naming the directory and the reason
     */
    public static SavedModelImport importFrom(Path dir) {
        try (SavedModelRunner runner = SavedModelRunner.open(dir)) {
            GraphDef graph = runner.bundle().metaGraphDef().getGraphDef();
            ChainBuilder chain = new ChainBuilder(runner.inputShape(), runner.inputKey(), true);
            GraphOps ops = new GraphOps(graph, runner.inputTensor(), runner.inputShape().rank() + 1,
                    new VariableReader(runner.bundle(), graph)::read, chain);
            GraphValue output;
            try {
                output = ops.evaluate(runner.outputTensor());
            } catch (OpRefusal e) {
                throw new ModelException(LayerDiagnosis.explain(graph, e));
            }
            if (!chain.isCurrent(output)) {
                throw new ModelException("the signature's output '" + runner.outputTensor()
                        + "' is not the end of the chain of ops from the input");
            }
            if (chain.layers().isEmpty()) {
                throw new ModelException("the serving graph has no layers");
            }
            List<Layer> layers = new ArrayList<>();
            layers.add(new InputLayer(runner.inputKey(), runner.inputShape()));
            layers.addAll(chain.layers());
            String name = chain.modelScope() != null ? chain.modelScope() : dir.toAbsolutePath().getFileName().toString();
            Model model = new Model(name, runner.inputShape(), layers);
            InputNormalisation input = chain.inputNormalisation();
            selfCheck(runner, model, input);
            return new SavedModelImport(model, input);
        } catch (ModelException e) {
            throw new ModelException("cannot import SavedModel '" + dir + "': " + e.getMessage());
        }
    }

    private static void selfCheck(SavedModelRunner runner, Model model, InputNormalisation input) {
        SplittableRandom random = new SplittableRandom(0x5eed);
        double[][] x = new double[CHECK_WINDOWS][model.inputShape().size()];
        for (double[] row : x) {
            for (int i = 0; i < row.length; i++) {
                row[i] = random.nextDouble(-1, 1);
            }
        }
        double[][] tf = runner.run(x);
        FloatInference ours = new FloatInference(model);
        double scale = 1;
        for (double[] row : tf) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int i = 0; i < x.length; i++) {
            double[] y = ours.run(input == null ? x[i] : input.apply(x[i]));
            if (y.length != tf[i].length) {
                throw new ModelException("the rebuilt model has " + y.length + " outputs, TensorFlow " + tf[i].length);
            }
            for (int j = 0; j < y.length; j++) {
                if (Math.abs(y[j] - tf[i][j]) > CHECK_TOLERANCE * scale) {
                    throw new ModelException("the model rebuilt from the serving graph disagrees with TensorFlow on a test"
                            + " window (output " + j + ": " + y[j] + " vs " + tf[i][j] + "); refusing rather than"
                            + " returning a different model");
                }
            }
        }
    }
}
