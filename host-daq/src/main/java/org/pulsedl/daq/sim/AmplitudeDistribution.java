package org.pulsedl.daq.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Distribution of the true pulse amplitude (peak above baseline), in fractions of the ADC full scale.
 * Amplitudes are never negative; amplitude + baseline above full scale is allowed and clips in the ADC.
 */
public sealed interface AmplitudeDistribution {
    /** One amplitude, as a fraction of full scale. */
    double sample(SplittableRandom rnd);

    /** The mean amplitude, as a fraction of full scale. */
    double mean();

    /** The option syntax that recreates this distribution, e.g. {@code gauss:0.5:0.02}. */
    String describe();

    /** Every event has the same amplitude. */
    record Fixed(double fraction) implements AmplitudeDistribution {
        public Fixed {
            requireAmplitude("amplitude", fraction);
        }

        @Override public double sample(SplittableRandom rnd) { return fraction; }
        @Override public double mean() { return fraction; }
        @Override public String describe() { return "fixed:" + fraction; }
    }

    /** Uniform in [lo, hi]. */
    record Uniform(double lo, double hi) implements AmplitudeDistribution {
        public Uniform {
            requireAmplitude("uniform amplitude lower bound", lo);
            requireAmplitude("uniform amplitude upper bound", hi);
            if (hi < lo) throw new IllegalArgumentException("uniform amplitude upper bound " + hi + " is below the lower bound " + lo);
        }

        @Override public double sample(SplittableRandom rnd) { return lo + (hi - lo) * rnd.nextDouble(); }
        @Override public double mean() { return 0.5 * (lo + hi); }
        @Override public String describe() { return "uniform:" + lo + ":" + hi; }
    }

    /**
     * A Gaussian line; draws below 0 are redrawn (truncation), which shifts the mean only when σ is a sizeable
     * fraction of the mean ({@link #mean()} ignores it).
     */
    record Gaussian(double meanFraction, double sigmaFraction) implements AmplitudeDistribution {
        public Gaussian {
            requireAmplitude("gauss amplitude mean", meanFraction);
            if (!(meanFraction > 0)) throw new IllegalArgumentException("gauss amplitude mean must be > 0, got " + meanFraction);
            requireAmplitude("gauss amplitude sigma", sigmaFraction);
        }

        @Override
        public double sample(SplittableRandom rnd) {
            double a;
            do {
                a = meanFraction + sigmaFraction * Ziggurat.next(rnd);
            } while (a < 0);
            return a;
        }

        @Override public double mean() { return meanFraction; }
        @Override public String describe() { return "gauss:" + meanFraction + ":" + sigmaFraction; }
    }

    /**
     * An energy spectrum from a histogram file, sampled by inverse CDF: a bin is chosen with probability
     * proportional to its counts, then the amplitude is uniform within the bin.
     *
     * <p>File format: text, {@code #} comments and blank lines ignored, an optional header line, then rows
     * {@code energy,counts} (comma, semicolon or white space) with strictly increasing bin-centre energies
     * and counts ≥ 0. Bin edges are the midpoints between neighbouring centres (the outer bins are
     * symmetric about their centres, the lowest edge is cut at 0). Amplitude = energy × {@code scale}, in
     * fractions of full scale.
     */
    final class Spectrum implements AmplitudeDistribution {
        private final String name;
        private final double scale;
        private final double[] edges;
        private final double[] cumulative;

        Spectrum(String name, double[] energies, double[] counts, double scale) {
            int n = energies.length;
            if (n < 2) throw new IllegalArgumentException("spectrum " + name + " needs at least 2 bins, found " + n);
            if (!(scale > 0) || Double.isInfinite(scale)) throw new IllegalArgumentException("spectrum scale must be > 0, got " + scale);
            this.name = name;
            this.scale = scale;
            this.edges = new double[n + 1];
            edges[0] = Math.max(0, energies[0] - 0.5 * (energies[1] - energies[0]));
            for (int i = 1; i < n; i++) edges[i] = 0.5 * (energies[i - 1] + energies[i]);
            edges[n] = energies[n - 1] + 0.5 * (energies[n - 1] - energies[n - 2]);
            if (!(edges[1] > edges[0])) {
                throw new IllegalArgumentException("spectrum " + name + ": the first bin lies below energy 0; energies must be >= 0");
            }
            this.cumulative = new double[n + 1];
            for (int i = 0; i < n; i++) cumulative[i + 1] = cumulative[i] + counts[i];
            if (!(cumulative[n] > 0)) throw new IllegalArgumentException("spectrum " + name + " has no counts");
        }

        /** Reads {@code file}; energies times {@code scale} are amplitudes in fractions of full scale. */
        public static Spectrum read(Path file, double scale) {
            List<double[]> rows = new ArrayList<>();
            boolean headerAllowed = true;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int lineNo = 0;
                while ((line = in.readLine()) != null) {
                    lineNo++;
                    String s = line.strip();
                    if (s.isEmpty() || s.startsWith("#")) continue;
                    String[] f = s.split("\\s*[,;\\s]\\s*");
                    boolean numeric = Arrays.stream(f).anyMatch(TextFileErrors::isNumber);
                    if (headerAllowed && !numeric) {
                        headerAllowed = false;
                        continue;
                    }
                    headerAllowed = false;
                    if (f.length != 2) throw TextFileErrors.malformed(file, lineNo, "2 columns (energy,counts)", f.length + " fields");
                    double e = parse(file, lineNo, f[0], "energy");
                    double c = parse(file, lineNo, f[1], "counts");
                    if (c < 0) throw TextFileErrors.malformed(file, lineNo, "counts >= 0", f[1]);
                    if (!rows.isEmpty() && !(e > rows.get(rows.size() - 1)[0])) {
                        throw TextFileErrors.malformed(file, lineNo, "an energy above the previous line's " + rows.get(rows.size() - 1)[0], f[0]);
                    }
                    rows.add(new double[] {e, c});
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Spectrum(file.getFileName().toString(), rows.stream().mapToDouble(r -> r[0]).toArray(),
                    rows.stream().mapToDouble(r -> r[1]).toArray(), scale);
        }

        @Override
        public double sample(SplittableRandom rnd) {
            double u = rnd.nextDouble() * cumulative[cumulative.length - 1];
            int i = Arrays.binarySearch(cumulative, u);
            i = i >= 0 ? i : -i - 2;
            // Skip empty bins that share the same cumulative value.
            while (cumulative[i + 1] == cumulative[i]) i++;
            double within = (u - cumulative[i]) / (cumulative[i + 1] - cumulative[i]);
            return scale * (edges[i] + within * (edges[i + 1] - edges[i]));
        }

        @Override
        public double mean() {
            double sum = 0;
            for (int i = 0; i + 1 < cumulative.length; i++) {
                sum += (cumulative[i + 1] - cumulative[i]) * 0.5 * (edges[i] + edges[i + 1]);
            }
            return scale * sum / cumulative[cumulative.length - 1];
        }

        @Override
        public String describe() { return "spectrum:" + name + (scale == 1 ? "" : ":" + scale); }

        @Override
        public boolean equals(Object o) {
            return o instanceof Spectrum s && s.name.equals(name) && s.scale == scale && Arrays.equals(s.edges, edges)
                    && Arrays.equals(s.cumulative, cumulative);
        }

        @Override
        public int hashCode() { return Arrays.hashCode(cumulative); }

        @Override
        public String toString() { return describe(); }

        private static double parse(Path file, int line, String s, String what) {
            try {
                double v = Double.parseDouble(s);
                if (Double.isFinite(v)) return v;
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw TextFileErrors.malformed(file, line, "a number (" + what + ")", "'" + s + "'");
        }


    }

    /**
     * Parses the {@code --amplitude-dist} syntax: {@code fixed} (uses {@code fixedFraction}),
     * {@code uniform:LO:HI}, {@code gauss:MEAN:SIGMA}, {@code spectrum:FILE} or {@code spectrum:FILE:SCALE}.
     */
    static AmplitudeDistribution parse(String spec, double fixedFraction) {
        String s = spec.strip();
        if (s.equals("fixed")) return new Fixed(fixedFraction);
        if (s.startsWith("spectrum:")) {
            String rest = s.substring("spectrum:".length());
            int colon = rest.lastIndexOf(':');
            if (colon > 0 && !Files.exists(Path.of(rest))) {
                double scale = number(spec, rest.substring(colon + 1), "SCALE");
                return Spectrum.read(Path.of(rest.substring(0, colon)), scale);
            }
            if (rest.isEmpty()) throw badSpec(spec);
            return Spectrum.read(Path.of(rest), 1.0);
        }
        String[] p = s.split(":");
        if (p.length == 3 && p[0].equals("uniform")) return new Uniform(number(spec, p[1], "LO"), number(spec, p[2], "HI"));
        if (p.length == 3 && p[0].equals("gauss")) return new Gaussian(number(spec, p[1], "MEAN"), number(spec, p[2], "SIGMA"));
        if (p.length == 2 && p[0].equals("fixed")) return new Fixed(number(spec, p[1], "FRACTION"));
        throw badSpec(spec);
    }

    private static IllegalArgumentException badSpec(String spec) {
        return new IllegalArgumentException("--amplitude-dist '" + spec
                + "': expected fixed, uniform:LO:HI, gauss:MEAN:SIGMA, spectrum:FILE or spectrum:FILE:SCALE");
    }

    private static double number(String spec, String s, String what) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--amplitude-dist '" + spec + "': " + what + " must be a number, found '" + s + "'");
        }
    }

    private static void requireAmplitude(String what, double v) {
        if (!Double.isFinite(v) || v < 0) {
            throw new IllegalArgumentException(what + " must be a finite fraction of full scale >= 0, got " + v);
        }
    }
}
