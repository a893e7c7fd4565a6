package org.pulsedl.daq.cli;

import org.junit.jupiter.api.Test;

/** {@code pulsedl gui} without a display, or with a malformed --connect: one line naming the problem, exit code 2. */
class GuiCommandTest {
    @Test
    void headlessSaysSoInOneLine() {
        // The tests run headless (surefire sets java.awt.headless=true): the window cannot open.
        CliRun.of("gui").assertUserError("pulsedl gui", "needs a display", "pulsedl daq");
    }

    @Test
    void malformedTargetNamesIt() {
        CliRun.of("gui", "--connect", "usb:3").assertUserError("--connect 'usb:3'", "tcp:HOST:PORT");
        CliRun.of("gui", "--connect", "tcp:localhost").assertUserError("'localhost' is not HOST:PORT");
    }
}
