// Minimal ELF32 little-endian RISC-V reader for the CPU harness: PT_LOAD segments and symbol addresses.
// Written from the ELF specification (System V gABI); every malformed field becomes one line naming it.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

struct ElfSegment {
    uint32_t address;             // physical address (p_paddr)
    std::vector<uint8_t> bytes;   // p_memsz bytes: file contents, then zeros
};

struct ElfImage {
    uint32_t entry = 0;
    std::vector<ElfSegment> segments;
    std::map<std::string, uint32_t> symbols;   // global and local symbols with a name

    // Reads `path`; on failure returns false with the reason (in user terms) in `error`.
    bool load(const std::string& path, std::string& error);
};
