package org.pulsedl.daq.bench;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A vertical log axis labelled at 1, 2 and 5 × 10^k with unlabelled minor ticks between: JFreeChart's
 * LogAxis labels only powers of ten, so a resolution range such as 20–800 ps showed a single number.
 */
public final class ReadableLogAxis extends LogAxis {
    private static final int[] LABELLED = {1, 2, 5};

    public ReadableLogAxis(String label) {
        super(label);
        setBase(10);
        setSmallestValue(1e-3);
    }

    @Override
    protected List refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        List<NumberTick> ticks = new ArrayList<>();
        double lo = getLowerBound(), hi = getUpperBound();
        if (!(lo > 0) || !(hi > lo)) return super.refreshTicksVertical(g2, dataArea, edge);
        for (int k = (int) Math.floor(Math.log10(lo)); k <= (int) Math.ceil(Math.log10(hi)); k++) {
            double decade = Math.pow(10, k);
            for (int m = 1; m <= 9; m++) {
                double v = m * decade;
                if (v < lo || v > hi) continue;
                boolean major = m == LABELLED[0] || m == LABELLED[1] || m == LABELLED[2];
                String text = major ? getNumberFormatOverride() != null ? getNumberFormatOverride().format(v) : format(v) : "";
                ticks.add(new NumberTick(major ? TickType.MAJOR : TickType.MINOR, v, text, TextAnchor.CENTER_RIGHT,
                        TextAnchor.CENTER_RIGHT, 0));
            }
        }
        return ticks;
    }

    private static String format(double v) {
        return v >= 1 ? String.format("%.0f", v) : String.format("%s", (float) v);
    }
}
