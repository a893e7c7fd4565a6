// ADC windows for the SoC's window port, from the file `pulsedl sim --windows` writes (docs/soc.md "Windows file"):
// "PDLWIN1\0", u32 window count, u32 samples per window, then per window a u32 tag and the samples as int16,
// all little-endian.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

struct WindowFile {
    uint32_t samples = 0;                 // per window
    std::vector<uint32_t> tags;
    std::vector<int16_t> data;            // window w's samples at w * samples

    size_t count() const { return tags.size(); }
    // Reads `path`; on failure returns false with the reason in `error`.
    bool load(const std::string& path, std::string& error);
};

// Feeds windows into the port one sample per cycle, a whole window at a time when the input FIFO has room. The
// windows of one event (a trigger: every channel sampled at the same instant) go one after the other: a window
// whose tag is not above the previous window's begins a new event (the file holds event 0 channel 0, event 0
// channel 1, ...). The gate admits whole events: an event starts only while it is open, and its other channels
// follow even when it has closed since, as a two-channel ADC's capture would send them.
class WindowFeeder {
public:
    explicit WindowFeeder(const WindowFile* file) : file_(file) {}

    struct Sample { bool valid; uint16_t data; uint8_t tag; bool last; bool trigger; };

    // The port's inputs for this cycle; `room`: the accelerator's o_in_room, `open`: the capture's o_win_enable.
    Sample next(bool room, bool open) {
        if (!file_ || window_ >= file_->count()) return {false, 0, 0, false, false};
        bool starts_event = index_ == 0 && begins_event(window_);
        if (index_ == 0 && (!room || (starts_event && !open))) return {false, 0, 0, false, false};
        size_t base = window_ * file_->samples;
        Sample s{true, uint16_t(file_->data[base + index_]), uint8_t(file_->tags[window_]),
                 index_ + 1 == file_->samples, starts_event};
        if (++index_ == file_->samples) { index_ = 0; window_++; }
        return s;
    }
    size_t sent() const { return window_; }
    // The next valid sample is the first one of window sent().
    bool at_window_start() const { return index_ == 0; }

private:
    bool begins_event(size_t w) const { return w == 0 || file_->tags[w] <= file_->tags[w - 1]; }

    const WindowFile* file_;
    size_t window_ = 0;
    size_t index_ = 0;
};
