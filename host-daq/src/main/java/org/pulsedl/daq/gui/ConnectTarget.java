package org.pulsedl.daq.gui;

import java.util.Locale;
import org.pulsedl.daq.link.HostPort;
import org.pulsedl.daq.link.SerialTransport;

/**
 * A board to connect to, as {@code pulsedl gui --connect} and the settings file write it: {@code tcp:HOST:PORT},
 * {@code udp:HOST:PORT}, {@code serial:DEV} (optionally {@code serial:DEV@BAUD}), {@code emulator} (the built-in
 * emulator, started in this process) or {@code soc:PTY} (the simulated SoC: the pty {@code pulsedl sim --pty}
 * printed).
 *
 * @param kind  the transport
 * @param where HOST:PORT or the device; empty for the emulator
 * @param baud  the serial baud rate
 */
public record ConnectTarget(Kind kind, String where, int baud) {
    public enum Kind { TCP, UDP, SERIAL, EMULATOR, SIMULATED_SOC }

    public static final ConnectTarget EMULATOR = new ConnectTarget(Kind.EMULATOR, "", SerialTransport.MAX_BAUD);

    /** Parses the text; a malformed one gives an IllegalArgumentException naming it and the forms accepted. */
    public static ConnectTarget parse(String text) {
        String t = text.trim();
        int colon = t.indexOf(':');
        String scheme = (colon < 0 ? t : t.substring(0, colon)).toLowerCase(Locale.ROOT);
        String rest = colon < 0 ? "" : t.substring(colon + 1);
        switch (scheme) {
            case "emulator":
                if (!rest.isEmpty()) break;
                return EMULATOR;
            case "soc":
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException("--connect '" + text + "': give the simulated SoC's pty, "
                            + "soc:/dev/pts/N as pulsedl sim --pty printed it");
                }
                return new ConnectTarget(Kind.SIMULATED_SOC, rest, SerialTransport.MAX_BAUD);
            case "tcp", "udp":
                HostPort.parse(rest);   // names the text when it is not HOST:PORT
                return new ConnectTarget(scheme.equals("tcp") ? Kind.TCP : Kind.UDP, rest, SerialTransport.MAX_BAUD);
            case "serial":
                if (rest.isEmpty()) break;
                int at = rest.lastIndexOf('@');
                if (at < 0) return new ConnectTarget(Kind.SERIAL, rest, SerialTransport.MAX_BAUD);
                try {
                    return new ConnectTarget(Kind.SERIAL, rest.substring(0, at), Integer.parseInt(rest.substring(at + 1)));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--connect '" + text + "': the baud rate after @ must be a number");
                }
            default:
                break;
        }
        throw new IllegalArgumentException("--connect '" + text + "' is not tcp:HOST:PORT, udp:HOST:PORT, serial:DEV[@BAUD], emulator or soc:PTY");
    }

    /** The text {@link #parse} reads back. */
    public String text() {
        return switch (kind) {
            case TCP -> "tcp:" + where;
            case UDP -> "udp:" + where;
            case SERIAL -> "serial:" + where + (baud == SerialTransport.MAX_BAUD ? "" : "@" + baud);
            case EMULATOR -> "emulator";
            case SIMULATED_SOC -> "soc:" + where;
        };
    }
}
