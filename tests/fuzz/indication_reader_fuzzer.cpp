// Fuzz target: the reader of stored indications (io/indication_reader.hpp), which `show`,
// `replay` and `decide` run on bytes taken from the store. A database can be edited by hand, so
// any bytes must be accepted as a billijk.indication/1 document or refused with a message, never
// crash. An accepted indication must also write back in the form it was read (indented or on
// one line, with or without explanations) to a document that reads again and writes to the same
// bytes, and must render as text in both languages.
#include "io/explain_text.hpp"
#include "io/indication_json.hpp"
#include "io/indication_reader.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void fail(char const* what, std::string const& text) {
    std::fprintf(stderr, "indication_reader_fuzzer: %s\n%s\n", what, text.c_str());
    std::abort();
}

std::string write_like(std::string_view original, billijk::io::IndicationRead const& read) {
    return billijk::io::indication_json_is_one_line(original)
               ? billijk::io::write_indication_json_line(*read.indication, read.explanations)
               : billijk::io::write_indication_json(*read.indication, read.explanations);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    std::string const text(reinterpret_cast<char const*>(data), size);
    auto const read = billijk::io::read_indication_json(text);
    if (!read.indication) {
        if (read.error.empty())
            fail("refused without a message", text);
        return 0;
    }
    std::string const written = write_like(text, read);
    auto const again = billijk::io::read_indication_json(written);
    if (!again.indication)
        fail(("what it wrote does not read again: " + again.error).c_str(), written);
    if (again.explanations != read.explanations)
        fail("what it wrote reads with explanations differently", written);
    if (write_like(written, again) != written)
        fail("writing what was read is not stable", written);
    (void)billijk::io::write_indication_text(*read.indication, billijk::io::Language::nl);
    (void)billijk::io::write_indication_text(*read.indication, billijk::io::Language::en);
    return 0;
}
