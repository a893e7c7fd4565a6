package org.pulsedl.hls.accel;

import java.util.List;
import org.pulsedl.hls.verilog.CommentBlock;
import org.pulsedl.hls.verilog.LocalparamSpec;
import org.pulsedl.hls.verilog.ModuleItem;
import org.pulsedl.hls.verilog.Provenance;
import org.pulsedl.hls.verilog.VerilogWriter;

/**
 * {@link ResultHeader} as a Verilog include ({@code pdl_result_header.vh}) for hand-written RTL that reads the
 * accelerator's result stream (the SoC's result framer), so the header word's fields are placed in one declaration.
 */
public final class ResultHeaderVerilog {
    /** The file name the RTL includes. */
    public static final String FILE = "pdl_result_header.vh";

    private ResultHeaderVerilog() {}

    public static String emit(Provenance provenance) {
        List<ModuleItem> items = List.of(
                CommentBlock.of("The accelerator's result stream, per window: the header word, the timestamp word, then the "
                        + "outputs (docs/accelerator.md, \"Result words\")."),
                LocalparamSpec.of("RESULT_HEADER_WORD", ResultHeader.HEADER_WORD, "index of the header word"),
                LocalparamSpec.of("RESULT_TIMESTAMP_WORD", ResultHeader.TIMESTAMP_WORD,
                        "index of the capture timestamp word (" + ResultHeader.TIMESTAMP_BITS + " bits)"),
                LocalparamSpec.of("RESULT_HEAD_WORDS", ResultHeader.WORDS, "words in front of the outputs"),
                LocalparamSpec.of("RESULT_MARKER", ResultHeader.MARKER, "header word bits MARKER_SHIFT +: 8"),
                LocalparamSpec.of("RESULT_MARKER_SHIFT", ResultHeader.MARKER_SHIFT, ""),
                LocalparamSpec.of("RESULT_TAG_SHIFT", ResultHeader.TAG_SHIFT, "the window's tag (input port)"),
                LocalparamSpec.of("RESULT_TAG_BITS", ResultHeader.TAG_BITS, ""),
                LocalparamSpec.of("RESULT_SEQUENCE_SHIFT", ResultHeader.SEQUENCE_SHIFT,
                        "the window's sequence number; a gap means dropped windows"),
                LocalparamSpec.of("RESULT_SEQUENCE_BITS", ResultHeader.SEQUENCE_BITS, ""));
        return VerilogWriter.include(provenance.banner("ResultHeader " + ResultHeader.MARKER + " " + ResultHeader.TAG_SHIFT
                + " " + ResultHeader.TAG_BITS + " " + ResultHeader.SEQUENCE_SHIFT + " " + ResultHeader.SEQUENCE_BITS + " "
                + ResultHeader.HEADER_WORD + " " + ResultHeader.TIMESTAMP_WORD + " " + ResultHeader.WORDS), items);
    }
}
