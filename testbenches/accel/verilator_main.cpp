// Verilator harness of the generated accelerator (pdl_accel): loads a layer program through the slave port,
// streams input windows through the input port, collects the result stream and writes a trace for JUnit.
//
//   Vaccel +desc=D.hex +params=P.hex +weights=W.hex +windows=X.hex +count=N +words=W +out=OUT.txt [+limit=CYCLES]
//
// D/P/W are LayerProgram.descriptorHex()/paramHex()/weightHex(); X holds, per window, a tag word and a capture
// timestamp word (driven on i_in_time) followed by its samples (one 32-bit hex word per line, see
// RtlBench.windowHex); W is the result words per window (ProgramHeader.resultWordsPerWindow). OUT lines: "ROUND <cycle>", "WORD <hex> <cycle>",
// "REG <offset> <hex>", "CYCLES <n>" (o_cycle at the last result word = the cycle contract's total).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "Vpdl_accel.h"
#include "verilated.h"

namespace {

std::string plusarg(const char* name, const char* dflt) {
    const char* v = Verilated::commandArgsPlusMatch(name);
    std::string key = std::string("+") + name + "=";
    if (v && std::strncmp(v, key.c_str(), key.size()) == 0) return std::string(v + key.size());
    if (!dflt) {
        std::fprintf(stderr, "missing +%s=...\n", name);
        std::exit(2);
    }
    return dflt;
}

// One $readmemh line as 32-bit words, least significant word first.
std::vector<std::vector<uint32_t>> readHexLines(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        std::fprintf(stderr, "cannot open %s\n", path.c_str());
        std::exit(2);
    }
    std::vector<std::vector<uint32_t>> lines;
    std::string s;
    while (std::getline(in, s)) {
        while (!s.empty() && (s.back() == '\r' || s.back() == ' ')) s.pop_back();
        if (s.empty()) continue;
        std::vector<uint32_t> words;
        for (size_t end = s.size(); end > 0; end = end >= 8 ? end - 8 : 0) {
            size_t begin = end >= 8 ? end - 8 : 0;
            words.push_back(static_cast<uint32_t>(std::stoul(s.substr(begin, end - begin), nullptr, 16)));
            if (begin == 0) break;
        }
        lines.push_back(words);
    }
    return lines;
}

struct Bench {
    std::unique_ptr<VerilatedContext> ctx{new VerilatedContext};
    std::unique_ptr<Vpdl_accel> top;
    uint64_t ticks = 0;
    FILE* out = nullptr;
    uint64_t expectedWords = 0;
    uint64_t words = 0;
    uint32_t lastCycle = 0;

    Bench(int argc, char** argv) {
        ctx->commandArgs(argc, argv);
        top.reset(new Vpdl_accel{ctx.get()});
    }

    // One clock cycle: outputs are sampled before the rising edge (what the edge will act on).
    void tick() {
        top->i_clk = 0;
        top->eval();
        if (top->o_round_start) std::fprintf(out, "ROUND %u\n", top->o_cycle);
        if (top->o_res_valid && top->i_res_ready) {
            std::fprintf(out, "WORD %08x %u\n", top->o_res_data, top->o_cycle);
            words++;
            lastCycle = top->o_cycle;
        }
        top->i_clk = 1;
        top->eval();
        ticks++;
    }

    void write(uint32_t addr, uint32_t data) {
        top->i_addr = addr;
        top->i_wdata = data;
        top->i_wstrb = 0xF;
        top->i_we = 1;
        tick();
        top->i_we = 0;
        tick();
    }

    uint32_t read(uint32_t addr) {
        top->i_addr = addr;
        top->i_re = 1;
        tick();
        top->i_re = 0;
        top->i_clk = 0;
        top->eval();
        uint32_t v = top->o_rdata;
        tick();
        return v;
    }
};

}  // namespace

int main(int argc, char** argv) {
    Bench b(argc, argv);
    auto desc = readHexLines(plusarg("desc", nullptr));
    auto params = readHexLines(plusarg("params", nullptr));
    auto weights = readHexLines(plusarg("weights", nullptr));
    auto win = readHexLines(plusarg("windows", nullptr));
    long count = std::stol(plusarg("count", nullptr));
    uint64_t limit = std::stoull(plusarg("limit", "100000000"));
    b.out = std::fopen(plusarg("out", nullptr).c_str(), "w");
    if (!b.out) return 2;

    uint32_t h2 = desc.at(0).at(2);
    long n = (h2 & 0xFFFF) * (h2 >> 16);
    long perWindow = std::stol(plusarg("words", nullptr));
    b.expectedWords = static_cast<uint64_t>(count) * perWindow;

    auto* t = b.top.get();
    t->i_rst = 1;
    t->i_res_ready = 1;
    for (int i = 0; i < 4; i++) b.tick();
    t->i_rst = 0;
    b.tick();
    // program through the slave port (docs/accelerator.md 4.7)
    for (size_t l = 0; l < desc.size(); l++)
        for (size_t j = 0; j < 8; j++) b.write(0x1000 + 4 * (8 * l + j), desc[l][j]);
    for (size_t l = 0; l < params.size(); l++)
        for (size_t j = 0; j < 4; j++) b.write(0x2000 + 4 * (4 * l + j), params[l][j]);
    for (size_t l = 0; l < weights.size(); l++)
        for (size_t j = 0; j < weights[l].size(); j++)
            b.write(0x10000 + 4 * (weights[l].size() * l + j), weights[l][j]);

    // input windows: preload the FIFO while stopped, then keep pushing one sample per cycle while running
    long next = 0, sample = 0;
    auto pushCycle = [&]() {
        t->i_in_valid = 0;
        if (next < count) {
            if (sample > 0 || t->o_in_room) {
                size_t base = static_cast<size_t>(next * (n + 2));
                t->i_in_valid = 1;
                t->i_in_tag = win.at(base).at(0) & 0xFF;
                t->i_in_time = win.at(base + 1).at(0);
                t->i_in_data = win.at(base + 2 + static_cast<size_t>(sample)).at(0) & 0xFFFF;
                t->i_in_last = sample == n - 1;
                if (++sample == n) {
                    sample = 0;
                    next++;
                }
            }
        }
    };
    for (;;) {
        t->i_clk = 0;
        t->eval();
        if (next >= count || (sample == 0 && !t->o_in_room)) break;
        pushCycle();
        b.tick();
    }
    t->i_in_valid = 0;
    b.write(0x000, 1);   // CTRL.start
    uint64_t start = b.ticks;
    while (b.words < b.expectedWords) {
        if (b.ticks - start > limit) {
            std::fprintf(b.out, "TIMEOUT %llu\n", static_cast<unsigned long long>(limit));
            std::fclose(b.out);
            std::fprintf(stderr, "cycle limit %llu reached with %llu of %llu result words\n",
                         static_cast<unsigned long long>(limit), static_cast<unsigned long long>(b.words),
                         static_cast<unsigned long long>(b.expectedWords));
            return 3;
        }
        t->i_clk = 0;
        t->eval();
        pushCycle();
        b.tick();
    }
    t->i_in_valid = 0;
    std::fprintf(b.out, "CYCLES %u\n", b.lastCycle);
    for (uint32_t reg : {0x04u, 0x08u, 0x20u, 0x24u, 0x28u, 0x34u, 0x38u})
        std::fprintf(b.out, "REG %03x %08x\n", reg, b.read(reg));
    std::fclose(b.out);
    t->final();
    return 0;
}
