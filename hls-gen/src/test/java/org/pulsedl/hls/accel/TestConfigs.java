package org.pulsedl.hls.accel;

import java.util.List;

/**
 * Configurations the randomised tests sweep: several P×U, packed (int16 on all lanes or on half) and plain DSPs,
 * latencies, m_bits.
 */
final class TestConfigs {
    private TestConfigs() {}

    /** Roomy limits so random models fit; shape parameters vary. */
    static AcceleratorConfig roomy(int pes, int lanes, boolean packed) {
        return AcceleratorConfig.artix7Default().toBuilder().pes(pes).lanes(lanes).twoMacsPerDsp(packed)
                .actDepth(512).stagingDepth(128).maxOutputs(512).resultFifoWords(2048).weightWords(8192)
                .paramEntries(2048).build();
    }

    static List<AcceleratorConfig> sweep() {
        return List.of(
                AcceleratorConfig.small().toBuilder().actDepth(512).stagingDepth(128).maxOutputs(512)
                        .resultFifoWords(2048).maxFanIn(1024).weightWords(8192).paramEntries(2048).build(),
                roomy(1, 4, true),
                roomy(3, 8, true),
                roomy(2, 12, false).toBuilder().macLatency(1).requantLatency(1).inputLatency(1).build(),
                roomy(4, 16, true).toBuilder().int16FullRate(false).macLatency(7).requantLatency(11).build(),
                roomy(2, 8, true).toBuilder().activationBits(8).accBits(32).build());
    }
}
