// SlotIndex (eval/slot_index.hpp): the evaluator's memo index, checked against std::map.
#include "eval/slot_index.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <random>

using billijk::eval::SlotIndex;

TEST_CASE("slot index: an empty index finds nothing") {
    SlotIndex index;
    CHECK(index.find(0) == SlotIndex::none);
    CHECK(index.find(12345) == SlotIndex::none);
}

TEST_CASE("slot index: set, find and replace") {
    SlotIndex index;
    index.set(0, 7);
    index.set(4000000000u, 0);
    CHECK(index.find(0) == 7);
    CHECK(index.find(4000000000u) == 0);
    CHECK(index.find(1) == SlotIndex::none);
    index.set(0, 9);
    CHECK(index.find(0) == 9);
}

TEST_CASE("slot index: agrees with std::map through many growths") {
    std::mt19937 random(2026);
    std::uniform_int_distribution<std::uint32_t> any_slot(0, 5000);
    SlotIndex index;
    std::map<std::uint32_t, std::uint32_t> expected;
    for (std::uint32_t entry = 0; entry < 3000; ++entry) {
        auto const slot = any_slot(random);
        index.set(slot, entry);
        expected[slot] = entry;
    }
    REQUIRE(expected.size() > 1000); // the table grew many times over its first 64 cells
    for (std::uint32_t slot = 0; slot <= 5001; ++slot) {
        auto it = expected.find(slot);
        INFO("slot " << slot);
        CHECK(index.find(slot) == (it == expected.end() ? SlotIndex::none : it->second));
    }
}
