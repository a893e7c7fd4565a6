package org.pulsedl.daq.link;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import org.pulsedl.protocol.FrameDecoder;

/**
 * A TCP connection (NIO, non-blocking with selectors for the timeouts): one byte stream each way. Either end can
 * use it: {@link #connect} on the host, {@link #of} for a connection a board's server socket accepted.
 */
public final class TcpTransport implements Transport {
    private static final int READ_BUFFER = 256 * 1024;

    private final SocketChannel channel;
    private final String name;
    private final Selector readSelector;
    private final Selector writeSelector;
    private final ByteBuffer in = ByteBuffer.allocate(READ_BUFFER);
    private boolean ended;

    private TcpTransport(SocketChannel channel, String name) throws IOException {
        this.channel = channel;
        this.name = name;
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.setOption(StandardSocketOptions.SO_RCVBUF, READ_BUFFER);
        channel.setOption(StandardSocketOptions.SO_SNDBUF, READ_BUFFER);
        readSelector = Selector.open();
        writeSelector = Selector.open();
        channel.register(readSelector, SelectionKey.OP_READ);
        channel.register(writeSelector, SelectionKey.OP_WRITE);
    }

    /** Connects to a board (or emulator) listening at {@code address}, waiting at most {@code timeoutMillis}. */
    public static TcpTransport connect(InetSocketAddress address, int timeoutMillis) throws IOException {
        SocketChannel ch = SocketChannel.open();
        try {
            ch.socket().connect(address, timeoutMillis);
            return new TcpTransport(ch, "tcp " + HostPort.text(address));
        } catch (IOException e) {
            ch.close();
            throw e;
        }
    }

    /** Wraps an accepted connection (the board's end). */
    public static TcpTransport of(SocketChannel accepted) throws IOException {
        return new TcpTransport(accepted, "tcp " + HostPort.text((InetSocketAddress) accepted.getRemoteAddress()));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void send(byte[] frames, int off, int len) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(frames, off, len);
        synchronized (writeSelector) {
            while (out.hasRemaining()) {
                if (channel.write(out) == 0) {
                    writeSelector.select(1000);
                    writeSelector.selectedKeys().clear();
                }
            }
        }
    }

    @Override
    public int receive(FrameDecoder decoder, int timeoutMillis) throws IOException {
        if (ended) {
            return -1;
        }
        int n = channel.read(in);
        if (n == 0) {
            readSelector.select(Math.max(1, timeoutMillis));
            readSelector.selectedKeys().clear();
            n = channel.read(in);
        }
        if (n < 0) {
            ended = true;
            decoder.endOfStream();
            return -1;
        }
        decoder.feed(in.array(), 0, in.position());
        in.clear();
        return n;
    }

    @Override
    public void close() {
        try {
            readSelector.close();
            writeSelector.close();
            channel.close();
        } catch (IOException e) {
            // Closing a socket that is already broken has nothing left to report.
        }
    }
}
