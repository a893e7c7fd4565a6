package org.pulsedl.daq.emulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.pulsedl.daq.link.HostPort;
import org.pulsedl.daq.link.SerialTransport;
import org.pulsedl.daq.link.TcpTransport;
import org.pulsedl.daq.link.Transport;
import org.pulsedl.daq.link.UdpTransport;
import org.pulsedl.protocol.FrameDecoder;
import org.pulsedl.quantizer.qmodel.QuantizedModel;

/**
 * Puts one {@link EmulatedBoard} on a transport, as a board sits on its cable: a TCP port that accepts one host at
 * a time, a UDP port that answers whoever wrote last, or a pty pair made by {@code socat} (a Java process cannot
 * create a pty itself) whose other end a host opens as a serial port. The board, and the model loaded into it,
 * outlive a host's connection; a run stops when its host goes away.
 */
public final class EmulatorServer implements AutoCloseable {
    /** How long {@code socat} may take to create the pty pair. */
    static final long PTY_TIMEOUT_MS = 10_000;

    private final EmulatedBoard board;
    private final String address;
    private final ServerSocketChannel server;
    private final Process socat;
    private volatile Transport current;
    private volatile boolean closed;

    private EmulatorServer(EmulatorSettings s, QuantizedModel model, boolean paced, String address, ServerSocketChannel server,
                           Transport fixed, Process socat) {
        this.board = new EmulatedBoard(s, model, paced, new FrameOutput() {
            @Override
            public void send(byte[] frame, int off, int len) throws IOException {
                Transport t = current;
                if (t == null) throw new IOException("no host is connected");
                t.send(frame, off, len);
            }
        });
        this.address = address;
        this.server = server;
        this.current = fixed;
        this.socat = socat;
    }

    /** A board listening on TCP {@code at} (port 0: any free port; {@link #address()} tells which). */
    public static EmulatorServer tcp(InetSocketAddress at, EmulatorSettings s, QuantizedModel model, boolean paced) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            server.bind(at);
            return new EmulatorServer(s, model, paced, HostPort.text((InetSocketAddress) server.getLocalAddress()), server, null, null);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** A board listening on UDP {@code at}. */
    public static EmulatorServer udp(InetSocketAddress at, EmulatorSettings s, QuantizedModel model, boolean paced) throws IOException {
        UdpTransport t = UdpTransport.bind(at);
        try {
            return new EmulatorServer(s, model, paced, HostPort.text(t.localAddress()), null, t, null);
        } catch (IOException | RuntimeException e) {
            t.close();
            throw e;
        }
    }

    /**
     * A board on one end of a pty pair that {@code socat} creates in {@code dir}; {@link #address()} is the path of
     * the other end, which a host opens as a serial port at {@code baud}.
     */
    public static EmulatorServer pty(Path dir, int baud, EmulatorSettings s, QuantizedModel model, boolean paced) throws IOException, InterruptedException {
        Path boardEnd = dir.resolve("pulsedl-board");
        Path hostEnd = dir.resolve("pulsedl-host");
        Process socat;
        try {
            socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + boardEnd, "pty,raw,echo=0,link=" + hostEnd)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException("--pty needs socat to create the pty pair, and it could not be started (install socat: apt-get install socat)", e);
        }
        try {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PTY_TIMEOUT_MS);
            while (!(Files.exists(boardEnd) && Files.exists(hostEnd))) {
                if (!socat.isAlive()) throw new IOException("socat stopped before creating the pty pair (exit " + socat.exitValue() + ")");
                if (System.nanoTime() > end) throw new IOException("socat did not create the pty pair within " + PTY_TIMEOUT_MS + " ms");
                Thread.sleep(20);
            }
            SerialTransport t = SerialTransport.open(boardEnd.toString(), baud);
            return new EmulatorServer(s, model, paced, hostEnd.toString(), null, t, socat);
        } catch (IOException | InterruptedException | RuntimeException e) {
            socat.destroy();
            throw e;
        }
    }

    /** Where a host connects: {@code HOST:PORT}, or the pty path to open as a serial port. */
    public String address() { return address; }

    public EmulatedBoard board() { return board; }

    /** Serves hosts until {@link #close()}. */
    public void serve() throws IOException, InterruptedException {
        if (server == null) {
            serveLink(current);
            return;
        }
        while (!closed) {
            SocketChannel accepted;
            try {
                accepted = server.accept();
            } catch (IOException e) {
                if (closed) return;
                throw e;
            }
            TcpTransport t = TcpTransport.of(accepted);
            current = t;
            try {
                serveLink(t);
            } finally {
                board.close();      // the host went away: stop its run, keep the board's model
                current = null;
                t.close();
            }
        }
    }

    /** Serves in a daemon thread; returns at once. */
    public Thread start() {
        Thread t = new Thread(() -> {
            try {
                serve();
            } catch (IOException | InterruptedException e) {
                if (!closed) System.err.println("pulsedl emulate: error: " + e.getMessage());
            }
        }, "emulator-server");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void serveLink(Transport t) throws IOException {
        FrameDecoder decoder = new FrameDecoder(board);
        try {
            while (!closed) {
                if (t.receive(decoder, 200) < 0) return;
            }
        } catch (IOException | java.nio.channels.ClosedSelectorException e) {
            if (!closed) throw e;    // close() shut the transport under the receive: the normal way out
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        board.close();
        try {
            if (server != null) server.close();
        } catch (IOException ignored) {
            // closing a listening socket cannot lose data
        }
        Transport t = current;
        if (t != null) t.close();
        if (socat != null) {
            socat.destroy();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
