package org.pulsedl.quantizer.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The hidden siblings {@link AtomicOutput} works with, and their clean-up. A partial
 * ({@code .<name>.partial-<pid>-<n>}) is an output being built; a previous ({@code .<name>.previous-<pid>-<n>})
 * is the folder an output replaced, deleted right after the swap. The pid in the name tells a later process
 * whether the writer still runs: partials of a process that is gone (killed by SIGKILL) are swept by the next
 * write of the same target, and a previous folder whose target is missing (killed between the two renames of
 * a swap) is put back instead of deleted.
 */
final class Partials {
    private static final String PARTIAL = ".partial-";
    private static final String PREVIOUS = ".previous-";
    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicLong COUNTER = new AtomicLong();

    /** Guards {@link #IN_FLIGHT} and every commit, so a shutdown never runs between the renames of one commit. */
    static final Object LOCK = new Object();
    private static final Set<Path> IN_FLIGHT = new LinkedHashSet<>();
    private static boolean exiting;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Partials::cleanUpAtExit, "pulsedl-partial-cleanup"));
    }

    private Partials() {}

    /** A fresh partial name beside {@code target}, registered for clean-up; sweeps what killed writers left first. */
    static Path begin(Path target) throws IOException {
        sweepStale(target);
        Path partial = sibling(target, PARTIAL);
        synchronized (LOCK) {
            if (exiting) throw new IOException(target + ": not written, pulsedl is exiting");
            IN_FLIGHT.add(partial);
        }
        return partial;
    }

    /** The hidden name a replaced folder takes until it is deleted. */
    static Path previous(Path target) {
        return sibling(target, PREVIOUS);
    }

    /** True once the JVM is shutting down (a commit then leaves the previous outputs as they are). */
    static boolean exiting() {
        synchronized (LOCK) {
            return exiting;
        }
    }

    /** The partial is in place (renamed): no longer ours to clean up. Call with {@link #LOCK} held. */
    static void committed(Path partial) {
        IN_FLIGHT.remove(partial);
    }

    /** Deletes a partial that will not be committed. */
    static void abandon(Path partial) {
        synchronized (LOCK) {
            IN_FLIGHT.remove(partial);
        }
        deleteQuietly(partial);
    }

    static boolean isPartialName(String fileName) {
        return fileName.startsWith(".") && (fileName.contains(PARTIAL) || fileName.contains(PREVIOUS));
    }

    /** Best effort: the failure the user needs to see is the one that made us clean up. */
    static void deleteQuietly(Path p) {
        try {
            deleteTree(p);
        } catch (IOException | UncheckedIOException ignored) {
            // A leftover keeps its hidden name and is swept by the next write of the same target.
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(root);
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Path sibling(Path target, String tag) {
        return target.resolveSibling("." + target.getFileName() + tag + PID + "-" + COUNTER.incrementAndGet());
    }

    /** Clears what a writer of {@code target} that no longer runs left behind. */
    private static void sweepStale(Path target) {
        Path parent = target.getParent();
        String prefix = "." + target.getFileName();
        if (parent == null || !Files.isDirectory(parent)) return;
        DirectoryStream.Filter<Path> mine = p -> p.getFileName().toString().startsWith(prefix);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, mine)) {
            for (Path p : entries) {
                String rest = p.getFileName().toString().substring(prefix.length());
                Long owner = ownerPid(rest);
                if (owner == null || owner == PID || ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) continue;
                if (rest.startsWith(PREVIOUS) && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);   // killed mid-swap: the old folder returns
                } else {
                    deleteTree(p);
                }
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
        synchronized (LOCK) {
            exiting = true;
            IN_FLIGHT.forEach(Partials::deleteQuietly);
            IN_FLIGHT.clear();
        }
    }
}
