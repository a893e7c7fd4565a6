package org.pulsedl.daq.acq;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.accel.LayerProgram;
import org.pulsedl.protocol.InfoMessage;
import org.pulsedl.protocol.Layout;
import org.pulsedl.protocol.Payloads;
import org.pulsedl.quantizer.qmodel.QuantizedModel;

/**
 * The MODEL_LOAD image of the SoC board (protocol layout {@code model_image}): a header naming the window length,
 * ADC width and output count, then the accelerator's three memory images as {@code pulsedl generate} compiles them
 * (descriptors, parameter table, weights). The firmware checks this header against the board before it writes a
 * word to the accelerator. (The emulator's image is the model's {@code .qmodel} text, {@link BoardClient#imageOf}.)
 */
public final class SocModelImage {
    private static final Layout L = Payloads.MODEL_IMAGE;
    /** INFO's {@code board_id} of the SoC board, ASCII "SOC1" (firmware/soc/hal_soc.c): it loads this image. */
    public static final long SOC_BOARD_ID = 0x534F_4331L;
    /** INFO's {@code board_id} of the firmware's host build, ASCII "HOST" (firmware/host/hal_host.c): the same core. */
    public static final long FIRMWARE_HOST_BOARD_ID = 0x484F_5354L;

    private SocModelImage() {}

    /** Whether the board that answered {@code info} runs our firmware (the SoC, or its host build): it takes this
     * image, not the emulator's .qmodel text. */
    public static boolean takesImage(InfoMessage info) {
        return info.boardId() == SOC_BOARD_ID || info.boardId() == FIRMWARE_HOST_BOARD_ID;
    }

    /** The image of {@code model} compiled for {@code config} (the SoC's accelerator). */
    public static byte[] of(QuantizedModel model, AcceleratorConfig config) {
        return of(LayerProgram.compile(model, config));
    }

    public static byte[] of(LayerProgram p) {
        int[] d = p.descriptorWords();
        int[] q = p.paramWords();
        int[] w = p.weightWords();
        ByteBuffer b = ByteBuffer.allocate(L.fixedSize() + 4 * (d.length + q.length + w.length)).order(ByteOrder.LITTLE_ENDIAN);
        L.field("magic").put(b, 0, Payloads.MODEL_IMAGE_MAGIC & 0xFFFF_FFFFL);
        L.field("format").put(b, 0, Payloads.MODEL_IMAGE_FORMAT);
        L.field("window_samples").put(b, 0, p.header().inLen());
        L.field("adc_bits").put(b, 0, p.header().adcBits());
        L.field("output_count").put(b, 0, p.header().outputs());
        L.field("descriptor_words").put(b, 0, d.length);
        L.field("param_words").put(b, 0, q.length);
        L.field("weight_words").put(b, 0, w.length);
        b.position(L.fixedSize());
        for (int[] words : new int[][] {d, q, w}) {
            for (int x : words) b.putInt(x);
        }
        return b.array();
    }
}
