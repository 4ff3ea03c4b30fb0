#include "review/decision_case.hpp"

#include "io/case_json.hpp"
#include "review/proposal_fields.hpp"

namespace billijk::review {

std::optional<Case> read_decision_case(std::string_view case_text, std::size_t line,
                                       std::string const& field, std::vector<LineError>& errors) {
    auto parsed = io::read_case(case_text, field);
    if (parsed)
        return std::move(parsed).value();
    for (auto const& d : parsed.diagnostics().items())
        errors.push_back({line, field, d.message + " [" + d.id + "]", false});
    return std::nullopt;
}

bool bind_request(ProposedDecision& decision, std::vector<LineError>& errors) {
    auto index = find_request(decision.the_case, decision.proposal);
    if (!index.value) {
        errors.push_back({decision.line, "provision", index.problem, false});
        return false;
    }
    decision.request = *index.value;
    return true;
}

} // namespace billijk::review
