// golden/compare: --update writes only what changed, atomically, and never from a failing run
// (a hand-check mismatch); extra.expect is checked and a malformed one names the field.
#include "golden/compare.hpp"
#include "golden/hand_check.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <fstream>
#include <unistd.h>

using namespace billijk;
using namespace billijk::golden;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

/// A case directory in the temporary directory, removed afterwards.
struct TempCase {
    fs::path dir;
    TempCase() {
        static std::atomic<int> counter{0};
        dir = fs::temp_directory_path() / ("billijk-golden-test-" + std::to_string(::getpid()) +
                                           "-" + std::to_string(counter++));
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    ~TempCase() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    void write(std::string const& name, std::string const& text) const {
        std::ofstream(dir / name, std::ios::binary) << text;
    }
    std::string read(std::string const& name) const { return *read_text_file(dir / name); }
    CaseDir where() const { return {dir, "case.json", dir.generic_string()}; }
};

std::string output_json(std::string const& budget) {
    return json({{"provisions",
                  json::array({{{"provision", "p"},
                                {"status", "granted"},
                                {"budget", {{"amount", budget}, {"unit", "eur/year"}}}}})}})
               .dump(2) +
           "\n";
}

std::string case_json(std::string const& hand_budget) {
    return json({{"extra",
                  {{"expect",
                    {{"provisions",
                      json::array({{{"provision", "p"}, {"budget", hand_budget}}})}}}}}})
        .dump();
}

/// A run whose outputs are `budget`, for a case whose hand check says `hand_budget`.
CaseOutput run_with(std::string const& budget, std::string const& hand_budget) {
    CaseOutput out;
    out.files["expected.json"] = output_json(budget);
    out.files["expected.nl.txt"] = "budget " + budget + "\n";
    out.files["expected.en.txt"] = "text\n";
    out.indication = Indication{};
    out.case_text = case_json(hand_budget);
    return out;
}

} // namespace

TEST_CASE("a run equal to its expectations passes") {
    TempCase t;
    auto run = run_with("100.00", "100.00 eur/year");
    for (auto const& [name, text] : run.files)
        t.write(name, text);
    auto v = compare_case(t.where(), run);
    REQUIRE(v);
    CHECK(v.value().passed());
}

TEST_CASE("update writes only the files that changed, and leaves no temporary file") {
    TempCase t;
    auto old_run = run_with("100.00", "120.00 eur/year");
    for (auto const& [name, text] : old_run.files)
        t.write(name, text);
    auto run = run_with("120.00", "120.00 eur/year");
    auto v = compare_case(t.where(), run);
    REQUIRE(v);
    CHECK(!v.value().passed());
    CHECK(v.value().hand.empty());
    REQUIRE(v.value().values.size() == 1);
    CHECK(v.value().values[0].path == "p.budget");
    auto verdict = v.value();
    auto wrote = update_expectations(t.where(), run, verdict);
    REQUIRE(wrote);
    CHECK(wrote.value());
    CHECK(verdict.written ==
          std::vector<std::string>{(t.dir / "expected.json").generic_string(),
                                   (t.dir / "expected.nl.txt").generic_string()});
    CHECK(t.read("expected.json") == run.files["expected.json"]);
    CHECK(t.read("expected.nl.txt") == "budget 120.00\n");
    std::size_t files = 0;
    for ([[maybe_unused]] auto const& e : fs::directory_iterator(t.dir))
        ++files;
    CHECK(files == 3);
    auto again = compare_case(t.where(), run);
    REQUIRE(again);
    CHECK(again.value().passed());
}

TEST_CASE("update refuses a run that disagrees with its hand check and writes nothing") {
    TempCase t;
    auto old_run = run_with("100.00", "100.00 eur/year");
    for (auto const& [name, text] : old_run.files)
        t.write(name, text);
    auto run = run_with("120.00", "100.00 eur/year");
    auto v = compare_case(t.where(), run);
    REQUIRE(v);
    auto verdict = v.value();
    REQUIRE(verdict.hand.size() == 1);
    CHECK(verdict.hand[0] == "p.budget is 120.00 eur/year, hand says 100.00 eur/year");
    CHECK(!verdict.updatable());
    auto wrote = update_expectations(t.where(), run, verdict);
    REQUIRE(wrote);
    CHECK(!wrote.value());
    CHECK(verdict.written.empty());
    CHECK(verdict.refused.find("hand check") != std::string::npos);
    CHECK(t.read("expected.json") == old_run.files["expected.json"]);
}

TEST_CASE("update refuses a run that is not reproducible") {
    TempCase t;
    auto run = run_with("120.00", "120.00 eur/year");
    run.reproducible = false;
    auto v = compare_case(t.where(), run);
    REQUIRE(v);
    auto verdict = v.value();
    CHECK(verdict.files.size() == 3); // all missing
    auto wrote = update_expectations(t.where(), run, verdict);
    REQUIRE(wrote);
    CHECK(!wrote.value());
    CHECK(!fs::exists(t.dir / "expected.json"));
}

TEST_CASE("a malformed extra.expect names the file and the field") {
    json c = json::parse(R"({"extra": {"expect": {"provisions": [{"provision": "p",
                                                                   "budget": 120}]}}})");
    auto r = check_hand_values("x/case.json", c, json::parse(output_json("120.00")));
    REQUIRE(!r);
    CHECK(r.diagnostics().items().at(0).id == "G0004");
    CHECK(r.diagnostics().items().at(0).message.rfind(
              "x/case.json: extra.expect.provisions[0].budget: expected a string", 0) == 0);
}
