#include "io/case_json.hpp"

#include "io/json_tree.hpp"

#include <algorithm>
#include <initializer_list>
#include <set>

namespace billijk::io {

namespace {

// The E09xx catalogue; docs/case-format.md lists them with examples.
constexpr char const* e_invalid_json = "E0901";
constexpr char const* e_duplicate_field = "E0902";
constexpr char const* e_unknown_field = "E0903";
constexpr char const* e_missing_field = "E0904";
constexpr char const* e_wrong_type = "E0905";
constexpr char const* e_number_not_string = "E0906";
constexpr char const* e_bad_decimal = "E0907";
constexpr char const* e_negative = "E0908";
constexpr char const* e_bad_date = "E0909";
constexpr char const* e_period_order = "E0910";
constexpr char const* e_bad_unit = "E0911";
constexpr char const* e_bad_bsn = "E0912";
constexpr char const* e_bad_schema = "E0913";
constexpr char const* e_bad_municipality = "E0914";
constexpr char const* e_not_allowed = "E0915";
constexpr char const* e_provider_required = "E0916";
constexpr char const* e_bad_need = "E0917";
constexpr char const* e_empty = "E0918";
constexpr char const* e_bad_name = "E0919";

using Kind = JsonNode::Kind;
using Fields = std::initializer_list<std::string_view>;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool is_identifier(std::string_view s) {
    if (s.empty() || !(s[0] == '_' || (s[0] >= 'a' && s[0] <= 'z')))
        return false;
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return c == '_' || (c >= 'a' && c <= 'z') || is_digit(c); });
}

/// YYYY-MM-DD with digits only (the calendar check is Date::parse's).
bool is_date_shape(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (i != 4 && i != 7 && !is_digit(s[i]))
            return false;
    return true;
}

/// The form of a text without its content, for a message about a birth date: a digit as 9, an
/// ASCII letter as A, any other byte as ? (spaces and ASCII punctuation as they are); at most
/// 24 characters, then "...". "14-03-2010" -> "99-99-9999".
std::string form_of(std::string_view text) {
    constexpr std::size_t most = 24;
    std::string out;
    for (std::size_t i = 0; i < text.size() && i < most; ++i) {
        auto const c = static_cast<unsigned char>(text[i]);
        if (is_digit(text[i]))
            out += '9';
        else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            out += 'A';
        else if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\')
            out += static_cast<char>(c);
        else
            out += '?';
    }
    if (text.size() > most)
        out += "...";
    return out;
}

/// BSN elfproef: 9 digits, weights 9..2 and -1, weighted sum divisible by 11 and > 0.
bool passes_elfproef(std::string_view digits) {
    long sum = 0;
    for (std::size_t i = 0; i < 8; ++i)
        sum += static_cast<long>(9 - i) * (digits[i] - '0');
    sum -= digits[8] - '0';
    return sum > 0 && sum % 11 == 0;
}

bool is_cbs_code(std::string_view s) {
    return s.size() == 6 && s.starts_with("GM") &&
           std::all_of(s.begin() + 2, s.end(), [](char c) { return is_digit(c); });
}

Unit hours_per_week() {
    return Unit::of(BaseUnit::hour) / Unit::of(BaseUnit::week);
}
Unit minutes_per_week() {
    return Unit::of(BaseUnit::minute) / Unit::of(BaseUnit::week);
}
Unit eur_per_hour() {
    return Unit::of(BaseUnit::eur) / Unit::of(BaseUnit::hour);
}

std::string list_choices(std::initializer_list<std::string_view> choices) {
    std::string out;
    std::size_t i = 0;
    for (std::string_view choice : choices) {
        if (i > 0)
            out += i + 1 == choices.size() ? " or " : ", ";
        out += '"';
        out += choice;
        out += '"';
        ++i;
    }
    return out;
}

/// Reads one case document, reporting every problem into `diags`.
class CaseReader {
  public:
    explicit CaseReader(Diagnostics& diags) : diags_(diags) {}

    /// Reports "<path>: <message>"; the root object's path is shown as "(root)".
    void error(char const* id, JsonPath const& path, std::string const& message) {
        std::string const where = path.str();
        report(id, (where.empty() ? "(root)" : where) + ": " + message);
    }

    void report(char const* id, std::string message) {
        diags_.error(id, std::nullopt, std::move(message));
    }

    Case read(JsonNode const& root) {
        Case c;
        if (!object(root, "",
                    {"schema", "case_id", "municipality", "law", "decision_date", "period",
                     "client", "household", "requests", "extra"}))
            return c;
        if (auto const* n = member(root, "", "schema", true)) {
            auto expected = [] { return '"' + std::string(case_schema_id) + '"'; };
            if (n->kind != Kind::string)
                wrong_type(*n, "schema", expected());
            else if (n->text == case_schema_id)
                c.schema = n->text;
            else
                error(e_bad_schema, "schema",
                      "expected " + expected() + ", found " + quote(n->text));
        }
        if (auto const* n = member(root, "", "case_id", true))
            if (auto s = nonempty_string(*n, "case_id"))
                c.case_id = *s;
        if (auto const* n = member(root, "", "municipality", true)) {
            std::string_view const expected = "a CBS code like \"GM0489\"";
            if (auto s = string_value(*n, "municipality", expected)) {
                if (is_cbs_code(*s))
                    c.municipality = *s;
                else
                    error(e_bad_municipality, "municipality",
                          "expected " + std::string(expected) + ", found " + quote(*s));
            }
        }
        if (auto const* n = member(root, "", "law", true))
            if (auto s = one_of(*n, "law", {"jeugdwet", "wmo"}))
                c.law = *s;
        if (auto const* n = member(root, "", "decision_date", true))
            if (auto d = date_value(*n, "decision_date"))
                c.decision_date = *d;
        if (auto const* n = member(root, "", "period", true))
            read_period(*n, c.period);
        if (auto const* n = member(root, "", "client", true))
            read_client(*n, c);
        if (auto const* n = member(root, "", "household", false))
            read_household(*n, c.household);
        if (auto const* n = member(root, "", "requests", true))
            read_requests(*n, c.requests);
        return c;
    }

  private:
    /// Is `node` an object? Reports unknown members (in document order) when it is.
    bool object(JsonNode const& node, JsonPath const& path, Fields fields) {
        if (node.kind != Kind::object) {
            wrong_type(node, path, "an object");
            return false;
        }
        for (std::string const& key : node.keys)
            if (std::find(fields.begin(), fields.end(), key) == fields.end())
                error(e_unknown_field, path.member(key),
                      "unknown field (put extra data under \"extra\")");
        return true;
    }

    JsonNode const* member(JsonNode const& object_node, JsonPath const& path, std::string_view key,
                           bool required) {
        JsonNode const* n = object_node.find(key);
        if (n == nullptr && required)
            error(e_missing_field, path.member(key), "required field is missing");
        return n;
    }

    void wrong_type(JsonNode const& node, JsonPath const& path, std::string_view expected) {
        error(node.kind == Kind::number ? e_number_not_string : e_wrong_type, path,
              "expected " + std::string(expected) + ", found " + std::string(describe(node.kind)));
    }

    /// The text of a string node: it views the document, which outlives the reader.
    std::optional<std::string_view> string_value(JsonNode const& node, JsonPath const& path,
                                                 std::string_view expected = "a string") {
        if (node.kind != Kind::string) {
            wrong_type(node, path, expected);
            return std::nullopt;
        }
        return node.text;
    }

    std::optional<std::string_view> nonempty_string(JsonNode const& node, JsonPath const& path) {
        auto s = string_value(node, path);
        if (s && s->empty()) {
            error(e_empty, path, "must not be empty");
            return std::nullopt;
        }
        return s;
    }

    std::optional<std::string_view> name_value(JsonNode const& node, JsonPath const& path,
                                               std::string_view example) {
        auto expected = [&] {
            return "a name like \"" + std::string(example) + "\" (lowercase letters, digits and _)";
        };
        if (node.kind != Kind::string) {
            wrong_type(node, path, expected());
            return std::nullopt;
        }
        if (!is_identifier(node.text)) {
            error(e_bad_name, path, "expected " + expected() + ", found " + quote(node.text));
            return std::nullopt;
        }
        return node.text;
    }

    std::optional<std::string_view> one_of(JsonNode const& node, JsonPath const& path,
                                           std::initializer_list<std::string_view> choices) {
        if (node.kind != Kind::string) {
            wrong_type(node, path, list_choices(choices));
            return std::nullopt;
        }
        if (std::find(choices.begin(), choices.end(), node.text) == choices.end()) {
            error(e_not_allowed, path,
                  "expected " + list_choices(choices) + ", found " + quote(node.text));
            return std::nullopt;
        }
        return node.text;
    }

    std::optional<bool> bool_value(JsonNode const& node, JsonPath const& path) {
        if (node.kind != Kind::boolean) {
            wrong_type(node, path, "true or false");
            return std::nullopt;
        }
        return node.boolean;
    }

    /// A birth date is personal data, like the BSN: its messages give the form of what was found
    /// ("99-99-9999"), never the date, since they reach stderr and batch result files.
    enum class Shown { value, form_only };

    std::optional<Date> date_value(JsonNode const& node, JsonPath const& path,
                                   Shown shown = Shown::value) {
        std::string_view const expected = "a date like \"2017-07-01\"";
        auto s = string_value(node, path, expected);
        if (!s)
            return std::nullopt;
        bool const personal = shown == Shown::form_only;
        constexpr char const* not_repeated = " (a birth date is not repeated in messages)";
        if (!is_date_shape(*s)) {
            error(e_bad_date, path,
                  "expected " + std::string(expected) + ", found " +
                      (personal ? "one of the form " + form_of(*s) + not_repeated : quote(*s)));
            return std::nullopt;
        }
        auto date = Date::parse(*s);
        if (!date)
            error(e_bad_date, path,
                  personal ? std::string("is not a calendar date") + not_repeated
                           : std::string(*s) + " is not a calendar date");
        return date;
    }

    std::optional<Decimal> decimal_value(JsonNode const& node, JsonPath const& path,
                                         bool non_negative) {
        std::string_view const expected = "must be a decimal string like \"16.00\"";
        if (node.kind != Kind::string) {
            error(node.kind == Kind::number ? e_number_not_string : e_wrong_type, path,
                  std::string(expected) + ", found " + std::string(describe(node.kind)));
            return std::nullopt;
        }
        if (!Decimal::has_decimal_form(node.text)) {
            error(e_bad_decimal, path, std::string(expected) + ", found " + quote(node.text));
            return std::nullopt;
        }
        auto value = Decimal::parse(node.text);
        if (!value) {
            error(e_bad_decimal, path,
                  quote(node.text) + " is too large or has more than 18 decimals");
            return std::nullopt;
        }
        if (non_negative && node.text.starts_with('-')) {
            error(e_negative, path, "must not be negative");
            return std::nullopt;
        }
        return value;
    }

    void read_period(JsonNode const& node, Period& period) {
        if (!object(node, "period", {"start", "end"}))
            return;
        std::optional<Date> start, end;
        if (auto const* n = member(node, "period", "start", true))
            start = date_value(*n, "period.start");
        if (auto const* n = member(node, "period", "end", true))
            end = date_value(*n, "period.end");
        if (start)
            period.start = *start;
        if (end)
            period.end = *end;
        if (start && end && *end < *start)
            error(e_period_order, "period",
                  "end " + end->to_string() + " is before start " + start->to_string());
    }

    void read_client(JsonNode const& node, Case& c) {
        if (!object(node, "client", {"bsn", "birth_date"}))
            return;
        if (auto const* n = member(node, "client", "bsn", true)) {
            if (auto s = string_value(*n, "client.bsn", "a string of 9 digits")) {
                bool const nine_digits =
                    s->size() == 9 && std::all_of(s->begin(), s->end(), is_digit);
                // The messages describe the BSN and never repeat it: they reach stderr and
                // batch's result lines, and a mistyped BSN is still nearly a person's number.
                bool const digits = std::all_of(s->begin(), s->end(), is_digit);
                if (!nine_digits)
                    error(e_bad_bsn, "client.bsn",
                          "expected 9 digits, found " + std::to_string(s->size()) +
                              (digits ? " digits" : " characters, not all digits"));
                else if (!passes_elfproef(*s))
                    error(e_bad_bsn, "client.bsn",
                          "the 9 digits fail the BSN check (elfproef); the number is not "
                          "repeated here");
                else
                    c.bsn = *s;
            }
        }
        if (auto const* n = member(node, "client", "birth_date", true))
            if (auto d = date_value(*n, "client.birth_date", Shown::form_only))
                c.birth_date = *d;
    }

    void read_household(JsonNode const& node, std::vector<HouseholdMember>& household) {
        if (node.kind != Kind::array) {
            wrong_type(node, "household", "an array");
            return;
        }
        JsonPath const household_path("household");
        for (std::size_t i = 0; i < node.items.size(); ++i) {
            JsonPath const path = household_path.index(i);
            JsonNode const& m = node.items[i];
            if (!object(m, path, {"role", "birth_date", "overloaded"}))
                continue;
            HouseholdMember member_value;
            if (auto const* n = member(m, path, "role", true))
                if (auto s = one_of(*n, path.member("role"),
                                    {"parent", "partner", "child", "housemate", "other"}))
                    member_value.role = *s;
            if (auto const* n = member(m, path, "birth_date", false))
                member_value.birth_date =
                    date_value(*n, path.member("birth_date"), Shown::form_only);
            if (auto const* n = member(m, path, "overloaded", false))
                member_value.overloaded = bool_value(*n, path.member("overloaded")).value_or(false);
            household.push_back(std::move(member_value));
        }
    }

    void read_requests(JsonNode const& node, std::vector<Request>& requests) {
        if (node.kind != Kind::array) {
            wrong_type(node, "requests", "an array");
            return;
        }
        if (node.items.empty())
            error(e_empty, "requests", "must list at least one request");
        JsonPath const requests_path("requests");
        for (std::size_t i = 0; i < node.items.size(); ++i) {
            Request r;
            if (read_request(node.items[i], requests_path.index(i), r))
                requests.push_back(std::move(r));
        }
    }

    bool read_request(JsonNode const& node, JsonPath const& path, Request& r) {
        if (!object(
                node, path,
                {"provision", "form", "provider", "rate", "need", "facts", "previous", "extra"}))
            return false;
        if (auto const* n = member(node, path, "provision", true))
            if (auto s = name_value(*n, path.member("provision"), "begeleiding_individueel"))
                r.provision = *s;
        bool form_known = false;
        if (auto const* n = member(node, path, "form", true)) {
            if (auto s = one_of(*n, path.member("form"), {"pgb", "in_kind"})) {
                r.form = *s;
                form_known = true;
            }
        }
        if (auto const* n = member(node, path, "provider", false))
            r.provider = one_of(*n, path.member("provider"),
                                {"informal", "professional", "zzp", "institution"});
        else if (form_known && r.form == "pgb")
            error(e_provider_required, path.member("provider"), "required when form is \"pgb\"");
        if (auto const* n = member(node, path, "rate", false))
            if (auto amount = decimal_value(*n, path.member("rate"), true))
                r.rate = Quantity{*amount, eur_per_hour()};
        if (auto const* n = member(node, path, "need", true))
            read_need(*n, path.member("need"), r.need);
        if (auto const* n = member(node, path, "facts", false))
            read_facts(*n, path.member("facts"), r.facts);
        if (auto const* n = member(node, path, "previous", false))
            r.previous = read_previous(*n, path.member("previous"));
        return true;
    }

    /// {decided_on, quantity, rate?, budget?}: the indication a re-indication replaces.
    std::optional<PreviousIndication> read_previous(JsonNode const& node, JsonPath const& path) {
        if (!object(node, path, {"decided_on", "quantity", "rate", "budget"}))
            return std::nullopt;
        PreviousIndication out;
        bool ok = true;
        if (auto const* n = member(node, path, "decided_on", true)) {
            auto d = date_value(*n, path.member("decided_on"));
            ok = ok && d.has_value();
            if (d)
                out.decided_on = *d;
        } else {
            ok = false;
        }
        auto read = [&](char const* name, bool required, std::optional<Quantity>& into) {
            if (auto const* n = member(node, path, name, required)) {
                into = any_quantity(*n, path.member(name));
                ok = ok && into.has_value();
            } else if (required) {
                ok = false;
            }
        };
        read("quantity", true, out.quantity);
        read("rate", false, out.rate);
        read("budget", false, out.budget);
        if (!ok)
            return std::nullopt;
        return out;
    }

    /// {amount, unit} with any unit of the rule language; amount not negative.
    std::optional<Quantity> any_quantity(JsonNode const& node, JsonPath const& path) {
        if (!object(node, path, {"amount", "unit"}))
            return std::nullopt;
        std::optional<Decimal> amount;
        std::optional<Unit> unit;
        if (auto const* n = member(node, path, "amount", true))
            amount = decimal_value(*n, path.member("amount"), true);
        if (auto const* n = member(node, path, "unit", true)) {
            JsonPath const unit_path = path.member("unit");
            if (auto s = string_value(*n, unit_path, "a unit string like \"hours/week\"")) {
                unit = Unit::parse(*s);
                if (!unit)
                    error(e_bad_unit, unit_path, "unknown unit " + quote(*s));
            }
        }
        if (amount && unit)
            return Quantity{*amount, *unit};
        return std::nullopt;
    }

    void read_need(JsonNode const& node, JsonPath const& path, std::vector<NeedItem>& need) {
        if (node.kind != Kind::object) {
            wrong_type(node, path, "an object");
            return;
        }
        bool const long_form = node.find("items") != nullptr;
        bool const short_form = node.find("amount") != nullptr || node.find("unit") != nullptr;
        if (long_form && short_form) {
            object(node, path, {"amount", "unit", "items"});
            error(e_bad_need, path, "use either \"amount\" and \"unit\" or \"items\", not both");
            return;
        }
        if (!long_form) {
            if (!object(node, path, {"amount", "unit"}))
                return;
            if (node.find("amount") == nullptr && node.find("unit") == nullptr) {
                error(e_bad_need, path, "expected \"amount\" and \"unit\", or \"items\"");
                return;
            }
            if (auto amount = need_quantity(node, path))
                need.push_back(NeedItem{std::nullopt, *amount});
            return;
        }
        if (!object(node, path, {"items"}))
            return;
        JsonNode const& items = *node.find("items");
        JsonPath const items_path = path.member("items");
        if (items.kind != Kind::array) {
            wrong_type(items, items_path, "an array");
            return;
        }
        if (items.items.empty())
            error(e_bad_need, items_path, "must list at least one item");
        std::set<std::string, std::less<>> kinds;
        for (std::size_t i = 0; i < items.items.size(); ++i) {
            JsonPath const item_path = items_path.index(i);
            JsonNode const& item = items.items[i];
            if (!object(item, item_path, {"kind", "amount", "unit"}))
                continue;
            std::optional<std::string_view> kind;
            if (auto const* n = member(item, item_path, "kind", true)) {
                kind = name_value(*n, item_path.member("kind"), "begeleiding");
                if (kind && !kinds.insert(std::string(*kind)).second) {
                    error(e_bad_need, item_path.member("kind"), quote(*kind) + " is listed twice");
                    kind.reset();
                }
            }
            auto amount = need_quantity(item, item_path);
            if (kind && amount)
                need.push_back(NeedItem{std::string(*kind), *amount});
        }
    }

    /// {amount, unit} of a need item: amount ≥ 0, unit hours/week or minutes/week.
    std::optional<Quantity> need_quantity(JsonNode const& node, JsonPath const& path) {
        std::optional<Decimal> amount;
        std::optional<Unit> unit;
        if (auto const* n = member(node, path, "amount", true))
            amount = decimal_value(*n, path.member("amount"), true);
        if (auto const* n = member(node, path, "unit", true)) {
            JsonPath const unit_path = path.member("unit");
            std::string_view const expected = "hours/week or minutes/week";
            if (auto s =
                    string_value(*n, unit_path, "a unit string (hours/week or minutes/week)")) {
                if (*s == "hours/week")
                    unit = hours_per_week();
                else if (*s == "minutes/week")
                    unit = minutes_per_week();
                else if (Unit::parse(*s))
                    error(e_bad_unit, unit_path,
                          "expected " + std::string(expected) + ", found " + quote(*s));
                else
                    error(e_bad_unit, unit_path,
                          "unknown unit " + quote(*s) + " (expected " + std::string(expected) +
                              ")");
            }
        }
        if (amount && unit)
            return Quantity{*amount, *unit};
        return std::nullopt;
    }

    void read_facts(JsonNode const& node, JsonPath const& path,
                    std::map<std::string, FactValue>& facts) {
        if (node.kind != Kind::object) {
            wrong_type(node, path, "an object");
            return;
        }
        for (std::size_t i = 0; i < node.keys.size(); ++i) {
            std::string const& name = node.keys[i];
            JsonPath const fact_path = path.member(name);
            if (!is_identifier(name)) {
                error(e_bad_name, fact_path,
                      "fact names are lowercase identifiers like \"pgb_capable\"");
                continue;
            }
            if (auto value = fact_value(node.items[i], fact_path))
                facts.emplace(name, std::move(*value));
        }
    }

    std::optional<FactValue> fact_value(JsonNode const& node, JsonPath const& path) {
        switch (node.kind) {
        case Kind::boolean:
            return FactValue{node.boolean};
        case Kind::string:
            return FactValue{node.text};
        case Kind::number:
            error(e_number_not_string, path,
                  "must be a decimal string like \"16.00\", found a JSON number");
            return std::nullopt;
        case Kind::object: {
            if (!object(node, path, {"amount", "unit"}))
                return std::nullopt;
            std::optional<Decimal> amount;
            std::optional<Unit> unit;
            if (auto const* n = member(node, path, "amount", true))
                amount = decimal_value(*n, path.member("amount"), false);
            if (auto const* n = member(node, path, "unit", true)) {
                JsonPath const unit_path = path.member("unit");
                if (auto s = string_value(*n, unit_path, "a unit string like \"km/year\"")) {
                    unit = Unit::parse(*s);
                    if (!unit)
                        error(e_bad_unit, unit_path, "unknown unit " + quote(*s));
                }
            }
            if (amount && unit)
                return FactValue{Quantity{*amount, *unit}};
            return std::nullopt;
        }
        case Kind::null:
        case Kind::array:
            break;
        }
        wrong_type(node, path, "true, false, a string or {\"amount\", \"unit\"}");
        return std::nullopt;
    }

    Diagnostics& diags_;
};

bool is_bsn_member(std::string_view name) {
    return name == "bsn";
}

} // namespace

Result<Case> read_case(std::string_view json_text, std::string const& /*source_name*/) {
    return read_case(parse_json_tree(json_text));
}

Result<Case> read_case(JsonParseResult const& parsed) {
    Diagnostics diags;
    CaseReader reader(diags);
    if (!parsed.root) {
        reader.report(e_invalid_json, parsed.error);
        return diags;
    }
    for (DuplicateKey const& dup : parsed.duplicates) {
        JsonPath const object_path(dup.object_path.c_str());
        reader.error(e_duplicate_field, object_path.member(dup.key),
                     "field appears more than once");
    }
    Case c = reader.read(*parsed.root);
    if (diags.has_errors())
        return diags;
    return c;
}

std::string canonical_case_json(std::string_view json_text) {
    JsonParseResult parsed = parse_json_tree(json_text);
    if (!parsed.root)
        return {};
    return canonical_case_json(*parsed.root);
}

std::string canonical_case_json(JsonNode const& root) {
    return write_canonical(root, &is_bsn_member);
}

} // namespace billijk::io
