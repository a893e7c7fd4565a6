package org.pulsedl.daq.acq;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.pulsedl.protocol.LinkCounters;
import org.pulsedl.protocol.StatsMessage;

/**
 * The accounting of one run (the {@code --json} summary of {@code pulsedl daq}). {@code events} counts result
 * records (one per channel and trigger, as CoMPASS counts events); {@code lost} is what the board says it sent
 * minus what arrived intact.
 *
 * @param events       result records received intact
 * @param board        the board's final STATS (null if it never came)
 * @param boardEnded   true when that STATS arrived after STOP
 * @param link         the link's counters (CRC errors, sequence gaps…)
 * @param badPayloads  intact frames whose payload did not match its layout
 * @param durationS    seconds from START to the final STATS
 * @param analysis     the physics of the run
 * @param linkLost     why the link ended during the run (the board went away), or null
 */
public record DaqSummary(long events, StatsMessage board, boolean boardEnded, LinkCounters link, long badPayloads,
                         double durationS, AnalysisSummary analysis, String linkLost) {
    public long lost() { return board == null ? 0 : Math.max(0, board.results() - events); }

    public double eventsPerSecond() { return durationS > 0 ? events / durationS : 0; }

    public ObjectNode toJson() {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("events", events);
        o.put("lost", lost());
        o.put("crc_errors", link.crcErrors());
        o.put("seq_gaps", link.sequenceGaps());
        o.put("missing_frames", link.missingFrames());
        o.put("events_per_second", eventsPerSecond());
        o.put("duration_s", durationS);
        o.put("frames", link.frames());
        o.put("oversize_frames", link.oversizeFrames());
        o.put("garbage_bytes", link.garbageBytes());
        o.put("bad_payloads", badPayloads);
        o.put("board_ended", boardEnded);
        o.put("link_lost", linkLost);
        if (board != null) {
            ObjectNode b = o.putObject("board");
            b.put("triggers", board.triggers());
            b.put("results", board.results());
            b.put("waveforms", board.waveforms());
            b.put("dropped_events", board.droppedEvents());
            b.put("fifo_overruns", board.fifoOverruns());
            b.put("crc_errors", board.crcErrors());
        }
        analysis.putInto(o);
        return o;
    }

    /** One line for people. */
    public String describe() {
        String s = String.format(Locale.ROOT, "%,d results in %.1f s (%,.0f /s), lost %d, crc errors %d, seq gaps %d",
                events, durationS, eventsPerSecond(), lost(), link.crcErrors(), link.sequenceGaps());
        if (linkLost != null) s += "; the link ended: " + linkLost;
        String a = analysis.describe();
        return a.isEmpty() ? s : s + "; " + a;
    }
}
