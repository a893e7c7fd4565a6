package org.pulsedl.daq.gui;

import java.awt.GraphicsEnvironment;
import org.pulsedl.quantizer.qmodel.QuantizedModel;

/** Opening the window from a command: {@code pulsedl gui}, and {@code pulsedl demo --gui}. */
public final class GuiLaunch {
    private GuiLaunch() {}

    /** Why no window can open here, or null when a display is present. */
    public static String noDisplayReason() {
        String display = System.getenv("DISPLAY");
        if (!GraphicsEnvironment.isHeadless()) {
            // A headless-only Java runtime lacks the X11 toolkit and would fail at the first window.
            boolean toolkit = java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("java.home"), "lib", "libawt_xawt.so"))
                    || !System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
            return toolkit ? null : "this Java runtime has no X11 toolkit (install the openjdk-17-jre package)";
        }
        return display == null || display.isBlank() ? "no display (DISPLAY is not set)"
                : "Java was started headless (./pulsedl starts gui with the display enabled)";
    }

    /**
     * Opens the window with {@code model}, connects to {@code target} (null: asks with the connect dialog) and
     * returns the window; {@link MainWindow#awaitClosed} waits for the user to close it.
     */
    public static MainWindow open(GuiSettings settings, QuantizedModel model, ConnectTarget target) throws Exception {
        MainWindow w = MainWindow.open(settings, model);
        if (target != null) {
            w.connect(target);
        } else {
            javax.swing.SwingUtilities.invokeLater(w::askAndConnect);
        }
        return w;
    }
}
