package org.pulsedl.daq.link;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import org.pulsedl.protocol.FrameDecoder;
import org.pulsedl.protocol.FrameHeader;

/**
 * UDP (NIO): frames travel in datagrams, packed whole up to {@link #MAX_DATAGRAM} bytes so none is fragmented at
 * MTU 1,500 (DESIGN §5: one frame always fits). Received datagrams go to the decoder one by one, so a lost or cut
 * datagram never damages the next. The host {@link #connect}s to a board; a board {@link #bind}s and answers
 * whoever sent it the last datagram.
 */
public final class UdpTransport implements Transport {
    /** IPv4 MTU 1,500 minus IP and UDP headers. */
    public static final int MAX_DATAGRAM = 1500 - 20 - 8;
    private static final int SOCKET_BUFFER = 4 * 1024 * 1024;

    private final DatagramChannel channel;
    private final Selector readSelector;
    private final Selector writeSelector;
    private final ByteBuffer in = ByteBuffer.allocate(65536);
    private final String name;
    private volatile SocketAddress peer;

    private UdpTransport(DatagramChannel channel, SocketAddress peer, String name) throws IOException {
        this.channel = channel;
        this.peer = peer;
        this.name = name;
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER);
        channel.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER);
        readSelector = Selector.open();
        writeSelector = Selector.open();
        channel.register(readSelector, SelectionKey.OP_READ);
        channel.register(writeSelector, SelectionKey.OP_WRITE);
    }

    /** The host's end: an ephemeral local port talking to the board at {@code board}. */
    public static UdpTransport connect(InetSocketAddress board) throws IOException {
        DatagramChannel ch = DatagramChannel.open();
        try {
            ch.connect(board);
            return new UdpTransport(ch, board, "udp " + HostPort.text(board));
        } catch (IOException e) {
            ch.close();
            throw e;
        }
    }

    /** The board's end: listens at {@code local} and replies to the sender of the latest datagram. */
    public static UdpTransport bind(InetSocketAddress local) throws IOException {
        DatagramChannel ch = DatagramChannel.open();
        try {
            ch.bind(local);
            return new UdpTransport(ch, null, "udp listening on " + HostPort.text((InetSocketAddress) ch.getLocalAddress()));
        } catch (IOException e) {
            ch.close();
            throw e;
        }
    }

    /** The local address (e.g. the port a {@code bind} to port 0 got). */
    public InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    @Override
    public String name() {
        return name;
    }

    /** Splits the bytes at frame boundaries and sends as few datagrams as fit them whole. */
    @Override
    public void send(byte[] frames, int off, int len) throws IOException {
        SocketAddress to = peer;
        if (to == null) {
            throw new IOException(name + ": no peer has sent a datagram yet");
        }
        ByteBuffer view = ByteBuffer.wrap(frames).order(ByteOrder.LITTLE_ENDIAN);
        int end = off + len;
        while (off < end) {
            int size = 0;
            while (off + size < end) {
                int next = frameSize(view, off + size, end);
                if (size > 0 && size + next > MAX_DATAGRAM) {
                    break;
                }
                size += next;
            }
            sendDatagram(ByteBuffer.wrap(frames, off, size), to);
            off += size;
        }
    }

    private static int frameSize(ByteBuffer b, int at, int end) {
        if (end - at < FrameHeader.SIZE) {
            throw new IllegalArgumentException("UDP send: " + (end - at) + " bytes left are not a whole frame");
        }
        int size = FrameHeader.SIZE + FrameHeader.LENGTH.getInt(b, at) + FrameHeader.CRC_SIZE;
        if (size > end - at) {
            throw new IllegalArgumentException("UDP send: a frame of " + size + " bytes is cut off");
        }
        return size;
    }

    private void sendDatagram(ByteBuffer datagram, SocketAddress to) throws IOException {
        synchronized (writeSelector) {
            while (channel.send(datagram, to) == 0) {
                writeSelector.select(1000);
                writeSelector.selectedKeys().clear();
            }
        }
    }

    @Override
    public int receive(FrameDecoder decoder, int timeoutMillis) throws IOException {
        int total = 0;
        SocketAddress from = receiveOne();
        if (from == null) {
            readSelector.select(Math.max(1, timeoutMillis));
            readSelector.selectedKeys().clear();
            from = receiveOne();
        }
        while (from != null) {
            peer = from;
            decoder.decodeDatagram(in.array(), 0, in.position());
            total += in.position();
            in.clear();
            if (total > 1 << 20) {
                break;                        // let the caller look at its frames now and then
            }
            from = receiveOne();
        }
        return total;
    }

    /** One datagram into {@code in}, or null if none is waiting (or the board's port is not open yet). */
    private SocketAddress receiveOne() throws IOException {
        try {
            return channel.receive(in);
        } catch (PortUnreachableException e) {
            return null;                      // an ICMP answer to an earlier send: nobody listens there yet
        }
    }

    @Override
    public void close() {
        try {
            readSelector.close();
            writeSelector.close();
            channel.close();
        } catch (IOException e) {
            // Nothing is left to report about a closed socket.
        }
    }
}
