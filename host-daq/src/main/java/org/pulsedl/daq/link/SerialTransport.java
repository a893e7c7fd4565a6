package org.pulsedl.daq.link;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.pulsedl.protocol.FrameDecoder;

/**
 * A serial port through jSerialComm (8N1, no flow control, up to 3 Mbaud). When the device goes away (USB
 * unplugged, the pty's other end closed) the decoder sees the end of the stream, and {@link #receive} keeps trying
 * to open the same path again until it is back; frames lost meanwhile show as a sequence gap. The path is
 * resolved again on every attempt, so a symlink that now points to a new device (udev, socat's {@code link=})
 * is followed.
 */
public final class SerialTransport implements Transport {
    /** The fastest rate offered (USB-serial bridges such as the FT2232H run 3 Mbaud). */
    public static final int MAX_BAUD = 3_000_000;
    /** Pause between attempts to reopen a lost device. */
    static final int RETRY_MILLIS = 200;
    /** Longest single wait inside a read, so a lost device or close() is noticed quickly. */
    private static final int POLL_MILLIS = 50;

    private final String device;
    private final int baud;
    private final byte[] in = new byte[64 * 1024];
    private volatile SerialPort port;
    private volatile boolean closed;
    private long nextAttempt;
    private volatile long reconnects;

    private SerialTransport(String device, int baud, SerialPort port) {
        this.device = device;
        this.baud = baud;
        this.port = port;
    }

    /** A serial port and its description, as a connect dialog lists them. */
    public record PortInfo(String path, String description) {
    }

    /** The serial ports the system offers now. */
    public static List<PortInfo> list() {
        List<PortInfo> out = new ArrayList<>();
        for (SerialPort p : SerialPort.getCommPorts()) {
            out.add(new PortInfo(p.getSystemPortPath(), p.getDescriptivePortName()));
        }
        return out;
    }

    /** Opens {@code device} (e.g. {@code /dev/ttyUSB1}, a pty path or a symlink to one) at {@code baud}. */
    public static SerialTransport open(String device, int baud) throws IOException {
        if (baud < 1200 || baud > MAX_BAUD) {
            throw new IllegalArgumentException("baud rate " + baud + " is not 1200.." + MAX_BAUD);
        }
        SerialPort p = tryOpen(device, baud);
        if (p == null) {
            throw new IOException("serial port " + device + " cannot be opened (missing, busy, or no permission)");
        }
        return new SerialTransport(device, baud, p);
    }

    /** The open port, or null while the device is missing, busy or not permitted. */
    private static SerialPort tryOpen(String device, int baud) {
        SerialPort p;
        try {
            p = SerialPort.getCommPort(device);
        } catch (SerialPortInvalidPortException e) {
            return null;                      // the path does not exist (yet)
        }
        p.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        // Reads return what has arrived, waiting at most POLL_MILLIS for the first byte; writes block until done.
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, POLL_MILLIS, 0);
        if (!p.openPort()) {
            return null;
        }
        return p;
    }

    @Override
    public String name() {
        return "serial " + device + " @ " + baud + " baud";
    }

    @Override
    public long reconnects() {
        return reconnects;
    }

    /** True while the device is open (false between an unplug and the reconnect). */
    public boolean connected() {
        return port != null;
    }

    @Override
    public void send(byte[] frames, int off, int len) throws IOException {
        SerialPort p = port;
        if (p == null) {
            throw new IOException(device + " is disconnected");
        }
        synchronized (in) {
            while (len > 0) {
                int n = p.writeBytes(frames, len, off);
                if (n < 0) {
                    throw new IOException(device + " is disconnected");
                }
                off += n;
                len -= n;
            }
        }
    }

    @Override
    public int receive(FrameDecoder decoder, int timeoutMillis) {
        long deadline = System.nanoTime() + Math.max(1, timeoutMillis) * 1_000_000L;
        while (!closed) {
            SerialPort p = port;
            if (p == null) {
                if (!reconnect(deadline)) {
                    return 0;
                }
                continue;
            }
            int n = p.readBytes(in, in.length);
            if (n > 0) {
                decoder.feed(in, 0, n);
                return n;
            }
            if (n < 0 || !p.isOpen()) {
                lost(p, decoder);
            } else if (System.nanoTime() >= deadline) {
                return 0;
            }
        }
        return -1;
    }

    private void lost(SerialPort p, FrameDecoder decoder) {
        port = null;
        p.closePort();
        decoder.endOfStream();
        nextAttempt = System.nanoTime();
    }

    /** Attempts to reopen, at most every {@link #RETRY_MILLIS}, until {@code deadline}; true once open. */
    private boolean reconnect(long deadline) {
        while (!closed) {
            long now = System.nanoTime();
            if (now >= nextAttempt) {
                nextAttempt = now + RETRY_MILLIS * 1_000_000L;
                SerialPort p = tryOpen(device, baud);
                if (p != null) {
                    port = p;
                    reconnects++;
                    return true;
                }
            }
            if (now >= deadline) {
                return false;
            }
            sleep(Math.min(deadline, nextAttempt) - now);
        }
        return false;
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(Math.max(1, nanos / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        SerialPort p = port;
        port = null;
        if (p != null) {
            p.closePort();
        }
    }
}
