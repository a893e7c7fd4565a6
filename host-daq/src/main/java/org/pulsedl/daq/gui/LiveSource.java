package org.pulsedl.daq.gui;

/** What feeds the live views: a board's link or a file being replayed. The refresher asks it for its counters. */
public interface LiveSource extends AutoCloseable {
    /** Housekeeping between refreshes (off the event thread), then the counters to show. */
    LinkStatus status();

    @Override
    void close();
}
