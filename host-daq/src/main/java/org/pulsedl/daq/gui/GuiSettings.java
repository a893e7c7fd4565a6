package org.pulsedl.daq.gui;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.pulsedl.quantizer.io.AtomicOutput;

/**
 * What the GUI remembers between runs (the last connection, model, folders, waveform prescale), as a properties
 * file {@code gui.properties} in the configuration folder: {@code -Dpulsedl.config.dir}, else
 * {@code $PULSEDL_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/pulsedl}, else {@code ~/.config/pulsedl}. A file that
 * cannot be read is set aside in favour of the defaults (a settings file never keeps the GUI from starting); the
 * reason is kept for the status line.
 */
public final class GuiSettings {
    public static final String FILE = "gui.properties";
    public static final String CONNECT = "connect", MODEL = "model", RECORD_DIR = "record.dir", REPLAY_DIR = "replay.dir",
            EXPORT_DIR = "export.dir", WAVEFORM_PRESCALE = "waveform.prescale", BOUNDS = "window.bounds";
    /** Every n-th event's waveform by default: a few per second at the emulator's default rate. */
    public static final int DEFAULT_PRESCALE = 1000;

    private final Path file;
    private final Properties values = new Properties();
    private String problem;

    private GuiSettings(Path file) { this.file = file; }

    /** The settings in the default configuration folder. */
    public static GuiSettings load() { return load(defaultFolder()); }

    /** The settings in {@code folder} (created on the first save). */
    public static GuiSettings load(Path folder) {
        GuiSettings s = new GuiSettings(folder.resolve(FILE));
        if (Files.isRegularFile(s.file)) {
            try (Reader r = Files.newBufferedReader(s.file, StandardCharsets.UTF_8)) {
                s.values.load(r);
            } catch (IOException | IllegalArgumentException e) {
                s.values.clear();
                s.problem = "settings file " + s.file + " could not be read (" + e.getMessage() + "); using the defaults";
            }
        }
        return s;
    }

    static Path defaultFolder() {
        String p = System.getProperty("pulsedl.config.dir");
        if (p == null || p.isBlank()) p = System.getenv("PULSEDL_CONFIG_DIR");
        if (p != null && !p.isBlank()) return Path.of(p);
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("pulsedl");
    }

    public Path file() { return file; }

    /** Why the file was not used, or null. */
    public String problem() { return problem; }

    public synchronized String get(String key, String fallback) { return values.getProperty(key, fallback); }

    public synchronized int getInt(String key, int fallback) {
        try {
            return Integer.parseInt(values.getProperty(key, Integer.toString(fallback)).trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public synchronized void put(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
    }

    /** Writes the file (atomically: a crash leaves the old one). */
    public synchronized void save() throws IOException {
        Files.createDirectories(file.getParent());
        StringWriter w = new StringWriter();
        values.store(w, "pulsedl gui settings");
        AtomicOutput.writeString(file, w.toString());
    }
}
