// The syntax cases of tests/golden/diagnostics: every `main.rules` whose second line says
// `# expect: E01xx ...` must fail to parse with exactly those diagnostic ids, in order. (The
// golden runner compares the full `billijk check` output; this test keeps the cases honest
// without the CLI.)
#include "syntax_test_support.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

using namespace billijk;
using namespace billijk::syntax::testing;
namespace fs = std::filesystem;

TEST_CASE("golden syntax cases fail with the ids they declare", "[golden]") {
    fs::path const root = fs::path(BILLIJK_SOURCE_DIR) / "tests" / "golden" / "diagnostics";
    int cases = 0;
    for (auto const& entry : fs::directory_iterator(root)) {
        fs::path const file = entry.path() / "main.rules";
        if (!fs::exists(file)) {
            continue;
        }
        std::ifstream in(file);
        std::stringstream buffer;
        buffer << in.rdbuf();
        std::string const text = buffer.str();
        auto const marker = text.find("# expect: E01");
        if (marker == std::string::npos) {
            continue; // not a syntax case
        }
        std::string const line = text.substr(marker + 10, text.find('\n', marker) - marker - 10);
        std::vector<std::string> expected;
        std::istringstream words(line);
        for (std::string id; words >> id;) {
            expected.push_back(id);
        }

        parse_run run(text);
        if (std::getenv("BILLIJK_SYNTAX_DUMP") != nullptr) { // review aid
            std::cout << "== " << entry.path().filename().string() << "\n" << run.rendered();
        }
        INFO(entry.path().filename().string() << "\n" << run.rendered());
        REQUIRE_FALSE(run.result.ok());
        std::vector<std::string> actual;
        for (auto const& d : run.diagnostics().items()) {
            actual.push_back(d.id);
            CHECK(d.span.has_value());
        }
        CHECK(actual == expected);
        ++cases;
    }
    CHECK(cases >= 12);
}
