// Fuzz target: the rule parser and the formatter. Any bytes: parse must return a tree or
// diagnostics, never crash. When the bytes parse, `billijk fmt`'s output must parse to the same
// tree, keep every comment and be stable (syntax/format_check.hpp), and the flat print must
// round-trip too; anything else aborts, so the fuzzer reports it as a crash.
#include "syntax/format_check.hpp"
#include "syntax/parse.hpp"
#include "syntax/printer.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

[[noreturn]] void fail(char const* what, std::string const& detail) {
    std::fprintf(stderr, "parse_fuzzer: %s\n%s\n", what, detail.c_str());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    using namespace billijk;
    std::string const text(reinterpret_cast<char const*>(data), size);
    SourceSet sources;
    FileId const id = sources.add("fuzz.rules", text);
    auto parsed = syntax::parse(sources, id);
    if (!parsed) {
        return 0;
    }
    std::string const formatted = syntax::format(parsed.value(), text);
    if (auto problem = syntax::check_formatted(parsed.value(), text, formatted)) {
        fail(problem->c_str(), formatted);
    }
    std::string const flat = syntax::print(parsed.value());
    SourceSet flat_sources;
    auto reparsed = syntax::parse(flat_sources, flat_sources.add("flat.rules", flat));
    if (!reparsed) {
        fail("the flat print does not parse", flat);
    }
    if (syntax::print(reparsed.value()) != flat) {
        fail("the flat print does not round-trip", flat);
    }
    return 0;
}
