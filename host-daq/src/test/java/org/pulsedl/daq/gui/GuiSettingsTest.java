package org.pulsedl.daq.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings survive a restart, a damaged file falls back to the defaults with a reason, and connect targets read back. */
class GuiSettingsTest {
    @TempDir
    Path dir;

    @Test
    void rememberedAcrossLoads() throws Exception {
        GuiSettings s = GuiSettings.load(dir.resolve("cfg"));
        assertNull(s.problem());
        assertEquals(GuiSettings.DEFAULT_PRESCALE, s.getInt(GuiSettings.WAVEFORM_PRESCALE, GuiSettings.DEFAULT_PRESCALE));
        s.put(GuiSettings.CONNECT, "tcp:127.0.0.1:5000");
        s.put(GuiSettings.MODEL, "/models/x é.qmodel");
        s.put(GuiSettings.WAVEFORM_PRESCALE, "50");
        s.save();
        GuiSettings again = GuiSettings.load(dir.resolve("cfg"));
        assertEquals("tcp:127.0.0.1:5000", again.get(GuiSettings.CONNECT, null));
        assertEquals("/models/x é.qmodel", again.get(GuiSettings.MODEL, null));
        assertEquals(50, again.getInt(GuiSettings.WAVEFORM_PRESCALE, 0));
        again.put(GuiSettings.MODEL, null);
        again.save();
        assertNull(GuiSettings.load(dir.resolve("cfg")).get(GuiSettings.MODEL, null));
    }

    @Test
    void folderOverridableAndDamagedFileIgnored() throws Exception {
        String old = System.getProperty("pulsedl.config.dir");
        System.setProperty("pulsedl.config.dir", dir.toString());
        try {
            assertEquals(dir, GuiSettings.defaultFolder());
            Files.writeString(dir.resolve(GuiSettings.FILE), "connect=tcp:1.2.3.4:5\nwaveform.prescale=\\u12", java.nio.charset.StandardCharsets.UTF_8);
            GuiSettings s = GuiSettings.load();
            assertTrue(s.problem().contains(GuiSettings.FILE) && s.problem().contains("using the defaults"), s.problem());
            assertNull(s.get(GuiSettings.CONNECT, null));
        } finally {
            if (old == null) System.clearProperty("pulsedl.config.dir"); else System.setProperty("pulsedl.config.dir", old);
        }
    }

    @Test
    void connectTargetsReadBack() {
        for (String t : new String[] {"tcp:127.0.0.1:5000", "udp:[::1]:7", "serial:/dev/ttyUSB1", "serial:/tmp/pty@115200", "emulator", "soc:/dev/pts/7"}) {
            assertEquals(t, ConnectTarget.parse(t).text());
        }
        assertEquals(ConnectTarget.Kind.SERIAL, ConnectTarget.parse("serial:/dev/ttyUSB1").kind());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConnectTarget.parse("tcp:nohost"));
        assertTrue(e.getMessage().contains("nohost"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConnectTarget.parse("usb:3"));
        assertTrue(e.getMessage().startsWith("--connect 'usb:3' is not tcp:HOST:PORT"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConnectTarget.parse("serial:/dev/x@fast"));
    }
}
