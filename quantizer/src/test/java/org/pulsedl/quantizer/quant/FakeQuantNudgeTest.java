package org.pulsedl.quantizer.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FakeQuantNudgeTest {

    @Test
    void noNudgingNeeded() {
        // [-0.1, 63.65]: scale 63.75/255 = 0.25, zero point from min 0.4 → 0 → [0, 63.75]
        FakeQuantNudge n = FakeQuantNudge.nudge(-0.1f, 63.65f, 8, false);
        assertEquals(0.25f, n.scale());
        assertEquals(0, n.zeroPoint());
        assertEquals(0.0f, n.nudgedMin());
        assertEquals(63.75f, n.nudgedMax());
    }

    @Test
    void zeroPointNudgedUp() {
        // [-0.125, 63.625]: scale 0.25, zero point from min 0.5 → 1 (ties away) → [-0.25, 63.5]
        FakeQuantNudge n = FakeQuantNudge.nudge(-0.125f, 63.625f, 8, false);
        assertEquals(1, n.zeroPoint());
        assertEquals(-0.25f, n.nudgedMin());
        assertEquals(63.5f, n.nudgedMax());
    }

    @Test
    void narrowRange() {
        // quant range [1, 255]: scale 63.5/254 = 0.25, zero point from min 1.4 → 1 → [0, 63.5]
        FakeQuantNudge n = FakeQuantNudge.nudge(-0.1f, 63.4f, 8, true);
        assertEquals(1, n.quantMin());
        assertEquals(0.25f, n.scale());
        assertEquals(1, n.zeroPoint());
        assertEquals(0.0f, n.nudgedMin());
        assertEquals(63.5f, n.nudgedMax());
    }

    @Test
    void minusPointOneToPointNineIsComputedInFloat32() {
        // Exact arithmetic gives zero point 0.1 · 255 = 25.5 → 26, but TensorFlow's kernel computes in float32,
        // where 0.1f / (1f/255f) = 25.499998 → 25. We mirror the kernel.
        FakeQuantNudge n = FakeQuantNudge.nudge(-0.1f, 0.9f, 8, false);
        float scale = 1.0f / 255.0f;
        assertEquals(scale, n.scale());
        assertEquals(25, n.zeroPoint());
        assertEquals(-25 * scale, n.nudgedMin());
        assertEquals(230 * scale, n.nudgedMax());
        assertEquals(new QuantParams(scale, -103, Width.INT8), n.toInt8());
    }

    @Test
    void fakeQuantSnapsAndClamps() {
        FakeQuantNudge n = FakeQuantNudge.nudge(-0.1f, 63.65f, 8, false);
        assertEquals(0.0f, n.fakeQuant(0.1f));
        assertEquals(0.25f, n.fakeQuant(0.13f));
        assertEquals(0.25f, n.fakeQuant(0.125f));     // floor(0.5 + 0.5): ties up
        assertEquals(63.75f, n.fakeQuant(100f));
        assertEquals(0.0f, n.fakeQuant(-1f));
    }

    @Test
    void refusesEmptyRange() {
        assertEquals("fake-quant range needs min < max, got [1.0, 1.0]",
                assertThrows(IllegalArgumentException.class, () -> FakeQuantNudge.nudge(1f, 1f, 8, false)).getMessage());
    }
}
