package org.pulsedl.quantizer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.model.Conv1D;
import org.pulsedl.quantizer.model.Dense;
import org.pulsedl.quantizer.model.FloatInference;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.model.ModelException;
import org.pulsedl.quantizer.model.ModelSpec;
import org.pulsedl.quantizer.quant.AdcInput;
import org.pulsedl.quantizer.quant.Precision;

class TrainerTest {
    static final String SMALL = "conv1d:4:4:2:relu,flatten,dense:8:relu,dense:2";

    static TrainingSet perChannelSet(Dataset d) {
        TargetSpec spec = TargetSpec.parse(null, true, d.labelNames());
        return TrainingSet.from(d, spec, TrainingSet.normalisation(d, true));
    }

    static TrainingResult train(TrainingSet set, TrainingOptions o, PrintStream log) {
        Model m = ModelSpec.parse("16x1", SMALL).build("tiny", o.seed());
        return new Trainer(o, log).train(m, set, Precision.INPUT_AND_FIRST_INT16, true);
    }

    static TrainingOptions quick() {
        return TrainingOptions.defaults().withEpochs(3).withQatEpochs(0).withBatch(32).withLearningRate(1e-2).withThreads(1);
    }

    @Test
    void trainingReducesTheLossAndPrintsAStatusLinePerEpoch() {
        TrainingSet set = perChannelSet(TinyPulses.dataset(400, 2, 16, 1));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TrainingResult r = train(set, quick(), new PrintStream(bytes, true));
        List<EpochRecord> h = r.history();
        assertEquals(3, h.size());
        assertTrue(h.get(2).trainLoss() < h.get(0).trainLoss(), "train loss " + h);
        assertTrue(h.get(2).valLoss() < h.get(0).valLoss(), "validation loss " + h);
        String log = bytes.toString();
        assertTrue(log.contains("float epoch   3/3"), log);
        assertTrue(log.contains("rmse"), log);
    }

    @Test
    void sameSeedGivesTheSameWeights() {
        TrainingSet set = perChannelSet(TinyPulses.dataset(200, 1, 16, 2));
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        Model a = train(set, quick().withEpochs(2), quiet).floatModel();
        Model b = train(set, quick().withEpochs(2), quiet).floatModel();
        Conv1D ca = (Conv1D) a.layers().get(0);
        Conv1D cb = (Conv1D) b.layers().get(0);
        for (int k = 0; k < ca.kernelSize(); k++) {
            assertArrayEquals(ca.kernel()[k][0], cb.kernel()[k][0]);
        }
        assertArrayEquals(((Dense) a.layers().get(3)).bias(), ((Dense) b.layers().get(3)).bias());
        Model c = train(set, quick().withEpochs(2).withSeed(99), quiet).floatModel();
        assertTrue(((Dense) c.layers().get(3)).bias()[0] != ((Dense) a.layers().get(3)).bias()[0]);
    }

    @Test
    void theFoldedModelOutputsLabelUnits() {
        TrainingSet set = perChannelSet(TinyPulses.dataset(400, 1, 16, 3));
        TrainingResult r = train(set, quick().withEpochs(25), new PrintStream(new ByteArrayOutputStream()));
        FloatInference f = new FloatInference(r.floatModel());
        double err = 0;
        for (int s = 0; s < 100; s++) {
            err += Math.abs(f.run(set.input(s))[1] - set.target(s, 1));
        }
        assertTrue(err / 100 < 0.3 * r.scaling().std()[1], "mean |amplitude error| " + err / 100);
        Model back = r.scaling().unfold(r.floatModel());
        assertEquals(((Dense) r.floatStandardised().layers().get(3)).bias()[0], ((Dense) back.layers().get(3)).bias()[0], 1e-9);
    }

    @Test
    void refusesWhatItCannotTrain() {
        TrainingSet set = perChannelSet(TinyPulses.dataset(50, 1, 16, 4));
        Model bn = ModelSpec.parse("16x1", "conv1d:4:4:2:relu,batchnorm,flatten,dense:2").build("bn", 1);
        ModelException e = assertThrows(ModelException.class,
                () -> new Trainer(quick(), new PrintStream(new ByteArrayOutputStream())).train(bn, set, Precision.INT8, true));
        assertTrue(e.getMessage().contains("BatchNormalization") && e.getMessage().contains("not supported for training"), e.getMessage());
        Model three = ModelSpec.parse("16x1", "flatten,dense:3").build("three", 1);
        IllegalArgumentException o = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(quick(), System.err).train(three, set, Precision.INT8, true));
        assertEquals("the model has 3 outputs but there are 2 targets", o.getMessage());
    }

    @Test
    void datasetErrorsNameTheProblem() {
        Dataset d = TinyPulses.dataset(10, 2, 16, 5);
        AdcInput adc = TrainingSet.normalisation(d, true);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> TrainingSet.from(d, TargetSpec.parse("t_ch{c}_ns,energy", true, d.labelNames()), adc));
        assertEquals("unknown target label 'energy'; the dataset has labels [t_ch0_ns, t_ch1_ns, amplitude]", unknown.getMessage());
        IllegalArgumentException template = assertThrows(IllegalArgumentException.class,
                () -> TrainingSet.from(d, TargetSpec.parse("t_ch{c}_ms", true, d.labelNames()), adc));
        assertTrue(template.getMessage().startsWith("unknown target label 't_ch0_ms' (template 't_ch{c}_ms', channel 0)"),
                template.getMessage());
        Dataset empty = new Dataset(new short[0][][], List.of("amplitude"), new double[0][], java.util.Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingSet.normalisation(empty, true));
        assertTrue(e.getMessage().startsWith("the dataset is empty"), e.getMessage());
        IllegalArgumentException notPer = assertThrows(IllegalArgumentException.class,
                () -> TargetSpec.parse("t_ch{c}_ns", false, d.labelNames()));
        assertEquals("target 't_ch{c}_ns' is a per-channel template; add --per-channel", notPer.getMessage());
    }
}
