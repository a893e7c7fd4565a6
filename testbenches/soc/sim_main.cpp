// Verilator harness for the SoC pdl_soc (DESIGN §4 "Simulation conventions"; docs/soc.md "Simulation").
// Loads an RV32 ELF into the SoC's RAM, runs until the program stores an odd value to its `tohost` symbol or to
// the simulation-control exit register (1 = pass, else fail with test number value >> 1) or the cycle limit.
// The UART's serial line ends here: its bytes go to stdout, or with --pty to a pseudo-terminal whose path is
// printed ("pulsedl sim: uart on /dev/pts/N"), which also feeds the UART's receiver. --windows feeds ADC windows
// into the accelerator's stream input, an event (one trigger, its channels' windows one after the other) at a time;
// --window-log FILE writes one line "<window> <stamp>" as each window starts: the capture timestamp it should
// carry, counted here independently of pdl_adc (cycles since the capture gate o_win_enable opened, at the first
// sample of the window's event; the harness's reference for the timestamps in the RESULT records). Exit codes: 0 pass,
// 1 fail, 2 usage or ELF error, 3 timeout.
#include <fcntl.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "Vpdl_soc.h"
#include "Vpdl_soc___024root.h"
#include "elf32.h"
#include "uart_line.h"
#include "verilated.h"
#include "windows.h"
#if VM_TRACE
#include "verilated_vcd_c.h"
#endif

namespace {

constexpr uint32_t RAM_BASE = 0x80000000u;  // the reset vector (MMAP_RAM_BASE)
constexpr uint64_t PTY_POLL = 256;          // cycles between reads of the pty

int usage(const std::string& why) {
    std::fprintf(stderr, "pulsedl sim: error: %s (usage: --elf FILE [--max-cycles N] [--pty] [--windows FILE] "
                 "[--window-log FILE] [--trace FILE.vcd])\n", why.c_str());
    return 2;
}

int fail_elf(const std::string& path, const std::string& why) {
    std::fprintf(stderr, "pulsedl sim: error: %s: %s\n", path.c_str(), why.c_str());
    return 2;
}

// The serial console: stdout, or the master side of a pseudo-terminal.
struct Console {
    int master = -1, slave = -1;

    bool open_pty(std::string& path) {
        char name[128];
        if (openpty(&master, &slave, name, nullptr, nullptr) != 0) return false;
        struct termios t;
        tcgetattr(slave, &t);
        cfmakeraw(&t);  // bytes pass unchanged in both directions
        tcsetattr(slave, TCSANOW, &t);
        fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
        path = name;
        return true;
    }
    void put(uint8_t c) {
        if (master < 0) { std::fputc(c, stdout); return; }
        while (write(master, &c, 1) < 0 && errno == EAGAIN) usleep(100);
    }
    int get() {
        unsigned char c;
        return master >= 0 && read(master, &c, 1) == 1 ? c : -1;
    }
};

}  // namespace

int main(int argc, char** argv) {
    std::string elf_path, trace_path, windows_path, window_log_path;
    uint64_t max_cycles = 100000000ull;
    bool pty = false;
    for (int i = 1; i < argc; i++) {
        std::string a = argv[i];
        bool has_value = i + 1 < argc;
        if (a == "--elf" && has_value) elf_path = argv[++i];
        else if (a == "--trace" && has_value) trace_path = argv[++i];
        else if (a == "--windows" && has_value) windows_path = argv[++i];
        else if (a == "--window-log" && has_value) window_log_path = argv[++i];
        else if (a == "--pty") pty = true;
        else if (a == "--max-cycles" && has_value) {
            const char* v = argv[++i];
            char* end = nullptr;
            unsigned long long n = std::strtoull(v, &end, 10);
            if (*v == '\0' || *end != '\0' || *v == '-' || n == 0) return usage("--max-cycles needs a positive integer");
            max_cycles = n;
        } else return usage("unknown or incomplete option " + a);
    }
    if (elf_path.empty()) return usage("--elf FILE is required");

    ElfImage elf;
    std::string error;
    if (!elf.load(elf_path, error)) return fail_elf(elf_path, error);
    if (elf.entry != RAM_BASE) {
        char b[96];
        std::snprintf(b, sizeof b, "entry point 0x%08x is not the reset vector 0x80000000", elf.entry);
        return fail_elf(elf_path, b);
    }
    WindowFile windows;
    if (!windows_path.empty() && !windows.load(windows_path, error)) return fail_elf(windows_path, error);

    auto context = std::make_unique<VerilatedContext>();
    context->traceEverOn(!trace_path.empty());
    auto top = std::make_unique<Vpdl_soc>(context.get());
    auto& ram = top->rootp->pdl_soc__DOT__ram__DOT__mem;
    const uint32_t ram_words = sizeof(ram) / sizeof(ram[0]);
    auto in_ram = [&](uint32_t a) { return a >= RAM_BASE && (a - RAM_BASE) / 4 < ram_words; };
    auto word = [&](uint32_t a) -> uint32_t& { return ram[(a - RAM_BASE) / 4]; };
    for (uint32_t i = 0; i < ram_words; i++) ram[i] = 0;
    for (const ElfSegment& s : elf.segments) {
        if (s.bytes.empty()) continue;
        if (!in_ram(s.address) || !in_ram(s.address + uint32_t(s.bytes.size()) - 1)) {
            char b[160];
            std::snprintf(b, sizeof b, "segment at 0x%08x (%zu bytes) lies outside the SoC's RAM 0x80000000+%u KiB",
                          s.address, s.bytes.size(), ram_words / 256);
            return fail_elf(elf_path, b);
        }
        for (size_t i = 0; i < s.bytes.size(); i++) {
            uint32_t a = s.address + uint32_t(i);
            uint32_t& w = word(a & ~3u);
            w = (w & ~(0xffu << (8 * (a & 3)))) | (uint32_t(s.bytes[i]) << (8 * (a & 3)));
        }
    }
    bool has_tohost = false;
    uint32_t tohost = 0, fromhost = 0;
    auto sym = elf.symbols.find("tohost");
    if (sym != elf.symbols.end() && in_ram(sym->second) && in_ram(sym->second + 4)) {
        has_tohost = true;
        tohost = sym->second;
        auto fh = elf.symbols.find("fromhost");
        fromhost = fh == elf.symbols.end() ? 0 : fh->second;
    }

    Console console;
    if (pty) {
        std::string path;
        if (!console.open_pty(path)) return usage("cannot open a pseudo-terminal for --pty");
        std::fprintf(stderr, "pulsedl sim: uart on %s\n", path.c_str());
        std::fflush(stderr);
    }
    UartLine line;
    WindowFeeder feeder(windows_path.empty() ? nullptr : &windows);
    FILE* window_log = nullptr;
    if (!window_log_path.empty() && !(window_log = std::fopen(window_log_path.c_str(), "w")))
        return fail_elf(window_log_path, "cannot write the window log");
    bool gate_was_open = false;
    uint64_t gate_opened = 0;  // cycle the capture gate last opened: the capture clock is 0 then
    uint64_t event_stamp = 0;  // capture clock at the first sample of the current event

#if VM_TRACE
    std::unique_ptr<VerilatedVcdC> vcd;
    if (!trace_path.empty()) {
        vcd = std::make_unique<VerilatedVcdC>();
        top->trace(vcd.get(), 99);
        vcd->open(trace_path.c_str());
        if (!vcd->isOpen()) return fail_elf(trace_path, "cannot write the trace file");
    }
#define DUMP_TRACE() do { if (vcd) vcd->dump(time++); } while (0)
#else
    if (!trace_path.empty()) return usage("--trace needs a simulator built with verilator --trace");
#define DUMP_TRACE() do { (void)time; } while (0)
#endif

    auto start = std::chrono::steady_clock::now();
    uint64_t cycle = 0, time = 0;
    bool finished = false;
    uint32_t exit_value = 0;
    top->i_rst = 1;
    top->i_clk = 0;
    top->i_uart_rx = 1;
    top->i_win_valid = 0;
    top->i_win_trigger = 0;
    for (int i = 0; i < 2; i++) {
        top->i_clk = 1; top->eval();
        top->i_clk = 0; top->eval();
    }
    top->i_rst = 0;
    while (!finished && cycle < max_cycles) {
        uint32_t div = top->rootp->pdl_soc__DOT__uart__DOT__div;
        if (div == 0) div = 1;
        top->i_uart_rx = line.transmit(div);
        if (top->o_win_enable && !gate_was_open) gate_opened = cycle;
        gate_was_open = top->o_win_enable;
        size_t window = feeder.sent();
        bool first = feeder.at_window_start();
        WindowFeeder::Sample s = feeder.next(top->o_win_room, top->o_win_enable);
        if (s.trigger) event_stamp = cycle - gate_opened;
        if (window_log && s.valid && first) {
            std::fprintf(window_log, "%zu %llu\n", window, (unsigned long long)event_stamp);
            std::fflush(window_log);  // read while the simulation runs
        }
        top->i_win_valid = s.valid;
        top->i_win_data = s.data;
        top->i_win_tag = s.tag;
        top->i_win_last = s.last;
        top->i_win_trigger = s.trigger;
        top->i_clk = 1;
        top->eval();
        DUMP_TRACE();
        top->i_clk = 0;
        top->eval();
        DUMP_TRACE();
        cycle++;

        uint8_t byte;
        if (line.receive(top->o_uart_tx, div, byte)) console.put(byte);
        if (top->o_putc_valid) std::fputc(top->o_putc, stdout);
        if (top->o_exit_valid && (top->o_exit & 1)) { finished = true; exit_value = top->o_exit; }
        if (has_tohost) {
            uint32_t t = word(tohost);
            if (t & 1) { finished = true; exit_value = t; }
            uint32_t hi = word(tohost + 4);
            if (hi != 0 && hi >> 24 == 1 && (hi >> 16 & 0xff) == 1) {  // HTIF console, as QEMU's spike machine
                std::fputc(int(t & 0xff), stdout);
                if (in_ram(fromhost) && in_ram(fromhost + 4)) { word(fromhost) = 0x100 | (t & 0xff); word(fromhost + 4) = hi; }
                word(tohost) = 0;
                word(tohost + 4) = 0;
            }
        }
        if (console.master >= 0 && cycle % PTY_POLL == 0 && !line.sending()) {
            for (int c; (c = console.get()) >= 0;) line.send(uint8_t(c));
        }
    }
    std::fflush(stdout);
    if (window_log) std::fclose(window_log);
#if VM_TRACE
    if (vcd) vcd->close();
#endif
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "pulsedl sim: %llu cycles in %.3f s (%.2f M cycles/s)%s\n", (unsigned long long)cycle, seconds,
                 seconds > 0 ? cycle / seconds / 1e6 : 0.0,
                 windows_path.empty() ? "" : (", " + std::to_string(feeder.sent()) + " windows injected").c_str());
    top->final();
    if (!finished) {
        std::fprintf(stderr, "pulsedl sim: TIMEOUT after %llu cycles (--max-cycles)%s\n", (unsigned long long)max_cycles,
                     has_tohost ? "" : "; the ELF has no tohost symbol");
        return 3;
    }
    if (exit_value == 1) {
        std::fprintf(stderr, "pulsedl sim: PASS\n");
        return 0;
    }
    std::fprintf(stderr, "pulsedl sim: FAIL: test %u (tohost 0x%08x)\n", exit_value >> 1, exit_value);
    return 1;
}
