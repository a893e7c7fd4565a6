package org.pulsedl.daq.cli;

import java.util.concurrent.Callable;
import org.pulsedl.daq.gui.ConnectTarget;
import org.pulsedl.daq.gui.GuiLaunch;
import org.pulsedl.daq.gui.GuiSettings;
import org.pulsedl.daq.gui.MainWindow;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pulsedl gui}: the live DAQ window (issue 13 "GUI"; docs/gui.md). */
@Command(name = "gui", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Open the DAQ window: a scope of raw waveforms with the network's time marker, the channel time "
                + "difference histogram with a live Gaussian fit (sigma and FWHM in ps), the energy spectrum with its line "
                + "fit and resolution, rate and loss counters; model load, recording to list mode, replay and PNG export.",
                "Without --connect a dialog asks where the board is (serial ports, TCP, UDP, the built-in emulator, the simulated SoC). "
                        + "Settings are kept in ~/.config/pulsedl/gui.properties (PULSEDL_CONFIG_DIR overrides the folder)."})
public final class GuiCommand implements Callable<Integer> {
    @Option(names = "--connect", paramLabel = "TARGET",
            description = "Connect at once: tcp:HOST:PORT, udp:HOST:PORT, serial:DEV[@BAUD], emulator, or soc:PTY (the pty "
                    + "pulsedl sim --elf FIRMWARE --pty --windows DATASET printed).")
    String connect;

    @Option(names = "--model", paramLabel = "PATH|builtin",
            description = "The model the board must run (loaded onto it when it runs another). Default: the last one used, else the shipped pdl2 model.")
    String model;

    @Override
    public Integer call() throws Exception {
        ConnectTarget target = connect == null ? null : ConnectTarget.parse(connect);
        String why = GuiLaunch.noDisplayReason();
        if (why != null) {
            throw new IllegalArgumentException("pulsedl gui needs a display: " + why + "; for headless acquisition use pulsedl daq");
        }
        GuiSettings settings = GuiSettings.load();
        String m = model != null ? model : settings.get(GuiSettings.MODEL, "builtin");
        QuantizedModel q = ModelInput.resolve(m).quantized();
        MainWindow w = GuiLaunch.open(settings, q, target);
        w.awaitClosed();
        return 0;
    }
}
