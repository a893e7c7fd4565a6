#include "elf32.h"

#include <fstream>
#include <iterator>

namespace {

uint32_t u32(const std::vector<uint8_t>& f, size_t at) {
    return f[at] | (f[at + 1] << 8) | (f[at + 2] << 16) | (uint32_t(f[at + 3]) << 24);
}

uint16_t u16(const std::vector<uint8_t>& f, size_t at) { return uint16_t(f[at] | (f[at + 1] << 8)); }

bool inside(const std::vector<uint8_t>& f, uint64_t offset, uint64_t size) { return offset + size <= f.size(); }

}  // namespace

bool ElfImage::load(const std::string& path, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot open the file";
        return false;
    }
    std::vector<uint8_t> f((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (f.size() < 52 || f[0] != 0x7f || f[1] != 'E' || f[2] != 'L' || f[3] != 'F') {
        error = "not an ELF file";
        return false;
    }
    if (f[4] != 1) { error = "not a 32-bit ELF file (built for RV64? use -march=rv32im_zicsr_zifencei -mabi=ilp32)"; return false; }
    if (f[5] != 1) { error = "not a little-endian ELF file"; return false; }
    if (u16(f, 18) != 243) { error = "not a RISC-V ELF file (e_machine " + std::to_string(u16(f, 18)) + ")"; return false; }
    if (u16(f, 16) != 2) { error = "not an executable ELF file (relocatable object or shared library?)"; return false; }
    entry = u32(f, 24);
    uint32_t phoff = u32(f, 28), shoff = u32(f, 32);
    uint16_t phentsize = u16(f, 42), phnum = u16(f, 44), shentsize = u16(f, 46), shnum = u16(f, 48);
    if (phnum == 0 || phentsize < 32 || !inside(f, phoff, uint64_t(phnum) * phentsize)) {
        error = "bad program header table";
        return false;
    }
    for (uint16_t i = 0; i < phnum; i++) {
        size_t h = phoff + size_t(i) * phentsize;
        if (u32(f, h) != 1) continue;  // PT_LOAD only
        uint32_t offset = u32(f, h + 4), paddr = u32(f, h + 12), filesz = u32(f, h + 16), memsz = u32(f, h + 20);
        if (filesz > memsz || !inside(f, offset, filesz)) {
            error = "segment " + std::to_string(i) + " lies outside the file";
            return false;
        }
        ElfSegment s{paddr, std::vector<uint8_t>(memsz, 0)};
        std::copy(f.begin() + offset, f.begin() + offset + filesz, s.bytes.begin());
        segments.push_back(std::move(s));
    }
    if (segments.empty()) {
        error = "no loadable segment";
        return false;
    }
    // Symbols: .symtab and the string table its sh_link names. Optional (a stripped file has none).
    if (shoff != 0 && shentsize >= 40 && inside(f, shoff, uint64_t(shnum) * shentsize)) {
        for (uint16_t i = 0; i < shnum; i++) {
            size_t h = shoff + size_t(i) * shentsize;
            if (u32(f, h + 4) != 2) continue;  // SHT_SYMTAB
            uint32_t off = u32(f, h + 16), size = u32(f, h + 20), link = u32(f, h + 24);
            if (link >= shnum || !inside(f, off, size)) break;
            size_t sh = shoff + size_t(link) * shentsize;
            uint32_t stroff = u32(f, sh + 16), strsize = u32(f, sh + 20);
            if (!inside(f, stroff, strsize)) break;
            for (uint32_t s = off; s + 16 <= off + size; s += 16) {
                uint32_t name = u32(f, s);
                if (name == 0 || name >= strsize) continue;
                size_t end = stroff + name;
                while (end < stroff + strsize && f[end] != 0) end++;
                symbols[std::string(f.begin() + stroff + name, f.begin() + end)] = u32(f, s + 4);
            }
        }
    }
    return true;
}
