package org.pulsedl.quantizer.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * Reads a command's input file so that every refusal names the file, whatever reader refused it: a message that
 * does not mention the file gets it in front (the command knows which file it was reading; a low-level reader,
 * a character decoder or the HDF5 library may not).
 */
public final class InputFiles {
    private InputFiles() {}

    /** A reader of one input. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(Path file) throws IOException;
    }

    /** A refusal of {@link #file()} whose cause does not name it; the CLI prints "FILE: CAUSE". */
    public static final class Refused extends IOException {
        private final Path file;

        Refused(Path file, Exception cause) {
            super(file + ": " + cause.getMessage(), cause);
            this.file = file;
        }

        public Path file() { return file; }
    }

    /** {@code reader.read(file)}, with user-level refusals that do not name the file wrapped in {@link Refused}. */
    public static <T> T read(Path file, Reader<T> reader) throws IOException {
        try {
            return reader.read(file);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException
                 | io.jhdf.exceptions.HdfException e) {
            if (e instanceof Refused || names(e, file)) throw e;
            throw new Refused(file, e);
        }
    }

    private static boolean names(Exception e, Path file) {
        if (e instanceof FileSystemException fs && fs.getFile() != null) return true;
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        if (t instanceof FileSystemException fs && fs.getFile() != null) return true;
        String m = t.getMessage();
        Path name = file.getFileName();
        return m != null && (m.contains(file.toString()) || name != null && name.toString().length() >= 4 && m.contains(name.toString()));
    }
}
