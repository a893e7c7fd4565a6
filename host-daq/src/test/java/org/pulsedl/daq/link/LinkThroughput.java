package org.pulsedl.daq.link;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.pulsedl.protocol.FrameEncoder;
import org.pulsedl.protocol.LinkCounters;
import org.pulsedl.protocol.MessageType;
import org.pulsedl.protocol.ResultBatch;
import org.pulsedl.protocol.ResultBatchWriter;

/**
 * A benchmark, not a test: how fast full RESULT frames cross a transport, one sending thread (the board end)
 * and one receiving thread (the host: FrameLink + typed RESULT decode), with the host's sequence check proving
 * nothing was lost.
 * <pre>
 *   LinkThroughput tcp SECONDS              TCP over 127.0.0.1
 *   LinkThroughput serial BAUD SECONDS      a socat pty pair opened by jSerialComm at both ends
 * </pre>
 * A pty moves bytes as fast as the kernel copies them and ignores the baud rate, so the serial figure is the
 * software ceiling, to hold against the line rate (baud / 10 bytes per second at 8N1) a real UART imposes.
 */
public final class LinkThroughput {
    private static final int OUTPUTS = 2;
    private static final int FRAMES_PER_SEND = 32;

    private LinkThroughput() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("tcp")) {
            tcp(Double.parseDouble(args[1]));
        } else if (args.length >= 3 && args[0].equals("serial")) {
            serial(Integer.parseInt(args[1]), Double.parseDouble(args[2]));
        } else {
            System.err.println("usage: LinkThroughput tcp SECONDS | serial BAUD SECONDS");
            System.exit(2);
        }
    }

    private static void tcp(double seconds) throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            AtomicBoolean stop = new AtomicBoolean();
            Thread board = new Thread(() -> {
                try (TcpTransport t = TcpTransport.of(server.accept())) {
                    sendUntil(t, stop);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, "board");
            board.start();
            try (TcpTransport host = TcpTransport.connect((InetSocketAddress) server.getLocalAddress(), 5000)) {
                report(host.name(), measure(host, seconds, stop), seconds, 0);
            }
            board.join();
        }
    }

    private static void serial(int baud, double seconds) throws Exception {
        Path dir = Files.createTempDirectory("pulsedl-pty");
        try (SocatPtyPair pair = new SocatPtyPair(dir);
             SerialTransport board = SerialTransport.open(pair.board.toString(), baud);
             SerialTransport host = SerialTransport.open(pair.host.toString(), baud)) {
            AtomicBoolean stop = new AtomicBoolean();
            Thread sender = new Thread(() -> {
                try {
                    sendUntil(board, stop);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, "board");
            sender.start();
            report(host.name() + " (" + pair.devices() + ")", measure(host, seconds, stop), seconds, baud / 10.0);
            sender.join();
        }
    }

    /** Sends batches of full RESULT frames until told to stop. */
    private static void sendUntil(Transport t, AtomicBoolean stop) throws IOException {
        ResultBatchWriter w = new ResultBatchWriter(OUTPUTS);
        FrameEncoder enc = new FrameEncoder();
        ByteBuffer out = ByteBuffer.allocate(FRAMES_PER_SEND * 1416);
        int[] outputs = {123_456, -654_321};
        long timestamp = 0;
        while (!stop.get()) {
            out.clear();
            for (int f = 0; f < FRAMES_PER_SEND; f++) {
                w.clear();
                while (!w.isFull()) {
                    w.add(timestamp += 1000, (int) (timestamp & 1), 0, outputs, 0);
                }
                w.writeFrame(enc, 0, out);
            }
            t.send(out.array(), 0, out.position());
        }
    }

    /** What the host received in the measured interval; {@code cpuSeconds} is the receiving thread's CPU time. */
    private record Result(LinkCounters counters, long records, long bytes, double seconds, double cpuSeconds) {
    }

    private static Result measure(Transport host, double seconds, AtomicBoolean stop) throws IOException {
        long[] records = {0};
        FrameLink link = new FrameLink(host, f -> {
            if (f.messageType() == MessageType.RESULT) {
                records[0] += ResultBatch.decode(f.payload()).size();
            }
        });
        // Warm up for a second, then count.
        long warm = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < warm) {
            link.poll(100);
        }
        long frames0 = link.counters().frames();
        long bytes0 = link.counters().frameBytes();
        long records0 = records[0];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            link.poll(100);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        stop.set(true);
        long records1 = records[0];
        long bytes1 = link.counters().frameBytes();
        long frames = link.counters().frames() - frames0;
        // Drain what is in flight so the sender can finish its last send.
        while (link.poll(200) > 0) {
            // keep reading
        }
        System.out.printf(Locale.ROOT, "frames %,d in %.2f s%n", frames, elapsed);
        return new Result(link.counters(), records1 - records0, bytes1 - bytes0, elapsed, cpu);
    }

    private static void report(String name, Result r, double seconds, double lineBytesPerSecond) {
        LinkCounters c = r.counters();
        double mb = r.bytes() / r.seconds() / 1e6;
        System.out.printf(Locale.ROOT, "%s: %.0f frames/s, %.0f records/s, %.1f MB/s; receiver busy %.0f %% of the "
                        + "time, %.0f records per receiver CPU second%n", name, r.bytes() / 1416.0 / r.seconds(),
                r.records() / r.seconds(), mb, 100 * r.cpuSeconds() / r.seconds(), r.records() / r.cpuSeconds());
        if (lineBytesPerSecond > 0) {
            System.out.printf(Locale.ROOT, "line rate %.3f MB/s (8N1): %.1f x the line rate%n",
                    lineBytesPerSecond / 1e6, r.bytes() / r.seconds() / lineBytesPerSecond);
        }
        System.out.println("host counters: " + c);
    }
}
