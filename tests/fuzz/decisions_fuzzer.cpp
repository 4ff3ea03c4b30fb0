// Fuzz target: the readers of proposed decisions for `billijk review` (review/decision_jsonl.hpp,
// review/decision_csv.hpp). The same bytes go to both. Each must return decisions and line
// errors, never crash: every error has a message and names a line of the file (or 0 for the file
// as a whole), every decision names a line of the file and one of its case's requests, and the
// decisions come in file order. Every text read is UTF-8: the review report is JSON. Cases named by
// "case_file" are looked for beside tests/review/csv/decisions.csv (BILLIJK_FUZZ_DECISIONS_DIR,
// set by the build), whose cases/ the CSV seed names, so that decisions are accepted too.
#include "core/utf8.hpp"
#include "review/decision_csv.hpp"
#include "review/decision_jsonl.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

[[noreturn]] void fail(char const* reader, char const* what) {
    std::fprintf(stderr, "decisions_fuzzer: %s: %s\n", reader, what);
    std::abort();
}

bool utf8(std::string const& text) {
    return billijk::first_invalid_utf8(text) == text.size();
}

void check(billijk::review::DecisionFile const& file, std::size_t lines, char const* reader) {
    for (auto const& e : file.errors) {
        if (e.message.empty())
            fail(reader, "a line error without a message");
        if (e.line > lines)
            fail(reader, "a line error past the end of the file");
        if (!utf8(e.field) || !utf8(e.message))
            fail(reader, "a line error that is not UTF-8");
    }
    std::size_t previous = 0;
    for (auto const& d : file.decisions) {
        if (d.line == 0 || d.line > lines)
            fail(reader, "a decision on no line of the file");
        if (d.line <= previous)
            fail(reader, "decisions out of file order");
        previous = d.line;
        if (d.request >= d.the_case.requests.size())
            fail(reader, "a decision about a request its case does not have");
        auto const& p = d.proposal;
        if (!utf8(d.decision_id) || !utf8(p.provision) || !utf8(p.status) ||
            !utf8(p.form.value_or("")))
            fail(reader, "a decision whose texts are not UTF-8");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    std::string const text(reinterpret_cast<char const*>(data), size);
    // A last line without '\n' is a line too.
    std::size_t const lines =
        static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    std::string const dir = BILLIJK_FUZZ_DECISIONS_DIR;
    check(billijk::review::read_decisions_jsonl(text, dir + "/d.jsonl"), lines, "jsonl");
    check(billijk::review::read_decisions_csv(text, dir + "/d.csv"), lines, "csv");
    return 0;
}
