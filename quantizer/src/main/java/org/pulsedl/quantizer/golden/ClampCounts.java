package org.pulsedl.quantizer.golden;

/** Per-layer counters of outputs that the requantisation clamped (mutable, one per layer run). */
final class ClampCounts {
    long belowMin;
    long aboveMax;
}
