package org.pulsedl.daq.link;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two connected ptys from socat (a null-modem cable in software), with stable symlinks {@code board} and
 * {@code host} in a folder so a restarted pair is found at the same paths. {@link #devices()} are the
 * {@code /dev/pts/N} names socat reported.
 */
final class SocatPtyPair implements AutoCloseable {
    private static final Pattern PTY = Pattern.compile("PTY is (/dev/\\S+)");

    final Path board;
    final Path host;
    private Process socat;
    private List<String> devices = List.of();

    SocatPtyPair(Path dir) throws IOException {
        this.board = dir.resolve("board");
        this.host = dir.resolve("host");
        start();
    }

    /** Starts socat and waits until it reports both ptys and its transfer loop. */
    void start() throws IOException {
        socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + board, "pty,raw,echo=0,link=" + host)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader err = new BufferedReader(new InputStreamReader(socat.getErrorStream(), StandardCharsets.UTF_8));
        List<String> found = new ArrayList<>();
        StringBuilder log = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String line;
        while ((line = err.readLine()) != null) {
            log.append(line).append('\n');
            Matcher m = PTY.matcher(line);
            if (m.find()) {
                found.add(m.group(1));
            }
            if (line.contains("starting data transfer loop") || System.nanoTime() > deadline) {
                break;
            }
        }
        if (found.size() != 2 || !Files.exists(board) || !Files.exists(host)) {
            socat.destroyForcibly();
            throw new IOException("socat did not make a pty pair:\n" + log);
        }
        devices = List.copyOf(found);
        // Keep draining socat's log so it never blocks on a full pipe.
        Thread drain = new Thread(() -> {
            try {
                err.transferTo(java.io.Writer.nullWriter());
            } catch (IOException e) {
                // socat ended
            }
        }, "socat-log");
        drain.setDaemon(true);
        drain.start();
    }

    List<String> devices() {
        return devices;
    }

    /** Kills socat (both ptys vanish, as when a USB cable is pulled) and waits until it is gone. */
    void stop() throws InterruptedException {
        socat.destroy();
        if (!socat.waitFor(5, TimeUnit.SECONDS)) {
            socat.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
