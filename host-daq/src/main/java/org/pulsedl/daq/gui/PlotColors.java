package org.pulsedl.daq.gui;

import java.awt.Color;

/** The views' colours, in one place: the GUI test finds the histograms' bars on screen by {@link #BARS}. */
public final class PlotColors {
    private PlotColors() {}

    /** Histogram bars (a flat fill, no gradient or shadow). */
    public static final Color BARS = new Color(31, 119, 180);
    /** Fitted curves. */
    public static final Color FIT = new Color(214, 39, 40);
    /** Scope traces by channel. */
    public static final Color[] CHANNELS = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(148, 103, 189)};
    /** The network's time marker on the scope. */
    public static final Color MARKER = new Color(214, 39, 40);
}
