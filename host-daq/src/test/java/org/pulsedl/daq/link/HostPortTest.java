package org.pulsedl.daq.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** HOST:PORT as typed by a user: accepted forms, and one message per mistake naming the text. */
class HostPortTest {
    @Test
    void parsesHostsAndPorts() {
        assertEquals("127.0.0.1:5000", HostPort.text(HostPort.parse("127.0.0.1:5000")));
        assertEquals("[0:0:0:0:0:0:0:1]:9", HostPort.text(HostPort.parse("[::1]:9")));
    }

    @Test
    void refusesMalformedText() {
        assertEquals("'localhost' is not HOST:PORT (e.g. 127.0.0.1:5000)",
                assertThrows(IllegalArgumentException.class, () -> HostPort.parse("localhost")).getMessage());
        assertEquals("'host:' is not HOST:PORT (e.g. 127.0.0.1:5000)",
                assertThrows(IllegalArgumentException.class, () -> HostPort.parse("host:")).getMessage());
        assertEquals("'host:70000': the port must be a number 0..65535",
                assertThrows(IllegalArgumentException.class, () -> HostPort.parse("host:70000")).getMessage());
        assertEquals("'host:x1': the port must be a number 0..65535",
                assertThrows(IllegalArgumentException.class, () -> HostPort.parse("host:x1")).getMessage());
    }
}
