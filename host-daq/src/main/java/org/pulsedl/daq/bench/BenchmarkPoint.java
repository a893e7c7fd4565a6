package org.pulsedl.daq.bench;

import java.util.List;

/** All methods evaluated on one dataset (one SNR point). {@code crlb} is null when the pulse model is unknown. */
public record BenchmarkPoint(Double snrDbTarget, double snrDbMeasured, CrlbSummary crlb, List<MethodResult> methods) {
}
