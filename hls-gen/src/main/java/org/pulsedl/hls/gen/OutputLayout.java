package org.pulsedl.hls.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the parts of a generation go below {@code --out DIR}. {@code split} (the default) gives a self-contained
 * folder; {@code repo} writes into a pulsedl checkout's committed places (DESIGN §1): {@code rtl/generated/},
 * {@code firmware/generated/}, with the docs and {@code estimates.json} next to the RTL.
 */
public enum OutputLayout {
    /** {@code rtl/}, {@code firmware/}, {@code docs/}, {@code estimates.json}. */
    SPLIT("rtl", "firmware", "docs", "estimates.json"),
    /** {@code rtl/generated/}, {@code firmware/generated/}, {@code rtl/generated/docs/}, {@code rtl/generated/estimates.json}. */
    REPO("rtl/generated", "firmware/generated", "rtl/generated/docs", "rtl/generated/estimates.json");

    private final String rtl;
    private final String firmware;
    private final String docs;
    private final String estimates;

    OutputLayout(String rtl, String firmware, String docs, String estimates) {
        this.rtl = rtl;
        this.firmware = firmware;
        this.docs = docs;
        this.estimates = estimates;
    }

    /** Relative folder of the Verilog files. */
    public String rtl() { return rtl; }

    /** Relative folder of the C sources and {@code $readmemh} images. */
    public String firmware() { return firmware; }

    /** Relative folder of the Markdown documents. */
    public String docs() { return docs; }

    /** Relative path of {@code estimates.json}. */
    public String estimates() { return estimates; }

    /**
     * What a generation owns below {@code --out DIR} and replaces whole, so no file of an earlier generation
     * survives: the folders and the file that are not inside another one ({@code split}: {@code rtl},
     * {@code firmware}, {@code docs}, {@code estimates.json}; {@code repo}: {@code rtl/generated},
     * {@code firmware/generated}).
     */
    public List<String> ownedParts() {
        List<String> all = List.of(rtl, firmware, docs, estimates);
        List<String> owned = new ArrayList<>();
        for (String p : all) {
            if (all.stream().noneMatch(q -> !q.equals(p) && p.startsWith(q + "/"))) owned.add(p);
        }
        return owned;
    }

    /** The command-line name: {@code split} or {@code repo}. */
    public String key() { return name().toLowerCase(Locale.ROOT); }

    /** The layout called {@code name} ({@code split}, {@code repo}). */
    public static OutputLayout named(String name) {
        for (OutputLayout l : values()) {
            if (l.key().equalsIgnoreCase(name.strip())) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown layout '" + name + "' (known: split, repo)");
    }
}
