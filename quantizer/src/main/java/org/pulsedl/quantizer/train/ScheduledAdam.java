package org.pulsedl.quantizer.train;

import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.framework.optimizers.Optimizer;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TType;

/**
 * Adam on {@code tensorflow-framework}'s {@link Optimizer} (gradients, slots, grouping) whose learning rate
 * and bias corrections are fed each step. The framework's {@code Adam} bakes its learning rate into a
 * constant, which rules out a decay schedule; here the step is the same {@code ApplyAdam} op with
 * {@code lr}, {@code β1^t} and {@code β2^t} as scalar placeholders that the trainer feeds from its step
 * counter ({@link #feedValues}), so no beta-power variables race with the updates.
 */
final class ScheduledAdam extends Optimizer {
    static final float BETA1 = 0.9f;
    static final float BETA2 = 0.999f;
    static final float EPSILON = 1e-7f;

    private final Placeholder<TFloat32> learningRate;
    private final Placeholder<TFloat32> beta1Power;
    private final Placeholder<TFloat32> beta2Power;

    ScheduledAdam(Graph graph) {
        super(graph, "Adam");
        Ops tf = getTF();
        learningRate = tf.withName("adam_learning_rate").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        beta1Power = tf.withName("adam_beta1_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        beta2Power = tf.withName("adam_beta2_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    }

    Placeholder<TFloat32> learningRate() { return learningRate; }

    Placeholder<TFloat32> beta1Power() { return beta1Power; }

    Placeholder<TFloat32> beta2Power() { return beta2Power; }

    /** {@code {lr, β1^t, β2^t}} for update number {@code step} (1-based). */
    static float[] feedValues(float lr, long step) {
        return new float[] {lr, (float) Math.pow(BETA1, step), (float) Math.pow(BETA2, step)};
    }

    @Override
    protected void createSlots(List<Output<? extends TType>> variables) {
        for (Output<? extends TType> v : variables) {
            zeroSlot(v, "m");
            zeroSlot(v, "v");
        }
    }

    private <T extends TType> void zeroSlot(Output<T> v, String name) {
        Ops tf = getTF();
        createSlot(v, name, tf.fill(tf.shape(v), tf.dtypes.cast(tf.constant(0.0f), v.type())));
    }

    @Override
    protected <T extends TType> Op applyDense(Ops tf, Output<T> gradient, Output<T> variable) {
        Variable<T> m = getSlot(variable, "m").orElseThrow();
        Variable<T> v = getSlot(variable, "v").orElseThrow();
        Class<T> type = gradient.type();
        return tf.train.applyAdam(variable, m, v, cast(tf, beta1Power, type), cast(tf, beta2Power, type),
                cast(tf, learningRate, type), cast(tf, tf.constant(BETA1), type), cast(tf, tf.constant(BETA2), type),
                cast(tf, tf.constant(EPSILON), type), gradient);
    }

    private static <T extends TType> Operand<T> cast(Ops tf, Operand<TFloat32> x, Class<T> type) {
        return tf.dtypes.cast(x, type);
    }

    @Override
    public String getOptimizerName() { return "Adam"; }
}
