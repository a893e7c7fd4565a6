package org.pulsedl.hls.gen;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the tests run in (Maven runs them in the module folder) and its shipped model. */
public final class Repo {
    private Repo() {}

    /** The repository root: the nearest folder upwards holding {@code models/pdl2/model.qmodel}. */
    public static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(SHIPPED_MODEL))) {
                return p;
            }
        }
        throw new IllegalStateException("no " + SHIPPED_MODEL + " above " + Path.of("").toAbsolutePath());
    }

    /** The shipped model, relative to the root (as the committed command names it). */
    public static final String SHIPPED_MODEL = "models/pdl2/model.qmodel";
}
