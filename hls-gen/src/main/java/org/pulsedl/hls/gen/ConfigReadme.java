package org.pulsedl.hls.gen;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.accel.Descriptor;
import org.pulsedl.hls.accel.Estimates;
import org.pulsedl.hls.accel.LayerProgram;
import org.pulsedl.hls.firmware.LayerText;
import org.pulsedl.hls.verilog.Banner;

/** The generated {@code README.md}: which configuration and model, how each layer maps onto the lanes, the estimates and the files. */
final class ConfigReadme {
    private ConfigReadme() {}

    static String emit(LayerProgram program, Estimates estimates, OutputLayout layout, Collection<String> files,
                       Banner banner) {
        AcceleratorConfig c = program.config();
        StringBuilder b = new StringBuilder(BannerText.markdown(banner));
        b.append("# Generated accelerator: P = ").append(c.pes()).append(" × U = ").append(c.lanes())
                .append(", model `").append(estimates.model()).append("`\n\n");
        b.append("Regenerate with `").append(banner.command()).append("` (docs/generate.md). The architecture is "
                + "described in docs/accelerator.md; the numbers below are the cycle model's and the resource "
                + "formulas' (estimates before synthesis).\n\n");
        b.append("## Configuration\n\n| key | value | meaning |\n|---|---|---|\n");
        for (ConfigKey k : ConfigKey.ALL) {
            b.append("| `").append(k.name()).append("` | ").append(k.valueOf(c)).append(" | ").append(k.description())
                    .append(" |\n");
        }
        b.append("\n## Layers on the array\n\n");
        b.append("A layer with an int16 input uses ").append(c.lanesFor(true)).append(" of the ").append(c.lanes())
                .append(" lanes").append(c.int16FullRate() ? " (the DSP computes the even lane, a fabric multiplier the odd "
                        + "lane, docs/accelerator.md §2.2)" : c.twoMacsPerDsp() ? " (two-MACs-per-DSP packing needs "
                        + "int8 operands, docs/accelerator.md §2.2)" : "").append("; an int8 input uses all ").append(c.lanes())
                .append(".\n\n| # | layer | shape | lanes used |\n|---|---|---|---|\n");
        for (int i = 0; i < program.descriptors().size(); i++) {
            Descriptor d = program.descriptors().get(i);
            b.append("| ").append(i).append(" | `").append(program.layerNames().get(i)).append("` | ")
                    .append(LayerText.describe(d)).append(" | ")
                    .append(d.isMac() ? Integer.toString(c.lanesFor(d.in16())) : "pool unit").append(" |\n");
        }
        b.append("\n## Estimates\n\n").append(EstimatesReport.markdown(estimates));
        b.append("\n## Files\n\n");
        List<String> all = new ArrayList<>(files);
        all.add(layout.docs() + "/" + Generator.README);
        all.add(layout.estimates());
        for (String f : all) {
            b.append("- `").append(f).append("`\n");
        }
        return b.toString();
    }
}
