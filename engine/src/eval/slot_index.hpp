// SlotIndex: which memo entry holds the value of each value slot (sema::Program::value_slot),
// for the few dozen slots one request computes. An open-addressing table of packed integers:
// a flat array over every slot of the program would be a large allocation per evaluator, and a
// tree of nodes an allocation per value; this one starts at 512 bytes and doubles when half full
// (a request of the Barendrecht package memoises some 30 values: no doubling).
#pragma once

#include <cstdint>
#include <vector>

namespace billijk::eval {

class SlotIndex {
  public:
    /// The entry of `slot`, or `none`.
    static constexpr std::uint32_t none = 0xffffffff;

    std::uint32_t find(std::uint32_t slot) const {
        if (cells_.empty())
            return none;
        for (std::size_t i = home(slot);; i = (i + 1) & mask()) {
            auto const cell = cells_[i];
            if (cell == empty)
                return none;
            if (static_cast<std::uint32_t>(cell >> 32) == slot)
                return static_cast<std::uint32_t>(cell);
        }
    }

    /// Sets the entry of `slot` (replacing one it had).
    void set(std::uint32_t slot, std::uint32_t entry) {
        if ((used_ + 1) * 2 > cells_.size())
            grow();
        auto const packed = (std::uint64_t{slot} << 32) | entry;
        for (std::size_t i = home(slot);; i = (i + 1) & mask()) {
            auto& cell = cells_[i];
            if (cell == empty) {
                cell = packed;
                ++used_;
                return;
            }
            if (static_cast<std::uint32_t>(cell >> 32) == slot) {
                cell = packed;
                return;
            }
        }
    }

  private:
    static constexpr std::uint64_t empty = ~std::uint64_t{0}; // slot `none` is never stored

    std::size_t mask() const { return cells_.size() - 1; }
    std::size_t home(std::uint32_t slot) const {
        return (std::uint64_t{slot} * 0x9E3779B97F4A7C15ull >> 32) & mask(); // Fibonacci hashing
    }
    void grow() {
        std::vector<std::uint64_t> old = std::move(cells_);
        cells_.assign(old.empty() ? 64 : old.size() * 2, empty);
        used_ = 0;
        for (auto cell : old)
            if (cell != empty)
                set(static_cast<std::uint32_t>(cell >> 32), static_cast<std::uint32_t>(cell));
    }

    std::vector<std::uint64_t> cells_;
    std::size_t used_ = 0;
};

} // namespace billijk::eval
