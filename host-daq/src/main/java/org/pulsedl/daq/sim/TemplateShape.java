package org.pulsedl.daq.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A pulse shape given by samples, typically an averaged measured pulse, interpolated by a not-a-knot cubic
 * spline so that {@link #derivative} is the exact derivative of {@link #value} (the Cramér–Rao bound uses
 * both).
 *
 * <p><b>File format</b> (UTF-8 text). Blank lines and lines starting with {@code #} are ignored. Fields are
 * separated by commas, semicolons or white space. One optional header line (no numeric field, e.g.
 * {@code t_ns,value}) may precede the data. Then either
 * <ul>
 *   <li>one column: the pulse value at a uniform step given separately ({@code --template-step}, ns), or</li>
 *   <li>two columns {@code t_ns,value} with strictly increasing times (any spacing).</li>
 * </ul>
 * At least 4 points. The first point is the pulse onset: times are shifted so that it is at t = 0 and its
 * value is taken as the baseline and subtracted. The result is scaled so that the maximum of the
 * interpolating spline (found analytically, it may lie between samples) is exactly 1. Before the first point
 * and after the last point the shape is 0, so the file should extend until the pulse has returned to
 * baseline. Values are in any unit (ADC codes, mV); only the shape matters.
 */
public final class TemplateShape implements PulseShape {
    private static final int MIN_POINTS = 4;

    private final String name;
    private final double[] t;
    private final double[] y;
    /** Second derivatives of the spline at the knots. */
    private final double[] m;
    /** Uniform step in ns, or NaN when the knots are not uniformly spaced. */
    private final double step;
    private final double peakTimeNs;

    private TemplateShape(String name, double[] tRaw, double[] yRaw) {
        int n = tRaw.length;
        if (n < MIN_POINTS) {
            throw new IllegalArgumentException("template " + name + " has " + n + " points, expected at least " + MIN_POINTS);
        }
        this.name = name;
        this.t = new double[n];
        this.y = new double[n];
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(tRaw[i]) || !Double.isFinite(yRaw[i])) {
                throw new IllegalArgumentException("template " + name + " point " + i + " is not finite");
            }
            if (i > 0 && !(tRaw[i] > tRaw[i - 1])) {
                throw new IllegalArgumentException("template " + name + " times must increase strictly, but point " + i
                        + " has t = " + tRaw[i] + " ns after t = " + tRaw[i - 1] + " ns");
            }
            t[i] = tRaw[i] - tRaw[0];
            y[i] = yRaw[i] - yRaw[0];
        }
        this.m = notAKnotSecondDerivatives(t, y);
        this.step = uniformStep(t);
        double[] peak = splineMaximum();
        if (!(peak[1] > 0)) {
            throw new IllegalArgumentException("template " + name + " never rises above its first value (the baseline at onset); "
                    + "expected a positive pulse");
        }
        for (int i = 0; i < n; i++) {
            y[i] /= peak[1];
            m[i] /= peak[1];
        }
        this.peakTimeNs = peak[0];
    }

    /** A template from samples at a uniform step; {@code name} is used in messages and {@link #describe()}. */
    public static TemplateShape ofSamples(String name, double stepNs, double[] values) {
        if (!(stepNs > 0) || Double.isInfinite(stepNs)) {
            throw new IllegalArgumentException("template step must be > 0 ns, got " + stepNs);
        }
        double[] times = new double[values.length];
        for (int i = 0; i < times.length; i++) times[i] = i * stepNs;
        return new TemplateShape(name, times, values);
    }

    /** A template from (time, value) points with strictly increasing times. */
    public static TemplateShape ofPoints(String name, double[] timesNs, double[] values) {
        if (timesNs.length != values.length) {
            throw new IllegalArgumentException("template " + name + " has " + timesNs.length + " times but " + values.length + " values");
        }
        return new TemplateShape(name, timesNs, values);
    }

    /**
     * Reads a template file (format in the class comment).
     *
     * @param stepNs sample step for a one-column file; pass {@code NaN} for a two-column file
     */
    public static TemplateShape read(Path file, double stepNs) throws IOException {
        List<double[]> rows = new ArrayList<>();
        int columns = 0;
        boolean headerAllowed = true;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#")) continue;
                String[] fields = s.split("\\s*[,;\\s]\\s*");
                if (headerAllowed && Arrays.stream(fields).noneMatch(TextFileErrors::isNumber)) {
                    headerAllowed = false;
                    continue;
                }
                headerAllowed = false;
                if (columns == 0) {
                    if (fields.length > 2) throw TextFileErrors.malformed(file, lineNo, "1 column (value) or 2 columns (t_ns,value)", fields.length + " fields");
                    columns = fields.length;
                } else if (fields.length != columns) {
                    throw TextFileErrors.malformed(file, lineNo, columns == 1 ? "1 column (value) like the first data line" : "2 columns (t_ns,value) like the first data line",
                            fields.length + " fields");
                }
                double[] row = new double[columns];
                for (int c = 0; c < columns; c++) {
                    String what = columns == 1 ? "a number (value)" : c == 0 ? "a number (t_ns)" : "a number (value)";
                    try {
                        row[c] = Double.parseDouble(fields[c]);
                    } catch (NumberFormatException e) {
                        throw TextFileErrors.malformed(file, lineNo, what, "'" + fields[c] + "'");
                    }
                    if (!Double.isFinite(row[c])) throw TextFileErrors.malformed(file, lineNo, "a finite " + what.substring(2), "'" + fields[c] + "'");
                }
                if (columns == 2 && !rows.isEmpty() && !(row[0] > rows.get(rows.size() - 1)[0])) {
                    throw TextFileErrors.malformed(file, lineNo, "t_ns greater than the previous line's " + rows.get(rows.size() - 1)[0], "t_ns = " + row[0]);
                }
                rows.add(row);
            }
        }
        String name = file.getFileName().toString();
        if (rows.size() < MIN_POINTS) {
            throw new IllegalArgumentException(file + ": expected at least " + MIN_POINTS + " data lines, found " + rows.size());
        }
        boolean stepGiven = !Double.isNaN(stepNs);
        if (columns == 1) {
            if (!stepGiven) {
                throw new IllegalArgumentException(file + " has one column (values); give the sample step in ns (--template-step)");
            }
            double[] v = rows.stream().mapToDouble(r -> r[0]).toArray();
            return ofSamples(name, stepNs, v);
        }
        if (stepGiven) {
            throw new IllegalArgumentException(file + " has two columns (t_ns,value); --template-step applies only to one-column files");
        }
        return ofPoints(name, rows.stream().mapToDouble(r -> r[0]).toArray(), rows.stream().mapToDouble(r -> r[1]).toArray());
    }

    @Override
    public double value(double tNs) {
        if (tNs <= 0 || tNs >= t[t.length - 1]) return 0;
        int i = segment(tNs);
        double h = t[i + 1] - t[i];
        double a = (t[i + 1] - tNs) / h;
        double b = 1 - a;
        return a * y[i] + b * y[i + 1] + ((a * a * a - a) * m[i] + (b * b * b - b) * m[i + 1]) * (h * h / 6);
    }

    @Override
    public double derivative(double tNs) {
        if (tNs < 0 || tNs >= t[t.length - 1]) return 0;
        int i = segment(tNs);
        double h = t[i + 1] - t[i];
        double a = (t[i + 1] - tNs) / h;
        double b = 1 - a;
        return (y[i + 1] - y[i]) / h + ((1 - 3 * a * a) * m[i] + (3 * b * b - 1) * m[i + 1]) * (h / 6);
    }

    @Override
    public double peakTimeNs() { return peakTimeNs; }

    /** Time of the last template point after the onset (the shape is 0 from there on). */
    public double lengthNs() { return t[t.length - 1]; }

    public int points() { return t.length; }

    @Override
    public String describe() {
        String spacing = Double.isNaN(step) ? "t from file" : "step " + step + " ns";
        return "template " + name + " (" + t.length + " points, " + spacing + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TemplateShape ts && name.equals(ts.name) && Arrays.equals(t, ts.t) && Arrays.equals(y, ts.y);
    }

    @Override
    public int hashCode() { return name.hashCode() * 31 + Arrays.hashCode(y); }

    @Override
    public String toString() { return describe(); }

    /** Index i of the knot interval [t[i], t[i+1]) holding {@code tNs}, for 0 ≤ tNs &lt; last knot. */
    private int segment(double tNs) {
        int i;
        if (!Double.isNaN(step)) {
            i = (int) (tNs / step);
        } else {
            i = Arrays.binarySearch(t, tNs);
            if (i < 0) i = -i - 2;
        }
        return Math.min(Math.max(i, 0), t.length - 2);
    }

    /** {time, value} of the spline's maximum: at a knot or where the quadratic derivative vanishes inside a segment. */
    private double[] splineMaximum() {
        double bestT = 0;
        double bestV = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < t.length; i++) {
            if (y[i] > bestV) {
                bestV = y[i];
                bestT = t[i];
            }
        }
        for (int i = 0; i + 1 < t.length; i++) {
            double h = t[i + 1] - t[i];
            // S'(b) as a quadratic in b = (t − t[i])/h: qa·b² + qb·b + qc
            double qa = (m[i + 1] - m[i]) * h / 2;
            double qb = m[i] * h;
            double qc = (y[i + 1] - y[i]) / h - (2 * m[i] + m[i + 1]) * h / 6;
            for (double b : quadraticRoots(qa, qb, qc)) {
                if (b > 0 && b < 1) {
                    double tt = t[i] + b * h;
                    double v = value(tt);
                    if (v > bestV) {
                        bestV = v;
                        bestT = tt;
                    }
                }
            }
        }
        return new double[] {bestT, bestV};
    }

    private static double[] quadraticRoots(double a, double b, double c) {
        double scale = Math.abs(a) + Math.abs(b) + Math.abs(c);
        if (scale == 0) return new double[0];
        if (Math.abs(a) <= 1e-14 * scale) return b == 0 ? new double[0] : new double[] {-c / b};
        double disc = b * b - 4 * a * c;
        if (disc < 0) return new double[0];
        // Numerically stable pair (no cancellation).
        double q = -0.5 * (b + Math.copySign(Math.sqrt(disc), b));
        return q == 0 ? new double[] {0} : new double[] {q / a, c / q};
    }

    private static double uniformStep(double[] x) {
        double h = x[1] - x[0];
        for (int i = 2; i < x.length; i++) {
            if (Math.abs(x[i] - x[i - 1] - h) > 1e-9 * h) return Double.NaN;
        }
        return h;
    }

    /**
     * Second derivatives of the not-a-knot cubic spline (third derivative continuous at the second and the
     * second-to-last knot). Unlike the natural spline it does not force zero curvature at the onset, where a
     * CR-RC pulse is curved, so it interpolates smooth pulses to O(h⁴) up to the ends.
     */
    private static double[] notAKnotSecondDerivatives(double[] x, double[] v) {
        int n = x.length;
        int k = n - 2; // unknowns m[1..n-2]
        double[] lower = new double[k];
        double[] diag = new double[k];
        double[] upper = new double[k];
        double[] rhs = new double[k];
        for (int j = 0; j < k; j++) {
            int i = j + 1;
            double h0 = x[i] - x[i - 1];
            double h1 = x[i + 1] - x[i];
            lower[j] = h0;
            diag[j] = 2 * (h0 + h1);
            upper[j] = h1;
            rhs[j] = 6 * ((v[i + 1] - v[i]) / h1 - (v[i] - v[i - 1]) / h0);
        }
        // m[0] = m[1]·(1 + h0/h1) − m[2]·h0/h1, folded into the first equation.
        double h0 = x[1] - x[0];
        double h1 = x[2] - x[1];
        diag[0] += h0 * (1 + h0 / h1);
        upper[0] -= h0 * h0 / h1;
        // m[n-1] = m[n-2]·(1 + hb/ha) − m[n-3]·hb/ha, folded into the last equation.
        double ha = x[n - 2] - x[n - 3];
        double hb = x[n - 1] - x[n - 2];
        diag[k - 1] += hb * (1 + hb / ha);
        lower[k - 1] -= hb * hb / ha;
        // Thomas algorithm.
        for (int j = 1; j < k; j++) {
            double w = lower[j] / diag[j - 1];
            diag[j] -= w * upper[j - 1];
            rhs[j] -= w * rhs[j - 1];
        }
        double[] m = new double[n];
        m[k] = rhs[k - 1] / diag[k - 1];
        for (int j = k - 2; j >= 0; j--) m[j + 1] = (rhs[j] - upper[j] * m[j + 2]) / diag[j];
        m[0] = m[1] * (1 + h0 / h1) - m[2] * h0 / h1;
        m[n - 1] = m[n - 2] * (1 + hb / ha) - m[n - 3] * hb / ha;
        return m;
    }


}
