#include "windows.h"

#include <cstring>
#include <fstream>
#include <iterator>

namespace {
uint32_t le32(const unsigned char* p) { return p[0] | p[1] << 8 | p[2] << 16 | uint32_t(p[3]) << 24; }
}  // namespace

bool WindowFile::load(const std::string& path, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) { error = "cannot read the windows file"; return false; }
    std::vector<unsigned char> b((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (b.size() < 16 || std::memcmp(b.data(), "PDLWIN1", 8) != 0) {
        error = "not a windows file (no PDLWIN1 header)";
        return false;
    }
    uint32_t n = le32(&b[8]);
    samples = le32(&b[12]);
    if (samples == 0 || samples > 65536) { error = "samples per window " + std::to_string(samples) + " is not 1..65536"; return false; }
    size_t need = 16 + size_t(n) * (4 + 2 * size_t(samples));
    if (b.size() != need) {
        error = "has " + std::to_string(b.size()) + " bytes; " + std::to_string(n) + " windows of " + std::to_string(samples)
                + " samples need " + std::to_string(need);
        return false;
    }
    const unsigned char* p = &b[16];
    for (uint32_t w = 0; w < n; w++) {
        tags.push_back(le32(p));
        p += 4;
        for (uint32_t i = 0; i < samples; i++, p += 2) data.push_back(int16_t(p[0] | p[1] << 8));
    }
    return true;
}
