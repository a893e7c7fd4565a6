package org.pulsedl.quantizer.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The one way pulsedl writes an output: into a hidden sibling {@code .<name>.partial-<pid>-<n>} in the same
 * folder, flushed to disk, then renamed over the target. A reader therefore sees the previous file or the
 * complete new one, never a truncated mix (issue 8: an interrupted {@code simulate --out existing.csv}
 * destroyed the existing file). Missing parent folders are created.
 *
 * <p>Folders (a SavedModel, generated sources) are built the same way and swapped in whole, so no file of an
 * earlier version survives beside the new ones. A {@link Batch} builds several outputs first and then renames
 * them all in one step that a SIGINT cannot split (a trained model's parts, a generation's folders).
 *
 * <p>Clean-up ({@link Partials}): a failed body deletes its partial; a JVM shutdown (SIGINT, SIGTERM,
 * {@code System.exit}) deletes every partial still in flight; what a killed process ({@code SIGKILL}) left is
 * swept by the next write of the same target.
 */
public final class AtomicOutput {
    /** Fills the partial file or folder by its path, for libraries that open files themselves (jhdf, TensorFlow). */
    @FunctionalInterface
    public interface PathBody { void writeTo(Path partial) throws IOException; }

    /** Writes the content to a stream (buffered already; do not close it). */
    @FunctionalInterface
    public interface StreamBody { void writeTo(OutputStream out) throws IOException; }

    /**
     * Test seam for the interruption tests: when set, called once per output while its partial exists and is
     * not yet renamed — after the first {@link #INTERRUPTION_BYTES} bytes reached a streamed file (or at the end
     * of a smaller one), after the body of a file or folder filled by path — so a test can kill the writer
     * mid-write at a known point instead of racing it.
     */
    static volatile Consumer<Path> interruptionPoint;
    static final int INTERRUPTION_BYTES = 1 << 16;

    private AtomicOutput() {}

    /** Writes {@code text} as UTF-8 to {@code target} atomically. */
    public static void writeString(Path target, String text) throws IOException {
        try (Batch b = batch()) {
            b.writeString(target, text);
            b.commit();
        }
    }

    /** Writes {@code target} atomically from a stream body. */
    public static void write(Path target, StreamBody body) throws IOException {
        try (Batch b = batch()) {
            b.write(target, body);
            b.commit();
        }
    }

    /** Writes the file {@code target} atomically; {@code body} creates and fills the partial path it is given. */
    public static void writeFile(Path target, PathBody body) throws IOException {
        try (Batch b = batch()) {
            b.writeFile(target, body);
            b.commit();
        }
    }

    /** Writes the folder {@code target} atomically: {@code body} fills an empty partial folder that replaces it whole. */
    public static void writeDirectory(Path target, PathBody body) throws IOException {
        try (Batch b = batch()) {
            b.writeDirectory(target, body);
            b.commit();
        }
    }

    /** Several outputs committed together; use in try-with-resources (closing without commit discards them). */
    public static Batch batch() {
        return new Batch();
    }

    /** True for the names given to partial and previous files and folders (for listings and tests). */
    public static boolean isPartialName(String fileName) {
        return Partials.isPartialName(fileName);
    }

    /**
     * Creates and deletes a hidden file in {@code folder}: proves that the folder takes new files, which
     * permission bits alone do not show (read-only mounts; root ignores the bits).
     */
    static void probe(Path folder) throws IOException {
        Path partial = Partials.begin(folder.resolve("pulsedl-write-check"));
        try {
            Files.createFile(partial);
        } finally {
            Partials.abandon(partial);
        }
    }

    /** The failure in the user's words: what could not be done to which path, never a hidden partial name. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or folder";
        if (e instanceof NotDirectoryException) return "a part of the path is a file, not a folder";
        if (e instanceof FileSystemException f && f.getReason() != null && !f.getReason().isBlank()) {
            String r = f.getReason();
            return r.substring(0, 1).toLowerCase(Locale.ROOT) + r.substring(1);
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }

    /**
     * One output being built ({@code partial}), or a stale one to remove ({@code partial == null}), in a
     * {@link Batch}. A file replaces its target by one rename; a folder or a removal moves the target aside first.
     */
    private record Part(Path target, Path partial, boolean movesAside) {}

    /** A folder or file moved aside by a commit, deleted once the commit is through. */
    private record Aside(Path target, Path previous) {}

    /**
     * Outputs built one by one as partials and renamed into place together by {@link #commit}; a shutdown waits
     * for a commit in progress. {@link #close} without a commit deletes the partials.
     */
    public static final class Batch implements AutoCloseable {
        private final List<Part> parts = new ArrayList<>();
        private boolean finished;

        private Batch() {}

        public Batch writeString(Path target, String text) throws IOException {
            return write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
        }

        public Batch write(Path target, StreamBody body) throws IOException {
            return addFile(target, partial -> {
                Consumer<Path> pause = interruptionPoint;
                OutputStream file = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                PausingStream counted = pause == null ? null : new PausingStream(file, partial, pause);
                try (OutputStream out = new BufferedOutputStream(counted == null ? file : counted, 1 << 16)) {
                    body.writeTo(new KeptOpen(out));
                    if (counted != null) {
                        out.flush();
                        counted.pauseOnce();
                    }
                }
            }, false);
        }

        public Batch writeFile(Path target, PathBody body) throws IOException {
            return addFile(target, body, true);
        }

        public Batch writeDirectory(Path target, PathBody body) throws IOException {
            Path absolute = resolve(target);
            if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
                throw new FileAlreadyExistsException(absolute.toString(), null, "is a file, not a folder");
            }
            Path partial = start(absolute, true);
            try {
                Files.createDirectory(partial);
                body.writeTo(partial);
                pauseForTests(partial);
            } catch (IOException e) {
                discard(partial);
                throw restate(absolute, partial, e);
            } catch (RuntimeException | Error e) {
                discard(partial);
                throw e;
            }
            return this;
        }

        /** {@code target} (a file or folder an earlier run wrote) goes away with the commit, if it exists. */
        public Batch remove(Path target) {
            parts.add(new Part(resolve(target), null, true));
            return this;
        }

        /** Renames every output into place (and removes the stale ones) in one step. */
        public void commit() throws IOException {
            if (finished) throw new IllegalStateException("this batch of outputs was already committed or closed");
            List<Aside> aside = new ArrayList<>();
            synchronized (Partials.LOCK) {
                if (Partials.exiting()) throw new IOException("outputs not written: pulsedl is exiting");
                Part current = null;
                try {
                    for (Part p : parts) {
                        current = p;
                        if (p.movesAside() && Files.exists(p.target(), LinkOption.NOFOLLOW_LINKS)) {
                            Path previous = Partials.previous(p.target());
                            Files.move(p.target(), previous, StandardCopyOption.ATOMIC_MOVE);
                            aside.add(new Aside(p.target(), previous));
                        }
                        if (p.partial() != null) {
                            Files.move(p.partial(), p.target(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                            Partials.committed(p.partial());
                        }
                    }
                } catch (IOException e) {
                    for (Aside a : aside) {
                        if (!Files.exists(a.target(), LinkOption.NOFOLLOW_LINKS)) {
                            try {
                                Files.move(a.previous(), a.target(), StandardCopyOption.ATOMIC_MOVE);
                            } catch (IOException ignored) {
                                // Left under its hidden name; the next write of the same target puts it back.
                            }
                        }
                    }
                    throw new IOException(current.target() + ": cannot put the new version in place: " + reason(e), e);
                }
                finished = true;
            }
            for (Aside a : aside) Partials.deleteQuietly(a.previous());
        }

        /** Deletes the partials of an uncommitted batch. */
        @Override
        public void close() {
            if (!finished) {
                finished = true;
                for (Part p : parts) {
                    if (p.partial() != null) Partials.abandon(p.partial());
                }
            }
        }

        private Path start(Path absolute, boolean movesAside) throws IOException {
            if (finished) throw new IllegalStateException("this batch of outputs was already committed or closed");
            Path parent = absolute.getParent();
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new IOException(absolute + ": cannot create the folder " + parent + ": " + reason(e), e);
            }
            Path partial = Partials.begin(absolute);
            parts.add(new Part(absolute, partial, movesAside));
            return partial;
        }

        private Batch addFile(Path target, PathBody body, boolean pauseAfterBody) throws IOException {
            Path absolute = resolve(target);
            if (Files.isDirectory(absolute)) {
                throw new FileAlreadyExistsException(absolute.toString(), null, "is a folder, not a file; choose a file name");
            }
            Path partial = start(absolute, false);
            try {
                body.writeTo(partial);
                if (!Files.isRegularFile(partial)) throw new IOException(absolute + ": nothing was written");
                try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                if (pauseAfterBody) pauseForTests(partial);
            } catch (IOException e) {
                discard(partial);
                throw restate(absolute, partial, e);
            } catch (RuntimeException | Error e) {
                discard(partial);
                throw e;
            }
            return this;
        }

        private void discard(Path partial) {
            parts.removeIf(p -> partial.equals(p.partial()));
            Partials.abandon(partial);
        }
    }

    /** A file-system failure on a partial, restated with the target's name (the hidden name means nothing to a user). */
    private static IOException restate(Path target, Path partial, IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null && f.getFile().startsWith(partial.toString())) {
            return new IOException(target + ": cannot write: " + reason(f), f);
        }
        return e;
    }

    private static Path resolve(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        if (absolute.getParent() == null || absolute.getFileName() == null) {
            throw new IllegalArgumentException(target + ": not a file name");
        }
        try {
            // Writing through a link updates what it points at, as writing in place did; the link itself stays.
            return Files.isSymbolicLink(absolute) && Files.exists(absolute) ? absolute.toRealPath() : absolute;
        } catch (IOException e) {
            return absolute;
        }
    }

    private static void pauseForTests(Path partial) {
        Consumer<Path> pause = interruptionPoint;
        if (pause != null) pause.accept(partial);
    }

    /** Passes bytes on and calls the test seam once, when the first {@link #INTERRUPTION_BYTES} have reached the file. */
    private static final class PausingStream extends FilterOutputStream {
        private final Path partial;
        private final Consumer<Path> pause;
        private long written;
        private boolean paused;

        PausingStream(OutputStream out, Path partial, Consumer<Path> pause) {
            super(out);
            this.partial = partial;
            this.pause = pause;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count(len);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count(1);
        }

        private void count(int n) throws IOException {
            written += n;
            if (written >= INTERRUPTION_BYTES) pauseOnce();
        }

        void pauseOnce() throws IOException {
            if (!paused) {
                paused = true;
                out.flush();
                pause.accept(partial);
            }
        }
    }

    /** What a stream body writes to: bodies (Jackson, image encoders) may close it; that only flushes. */
    private static final class KeptOpen extends FilterOutputStream {
        KeptOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
