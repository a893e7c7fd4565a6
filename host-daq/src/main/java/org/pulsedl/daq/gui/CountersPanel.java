package org.pulsedl.daq.gui;

import java.awt.Font;
import java.awt.GridLayout;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;

/** Rate and loss counters: events/s, results, lost, CRC errors, sequence gaps, waveforms, and the window's own latency. */
final class CountersPanel {
    private final JPanel panel = new JPanel(new GridLayout(0, 2, 12, 4));
    private final JLabel source = value(), rate = value(), records = value(), lost = value(), crc = value(), gaps = value(),
            waveforms = value(), recording = value(), latency = value();

    CountersPanel() {
        panel.setBorder(BorderFactory.createTitledBorder("Rates and losses"));
        row("source", source);
        row("results / s", rate);
        row("results since START", records);
        row("lost (board STATS − received)", lost);
        row("CRC errors", crc);
        row("sequence gaps", gaps);
        row("waveforms received", waveforms);
        row("recording", recording);
        row("window latency p50 / p99", latency);
        show(LinkStatus.idle("not connected"), new double[] {Double.NaN, Double.NaN, Double.NaN});
    }

    JPanel panel() { return panel; }

    void show(LinkStatus s, double[] latencyMs) {
        source.setText(s.source());
        rate.setText(String.format(Locale.ROOT, "%,.0f", s.eventsPerSecond()));
        records.setText(String.format(Locale.ROOT, "%,d", s.records()));
        lost.setText(String.format(Locale.ROOT, "%,d", s.lost()));
        crc.setText(String.format(Locale.ROOT, "%,d", s.crcErrors()));
        gaps.setText(String.format(Locale.ROOT, "%,d", s.sequenceGaps()));
        waveforms.setText(String.format(Locale.ROOT, "%,d", s.waveforms()));
        recording.setText(s.recording() == null ? "off" : s.recording());
        latency.setText(Double.isNaN(latencyMs[0]) ? "–" : String.format(Locale.ROOT, "%.1f / %.1f ms", latencyMs[0], latencyMs[1]));
    }

    private void row(String name, JLabel value) {
        panel.add(new JLabel(name));
        panel.add(value);
    }

    private static JLabel value() {
        JLabel l = new JLabel();
        l.setFont(new Font(Font.MONOSPACED, Font.BOLD, 14));
        return l;
    }
}
