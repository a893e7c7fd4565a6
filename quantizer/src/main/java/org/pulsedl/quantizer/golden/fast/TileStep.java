package org.pulsedl.quantizer.golden.fast;

/** A layer without weights in {@link FastGoldenModel}'s plan: features of a tile in, features of the tile out. */
interface TileStep {
    /** Reads {@code x[feature][window]} for windows {@code [0, n)} and writes {@code y} likewise. */
    void run(int[][] x, int[][] y, int n);

    /** One line for {@link FastGoldenModel#describe}. */
    String describe();
}
