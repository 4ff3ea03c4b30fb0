// ExplanationInputs (billijk/indication.hpp): shared nodes that iterate as Explanation const&.
// Its iterator says it is random-access; the concept check holds it to that.
#include "billijk/indication.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <iterator>
#include <ranges>

using billijk::Explanation;
using billijk::ExplanationInputs;

static_assert(std::random_access_iterator<ExplanationInputs::const_iterator>);

namespace {

ExplanationInputs three() {
    Explanation a, b, c;
    a.name = "a";
    b.name = "b";
    c.name = "c";
    return ExplanationInputs{a, b, c};
}

} // namespace

TEST_CASE("explanation inputs: iterator arithmetic in both directions") {
    auto const inputs = three();
    auto it = inputs.begin();
    it += 2;
    CHECK(it->name == "c");
    it -= 1;
    CHECK((*it).name == "b");
    CHECK((1 + inputs.begin())->name == "b");
    CHECK((inputs.end() - 1)->name == "c");
    auto before = it--;
    CHECK(before->name == "b");
    CHECK(it->name == "a");
    CHECK(inputs.end() - inputs.begin() == 3);
    CHECK(inputs.begin()[2].name == "c");
}

TEST_CASE("explanation inputs: standard algorithms and reverse iteration") {
    auto const inputs = three();
    std::string backwards;
    for (auto it = std::make_reverse_iterator(inputs.end());
         it != std::make_reverse_iterator(inputs.begin()); ++it)
        backwards += it->name;
    CHECK(backwards == "cba");
    CHECK(std::ranges::distance(inputs.begin(), inputs.end()) == 3);
    auto found = std::find_if(inputs.begin(), inputs.end(),
                              [](Explanation const& e) { return e.name == "b"; });
    CHECK(found - inputs.begin() == 1);
    CHECK(
        std::is_sorted(inputs.begin(), inputs.end(),
                       [](Explanation const& x, Explanation const& y) { return x.name < y.name; }));
}
