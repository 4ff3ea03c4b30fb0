// golden/explanation_diff: nodes matched by kind and name; changed fields, added and removed
// subtrees are reported once each.
#include "golden/explanation_diff.hpp"
#include "golden/text_diff.hpp"

#include <catch2/catch.hpp>

using namespace billijk::golden;
using nlohmann::json;

namespace {

json tree(std::string const& rate_formula, std::string const& rate_value, json parameter) {
    json rate = {{"kind", "rule"},         {"name", "hourly_rate"},
                 {"package", "bar.jeugd"}, {"formula", rate_formula},
                 {"value", rate_value},    {"inputs", json::array({parameter})}};
    json budget = {{"kind", "rule"},
                   {"name", "budget"},
                   {"value", "8320.00 eur/year"},
                   {"inputs", json::array({rate})}};
    return {{"kind", "provision"},
            {"name", "begeleiding"},
            {"value", "granted"},
            {"inputs", json::array({budget})}};
}

json share() {
    return {{"kind", "parameter"}, {"name", "informal_share"}, {"value", "60%"}};
}
json fixed() {
    return {{"kind", "parameter"}, {"name", "informal_rate"}, {"value", "20.00 eur/hour"}};
}

} // namespace

TEST_CASE("the same tree has no explanation changes") {
    auto t = tree("min(16.00, 60% * 45.00)", "16.00 eur/hour", share());
    CHECK(diff_explanation("begeleiding", t, t).empty());
}

TEST_CASE("a changed formula and value is one changed node with both fields") {
    auto changes =
        diff_explanation("begeleiding", tree("min(16.00, 60% * 45.00)", "16.00 eur/hour", share()),
                         tree("min(16.00, 50% * 45.00)", "16.00 eur/hour", share()));
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].kind == NodeChange::Kind::changed);
    CHECK(changes[0].path == "begeleiding > budget > hourly_rate");
    CHECK(changes[0].node == "rule hourly_rate [bar.jeugd]");
    REQUIRE(changes[0].fields.size() == 1);
    CHECK(changes[0].fields[0].field == "formula");
    CHECK(changes[0].fields[0].expected == "min(16.00, 60% * 45.00)");
    CHECK(changes[0].fields[0].actual == "min(16.00, 50% * 45.00)");
}

TEST_CASE("a parameter replaced by another is one added and one removed node") {
    auto changes = diff_explanation("begeleiding", tree("f", "16.00 eur/hour", share()),
                                    tree("f", "16.00 eur/hour", fixed()));
    REQUIRE(changes.size() == 2);
    CHECK(changes[0].kind == NodeChange::Kind::added);
    CHECK(changes[0].node == "parameter informal_rate");
    CHECK(changes[0].value == "20.00 eur/hour");
    CHECK(changes[1].kind == NodeChange::Kind::removed);
    CHECK(changes[1].node == "parameter informal_share");
}

TEST_CASE("a removed subtree is reported once with its size") {
    auto e = tree("f", "v", share());
    auto a = e;
    a["inputs"] = json::array();
    auto changes = diff_explanation("begeleiding", e, a);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].kind == NodeChange::Kind::removed);
    CHECK(changes[0].path == "begeleiding > budget");
    CHECK(changes[0].size == 3);
}

TEST_CASE("unified diff of the text explanation: changed lines with one line of context") {
    std::string const a = "one\ntwo\nthree\nfour\nfive\nsix\n";
    std::string const b = "one\ntwo\nTHREE\nfour\nfive\nsix\n";
    CHECK(unified_diff(a, a, "x", "y", 40).empty());
    CHECK(unified_diff(a, b, "expected.en.txt", "actual", 40) ==
          "--- expected.en.txt\n+++ actual\n@@ -2,3 +2,3 @@\n two\n-three\n+THREE\n four\n");
}
