package org.pulsedl.daq.cli;

import java.io.PrintWriter;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.daq.gui.ConnectTarget;
import org.pulsedl.daq.gui.GuiLaunch;
import org.pulsedl.daq.gui.GuiSettings;
import org.pulsedl.daq.gui.MainWindow;

/** {@code pulsedl demo --gui}: the DAQ window on the built-in emulator beside the demo, when a display is present. */
final class DemoWindow {
    private final MainWindow window;

    private DemoWindow(MainWindow window) { this.window = window; }

    /** Opens the window, or says in one line why the demo stays headless and returns null. */
    static DemoWindow open(PrintWriter out) throws Exception {
        String why = GuiLaunch.noDisplayReason();
        if (why != null) {
            out.println("--gui: " + why + "; the demo runs headless");
            out.flush();
            return null;
        }
        out.println("--gui: the DAQ window shows the built-in emulator live (close it to end the demo)");
        out.flush();
        return new DemoWindow(GuiLaunch.open(GuiSettings.load(), NeuralModel.builtin().quantized(), ConnectTarget.EMULATOR));
    }

    void awaitClosed(PrintWriter out) throws InterruptedException {
        out.println("the demo is done; close the DAQ window to finish");
        out.flush();
        window.awaitClosed();
    }
}
