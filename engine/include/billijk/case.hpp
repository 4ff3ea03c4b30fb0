// A case: the facts of one client's request(s), as read from case JSON (schema billijk.case/1).
//
// io/case_json turns JSON into a `Case` and reports every malformed field with its JSON path
// (`requests[0].need.unit: unknown unit "uur/week"`). The evaluator reads nothing but this
// struct, the rule set and the reference date.
#pragma once

#include "billijk/date.hpp"
#include "billijk/decimal.hpp"
#include "billijk/unit.hpp"

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace billijk {

struct Quantity {
    Decimal amount;
    Unit unit;
    friend bool operator==(Quantity const&, Quantity const&) = default;
};

struct Period {
    Date start;
    Date end; ///< inclusive
};

struct HouseholdMember {
    std::string role; ///< "parent", "partner", "child", "housemate", ...
    std::optional<Date> birth_date;
    bool overloaded = false;
};

struct NeedItem {
    std::optional<std::string> kind; ///< absent in the short form: the provision's own kind
    Quantity amount;                 ///< hours/week or minutes/week
};

/// A fact value from requests[i].facts as written: a boolean, a quantity ({"amount", "unit"}) or a
/// string. Strings are read per the fact's declared type (date, decimal, enumeration member) when
/// the case is matched against its package; a mismatch is an input error naming the path.
using FactValue = std::variant<bool, Quantity, std::string>;

/// The indication a re-indication replaces (requests[i].previous): when it was decided and what
/// it gave. The engine does not recompute it; it states what changed and why.
struct PreviousIndication {
    Date decided_on;
    std::optional<Quantity> quantity;
    std::optional<Quantity> rate;
    std::optional<Quantity> budget;
};

struct Request {
    std::string provision;               ///< e.g. "begeleiding_individueel"
    std::string form;                    ///< "pgb" or "in_kind"
    std::optional<std::string> provider; ///< "informal", "professional", "zzp", "institution"
    std::optional<Quantity> rate;        ///< requested rate, eur/hour
    std::vector<NeedItem> need;
    std::map<std::string, FactValue> facts;
    std::optional<PreviousIndication> previous; ///< a re-indication
};

struct Case {
    std::string schema; ///< "billijk.case/1"
    std::string case_id;
    std::string municipality; ///< CBS code, "GM0489"
    std::string law;          ///< "jeugdwet" or "wmo"
    Date decision_date;
    Period period;
    std::string bsn; ///< validated (elfproef); never written to output
    Date birth_date;
    std::vector<HouseholdMember> household;
    std::vector<Request> requests;
};

} // namespace billijk
