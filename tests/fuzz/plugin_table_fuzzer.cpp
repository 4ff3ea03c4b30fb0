// Fuzz target: the plugin tariff-table loader (plugin/loader.hpp, validate_description, which
// checks every table a plugin describes). Plugins hand over C structs, so this adapter builds
// them from the fuzz bytes, read as lines:
//
//   in_kind_cost                    table name        ("~" on any line: a NULL pointer)
//   eur/hour                        unit
//   Tarieflijst 2016                cites
//   Kostprijs in natura             label_nl
//   ~                               label_en
//   begeleiding|2015-01-01|2016-12-31|45.00|~      rows: key|valid_from|valid_to|amount|cites
//   %%                              starts another table
//
// Validation must accept the description or give diagnostics, never crash. An accepted table
// must answer row_on(key, valid_from) with that very row (rows of one key never overlap), and
// its amounts must print and parse back to the same Decimal.
#include "plugin/loader.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace {

[[noreturn]] void fail(char const* what) {
    std::fprintf(stderr, "plugin_table_fuzzer: %s\n", what);
    std::abort();
}

/// Owns the strings and arrays the C structs point into.
struct Description {
    std::deque<std::string> strings; // a deque: c_str() pointers stay valid while it grows
    std::deque<std::vector<billijk_tariff_row>> rows;
    std::vector<billijk_tariff_table> tables;

    char const* text(std::string_view s) {
        if (s == "~") {
            return nullptr;
        }
        return strings.emplace_back(s).c_str();
    }
};

std::vector<std::string_view> split(std::string_view s, char separator) {
    std::vector<std::string_view> out;
    for (;;) {
        auto const at = s.find(separator);
        out.push_back(s.substr(0, at));
        if (at == std::string_view::npos) {
            return out;
        }
        s.remove_prefix(at + 1);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    using namespace billijk;
    std::string_view const input(reinterpret_cast<char const*>(data), size);
    Description d;
    std::vector<std::vector<std::string_view>> table_lines(1);
    for (auto line : split(input, '\n')) {
        if (line == "%%") {
            table_lines.emplace_back();
        } else {
            table_lines.back().push_back(line);
        }
    }
    for (auto const& lines : table_lines) {
        auto field = [&](std::size_t i) { return i < lines.size() ? d.text(lines[i]) : nullptr; };
        auto& rows = d.rows.emplace_back();
        for (std::size_t i = 5; i < lines.size(); ++i) {
            auto const parts = split(lines[i], '|');
            auto part = [&](std::size_t j) {
                return j < parts.size() ? d.text(parts[j]) : nullptr;
            };
            rows.push_back(
                {sizeof(billijk_tariff_row), part(0), part(1), part(2), part(3), part(4)});
        }
        d.tables.push_back({sizeof(billijk_tariff_table), field(0), field(1), rows.data(),
                            rows.size(), field(2), field(3), field(4)});
    }
    billijk_plugin_info info{sizeof(billijk_plugin_info),
                             BILLIJK_PLUGIN_ABI_MAJOR,
                             BILLIJK_PLUGIN_ABI_MINOR,
                             "GM0489",
                             "Fuzz",
                             "1",
                             nullptr,
                             0,
                             d.tables.data(),
                             d.tables.size(),
                             nullptr,
                             0,
                             nullptr};
    auto plugin = plugin::validate_description(info, "fuzz.so", "");
    if (!plugin) {
        if (plugin.diagnostics().items().empty()) {
            fail("refused without a diagnostic");
        }
        return 0;
    }
    for (auto const& table : plugin.value().tables) {
        if (plugin.value().table(table.name) == nullptr) {
            fail("an accepted table cannot be found by its name");
        }
        for (auto const& row : table.rows) {
            if (table.row_on(row.key, row.valid_from) != &row) {
                fail("row_on does not find a row on its first day");
            }
            if (row.valid_to && table.row_on(row.key, *row.valid_to) != &row) {
                fail("row_on does not find a row on its last day");
            }
            auto const again = Decimal::parse(row.amount.to_string());
            if (!again || again->to_string() != row.amount.to_string()) {
                fail("an amount does not print and parse back to itself");
            }
        }
    }
    return 0;
}
