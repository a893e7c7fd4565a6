// The far end of the SoC's serial line in the harness: decodes the UART's TX pin and drives its RX pin, 8N1 with
// the bit time the firmware set (the UART's div register), one call per clock cycle.
#pragma once

#include <cstdint>
#include <deque>

class UartLine {
public:
    // Samples the TX pin; returns true with the byte in `out` when a stop bit completes a byte.
    bool receive(bool tx, uint32_t div, uint8_t& out) {
        if (rx_phase_ == 0) {
            if (!tx) {                       // start bit: sample each bit in its middle
                rx_phase_ = 1;
                rx_wait_ = div + div / 2;
                rx_bits_ = 0;
                rx_byte_ = 0;
            }
            return false;
        }
        if (--rx_wait_ != 0) return false;
        if (rx_bits_ < 8) {
            rx_byte_ |= uint8_t(tx) << rx_bits_++;
            rx_wait_ = div;
            return false;
        }
        rx_phase_ = 0;                       // at the stop bit
        out = rx_byte_;
        return tx;                           // a missing stop bit drops the byte
    }

    // The RX pin's level this cycle; sends queued bytes back to back.
    bool transmit(uint32_t div) {
        if (tx_left_ == 0) {
            if (queue_.empty()) return true;
            tx_frame_ = (uint32_t(queue_.front()) << 1) | (1u << 9);
            queue_.pop_front();
            tx_left_ = 10;
            tx_wait_ = div;
        }
        bool level = tx_frame_ & 1;
        if (--tx_wait_ == 0) {
            tx_frame_ >>= 1;
            tx_left_--;
            tx_wait_ = div;
        }
        return level;
    }

    void send(uint8_t byte) { queue_.push_back(byte); }
    bool sending() const { return tx_left_ != 0 || !queue_.empty(); }

private:
    int rx_phase_ = 0;
    uint32_t rx_wait_ = 0;
    int rx_bits_ = 0;
    uint8_t rx_byte_ = 0;
    std::deque<uint8_t> queue_;
    uint32_t tx_frame_ = 0;
    int tx_left_ = 0;
    uint32_t tx_wait_ = 0;
};
