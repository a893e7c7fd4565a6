// Verilator harness for the accelerator as a peripheral (pdl_accel): runs a script of bus accesses, window pushes
// and waits against one program, for the stop / soft-reset / framing / arbitration tests (PeripheralRtlTest).
//
//   Vperiph +desc=D.hex +params=P.hex +weights=W.hex +windows=X.hex +n=N +script=S.txt +out=OUT.txt
//
// D/P/W/X as for verilator_main.cpp (X: per window a tag word, a capture timestamp word, then N samples). Script, one
// command a line:
//   W <addr> <data>        bus write (hex): the request is held until o_ready (it may stall), then one response
//                          cycle; a bus error prints "BUSERR <addr>"
//   R <addr>               bus read (hex); prints "REG <addr> <value> <bus error 0|1>"
//   PUSH <window> <len>    queue window <window> with <len> samples (len != N makes a wrong-length window; samples
//                          past N repeat the last one); the last one carries i_in_last. The queue feeds one sample a
//                          cycle on every cycle below, a window starting only while o_in_room is high.
//   FORCE <window> <len>   as PUSH, but the window starts even without o_in_room
//   CPUPUSH <window> <len> the CPU writes the window's timestamp to INPUT_TIME (0x08C), then its samples to
//                          INPUT_PUSH (0x080), one bus write each, while the queue above keeps feeding the input port
//   TICK <cycles>          run cycles
//   DRAIN <limit>          run until the push queue is empty
//   WORDS <count> <limit>  run until <count> result words were taken since the last MARK (or the start)
//   STOPPED <limit>        run until o_running is low and a soft reset is over (STATUS.resetting, bit 4, low)
//   READY <0|1>            drive i_res_ready (the result stream's consumer)
//   READYP <percent>       i_res_ready high in about <percent> % of the cycles (a fixed pseudo-random sequence)
//   POP <count> <limit>    read RESULT_POP over the bus whenever a word is there (prints "POP <value>"; counts as
//                          a word taken) until <count> words, while the stream runs too
//   IRQ                    prints "IRQ <o_irq>"
//   MARK <name>            prints "MARK <name>"
// Output: "WORD <hex> <cycle>" for each word the stream takes, the lines above, "TIMEOUT <line>" (exit 3) when a
// limit passes, and at the end "STALLS <n>": cycles bus writes waited on o_ready beyond the first. Inputs and reads are
// set up before the clock edge, outputs sampled just before it.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "Vpdl_accel.h"
#include "verilated.h"

namespace {

std::string plusarg(const char* name) {
    const char* v = Verilated::commandArgsPlusMatch(name);
    std::string key = std::string("+") + name + "=";
    if (v && std::strncmp(v, key.c_str(), key.size()) == 0) return std::string(v + key.size());
    std::fprintf(stderr, "missing +%s=...\n", name);
    std::exit(2);
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

struct Push {
    long window;
    long len;
    bool force;
};

struct Bench {
    std::unique_ptr<VerilatedContext> ctx{new VerilatedContext};
    std::unique_ptr<Vpdl_accel> top;
    FILE* out = nullptr;
    std::vector<std::vector<uint32_t>> win;
    long n = 0;
    std::deque<Push> queue;
    long sample = 0;
    uint64_t words = 0;
    uint64_t marked = 0;   // words at the last MARK
    uint64_t ticks = 0;
    uint64_t stalls = 0;
    bool lastErr = false;
    int readyPercent = -1;   // < 0: i_res_ready as READY set it
    uint32_t lfsr = 0x1234567u;

    explicit Bench(int argc, char** argv) {
        ctx->commandArgs(argc, argv);
        top.reset(new Vpdl_accel{ctx.get()});
    }

    // Drives the input port for this cycle from the push queue.
    void drivePort() {
        auto* t = top.get();
        t->i_clk = 0;
        t->eval();
        t->i_in_valid = 0;
        t->i_in_last = 0;
        if (queue.empty()) return;
        const Push& p = queue.front();
        if (sample == 0 && !p.force && !t->o_in_room) return;
        long base = p.window * (n + 2);
        long idx = sample < n ? sample : n - 1;
        t->i_in_valid = 1;
        t->i_in_tag = win.at(static_cast<size_t>(base)).at(0) & 0xFF;
        t->i_in_time = win.at(static_cast<size_t>(base + 1)).at(0);
        t->i_in_data = win.at(static_cast<size_t>(base + 2 + idx)).at(0) & 0xFFFF;
        t->i_in_last = sample == p.len - 1;
        if (++sample == p.len) {
            sample = 0;
            queue.pop_front();
        }
    }

    // One clock cycle with the bus inputs already set: outputs are sampled before the rising edge.
    void tick() {
        drivePort();
        auto* t = top.get();
        if (readyPercent >= 0) {
            lfsr = lfsr * 1103515245u + 12345u;
            t->i_res_ready = static_cast<int>((lfsr >> 16) % 100) < readyPercent;
        }
        t->eval();
        if (t->o_res_valid && t->i_res_ready) {
            std::fprintf(out, "WORD %08x %u\n", t->o_res_data, t->o_cycle);
            words++;
        }
        t->i_clk = 1;
        t->eval();
        ticks++;
    }

    // Holds the request set up by the caller until o_ready; leaves lastErr and returns the read data.
    uint32_t request() {
        auto* t = top.get();
        tick();
        t->i_clk = 0;
        t->eval();
        while (!t->o_ready) {
            stalls++;
            tick();
            t->i_clk = 0;
            t->eval();
        }
        uint32_t v = t->o_rdata;
        lastErr = t->o_err;
        t->i_we = 0;
        t->i_re = 0;
        tick();
        return v;
    }

    void write(uint32_t addr, uint32_t data) {
        auto* t = top.get();
        t->i_addr = addr;
        t->i_wdata = data;
        t->i_wstrb = 0xF;
        t->i_we = 1;
        request();
        if (lastErr && out) std::fprintf(out, "BUSERR %x\n", addr);
    }

    uint32_t read(uint32_t addr) {
        auto* t = top.get();
        t->i_addr = addr;
        t->i_re = 1;
        return request();
    }

    // Runs until done() or the limit; false (after printing TIMEOUT) when the limit passes.
    template <typename F>
    bool until(F done, uint64_t limit, int line) {
        uint64_t start = ticks;
        while (!done()) {
            if (ticks - start > limit) {
                std::fprintf(out, "TIMEOUT %d\n", line);
                return false;
            }
            tick();
        }
        return true;
    }
};

}  // namespace

int main(int argc, char** argv) {
    Bench b(argc, argv);
    auto desc = readHexLines(plusarg("desc"));
    auto params = readHexLines(plusarg("params"));
    auto weights = readHexLines(plusarg("weights"));
    b.win = readHexLines(plusarg("windows"));
    b.n = std::stol(plusarg("n"));
    std::ifstream script(plusarg("script"));
    b.out = std::fopen(plusarg("out").c_str(), "w");
    if (!b.out || !script) return 2;

    auto* t = b.top.get();
    t->i_rst = 1;
    t->i_res_ready = 1;
    for (int i = 0; i < 4; i++) b.tick();
    t->i_rst = 0;
    b.tick();
    for (size_t l = 0; l < desc.size(); l++)
        for (size_t j = 0; j < 8; j++) b.write(0x1000 + 4 * (8 * l + j), desc[l][j]);
    for (size_t l = 0; l < params.size(); l++)
        for (size_t j = 0; j < 4; j++) b.write(0x2000 + 4 * (4 * l + j), params[l][j]);
    for (size_t l = 0; l < weights.size(); l++)
        for (size_t j = 0; j < weights[l].size(); j++)
            b.write(0x10000 + 4 * (weights[l].size() * l + j), weights[l][j]);

    std::string text;
    int line = 0;
    int rc = 0;
    while (rc == 0 && std::getline(script, text)) {
        line++;
        std::istringstream in(text);
        std::string cmd;
        if (!(in >> cmd)) continue;
        if (cmd == "W") {
            uint32_t a, d;
            in >> std::hex >> a >> d;
            b.write(a, d);
        } else if (cmd == "R") {
            uint32_t a;
            in >> std::hex >> a;
            uint32_t v = b.read(a);
            std::fprintf(b.out, "REG %x %08x %d\n", a, v, b.lastErr ? 1 : 0);
        } else if (cmd == "PUSH" || cmd == "FORCE") {
            long w, len;
            in >> w >> len;
            b.queue.push_back(Push{w, len, cmd == "FORCE"});
        } else if (cmd == "CPUPUSH") {
            long w, len;
            in >> w >> len;
            long base = w * (b.n + 2);
            uint32_t tag = b.win.at(static_cast<size_t>(base)).at(0) & 0xFF;
            b.write(0x08C, b.win.at(static_cast<size_t>(base + 1)).at(0));
            for (long i = 0; i < len; i++) {
                long idx = i < b.n ? i : b.n - 1;
                uint32_t sample = b.win.at(static_cast<size_t>(base + 2 + idx)).at(0) & 0xFFFF;
                b.write(0x080, sample | tag << 16 | (i == len - 1 ? 1u << 24 : 0u));
            }
        } else if (cmd == "IRQ") {
            t->i_clk = 0;
            t->eval();
            std::fprintf(b.out, "IRQ %d\n", t->o_irq ? 1 : 0);
        } else if (cmd == "TICK") {
            long c;
            in >> c;
            for (long i = 0; i < c; i++) b.tick();
        } else if (cmd == "DRAIN") {
            uint64_t limit;
            in >> limit;
            if (!b.until([&] { return b.queue.empty(); }, limit, line)) rc = 3;
        } else if (cmd == "WORDS") {
            uint64_t count, limit;
            in >> count >> limit;
            if (!b.until([&] { return b.words - b.marked >= count; }, limit, line)) rc = 3;
        } else if (cmd == "STOPPED") {
            uint64_t limit;
            in >> limit;
            auto stopped = [&] {
                t->i_clk = 0;
                t->eval();
                return !t->o_running && (b.read(0x004) & 0x10) == 0;
            };
            if (!b.until(stopped, limit, line)) rc = 3;
        } else if (cmd == "READY") {
            int r;
            in >> r;
            t->i_res_ready = r != 0;
            b.readyPercent = -1;
        } else if (cmd == "READYP") {
            in >> b.readyPercent;
        } else if (cmd == "POP") {
            uint64_t count, limit;
            in >> count >> limit;
            // A read is issued in a cycle whose o_res_valid (seen before the request) shows a word: the request hides
            // it from the stream, so the read takes that word; otherwise the cycle passes.
            uint64_t popped = 0;
            auto pop = [&] {
                t->i_clk = 0;
                t->i_re = 0;
                t->eval();
                if (t->o_res_valid) {
                    std::fprintf(b.out, "POP %08x\n", b.read(0x084));
                    b.words++;
                    popped++;
                    return popped >= count;
                }
                return false;
            };
            if (!b.until(pop, limit, line)) rc = 3;
        } else if (cmd == "MARK") {
            std::string name;
            in >> name;
            std::fprintf(b.out, "MARK %s\n", name.c_str());
            b.marked = b.words;
        } else {
            std::fprintf(stderr, "script line %d: unknown command '%s'\n", line, cmd.c_str());
            rc = 2;
        }
    }
    std::fprintf(b.out, "STALLS %llu\n", static_cast<unsigned long long>(b.stalls));
    std::fclose(b.out);
    t->final();
    return rc;
}
