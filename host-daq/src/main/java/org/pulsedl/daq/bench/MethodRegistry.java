package org.pulsedl.daq.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.pulsedl.daq.dsp.CfdTimer;
import org.pulsedl.daq.dsp.DigitalCfdTimer;
import org.pulsedl.daq.dsp.LeadingEdgeTimer;
import org.pulsedl.daq.dsp.PeakEnergy;
import org.pulsedl.daq.dsp.SincCfdTimer;
import org.pulsedl.daq.dsp.TemplateFit;
import org.pulsedl.daq.dsp.TrapezoidEnergy;
import org.pulsedl.daq.sim.CrRcShape;
import org.pulsedl.daq.sim.DoubleExponentialShape;
import org.pulsedl.daq.sim.PulseShape;

/**
 * The classical methods the benchmark knows, by the names used in its JSON (docs/benchmark.md). Each is
 * built for one pulse model, because the template fit and the trapezoid need the shape and the timing.
 */
public final class MethodRegistry {
    /** Leading-edge threshold as a fraction of the nominal amplitude. */
    public static final double LE_THRESHOLD_FRACTION = 0.2;

    /** What the estimators may know about the pulses: shape, sampling and nominal amplitude. */
    public record PulseModel(PulseShape shape, double periodNs, int samples, double onsetNs, double nominalAmplitudeCodes) {
    }

    private static final Map<String, Function<PulseModel, Method>> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put("le", m -> Method.time("le",
                new LeadingEdgeTimer(m.periodNs(), LE_THRESHOLD_FRACTION * m.nominalAmplitudeCodes())));
        FACTORIES.put("dcfd", m -> Method.time("dcfd", new DigitalCfdTimer(m.periodNs())));
        FACTORIES.put("cfd_sinc", m -> Method.time("cfd_sinc", new SincCfdTimer(m.periodNs())));
        FACTORIES.put("cfd", m -> Method.time("cfd", new CfdTimer(m.periodNs())));
        FACTORIES.put("template_fit", m -> {
            TemplateFit fit = new TemplateFit(m.shape(), m.periodNs());
            return new Method("template_fit", true, true, (w, out) -> {
                TemplateFit.Result r = fit.fit(w);
                if (r.converged()) {
                    out[0] = r.timeNs();
                    out[1] = r.amplitude();
                }
            });
        });
        FACTORIES.put("trapezoid", m -> Method.energy("trapezoid",
                TrapezoidEnergy.forShape(m.shape(), m.periodNs(), m.samples(), m.onsetNs(), decayNs(m.shape()))));
        FACTORIES.put("peak", m -> Method.energy("peak", new PeakEnergy()));
    }

    private MethodRegistry() {}

    /** The pole-zero constant of the trapezoid: the shape's decay, or its peak time when it has none. */
    private static double decayNs(PulseShape shape) {
        if (shape instanceof CrRcShape c) return c.tauNs();
        if (shape instanceof DoubleExponentialShape d) return d.decayTauNs();
        return shape.peakTimeNs();
    }

    /** All method names, in report order. */
    public static List<String> names() {
        return List.copyOf(FACTORIES.keySet());
    }

    /** The default method list: every classical method, then the network's methods when a network is given. */
    public static List<String> names(NeuralModel network) {
        List<String> all = new ArrayList<>(names());
        if (network != null) all.addAll(network.methodNames());
        return all;
    }

    /**
     * Builds the named methods; an unknown name is refused with the list of known ones.
     *
     * @param network the trained network for the {@code nn_*} methods, or null
     */
    public static List<Method> create(List<String> names, PulseModel model, NeuralModel network) {
        List<Method> out = new ArrayList<>();
        for (String raw : names) {
            String n = raw.trim();
            Function<PulseModel, Method> f = FACTORIES.get(n);
            Method m = f != null ? f.apply(model) : network != null ? network.method(n) : null;
            if (m == null && n.startsWith("nn_") && network == null) {
                throw new IllegalArgumentException("method '" + n + "' needs a trained network: give --model");
            }
            if (m == null) throw new IllegalArgumentException("unknown method '" + n + "' (known: " + String.join(", ", names(network)) + ")");
            out.add(m);
        }
        if (out.isEmpty()) throw new IllegalArgumentException("no methods selected (known: " + String.join(", ", names(network)) + ")");
        return out;
    }
}
