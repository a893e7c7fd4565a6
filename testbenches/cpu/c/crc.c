// CRC-32 (IEEE 802.3, the value java.util.zip.CRC32 gives; DESIGN §5) of 8 KiB, bitwise and table-driven;
// both must give the known check value of "123456789" and agree on the buffer.
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "board.h"

static uint32_t table[256];
static uint8_t buffer[8192];

static uint32_t crc_bitwise(const uint8_t *p, size_t n) {
    uint32_t crc = 0xffffffffu;
    while (n--) {
        crc ^= *p++;
        for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
    }
    return ~crc;
}

static void make_table(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xedb88320u & -(c & 1));
        table[i] = c;
    }
}

static uint32_t crc_table(const uint8_t *p, size_t n) {
    uint32_t crc = 0xffffffffu;
    while (n--) crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return ~crc;
}

int main(void) {
    const char *check = "123456789";
    make_table();
    if (crc_bitwise((const uint8_t *)check, 9) != 0xcbf43926u || crc_table((const uint8_t *)check, 9) != 0xcbf43926u) {
        printf("crc: wrong check value\n");
        return 1;
    }
    for (size_t i = 0; i < sizeof buffer; i++) buffer[i] = (uint8_t)(i * 7 + (i >> 5));
    uint32_t c0 = board_cycles(), i0 = board_instret();
    uint32_t a = crc_table(buffer, sizeof buffer);
    uint32_t c1 = board_cycles(), i1 = board_instret();
    uint32_t b = crc_bitwise(buffer, sizeof buffer);
    uint32_t c2 = board_cycles(), i2 = board_instret();
    if (a != b) {
        printf("crc: table 0x%08lx != bitwise 0x%08lx\n", (unsigned long)a, (unsigned long)b);
        return 2;
    }
    printf("crc: 0x%08lx\n", (unsigned long)a);
    board_report("crc-table", c1 - c0, i1 - i0);
    board_report("crc-bitwise", c2 - c1, i2 - i1);
    return 0;
}
