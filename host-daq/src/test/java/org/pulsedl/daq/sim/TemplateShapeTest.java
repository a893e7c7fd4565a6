package org.pulsedl.daq.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateShapeTest {
    @TempDir
    Path dir;

    private static double[] sampleCrRc(CrRcShape s, double step, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = s.value(i * step);
        return v;
    }

    @Test
    void reproducesTheSampledPointsAfterBaselineAndPeakNormalisation() {
        double[] v = {10, 12, 30, 50, 42, 25, 15, 11, 10};
        TemplateShape s = TemplateShape.ofSamples("t", 4, v);
        double peak = s.value(s.peakTimeNs()) * 1; // 1 by construction
        assertEquals(1.0, peak, 1e-15);
        // The normalisation constant is the spline maximum, slightly above the largest sample (50 − 10).
        double scale = (50 - 10) / s.value(12);
        assertTrue(scale >= 40 && scale < 42, "spline peak " + scale);
        for (int i = 1; i < v.length - 1; i++) {
            assertEquals((v[i] - 10) / scale, s.value(4 * i), 1e-12, "point " + i);
        }
        assertEquals(0, s.value(0));
        assertEquals(0, s.value(-1));
        assertEquals(0, s.value(100));
    }

    @Test
    void crRcTemplateApproximatesTheAnalyticShape() {
        CrRcShape exact = new CrRcShape(1, 16);
        TemplateShape s = TemplateShape.ofSamples("crrc", 0.5, sampleCrRc(exact, 0.5, 801));
        assertEquals(16.0, s.peakTimeNs(), 1e-5);
        for (double t = 0.1; t < 390; t += 0.173) {
            assertEquals(exact.value(t), s.value(t), 1e-6, "value at " + t);
        }
        for (double t = 0.5; t < 390; t += 0.173) {
            assertEquals(exact.derivative(t), s.derivative(t), 1e-5, "derivative at " + t);
        }
    }

    @Test
    void derivativeIsTheDerivativeOfTheInterpolant() {
        TemplateShape s = TemplateShape.ofSamples("t", 4, new double[] {0, 3, 30, 50, 42, 25, 15, 11, 9, 8.5, 8.2});
        PulseShapeTest.assertDerivativeConsistent(s, 0.05, 39.9);
        // Non-uniform knots take the binary-search path.
        TemplateShape u = TemplateShape.ofPoints("u", new double[] {0, 1, 3, 4, 7, 12, 20}, new double[] {0, 2, 9, 10, 6, 2, 0.5});
        PulseShapeTest.assertDerivativeConsistent(u, 0.05, 19.9);
        assertEquals(1.0, u.value(u.peakTimeNs()), 1e-14);
        assertEquals(0, u.derivative(u.peakTimeNs()), 1e-9);
    }

    @Test
    void readsOneColumnWithStepAndTwoColumnsWithHeaderAndComments() throws IOException {
        CrRcShape exact = new CrRcShape(2, 10);
        double[] v = sampleCrRc(exact, 1, 200);
        StringBuilder one = new StringBuilder("# averaged pulse\n\n");
        StringBuilder two = new StringBuilder("t_ns,value\n");
        for (int i = 0; i < v.length; i++) {
            one.append(100 + 500 * v[i]).append('\n');
            two.append(5 + i).append(" ; ").append(100 + 500 * v[i]).append('\n');
        }
        Path f1 = Files.writeString(dir.resolve("one.txt"), one);
        Path f2 = Files.writeString(dir.resolve("two.csv"), two);
        TemplateShape s1 = TemplateShape.read(f1, 1.0);
        TemplateShape s2 = TemplateShape.read(f2, Double.NaN);
        assertEquals("template one.txt (200 points, step 1.0 ns)", s1.describe());
        assertEquals("template two.csv (200 points, step 1.0 ns)", s2.describe());
        for (double t = 0.3; t < 150; t += 1.7) {
            assertEquals(s1.value(t), s2.value(t), 1e-12);
            assertEquals(exact.value(t), s1.value(t), 1e-3);
        }
    }

    @Test
    void malformedFilesNameFileLineAndExpectation() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "t,v\n0,1\n1,2\n2,x\n3,1\n");
        assertEquals(bad + ":4: expected a number (value), found 'x'",
                assertThrows(IllegalArgumentException.class, () -> TemplateShape.read(bad, Double.NaN)).getMessage());
        Path cols = Files.writeString(dir.resolve("cols.csv"), "0,1\n1,2\n2\n3,1\n");
        assertEquals(cols + ":3: expected 2 columns (t_ns,value) like the first data line, found 1 fields",
                assertThrows(IllegalArgumentException.class, () -> TemplateShape.read(cols, Double.NaN)).getMessage());
        Path order = Files.writeString(dir.resolve("order.csv"), "0,0\n2,2\n1,3\n3,1\n");
        assertEquals(order + ":3: expected t_ns greater than the previous line's 2.0, found t_ns = 1.0",
                assertThrows(IllegalArgumentException.class, () -> TemplateShape.read(order, Double.NaN)).getMessage());
        Path few = Files.writeString(dir.resolve("few.txt"), "0\n1\n0.5\n");
        assertEquals(few + ": expected at least 4 data lines, found 3",
                assertThrows(IllegalArgumentException.class, () -> TemplateShape.read(few, 2)).getMessage());
        Path noStep = Files.writeString(dir.resolve("nostep.txt"), "0\n1\n2\n0.5\n");
        assertEquals(noStep + " has one column (values); give the sample step in ns (--template-step)",
                assertThrows(IllegalArgumentException.class, () -> TemplateShape.read(noStep, Double.NaN)).getMessage());
        Path flat = Files.writeString(dir.resolve("flat.txt"), "5\n4\n3\n2\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TemplateShape.read(flat, 1)).getMessage()
                .contains("never rises above its first value"));
    }
}
