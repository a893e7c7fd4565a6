package org.pulsedl.hls.accel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The descriptor storage of a small configuration: masks from its limits, and programs that do not fit refused. */
class DescriptorStorageTest {
    private static final AcceleratorConfig TINY = AcceleratorConfig.small().toBuilder().pes(1).activationBits(8)
            .accBits(32).actDepth(64).stagingDepth(32).weightWords(64).paramEntries(16).maxLayers(3).maxLength(32)
            .maxChannels(32).maxFanIn(32).maxOutputs(2).resultFifoWords(8).build();

    @Test
    void masksFollowTheLimits() {
        assertEquals(0x003F07FFL, DescriptorStorage.mask(TINY, 1), "in_len and in_ch: 6 bits; header flags");
        assertEquals(0x003F003FL, DescriptorStorage.mask(TINY, 2));
        assertEquals(0x0003007FL, DescriptorStorage.mask(TINY, 4), "weight base < 64 words; header flags");
        assertEquals(0x003F001FL, DescriptorStorage.mask(TINY, 5));
        assertEquals(0xFFFFFFFFL, DescriptorStorage.mask(TINY, 0));
        assertEquals(0xFFFFFFFFL, DescriptorStorage.mask(TINY, 3));
    }

    @Test
    void refusesWordsBeyondTheStorage() {
        int[] words = new int[2 * Descriptor.WORDS];
        words[Descriptor.WORDS + 2] = 64;                   // out_len 64 > max_length 32
        assertEquals("descriptor line 1 word 2 = 0x00000040 does not fit the configuration's descriptor storage"
                        + " (bits 0x003F003F)",
                assertThrows(ProgramException.class, () -> DescriptorStorage.check(TINY, words)).getMessage());
        words[Descriptor.WORDS + 2] = 0;
        words[Descriptor.WORDS + 6] = 200;                  // z_in 200 is not an int8
        assertEquals("descriptor line 1 word 6 = 0x000000C8 does not fit the configuration's descriptor storage"
                        + " (two signed 8-bit halves)",
                assertThrows(ProgramException.class, () -> DescriptorStorage.check(TINY, words)).getMessage());
        words[Descriptor.WORDS + 6] = 0xFF80_007F;           // z_out -128, z_in 127 fit
        DescriptorStorage.check(TINY, words);
    }
}
