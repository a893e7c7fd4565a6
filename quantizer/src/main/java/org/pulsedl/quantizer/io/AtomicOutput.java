package org.pulsedl.quantizer.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The one way pulsedl writes an output: into a hidden sibling {@code .<name>.partial-<pid>-<n>} in the same
 * folder, flushed to disk, then renamed over the target. A reader therefore sees the previous file or the
 * complete new one, never a truncated mix (issue 8: an interrupted {@code simulate --out existing.csv}
 * destroyed the existing file).
 *
 * <p>Clean-up: a failed body deletes its partial; a JVM shutdown (SIGINT, SIGTERM, {@code System.exit})
 * deletes every partial still in flight; a partial left by a killed process ({@code SIGKILL}) is swept by the
 * next write of the same target once its process is gone. Folders (a SavedModel, generated sources) are built
 * the same way and swapped in by two renames; the previous folder is restored if the swap is interrupted.
 */
public final class AtomicOutput {
    /** Fills the partial file or folder by its path, for libraries that open files themselves (jhdf, JFreeChart). */
    @FunctionalInterface
    public interface PathBody { void writeTo(Path partial) throws IOException; }

    /** Writes the content to a stream (buffered by the caller's side; do not close it). */
    @FunctionalInterface
    public interface StreamBody { void writeTo(OutputStream out) throws IOException; }

    private static final String PARTIAL = ".partial-";
    private static final String PREVIOUS = ".previous-";
    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicLong COUNTER = new AtomicLong();
    /** Partials in flight; guarded by itself, which also guards every rename into place. */
    private static final Set<Path> IN_FLIGHT = new LinkedHashSet<>();
    /** Folder swaps between their two renames: previous → target, restored at shutdown. */
    private static final java.util.Map<Path, Path> SWAPPING = new java.util.LinkedHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AtomicOutput::cleanUpAtExit, "pulsedl-partial-cleanup"));
    }

    private AtomicOutput() {}

    /** Writes {@code text} as UTF-8 to {@code target} atomically. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes {@code target} atomically from a stream body. */
    public static void write(Path target, StreamBody body) throws IOException {
        writeFile(target, partial -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                body.writeTo(out);
            }
        });
    }

    /** Writes the file {@code target} atomically; {@code body} creates and fills the partial path it is given. */
    public static void writeFile(Path target, PathBody body) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw new FileAlreadyExistsException(absolute.toString(), null, "is a folder, not a file; choose a file name");
        }
        Path partial = begin(absolute);
        try {
            body.writeTo(partial);
            if (!Files.isRegularFile(partial)) throw new IOException(absolute + ": nothing was written");
            try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            synchronized (IN_FLIGHT) {
                Files.move(partial, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                IN_FLIGHT.remove(partial);
            }
        } catch (IOException | RuntimeException | Error e) {
            abandon(partial);
            throw e;
        }
    }

    /**
     * Writes the folder {@code target} atomically: {@code body} fills an empty partial folder, which then
     * replaces {@code target} whole, so no file of an earlier version survives beside the new ones.
     */
    public static void writeDirectory(Path target, PathBody body) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new FileAlreadyExistsException(absolute.toString(), null, "is a file, not a folder");
        }
        Path partial = begin(absolute);
        try {
            Files.createDirectory(partial);
            body.writeTo(partial);
            synchronized (IN_FLIGHT) {
                Path previous = null;
                if (Files.exists(absolute)) {
                    previous = absolute.resolveSibling("." + absolute.getFileName() + PREVIOUS + PID + "-"
                            + COUNTER.incrementAndGet());
                    Files.move(absolute, previous, StandardCopyOption.ATOMIC_MOVE);
                    SWAPPING.put(absolute, previous);
                }
                Files.move(partial, absolute, StandardCopyOption.ATOMIC_MOVE);
                IN_FLIGHT.remove(partial);
                SWAPPING.remove(absolute);
                if (previous != null) deleteTree(previous);
            }
        } catch (IOException | RuntimeException | Error e) {
            abandon(partial);
            throw e;
        }
    }

    /** True for the names this class gives its partial files and folders (for listings and tests). */
    public static boolean isPartialName(String fileName) {
        return fileName.startsWith(".") && (fileName.contains(PARTIAL) || fileName.contains(PREVIOUS));
    }

    private static Path begin(Path absolute) throws IOException {
        Path parent = absolute.getParent();
        if (parent == null || absolute.getFileName() == null) throw new IOException(absolute + ": not a file name");
        sweepStale(parent, absolute.getFileName().toString());
        Path partial = parent.resolve("." + absolute.getFileName() + PARTIAL + PID + "-" + COUNTER.incrementAndGet());
        synchronized (IN_FLIGHT) {
            IN_FLIGHT.add(partial);
        }
        return partial;
    }

    private static void abandon(Path partial) {
        synchronized (IN_FLIGHT) {
            IN_FLIGHT.remove(partial);
        }
        try {
            deleteTree(partial);
        } catch (IOException ignored) {
            // The original failure is what the user needs to see; a stale partial is swept by the next write.
        }
    }

    /** Deletes partials of {@code name} whose writing process no longer runs (left by SIGKILL or a crash). */
    private static void sweepStale(Path parent, String name) {
        String prefix = "." + name;
        DirectoryStream.Filter<Path> mine = p -> p.getFileName().toString().startsWith(prefix);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, mine)) {
            for (Path p : entries) {
                Long owner = ownerPid(p.getFileName().toString().substring(prefix.length()));
                boolean running = owner != null && ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false);
                if (owner != null && owner != PID && !running) deleteTree(p);
            }
        } catch (IOException | UncheckedIOException ignored) {
            // Sweeping is best effort; the write itself reports real problems with the folder.
        }
    }

    private static Long ownerPid(String rest) {
        for (String tag : new String[] {PARTIAL, PREVIOUS}) {
            if (rest.startsWith(tag)) {
                String[] parts = rest.substring(tag.length()).split("-");
                try {
                    return parts.length == 2 ? Long.parseLong(parts[0]) : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static void cleanUpAtExit() {
        synchronized (IN_FLIGHT) {
            SWAPPING.forEach((target, previous) -> {
                try {
                    if (!Files.exists(target)) Files.move(previous, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException ignored) {
                    // Nothing more can be done while the JVM exits; the previous folder keeps its hidden name.
                }
            });
            for (Path p : IN_FLIGHT) {
                try {
                    deleteTree(p);
                } catch (IOException ignored) {
                    // Swept by the next write of the same target.
                }
            }
            IN_FLIGHT.clear();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        if (!Files.isDirectory(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(root);
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
