#include "review/proposal_fields.hpp"

#include "billijk/source.hpp"

#include <filesystem>

namespace billijk::review {

FieldResult<Quantity> read_quantity(std::string_view amount, std::string_view unit) {
    auto number = Decimal::parse(amount);
    if (!number)
        return Problem{"must be a decimal string like \"16.00\", found \"" + std::string(amount) +
                       "\""};
    if (number->is_negative())
        return Problem{"must not be negative"};
    if (unit.empty())
        return Problem{"needs a unit, e.g. \"eur/year\""};
    auto u = Unit::parse(unit);
    if (!u)
        return Problem{"unknown unit \"" + std::string(unit) + "\""};
    return Quantity{*number, *u};
}

FieldResult<Date> read_date(std::string_view text) {
    auto d = Date::parse(text);
    if (!d)
        return Problem{"expected a calendar date like \"2017-07-01\", found \"" +
                       std::string(text) + "\""};
    return *d;
}

FieldResult<std::string> read_status(std::string_view text) {
    if (text == "granted" || text == "refused")
        return std::string(text);
    return Problem{"expected \"granted\" or \"refused\", found \"" + std::string(text) + "\""};
}

FieldResult<std::string> read_form(std::string_view text) {
    if (text == "pgb" || text == "in_kind")
        return std::string(text);
    return Problem{"expected \"pgb\" or \"in_kind\", found \"" + std::string(text) + "\""};
}

FieldResult<std::size_t> find_request(Case const& the_case, Proposal const& proposal) {
    std::optional<std::size_t> first;
    for (std::size_t i = 0; i < the_case.requests.size(); ++i) {
        auto const& r = the_case.requests[i];
        if (r.provision != proposal.provision)
            continue;
        if (!first)
            first = i;
        if (proposal.form && r.form == *proposal.form)
            return i;
    }
    if (!first)
        return Problem{"the case has no request for provision \"" + proposal.provision + "\""};
    return *first;
}

FieldResult<std::string> read_case_file(std::string const& decisions_path,
                                        std::string const& name) {
    if (name.empty())
        return Problem{"must name a case file"};
    std::filesystem::path path(name);
    if (path.is_relative())
        path = std::filesystem::path(decisions_path).parent_path() / path;
    auto text = read_text_file(path.string());
    if (!text)
        return Problem{"cannot read the case file " + path.string()};
    return *text;
}

} // namespace billijk::review
