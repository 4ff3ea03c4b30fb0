// Fuzz target: the CSV form of cases for `billijk batch` (batch/csv_case.hpp). The first line of
// the bytes is the header (commas or semicolons between fields, as it shows), every further line
// a record. The header must be accepted or refused with a diagnostic, and so must every record,
// never crash. The case JSON made from an accepted record must be JSON (a cell is never pasted in
// unescaped) that the case reader then reads without a crash.
#include "batch/csv_case.hpp"
#include "io/case_json.hpp"
#include "io/csv_dialect.hpp"
#include "io/json_tree.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void fail(char const* what, std::string_view text) {
    std::fprintf(stderr, "case_csv_fuzzer: %s\n%.*s\n", what, static_cast<int>(text.size()),
                 text.data());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    std::string_view const text(reinterpret_cast<char const*>(data), size);
    std::size_t const end_of_header = text.find('\n');
    // As the batch reader does: the header line says commas or semicolons (io/csv_dialect.hpp).
    char const separator = billijk::io::csv_separator(text.substr(0, end_of_header));
    auto const header = billijk::batch::split_csv_record(text.substr(0, end_of_header), separator);
    if (!header || end_of_header == std::string_view::npos)
        return 0;
    auto columns = billijk::batch::CsvColumns::from_header(*header, separator);
    if (!columns) {
        if (columns.diagnostics().items().empty())
            fail("a header refused without a diagnostic", text);
        return 0;
    }
    std::string_view rest = text.substr(end_of_header + 1);
    while (!rest.empty()) {
        std::size_t const end = rest.find('\n');
        std::string_view const record = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        auto json = columns.value().case_json(record);
        if (!json) {
            if (json.diagnostics().items().empty())
                fail("a record refused without a diagnostic", record);
            continue;
        }
        if (!billijk::io::parse_json_tree(json.value()).root)
            fail("a record became text that is not JSON", json.value());
        (void)billijk::io::read_case(json.value(), "fuzz.csv");
    }
    return 0;
}
