package org.pulsedl.daq.acq;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.pulsedl.daq.emulator.FrameOutput;
import org.pulsedl.protocol.AckMessage;
import org.pulsedl.protocol.Frame;
import org.pulsedl.protocol.FrameEncoder;
import org.pulsedl.protocol.FrameFlag;
import org.pulsedl.protocol.InfoMessage;
import org.pulsedl.protocol.MessageType;
import org.pulsedl.protocol.ModelLoadMessage;
import org.pulsedl.protocol.ModelLoadPhase;
import org.pulsedl.protocol.NackReason;
import org.pulsedl.protocol.StatsMessage;

/**
 * The host's side of the board's control conversation (DESIGN §5): INFO and STATS requests, and commands that the
 * board acknowledges (START, STOP, CONFIG SET, MODEL_LOAD chunks). A command unanswered within the timeout is
 * sent again (a datagram may be lost); a NACK ends in one line naming the command and the board's reason.
 */
public final class BoardClient {
    /** How long a board may take to answer, by default: a real board or the emulator answers in milliseconds. */
    public static final long TIMEOUT_MS = 2000;
    static final int ATTEMPTS = 3;

    /** Sends one frame to the board and returns its sequence number (a {@code FrameLink} does). */
    @FunctionalInterface
    public interface Sender {
        long send(MessageType type, int flags, byte[] payload) throws IOException;
    }

    private final Sender sender;
    private final long timeoutMs;
    private final LinkedBlockingQueue<Frame> replies = new LinkedBlockingQueue<>();

    public BoardClient(Sender sender) { this(sender, TIMEOUT_MS); }

    /** A client that waits {@code timeoutMs} for each answer (a simulated board is thousands of times slower). */
    public BoardClient(Sender sender, long timeoutMs) {
        this.sender = sender;
        this.timeoutMs = timeoutMs;
    }

    /** A client numbering its own frames onto raw {@code out}. */
    public static BoardClient over(FrameOutput out) {
        FrameEncoder encoder = new FrameEncoder();
        return new BoardClient((type, flags, payload) -> {
            synchronized (encoder) {
                long seq = encoder.nextSequence();
                byte[] frame = encoder.encode(type, flags, payload);
                out.send(frame, 0, frame.length);
                out.flush();
                return seq;
            }
        });
    }

    /** Takes ACK, NACK and REPLY frames from the receiving thread. */
    void onReply(Frame f) { replies.add(f); }

    public InfoMessage info() throws IOException, InterruptedException {
        return InfoMessage.decode(request(MessageType.INFO).payload());
    }

    public StatsMessage stats() throws IOException, InterruptedException {
        return StatsMessage.decode(request(MessageType.STATS).payload());
    }

    /** Sends {@code type} with an empty payload and ACK requested; returns when the board acknowledged it. */
    public void command(MessageType type) throws IOException, InterruptedException {
        command(type, new byte[0]);
    }

    public void command(MessageType type, byte[] payload) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            long seq = send(type, FrameFlag.ACK_REQUESTED.mask(), payload);
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            Frame f;
            while ((f = replies.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS)) != null) {
                MessageType t = f.messageType();
                if (t != MessageType.ACK && t != MessageType.NACK) continue;
                AckMessage a = AckMessage.decode(f.payload());
                if (a.ackedSequence() != seq) continue;
                if (a.reason() != NackReason.NONE) {
                    throw new IllegalStateException("the board refused " + type + ": " + a.reason().description()
                            + (a.detail() != 0 ? " (detail " + a.detail() + ")" : ""));
                }
                return;
            }
            if (attempt == ATTEMPTS) {
                throw new IOException("the board did not answer " + type + " within " + timeoutMs + " ms (" + ATTEMPTS + " tries)");
            }
        }
    }

    /** Loads {@code image} in acknowledged chunks; the board activates it only if its CRC-32 checks. */
    public void loadModel(byte[] image) throws IOException, InterruptedException {
        CRC32 c = new CRC32();
        c.update(image);
        long crc = c.getValue();
        command(MessageType.MODEL_LOAD, new ModelLoadMessage(ModelLoadPhase.BEGIN, 0, 0, image.length, crc, new byte[0]).encode());
        int index = 0;
        for (int off = 0; off < image.length; off += ModelLoadMessage.MAX_CHUNK, index++) {
            byte[] chunk = Arrays.copyOfRange(image, off, Math.min(image.length, off + ModelLoadMessage.MAX_CHUNK));
            command(MessageType.MODEL_LOAD, new ModelLoadMessage(ModelLoadPhase.CHUNK, index & 0xFFFF, off, image.length, crc, chunk).encode());
        }
        command(MessageType.MODEL_LOAD, new ModelLoadMessage(ModelLoadPhase.COMMIT, 0, 0, image.length, crc, new byte[0]).encode());
    }

    /** The image the emulated board loads for a model: its {@code .qmodel} text. */
    public static byte[] imageOf(String qmodelJson) { return qmodelJson.getBytes(StandardCharsets.UTF_8); }

    private Frame request(MessageType type) throws IOException, InterruptedException {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            send(type, FrameFlag.REQUEST.mask(), new byte[0]);
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            Frame f;
            while ((f = replies.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS)) != null) {
                if (f.messageType() == type && f.has(FrameFlag.REPLY)) return f;
            }
        }
        throw new IOException("the board did not answer the " + type + " request within " + timeoutMs + " ms (" + ATTEMPTS + " tries)");
    }

    private long send(MessageType type, int flags, byte[] payload) throws IOException {
        try {
            return sender.send(type, flags, payload);
        } catch (IOException e) {
            // a bare "Broken pipe" names neither the request nor the cause: the board went away
            throw new IOException("cannot send " + type + " to the board: the link is closed or broken ("
                    + e.getMessage() + ")", e);
        }
    }
}
