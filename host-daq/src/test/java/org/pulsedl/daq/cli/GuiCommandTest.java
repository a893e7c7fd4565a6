package org.pulsedl.daq.cli;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code pulsedl gui} without a display, or with a malformed --connect: one line naming the problem, exit code 2. */
class GuiCommandTest {
    @Test
    void headlessSaysSoInOneLine() {
        // The tests run headless (surefire sets java.awt.headless=true): the window cannot open.
        CliRun.of("gui").assertUserError("pulsedl gui", "needs a display", "pulsedl daq");
    }

    @Test
    void demoStaysHeadlessWithoutADisplay() throws Exception {
        StringWriter out = new StringWriter();
        assertNull(DemoWindow.open(new PrintWriter(out, true)), "no window without a display");
        assertTrue(out.toString().startsWith("--gui: ") && out.toString().contains("the demo runs headless"), out.toString());
        assertTrue(CliRun.of("demo", "--help").out().contains("--gui"));
    }

    @Test
    void malformedTargetNamesIt() {
        CliRun.of("gui", "--connect", "usb:3").assertUserError("--connect 'usb:3'", "tcp:HOST:PORT");
        CliRun.of("gui", "--connect", "tcp:localhost").assertUserError("'localhost' is not HOST:PORT");
    }
}
