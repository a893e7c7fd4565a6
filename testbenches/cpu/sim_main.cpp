// Verilator harness for rv32_core (DESIGN §4 "Simulation conventions"; docs/soc.md "Simulation").
// Loads an RV32 ELF into RAM at 0x8000_0000, models the core's synchronous instruction and data RAM, and runs
// until the program stores an odd value to the ELF symbol `tohost` (1 = pass, else fail with test number
// value >> 1) or the cycle limit. Also: the simulation-control block at 0x1000_2000 (putchar, exit, interrupt
// lines) and the HTIF console (device 1, command 1 through tohost/fromhost, as QEMU's spike machine has it).
// Exit codes: 0 pass, 1 fail, 2 usage or ELF error, 3 timeout.
// --dmem-busy PERCENT [--seed N] plays a slow bus: in the cycle after that share of the data requests (seeded,
// reproducible) i_dmem_busy is high, from a register, so the next load or store waits a cycle in E. That is the
// core's bus contract (rv32_core.v, "Memory ports"), here after any request, RAM or not, where the SoC's bus does
// it only after a peripheral access. The results must not change, only the cycle count.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "Vrv32_core.h"
#include "elf32.h"
#include "verilated.h"
#if VM_TRACE
#include "verilated_vcd_c.h"
#endif

namespace {

constexpr uint32_t RAM_BASE = 0x80000000u;
constexpr uint32_t SIMCTRL = 0x10002000u;  // +0 putchar, +4 exit (tohost encoding), +8 timer irq, +12 ext irq

int usage(const char* why) {
    std::fprintf(stderr, "pulsedl sim: error: %s (usage: --elf FILE [--max-cycles N] [--ram-kib N] [--trace FILE.vcd] [--dmem-busy PERCENT [--seed N]])\n",
                 why);
    return 2;
}

struct Machine {
    std::vector<uint32_t> ram;
    bool has_tohost = false;
    uint32_t tohost = 0, fromhost = 0;
    uint64_t timer_irq_at = 0;   // 0: off
    bool ext_irq = false;
    bool finished = false;
    uint32_t exit_value = 0;
    std::string fault;

    bool in_ram(uint32_t a) const { return a >= RAM_BASE && (a - RAM_BASE) / 4 < ram.size(); }
    uint32_t& word(uint32_t a) { return ram[(a - RAM_BASE) / 4]; }

    uint32_t fetch(uint32_t a) { return in_ram(a) ? word(a) : 0; }

    uint32_t load(uint32_t a, uint64_t cycle) {
        if (in_ram(a)) return word(a);
        if ((a & ~0xfu) == SIMCTRL) return 0;
        fault = "load from unmapped address 0x" + hex(a) + " at cycle " + std::to_string(cycle);
        return 0;
    }

    void store(uint32_t a, uint32_t data, uint32_t strb, uint64_t cycle) {
        uint32_t w = a & ~3u;
        if (in_ram(w)) {
            uint32_t mask = 0;
            for (int i = 0; i < 4; i++) if (strb >> i & 1) mask |= 0xffu << (8 * i);
            word(w) = (word(w) & ~mask) | (data & mask);
            if (has_tohost && w == tohost && (word(w) & 1)) finish(word(w));
            if (has_tohost && w == tohost + 4) htif(word(tohost), word(w));
            return;
        }
        switch (w) {
            case SIMCTRL: std::fputc(int(data & 0xff), stdout); return;
            case SIMCTRL + 4: if (data & 1) finish(data); return;
            case SIMCTRL + 8: timer_irq_at = data == 0 ? 0 : cycle + data; return;
            case SIMCTRL + 12: ext_irq = data & 1; return;
            default:
                fault = "store to unmapped address 0x" + hex(a) + " at cycle " + std::to_string(cycle);
        }
    }

    // HTIF: the 64-bit tohost is complete when its upper word is written (as in QEMU's spike machine).
    void htif(uint32_t lo, uint32_t hi) {
        uint32_t device = hi >> 24, command = (hi >> 16) & 0xff;
        if (device == 1 && command == 1) {
            std::fputc(int(lo & 0xff), stdout);
            word(tohost) = 0;
            word(tohost + 4) = 0;
            if (in_ram(fromhost)) {
                word(fromhost) = 0x100 | (lo & 0xff);
                word(fromhost + 4) = hi;
            }
        }
    }

    void finish(uint32_t value) {
        finished = true;
        exit_value = value;
    }

    static std::string hex(uint32_t v) {
        char b[16];
        std::snprintf(b, sizeof b, "%08x", v);
        return b;
    }
};

}  // namespace

int main(int argc, char** argv) {
    std::string elf_path, trace_path;
    uint64_t max_cycles = 100000000ull;
    uint64_t ram_kib = 1024;
    uint64_t busy_percent = 0, seed = 1;
    for (int i = 1; i < argc; i++) {
        std::string a = argv[i];
        auto value = [&](const char* name) -> const char* {
            if (i + 1 >= argc) return nullptr;
            (void)name;
            return argv[++i];
        };
        const char* v = nullptr;
        if (a == "--elf" && (v = value("--elf"))) elf_path = v;
        else if (a == "--trace" && (v = value("--trace"))) trace_path = v;
        else if ((a == "--max-cycles" || a == "--ram-kib" || a == "--dmem-busy" || a == "--seed") && (v = value(a.c_str()))) {
            char* end = nullptr;
            unsigned long long n = std::strtoull(v, &end, 10);
            bool zero_ok = a == "--dmem-busy" || a == "--seed";
            if (*v == '\0' || *end != '\0' || *v == '-' || (n == 0 && !zero_ok))
                return usage((a + (zero_ok ? " needs a non-negative integer" : " needs a positive integer")).c_str());
            if (a == "--max-cycles") max_cycles = n;
            else if (a == "--ram-kib") ram_kib = n;
            else if (a == "--seed") seed = n;
            else if (n > 99) return usage("--dmem-busy needs a percentage 0..99 (100 would hold every request forever)");
            else busy_percent = n;
        } else return usage(("unknown or incomplete option " + a).c_str());
    }
    if (elf_path.empty()) return usage("--elf FILE is required");

    ElfImage elf;
    std::string error;
    if (!elf.load(elf_path, error)) {
        std::fprintf(stderr, "pulsedl sim: error: %s: %s\n", elf_path.c_str(), error.c_str());
        return 2;
    }
    if (elf.entry != RAM_BASE) {
        std::fprintf(stderr, "pulsedl sim: error: %s: entry point 0x%08x is not the reset vector 0x80000000\n",
                     elf_path.c_str(), elf.entry);
        return 2;
    }
    Machine m;
    m.ram.assign(ram_kib * 256, 0);
    for (const ElfSegment& s : elf.segments) {
        if (s.bytes.empty()) continue;
        if (!m.in_ram(s.address) || !m.in_ram(s.address + uint32_t(s.bytes.size()) - 1)) {
            std::fprintf(stderr, "pulsedl sim: error: %s: segment at 0x%08x (%zu bytes) lies outside the RAM 0x80000000+%llu KiB\n",
                         elf_path.c_str(), s.address, s.bytes.size(), (unsigned long long)ram_kib);
            return 2;
        }
        for (size_t i = 0; i < s.bytes.size(); i++) {
            uint32_t a = s.address + uint32_t(i);
            uint32_t& w = m.word(a & ~3u);
            w = (w & ~(0xffu << (8 * (a & 3)))) | (uint32_t(s.bytes[i]) << (8 * (a & 3)));
        }
    }
    auto sym = elf.symbols.find("tohost");
    if (sym != elf.symbols.end()) {
        m.has_tohost = true;
        m.tohost = sym->second;
        auto fh = elf.symbols.find("fromhost");
        m.fromhost = fh == elf.symbols.end() ? 0 : fh->second;
    }

    auto context = std::make_unique<VerilatedContext>();
    context->traceEverOn(!trace_path.empty());
    auto top = std::make_unique<Vrv32_core>(context.get());
#if VM_TRACE
    std::unique_ptr<VerilatedVcdC> vcd;
    if (!trace_path.empty()) {
        vcd = std::make_unique<VerilatedVcdC>();
        top->trace(vcd.get(), 99);
        vcd->open(trace_path.c_str());
        if (!vcd->isOpen()) {
            std::fprintf(stderr, "pulsedl sim: error: %s: cannot write the trace file\n", trace_path.c_str());
            return 2;
        }
    }
#define DUMP_TRACE() do { if (vcd) vcd->dump(time++); } while (0)
#else
    if (!trace_path.empty()) return usage("--trace needs a simulator built with verilator --trace");
#define DUMP_TRACE() do { (void)time; } while (0)
#endif

    auto start = std::chrono::steady_clock::now();
    top->i_rst = 1;
    top->i_clk = 0;
    top->i_imem_rdata = 0;
    top->i_dmem_rdata = 0;
    top->i_dmem_busy = 0;   // this harness's RAM answers every request at once (unless --dmem-busy)
    top->i_dmem_fault = 0;  // and reports an unmapped access itself
    top->i_timer_irq = 0;
    top->i_ext_irq = 0;
    uint64_t cycle = 0;
    uint64_t time = 0;
    uint64_t busy_state = (seed * 0x9E3779B97F4A7C15ull) | 1;   // xorshift64 state, never 0
    uint64_t requests = 0, held = 0;
    bool requested = false;   // a data request left at the last rising edge
    for (int i = 0; i < 2; i++) {
        top->i_clk = 1; top->eval();
        top->i_clk = 0; top->eval();
    }
    top->i_rst = 0;
    while (!m.finished && m.fault.empty() && cycle < max_cycles) {
        top->i_timer_irq = m.timer_irq_at != 0 && cycle >= m.timer_irq_at;
        top->i_ext_irq = m.ext_irq;
        if (busy_percent) {
            busy_state ^= busy_state << 13; busy_state ^= busy_state >> 7; busy_state ^= busy_state << 17;
            top->i_dmem_busy = requested && busy_state % 100 < busy_percent;
        }
        top->i_clk = 0;
        top->eval();
        DUMP_TRACE();
        // The RAM samples its requests at the rising edge; the read data appears after it.
        uint32_t irdata = m.fetch(top->o_imem_addr);
        uint32_t drdata = 0;
        if (top->i_dmem_busy && top->o_dmem_valid) {
            m.fault = "a data request was issued while i_dmem_busy held it back, at cycle " + std::to_string(cycle);
        }
        held += top->i_dmem_busy;
        requested = top->o_dmem_valid;
        requests += requested;
        if (top->o_dmem_valid) {
            if (top->o_dmem_we) m.store(top->o_dmem_addr, top->o_dmem_wdata, top->o_dmem_wstrb, cycle);
            else drdata = m.load(top->o_dmem_addr & ~3u, cycle);
        }
        top->i_clk = 1;
        top->eval();
        DUMP_TRACE();
        top->i_imem_rdata = irdata;
        top->i_dmem_rdata = drdata;
        cycle++;
    }
    std::fflush(stdout);
#if VM_TRACE
    if (vcd) vcd->close();
#endif
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "pulsedl sim: %llu cycles in %.3f s (%.2f M cycles/s)\n", (unsigned long long)cycle,
                 seconds, seconds > 0 ? cycle / seconds / 1e6 : 0.0);
    if (busy_percent) {
        std::fprintf(stderr, "pulsedl sim: i_dmem_busy high after %llu of %llu data requests (--dmem-busy %llu --seed %llu)\n",
                     (unsigned long long)held, (unsigned long long)requests, (unsigned long long)busy_percent,
                     (unsigned long long)seed);
    }
    top->final();
    if (!m.fault.empty()) {
        std::fprintf(stderr, "pulsedl sim: FAIL: %s\n", m.fault.c_str());
        return 1;
    }
    if (!m.finished) {
        std::fprintf(stderr, "pulsedl sim: TIMEOUT after %llu cycles (--max-cycles)%s\n",
                     (unsigned long long)max_cycles, m.has_tohost ? "" : "; the ELF has no tohost symbol");
        return 3;
    }
    if (m.exit_value == 1) {
        std::fprintf(stderr, "pulsedl sim: PASS\n");
        return 0;
    }
    std::fprintf(stderr, "pulsedl sim: FAIL: test %u (tohost 0x%08x)\n", m.exit_value >> 1, m.exit_value);
    return 1;
}
