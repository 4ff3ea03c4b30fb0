// Fuzz target: the case JSON loader (io/case_json.hpp). Any bytes: read_case must accept the case
// or return diagnostics, never crash or throw. An accepted case must also serialise for the
// fingerprint, to non-empty text that read_case's JSON parser accepts again. Whatever JSON the
// fast parser (io/json_tree_fast.hpp) accepts, nlohmann's must accept to the same tree.
#include "io/case_json.hpp"
#include "io/json_tree.hpp"
#include "io/json_tree_fast.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

void check_fast_parser(std::string const& text) {
    auto const fast = billijk::io::parse_json_tree_fast(text, billijk::io::default_max_json_depth);
    if (!fast)
        return;
    auto const reference = billijk::io::parse_json_tree_with_nlohmann(text);
    if (!reference.root || !reference.duplicates.empty() || *fast != *reference.root) {
        std::fprintf(stderr, "case_json_fuzzer: the fast JSON parser differs from nlohmann's\n");
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    std::string const text(reinterpret_cast<char const*>(data), size);
    check_fast_parser(text);
    auto parsed = billijk::io::read_case(text, "fuzz.json");
    if (!parsed) {
        if (parsed.diagnostics().items().empty()) {
            std::fprintf(stderr, "case_json_fuzzer: refused without a diagnostic\n");
            std::abort();
        }
        return 0;
    }
    std::string const canonical = billijk::io::canonical_case_json(text);
    if (canonical.empty()) {
        std::fprintf(stderr, "case_json_fuzzer: an accepted case has no canonical form\n");
        std::abort();
    }
    // The canonical form leaves out the BSN, so it may be refused (client.bsn is required);
    // it must still be read without a crash, and give the same canonical form.
    (void)billijk::io::read_case(canonical, "canonical.json");
    if (billijk::io::canonical_case_json(canonical) != canonical) {
        std::fprintf(stderr, "case_json_fuzzer: canonical form is not stable\n%s\n",
                     canonical.c_str());
        std::abort();
    }
    return 0;
}
