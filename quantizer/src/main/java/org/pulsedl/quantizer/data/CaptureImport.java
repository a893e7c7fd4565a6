package org.pulsedl.quantizer.data;

/**
 * The result of importing a raw capture: the dataset (no labels) and how many trailing rows that did not fill
 * a whole event were dropped, so callers can warn about them.
 *
 * @param dataset         the imported events
 * @param discardedRows   rows dropped because they formed a partial event (0 unless skipping was enabled)
 * @param discardedEvents number of partial events those rows belonged to
 */
public record CaptureImport(Dataset dataset, int discardedRows, int discardedEvents) {
    /** A warning for the user, or {@code null} when nothing was dropped. */
    public String warning() {
        if (discardedRows == 0) return null;
        return "dropped " + discardedRows + " rows of " + discardedEvents + " partial event" + (discardedEvents == 1 ? "" : "s");
    }
}
