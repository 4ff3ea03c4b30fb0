// Fuzz target: the reader of stored review reports (review/report_reader.hpp), which
// `billijk review --show` runs on bytes taken from the store. A database can be edited by hand,
// so any bytes must be accepted as a billijk.review/1 report or refused with an S0114
// diagnostic, never crash. An accepted report must render in all four forms, and its JSON must
// read again and write to the same bytes.
#include "review/report_format.hpp"
#include "review/report_reader.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

[[noreturn]] void fail(char const* what, std::string const& text) {
    std::fprintf(stderr, "review_report_fuzzer: %s\n%s\n", what, text.c_str());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    namespace review = billijk::review;
    std::string const text(reinterpret_cast<char const*>(data), size);
    auto const report = review::read_report_json(text);
    if (!report) {
        if (report.diagnostics().items().empty())
            fail("refused without a diagnostic", text);
        return 0;
    }
    std::string const json = review::write_report_json(report.value());
    auto const again = review::read_report_json(json);
    if (!again)
        fail("the JSON it wrote does not read again", json);
    if (review::write_report_json(again.value()) != json)
        fail("writing what was read is not stable", json);
    (void)review::write_report_text(report.value());
    (void)review::write_report_csv(report.value());
    (void)review::write_report_csv(report.value(), ';');
    (void)review::write_report_html(report.value());
    return 0;
}
