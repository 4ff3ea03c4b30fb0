// Reading an indication back: every golden expected.json reads and writes back to the same
// bytes, indented and on one line, with and without explanations, and gives the golden Dutch and
// English texts; a damaged document is refused with the JSON path of what is wrong.
#include "io/explain_text.hpp"
#include "io/indication_json.hpp"
#include "io/indication_reader.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

using namespace billijk;

namespace {

std::string read_file(std::filesystem::path const& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// Every golden case directory with an expected.json, in a fixed order.
std::vector<std::filesystem::path> golden_dirs() {
    std::vector<std::filesystem::path> out;
    auto const root = std::filesystem::path(BILLIJK_SOURCE_DIR) / "tests" / "golden";
    for (auto const& entry : std::filesystem::recursive_directory_iterator(root))
        if (entry.path().filename() == "expected.json")
            out.push_back(entry.path().parent_path());
    std::sort(out.begin(), out.end());
    return out;
}

Indication must_read(std::string const& text, bool explanations) {
    auto read = io::read_indication_json(text);
    INFO(read.error);
    REQUIRE(read.indication);
    CHECK(read.explanations == explanations);
    return std::move(*read.indication);
}

/// A golden indication with one change made to it, as JSON text.
std::string changed(std::function<void(nlohmann::json&)> const& change) {
    auto const dir = std::filesystem::path(BILLIJK_SOURCE_DIR) / "tests" / "golden" /
                     "barendrecht" / "01-informal-asks-16-cap-27";
    auto doc = nlohmann::json::parse(read_file(dir / "expected.json"));
    change(doc);
    return doc.dump(2);
}

std::string error_of(std::string const& text) {
    auto const read = io::read_indication_json(text);
    CHECK_FALSE(read.indication);
    return read.error;
}

} // namespace

TEST_CASE("io: every golden indication reads back to the same bytes and texts", "[io][reader]") {
    auto const dirs = golden_dirs();
    REQUIRE(dirs.size() > 50);
    std::size_t split = 0, reindications = 0;
    for (auto const& dir : dirs) {
        INFO(dir.string());
        std::string const expected = read_file(dir / "expected.json");
        Indication const indication = must_read(expected, true);
        CHECK(io::write_indication_json(indication) == expected);
        CHECK(io::write_indication_text(indication, io::Language::nl) ==
              read_file(dir / "expected.nl.txt"));
        CHECK(io::write_indication_text(indication, io::Language::en) ==
              read_file(dir / "expected.en.txt"));

        // On one line (as `batch` writes it) and without explanations (`--no-explain`).
        std::string const line = io::write_indication_json_line(indication);
        CHECK(io::write_indication_json(must_read(line, true)) == expected);
        std::string const bare = io::write_indication_json(indication, false);
        CHECK(io::write_indication_json(must_read(bare, indication.provisions.empty()), false) ==
              bare);

        for (auto const& p : indication.provisions) {
            split += p.parts.empty() ? 0 : 1;
            reindications += p.previous ? 1 : 0;
        }
    }
    // The golden cases include split periods and re-indications, so those members are read too.
    CHECK(split > 0);
    CHECK(reindications > 0);
}

TEST_CASE("io: a damaged indication is refused with the path of what is wrong", "[io][reader]") {
    CHECK(error_of("{\"schema\": ").rfind("invalid JSON at line 1", 0) == 0);
    CHECK(error_of(changed([](auto& d) { d["schema"] = "billijk.indication/2"; })) ==
          "schema: expected \"billijk.indication/1\", found \"billijk.indication/2\"");
    CHECK(error_of(changed([](auto& d) { d.erase("case_id"); })) == "case_id: missing");
    CHECK(error_of(changed([](auto& d) { d["provisions"][0]["status"] = "maybe"; })) ==
          "provisions[0].status: expected granted, refused or undetermined, found \"maybe\"");
    CHECK(error_of(changed([](auto& d) { d["provisions"][0]["granted"] = false; })) ==
          "provisions[0].granted: false does not agree with status \"granted\"");
    CHECK(error_of(changed([](auto& d) { d["provisions"][0]["rate"]["amount"] = "16,00"; })) ==
          "provisions[0].rate.amount: expected a decimal as Billijk writes it (\"16.00\"), found "
          "\"16,00\"");
    CHECK(error_of(changed([](auto& d) {
              d["provisions"][0]["rate"]["amount"] = std::string(60, '9') + ".00";
          })) == "provisions[0].rate.amount: \"" + std::string(60, '9') +
                     ".00\" is out of range: too large, or more than 18 decimals");
    CHECK(error_of(changed([](auto& d) { d["provisions"][0]["rate"]["unit"] = "eur/uur"; })) ==
          "provisions[0].rate.unit: unknown unit \"eur/uur\"");
    CHECK(error_of(changed([](auto& d) { d["provisions"][0]["remark"] = "x"; })) ==
          "provisions[0].remark: not a member of billijk.indication/1 here");
    CHECK(error_of(changed(
              [](auto& d) { d["provisions"][0]["explanation"]["inputs"][1]["value"] = 3; })) ==
          "provisions[0].explanation.inputs[1].value: expected a string, found a JSON number");
    CHECK(error_of(changed([](auto& d) { d["provisions"][0]["explanation"]["note_nl"] = ""; })) ==
          "provisions[0].explanation.note_nl: empty (an empty text is left out)");
    CHECK(error_of(changed([](auto& d) { d["provisions"][0]["period"]["end"] = "2018-02-30"; })) ==
          "provisions[0].period.end: expected a date as YYYY-MM-DD, found \"2018-02-30\"");
    CHECK(error_of(changed([](auto& d) {
              d["provisions"][0]["previous"] = nlohmann::json::object();
          })) == "provisions[0].changes: missing (a re-indication has both changes and previous)");
    CHECK(error_of("{\"case_id\": \"a\", \"case_id\": \"b\"}") == "case_id: appears twice");
}

TEST_CASE("io: provisions with and without explanations are not mixed", "[io][reader]") {
    auto const text = changed([](auto& d) {
        auto second = d["provisions"][0];
        second.erase("explanation");
        d["provisions"].push_back(second);
    });
    CHECK(error_of(text) == "provisions: some provisions have an explanation and some do not");
}
