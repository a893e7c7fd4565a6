// Verilator harness for the accelerator as a peripheral (pdl_accel): runs a script of bus accesses, window pushes
// and waits against one program, for the stop / soft-reset / framing / arbitration tests (PeripheralRtlTest).
//
//   Vperiph +desc=D.hex +params=P.hex +weights=W.hex +windows=X.hex +n=N +script=S.txt +out=OUT.txt
//
// D/P/W/X as for verilator_main.cpp (X: per window a tag word, then N samples). Script, one command a line:
//   W <addr> <data>        bus write (hex), one request cycle and one response cycle
//   R <addr>               bus read (hex); prints "REG <addr> <value>"
//   PUSH <window> <len>    queue window <window> with <len> samples (len != N makes a wrong-length window; samples
//                          past N repeat the last one); the last one carries i_in_last. The queue feeds one sample a
//                          cycle on every cycle below, a window starting only while o_in_room is high.
//   FORCE <window> <len>   as PUSH, but the window starts even without o_in_room
//   TICK <cycles>          run cycles
//   DRAIN <limit>          run until the push queue is empty
//   WORDS <count> <limit>  run until <count> result words were taken since the last MARK (or the start)
//   STOPPED <limit>        run until o_running is low and a soft reset is over (STATUS.resetting, bit 4, low)
//   READY <0|1>            drive i_res_ready (the result stream's consumer)
//   POP <cycles>           for <cycles> cycles, read RESULT_POP over the bus back to back (prints "POP <value>")
//                          while the stream runs too
//   MARK <name>            prints "MARK <name>"
// Output: "WORD <hex> <cycle>" for each word the stream takes, the lines above, "TIMEOUT <line>" (exit 3) when a
// limit passes. Inputs and reads are set up before the clock edge, outputs sampled just before it.
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
        long base = p.window * (n + 1);
        long idx = sample < n ? sample : n - 1;
        t->i_in_valid = 1;
        t->i_in_tag = win.at(static_cast<size_t>(base)).at(0) & 0xFF;
        t->i_in_data = win.at(static_cast<size_t>(base + 1 + idx)).at(0) & 0xFFFF;
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
        t->eval();
        if (t->o_res_valid && t->i_res_ready) {
            std::fprintf(out, "WORD %08x %u\n", t->o_res_data, t->o_cycle);
            words++;
        }
        t->i_clk = 1;
        t->eval();
        ticks++;
    }

    void write(uint32_t addr, uint32_t data) {
        auto* t = top.get();
        t->i_addr = addr;
        t->i_wdata = data;
        t->i_wstrb = 0xF;
        t->i_we = 1;
        tick();
        t->i_we = 0;
        tick();
    }

    uint32_t read(uint32_t addr) {
        auto* t = top.get();
        t->i_addr = addr;
        t->i_re = 1;
        tick();
        t->i_re = 0;
        t->i_clk = 0;
        t->eval();
        uint32_t v = t->o_rdata;
        tick();
        return v;
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
            std::fprintf(b.out, "REG %x %08x\n", a, b.read(a));
        } else if (cmd == "PUSH" || cmd == "FORCE") {
            long w, len;
            in >> w >> len;
            b.queue.push_back(Push{w, len, cmd == "FORCE"});
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
        } else if (cmd == "POP") {
            long c;
            in >> c;
            for (long i = 0; i < c; i++) std::fprintf(b.out, "POP %08x\n", b.read(0x084));
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
    std::fclose(b.out);
    t->final();
    return rc;
}
