// Reads members in the order io/indication_json writes them; every check that the writer's
// output passes by construction is what keeps a damaged or foreign document from being shown as
// an indication.
#include "io/indication_reader.hpp"

#include "io/indication_json.hpp"
#include "io/json_tree.hpp"

#include <algorithm>
#include <initializer_list>

namespace billijk::io {

namespace {

using Kind = JsonNode::Kind;

/// Explanation trees nest two JSON levels per node; a deep derivation must still read.
constexpr std::size_t max_indication_depth = 4096;

class Reader {
  public:
    std::string error;

    bool indication(JsonNode const& root, Indication& out, bool& explanations) {
        if (!object(root, "",
                    {"case_id", "engine", "fingerprint", "plugins", "provisions", "reference_date",
                     "rules", "schema"}))
            return false;
        if (!text(root, "", "schema", out.schema))
            return false;
        if (out.schema != "billijk.indication/1")
            return fail("schema", "expected \"billijk.indication/1\", found " + quote(out.schema));
        if (!text(root, "", "case_id", out.case_id) || !text(root, "", "engine", out.engine) ||
            !text(root, "", "fingerprint", out.fingerprint) ||
            !date(root, "", "reference_date", out.reference_date))
            return false;
        if (!plugins(root, out.plugins) || !rules(root, out.rules))
            return false;
        JsonNode const* list = member(root, "", "provisions", Kind::array);
        if (!list)
            return false;
        std::size_t explained = 0;
        for (std::size_t i = 0; i < list->items.size(); ++i) {
            ProvisionResult p;
            bool has_explanation = false;
            if (!provision(list->items[i], json_path_index("provisions", i), p, has_explanation))
                return false;
            explained += has_explanation ? 1 : 0;
            out.provisions.push_back(std::move(p));
        }
        if (explained != 0 && explained != list->items.size())
            return fail("provisions", "some provisions have an explanation and some do not");
        explanations = explained == list->items.size();
        return true;
    }

  private:
    bool fail(std::string const& path, std::string const& what) {
        if (error.empty())
            error = path.empty() ? what : path + ": " + what;
        return false;
    }

    bool expect(JsonNode const& node, std::string const& path, Kind kind) {
        if (node.kind == kind)
            return true;
        return fail(path, "expected " + std::string(describe(kind)) + ", found " +
                              std::string(describe(node.kind)));
    }

    /// An object with no members but `allowed`.
    bool object(JsonNode const& node, std::string const& path,
                std::initializer_list<std::string_view> allowed) {
        if (!expect(node, path, Kind::object))
            return false;
        for (std::string const& key : node.keys)
            if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
                return fail(json_path_member(path, key),
                            "not a member of billijk.indication/1 here");
        return true;
    }

    /// The member `key` of `parent` with its kind; nullptr (and the error) when it is missing or
    /// of another kind.
    JsonNode const* member(JsonNode const& parent, std::string const& path, std::string_view key,
                           Kind kind) {
        JsonNode const* node = parent.find(key);
        std::string const at = json_path_member(path, key);
        if (!node) {
            fail(at, "missing");
            return nullptr;
        }
        return expect(*node, at, kind) ? node : nullptr;
    }

    bool text(JsonNode const& parent, std::string const& path, std::string_view key,
              std::string& out) {
        JsonNode const* node = member(parent, path, key, Kind::string);
        if (!node)
            return false;
        out = node->text;
        return true;
    }

    /// A text the writer leaves out when it is empty: absent reads as "", present must not be "".
    bool optional_text(JsonNode const& parent, std::string const& path, std::string_view key,
                       std::string& out) {
        if (!parent.find(key))
            return true;
        if (!text(parent, path, key, out))
            return false;
        if (out.empty())
            return fail(json_path_member(path, key), "empty (an empty text is left out)");
        return true;
    }

    /// optional_text into a text of an explanation node (its own, nothing borrowed).
    bool optional_text(JsonNode const& parent, std::string const& path, std::string_view key,
                       Text& out) {
        std::string read;
        if (!optional_text(parent, path, key, read))
            return false;
        out = std::move(read);
        return true;
    }

    bool date(JsonNode const& parent, std::string const& path, std::string_view key, Date& out) {
        std::string value;
        if (!text(parent, path, key, value))
            return false;
        auto const parsed = Date::parse(value);
        if (!parsed || parsed->to_string() != value)
            return fail(json_path_member(path, key),
                        "expected a date as YYYY-MM-DD, found " + quote(value));
        out = *parsed;
        return true;
    }

    bool quantity(JsonNode const& node, std::string const& path, Quantity& out) {
        if (!object(node, path, {"amount", "unit"}))
            return false;
        std::string amount, unit;
        if (!text(node, path, "amount", amount) || !text(node, path, "unit", unit))
            return false;
        auto const decimal = Decimal::parse(amount);
        if (!decimal && Decimal::has_decimal_form(amount))
            return fail(json_path_member(path, "amount"),
                        quote(amount) + " is out of range: too large, or more than 18 decimals");
        if (!decimal || decimal->to_string() != amount)
            return fail(json_path_member(path, "amount"),
                        "expected a decimal as Billijk writes it (\"16.00\"), found " +
                            quote(amount));
        auto const parsed_unit = Unit::parse(unit);
        if (!parsed_unit || parsed_unit->to_string() != unit)
            return fail(json_path_member(path, "unit"), "unknown unit " + quote(unit));
        out = {*decimal, *parsed_unit};
        return true;
    }

    bool optional_quantity(JsonNode const& parent, std::string const& path, std::string_view key,
                           std::optional<Quantity>& out) {
        JsonNode const* node = parent.find(key);
        if (!node)
            return true;
        Quantity q;
        if (!quantity(*node, json_path_member(path, key), q))
            return false;
        out = q;
        return true;
    }

    bool period(JsonNode const& parent, std::string const& path, Period& out) {
        JsonNode const* node = member(parent, path, "period", Kind::object);
        std::string const at = json_path_member(path, "period");
        return node && object(*node, at, {"end", "start"}) && date(*node, at, "start", out.start) &&
               date(*node, at, "end", out.end);
    }

    bool texts(JsonNode const& parent, std::string const& path, std::string_view key,
               std::vector<std::string>& out) {
        JsonNode const* list = member(parent, path, key, Kind::array);
        if (!list)
            return false;
        std::string const at = json_path_member(path, key);
        for (std::size_t i = 0; i < list->items.size(); ++i) {
            if (!expect(list->items[i], json_path_index(at, i), Kind::string))
                return false;
            out.push_back(list->items[i].text);
        }
        return true;
    }

    bool reasons(JsonNode const& parent, std::string const& path, std::vector<Reason>& out) {
        JsonNode const* list = member(parent, path, "reasons", Kind::array);
        if (!list)
            return false;
        std::string const at = json_path_member(path, "reasons");
        for (std::size_t i = 0; i < list->items.size(); ++i) {
            JsonNode const& node = list->items[i];
            std::string const item = json_path_index(at, i);
            Reason r;
            if (!object(node, item, {"cites", "rule", "text_en", "text_nl"}) ||
                !text(node, item, "cites", r.cites) || !text(node, item, "rule", r.rule) ||
                !text(node, item, "text_en", r.text_en) || !text(node, item, "text_nl", r.text_nl))
                return false;
            out.push_back(std::move(r));
        }
        return true;
    }

    bool status(JsonNode const& parent, std::string const& path, Status& out) {
        std::string name;
        if (!text(parent, path, "status", name))
            return false;
        for (Status s : {Status::granted, Status::refused, Status::undetermined})
            if (status_name(s) == name) {
                out = s;
                return true;
            }
        return fail(json_path_member(path, "status"),
                    "expected granted, refused or undetermined, found " + quote(name));
    }

    /// The members a provision and a part share: quantity, rate, budget, period, reasons, status,
    /// undetermined.
    template <typename Decided>
    bool decided(JsonNode const& node, std::string const& path, Decided& out) {
        return optional_quantity(node, path, "budget", out.budget) &&
               optional_quantity(node, path, "quantity", out.quantity) &&
               optional_quantity(node, path, "rate", out.rate) && period(node, path, out.period) &&
               reasons(node, path, out.reasons) && status(node, path, out.status) &&
               texts(node, path, "undetermined", out.undetermined);
    }

    bool explanation(JsonNode const& node, std::string const& path, Explanation& out) {
        if (!object(node, path,
                    {"cites", "expression", "formula", "inputs", "kind", "label_en", "label_nl",
                     "layer", "name", "note_en", "note_nl", "package", "value"}))
            return false;
        if (!optional_text(node, path, "cites", out.cites) ||
            !optional_text(node, path, "expression", out.expression) ||
            !optional_text(node, path, "formula", out.formula) ||
            !optional_text(node, path, "kind", out.kind) ||
            !optional_text(node, path, "label_en", out.label_en) ||
            !optional_text(node, path, "label_nl", out.label_nl) ||
            !optional_text(node, path, "layer", out.layer) ||
            !optional_text(node, path, "name", out.name) ||
            !optional_text(node, path, "note_en", out.note_en) ||
            !optional_text(node, path, "note_nl", out.note_nl) ||
            !optional_text(node, path, "package", out.package) ||
            !optional_text(node, path, "value", out.value))
            return false;
        if (!node.find("inputs"))
            return true;
        JsonNode const* list = member(node, path, "inputs", Kind::array);
        if (!list)
            return false;
        std::string const at = json_path_member(path, "inputs");
        if (list->items.empty())
            return fail(at, "empty (a node without inputs leaves them out)");
        out.inputs.reserve(list->items.size());
        for (std::size_t i = 0; i < list->items.size(); ++i) {
            Explanation input;
            if (!explanation(list->items[i], json_path_index(at, i), input))
                return false;
            out.inputs.push_back(std::move(input));
        }
        return true;
    }

    bool part(JsonNode const& node, std::string const& path, PeriodPart& out) {
        return object(
                   node, path,
                   {"budget", "period", "quantity", "rate", "reasons", "status", "undetermined"}) &&
               decided(node, path, out);
    }

    bool change(JsonNode const& node, std::string const& path, Change& out) {
        return object(node, path,
                      {"difference", "field", "formula", "from", "label_en", "label_nl", "rule",
                       "to"}) &&
               optional_quantity(node, path, "difference", out.difference) &&
               text(node, path, "field", out.field) &&
               optional_text(node, path, "formula", out.formula) &&
               optional_quantity(node, path, "from", out.from) &&
               optional_text(node, path, "label_en", out.label_en) &&
               optional_text(node, path, "label_nl", out.label_nl) &&
               optional_text(node, path, "rule", out.rule) &&
               optional_quantity(node, path, "to", out.to);
    }

    bool previous(JsonNode const& node, std::string const& path, PreviousIndication& out) {
        return object(node, path, {"budget", "decided_on", "quantity", "rate"}) &&
               optional_quantity(node, path, "budget", out.budget) &&
               date(node, path, "decided_on", out.decided_on) &&
               optional_quantity(node, path, "quantity", out.quantity) &&
               optional_quantity(node, path, "rate", out.rate);
    }

    bool codes(JsonNode const& parent, std::string const& path, ProvisionResult& out) {
        JsonNode const* node = member(parent, path, "codes", Kind::object);
        std::string const at = json_path_member(path, "codes");
        return node && object(*node, at, {"category", "frequency", "product", "unit"}) &&
               optional_text(*node, at, "category", out.category) &&
               optional_text(*node, at, "frequency", out.frequency) &&
               optional_text(*node, at, "product", out.product) &&
               optional_text(*node, at, "unit", out.unit_code);
    }

    bool provision(JsonNode const& node, std::string const& path, ProvisionResult& out,
                   bool& has_explanation) {
        if (!object(node, path,
                    {"budget", "changes", "codes", "explanation", "form", "granted", "parts",
                     "period", "previous", "provision", "quantity", "rate", "reasons", "status",
                     "undetermined"}))
            return false;
        if (!text(node, path, "provision", out.provision) || !text(node, path, "form", out.form) ||
            !decided(node, path, out) || !codes(node, path, out))
            return false;
        JsonNode const* granted = member(node, path, "granted", Kind::boolean);
        if (!granted)
            return false;
        if (granted->boolean != (out.status == Status::granted))
            return fail(json_path_member(path, "granted"),
                        std::string(granted->boolean ? "true" : "false") +
                            " does not agree with status " + quote(status_name(out.status)));
        if (JsonNode const* e = node.find("explanation")) {
            has_explanation = true;
            if (!explanation(*e, json_path_member(path, "explanation"), out.explanation))
                return false;
        }
        if (node.find("parts")) {
            JsonNode const* list = member(node, path, "parts", Kind::array);
            if (!list)
                return false;
            std::string const at = json_path_member(path, "parts");
            if (list->items.empty())
                return fail(at, "empty (a period that is not split has no parts)");
            for (std::size_t i = 0; i < list->items.size(); ++i) {
                PeriodPart p;
                if (!part(list->items[i], json_path_index(at, i), p))
                    return false;
                out.parts.push_back(std::move(p));
            }
        }
        // The writer gives "changes" and "previous" together: a re-indication has both.
        bool const has_changes = node.find("changes") != nullptr;
        bool const has_previous = node.find("previous") != nullptr;
        if (has_changes != has_previous)
            return fail(json_path_member(path, has_changes ? "previous" : "changes"),
                        "missing (a re-indication has both changes and previous)");
        if (!has_previous)
            return true;
        out.previous.emplace();
        if (!previous(*node.find("previous"), json_path_member(path, "previous"), *out.previous))
            return false;
        JsonNode const* list = member(node, path, "changes", Kind::array);
        if (!list)
            return false;
        std::string const at = json_path_member(path, "changes");
        for (std::size_t i = 0; i < list->items.size(); ++i) {
            Change c;
            if (!change(list->items[i], json_path_index(at, i), c))
                return false;
            out.changes.push_back(std::move(c));
        }
        return true;
    }

    bool plugins(JsonNode const& root, std::vector<PluginRef>& out) {
        if (!root.find("plugins"))
            return true;
        JsonNode const* list = member(root, "", "plugins", Kind::array);
        if (!list)
            return false;
        if (list->items.empty())
            return fail("plugins", "empty (an indication without plugins leaves them out)");
        for (std::size_t i = 0; i < list->items.size(); ++i) {
            JsonNode const& node = list->items[i];
            std::string const at = json_path_index("plugins", i);
            PluginRef p;
            if (!object(node, at, {"abi", "municipality", "name", "sha256", "version"}) ||
                !text(node, at, "abi", p.abi) || !text(node, at, "municipality", p.municipality) ||
                !text(node, at, "name", p.name) || !text(node, at, "sha256", p.sha256) ||
                !text(node, at, "version", p.version))
                return false;
            out.push_back(std::move(p));
        }
        return true;
    }

    bool rules(JsonNode const& root, std::vector<RulePackageRef>& out) {
        JsonNode const* list = member(root, "", "rules", Kind::array);
        if (!list)
            return false;
        for (std::size_t i = 0; i < list->items.size(); ++i) {
            JsonNode const& node = list->items[i];
            std::string const at = json_path_index("rules", i);
            RulePackageRef r;
            if (!object(node, at, {"hash", "package", "version"}) ||
                !text(node, at, "hash", r.hash) || !text(node, at, "package", r.package) ||
                !text(node, at, "version", r.version))
                return false;
            out.push_back(std::move(r));
        }
        return true;
    }
};

} // namespace

IndicationRead read_indication_json(std::string_view text) {
    IndicationRead out;
    auto parsed = parse_json_tree(text, max_indication_depth);
    if (!parsed.root) {
        out.error = parsed.error;
        return out;
    }
    if (!parsed.duplicates.empty()) {
        auto const& d = parsed.duplicates.front();
        out.error = json_path_member(d.object_path, d.key) + ": appears twice";
        return out;
    }
    Reader reader;
    Indication indication;
    if (!reader.indication(*parsed.root, indication, out.explanations)) {
        out.error = std::move(reader.error);
        return out;
    }
    out.indication = std::move(indication);
    return out;
}

} // namespace billijk::io
