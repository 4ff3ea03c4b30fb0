// Fuzz target: the published-table reader of `billijk tables verify` (tables/published_table.hpp),
// which reads tariff tables copied from a municipality's publication. Any bytes must give a table
// or errors, never crash. Every error has a message and a line of the file (0 for the file as a
// whole); an accepted table has a header, rows of as many cells as the header has columns, on
// lines after the header's, and only UTF-8 text (the report is JSON).
#include "core/utf8.hpp"
#include "tables/published_table.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void fail(char const* what) {
    std::fprintf(stderr, "published_table_fuzzer: %s\n", what);
    std::abort();
}

bool utf8(std::string const& text) {
    return billijk::first_invalid_utf8(text) == text.size();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    std::string_view const text(reinterpret_cast<char const*>(data), size);
    std::size_t const lines =
        static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    auto const read = billijk::tables::read_published_table(text);
    for (auto const& e : read.errors) {
        if (e.message.empty())
            fail("an error without a message");
        if (e.line > lines)
            fail("an error past the end of the file");
    }
    if (!read.table) {
        if (read.errors.empty())
            fail("no table and no error");
        return 0;
    }
    if (!read.errors.empty())
        fail("a table and errors");
    auto const& table = *read.table;
    if (table.header.empty())
        fail("a table without columns");
    for (auto const& name : table.header)
        if (!utf8(name))
            fail("a column name that is not UTF-8");
    for (auto const& row : table.rows) {
        if (row.cells.size() != table.header.size())
            fail("a row with another number of cells than the header");
        if (row.line <= table.header_line || row.line > lines)
            fail("a row on a line that is not after the header");
        for (auto const& cell : row.cells)
            if (!utf8(cell))
                fail("a cell that is not UTF-8");
    }
    return 0;
}
