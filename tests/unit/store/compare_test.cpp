// Comparing outputs for `billijk replay`: a unified diff and the named changes.
#include "store/compare.hpp"

#include <catch2/catch.hpp>

using namespace billijk;

TEST_CASE("equal texts have no diff", "[store][compare]") {
    CHECK(store::unified_diff("a\nb\n", "a\nb\n", "x", "y").empty());
}

TEST_CASE("a changed line gives one hunk with context", "[store][compare]") {
    std::string const a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
    std::string const b = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
    CHECK(store::unified_diff(a, b, "stored", "replayed") ==
          "--- stored\n+++ replayed\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST_CASE("changes far apart give separate hunks, additions count right", "[store][compare]") {
    std::string a, b;
    for (int i = 1; i <= 20; ++i) {
        a += std::to_string(i) + "\n";
        b += std::to_string(i) + "\n";
        if (i == 2)
            b += "new\n";
    }
    b.replace(b.find("18\n"), 3, "eighteen\n");
    auto const diff = store::unified_diff(a, b, "a", "b");
    CHECK(diff.find("@@ -1,5 +1,6 @@\n 1\n 2\n+new\n 3\n 4\n 5\n") != std::string::npos);
    CHECK(diff.find("@@ -15,6 +16,6 @@\n 15\n 16\n 17\n-18\n+eighteen\n 19\n 20\n") !=
          std::string::npos);
}

TEST_CASE("the changes name the rule package, plugin and parameter that differ",
          "[store][compare]") {
    std::string const before = R"({"engine": "billijk 0.1.0", "reference_date": "2017-06-01",
      "rules": [{"package": "barendrecht.jeugd", "version": "2015", "hash": "sha256:aa"}],
      "plugins": [{"municipality": "GM0489", "name": "Barendrecht", "version": "2015.1",
                   "abi": "1.0", "sha256": "11"}],
      "provisions": [{"explanation": {"kind": "provision", "inputs": [
        {"kind": "parameter", "package": "barendrecht.jeugd", "name": "informal_share",
         "value": "60%"}]}}]})";
    std::string const after = R"({"engine": "billijk 0.1.0", "reference_date": "2017-06-01",
      "rules": [{"package": "barendrecht.jeugd", "version": "2015", "hash": "sha256:bb"}],
      "plugins": [{"municipality": "GM0489", "name": "Barendrecht", "version": "2016.1",
                   "abi": "1.0", "sha256": "22"}],
      "provisions": [{"explanation": {"kind": "provision", "inputs": [
        {"kind": "parameter", "package": "barendrecht.jeugd", "name": "informal_share",
         "value": "70%"}]}}]})";
    auto const changes = store::describe_changes(before, after);
    REQUIRE(changes.size() == 4);
    CHECK(changes[0] == "rule package barendrecht.jeugd: hash sha256:aa -> sha256:bb");
    CHECK(changes[1] == "plugin GM0489 (Barendrecht): version 2015.1 -> 2016.1");
    CHECK(changes[2] == "plugin GM0489 (Barendrecht): sha256 11 -> 22");
    CHECK(changes[3] == "parameter barendrecht.jeugd.informal_share: 60% -> 70%");
    CHECK(store::describe_changes(before, before).empty());
}
