// Column binding and cell conversion (tables/binding.hpp).
#include "tables/binding.hpp"

#include "tables/amount.hpp"

#include <algorithm>

namespace billijk::tables {

namespace {

using sema::Type;

struct InputField {
    std::string_view name;
    Target target;
};

/// The case inputs a row may supply; household.* describe a household, not a tariff row.
std::optional<Target> input_target(std::string_view name) {
    static constexpr InputField fields[] = {
        {"request.provider", Target::request_provider},
        {"request.form", Target::request_form},
        {"request.rate", Target::request_rate},
        {"request.provision", Target::request_provision},
        {"decision_date", Target::decision_date},
        {"period.start", Target::period_start},
        {"period.end", Target::period_end},
        {"client.birth_date", Target::birth_date},
    };
    for (auto const& f : fields)
        if (f.name == name)
            return f.target;
    return std::nullopt;
}

std::optional<Type> input_type(std::string_view name) {
    for (auto const& info : sema::inputs())
        if (info.name == name)
            return info.type;
    return std::nullopt;
}

std::string known_names(sema::Program const& program, sema::PackageId package) {
    std::string out;
    for (auto const& [name, ref] : program.packages[package].view)
        if (ref.kind == sema::DeclKind::fact || ref.kind == sema::DeclKind::parameter ||
            ref.kind == sema::DeclKind::rule)
            out += (out.empty() ? "" : ", ") + name;
    return out;
}

} // namespace

BindOutcome bind_columns(sema::Program const& program, sema::PackageId package,
                         std::string const& rule, PublishedTable const& table,
                         BindOptions const& options) {
    BindOutcome out;
    Bindings b;
    auto const& pkg = program.packages[package];
    auto const line = table.header_line;
    auto const& header = table.header;
    auto find = [&](std::string const& h) -> std::optional<std::size_t> {
        auto it = std::find(header.begin(), header.end(), h);
        if (it == header.end())
            return std::nullopt;
        return static_cast<std::size_t>(it - header.begin());
    };
    for (auto const& [column, name] : options.binds)
        if (!find(column))
            out.errors.push_back(
                {line,
                 0,
                 {},
                 "--bind " + column + "=" + name + ": the table has no column '" + column + "'"});

    std::optional<std::size_t> published;
    if (options.published) {
        published = find(*options.published);
        if (!published)
            out.errors.push_back(
                {line,
                 0,
                 {},
                 "--published " + *options.published + ": the table has no such column"});
    } else {
        published = find("published");
        if (!published)
            published = find(rule);
        if (!published)
            out.errors.push_back({line,
                                  0,
                                  {},
                                  "no column holds the published value: name it 'published' or '" +
                                      rule + "', or choose one with --published COLUMN"});
    }
    if (published)
        b.published = *published;

    for (std::size_t i = 0; i < header.size(); ++i) {
        if (published && i == *published)
            continue;
        auto const bound = options.binds.find(header[i]);
        if (header[i] == "label" && bound == options.binds.end()) {
            b.label = i;
            continue;
        }
        std::string const name = bound == options.binds.end() ? header[i] : bound->second;
        ColumnBinding c{i, header[i], name, Target::named, Type::error()};
        if (auto t = input_target(name)) {
            c.target = *t;
            c.type = *input_type(name);
        } else if (auto ref = pkg.lookup(name); ref && ref->kind == sema::DeclKind::fact) {
            c.type = program.facts[ref->index].type;
        } else if (ref && ref->kind == sema::DeclKind::parameter) {
            c.type = program.parameters[ref->index].type;
        } else if (ref && ref->kind == sema::DeclKind::rule) {
            if (name == rule) {
                out.errors.push_back({line, i + 1, header[i],
                                      "binds the rule being verified; is this the published "
                                      "column? use --published " +
                                          header[i]});
                continue;
            }
            c.type = program.rules[ref->index].type;
        } else if (ref) {
            out.errors.push_back({line, i + 1, header[i],
                                  "'" + name + "' is a " + std::string(sema::to_string(ref->kind)) +
                                      " of package " + pkg.name +
                                      ": a column binds a fact, parameter, rule or request field"});
            continue;
        } else {
            out.errors.push_back({line, i + 1, header[i],
                                  "'" + name +
                                      "' is not a request field (request.provider, request.form, "
                                      "request.rate, request.provision), a case date, or a fact, "
                                      "parameter or rule of package " +
                                      pkg.name + " (it sees: " + known_names(program, package) +
                                      ")"});
            continue;
        }
        b.inputs.push_back(std::move(c));
    }
    if (out.errors.empty())
        out.bindings = std::move(b);
    return out;
}

namespace {

/// The cell as a value of `type`, or why not.
std::optional<sema::Scalar> convert(sema::Program const& program, sema::Package const& pkg,
                                    Type const& type, std::string const& cell, std::string& why) {
    sema::Scalar s;
    s.type = type;
    switch (type.kind) {
    case Type::Kind::boolean:
        if (cell == "true" || cell == "ja" || cell == "yes" || cell == "false" || cell == "nee" ||
            cell == "no") {
            s.boolean = cell == "true" || cell == "ja" || cell == "yes";
            return s;
        }
        why = "expected true or false (ja/nee), not '" + cell + "'";
        return std::nullopt;
    case Type::Kind::date:
        if (auto d = Date::parse(cell)) {
            s.date = *d;
            return s;
        }
        why = "expected a date YYYY-MM-DD, not '" + cell + "'";
        return std::nullopt;
    case Type::Kind::text:
        s.text = cell;
        return s;
    case Type::Kind::enumeration: {
        auto ref = pkg.lookup(type.enum_name);
        if (ref && ref->kind == sema::DeclKind::enumeration) {
            auto const& members = program.enums[ref->index].members;
            if (std::find(members.begin(), members.end(), cell) != members.end()) {
                s.text = cell;
                return s;
            }
            std::string list;
            for (auto const& m : members)
                list += (list.empty() ? "" : ", ") + m;
            why = "'" + cell + "' is not a member of " + type.enum_name + " (" + list + ")";
            return std::nullopt;
        }
        why = "enumeration " + type.enum_name + " is not visible in package " + pkg.name;
        return std::nullopt;
    }
    case Type::Kind::number: {
        bool const percent = type.unit.is_percent() && !cell.empty() && cell.back() == '%';
        auto amount = parse_amount(percent ? cell.substr(0, cell.size() - 1) : cell);
        if (!amount.value) {
            why = amount.error;
            return std::nullopt;
        }
        s.number = *amount.value;
        if (percent) {
            auto fraction = div(s.number, Decimal::from_int(100));
            if (!fraction.value) {
                why = "'" + cell + "' is out of range";
                return std::nullopt;
            }
            s.number = *fraction.value;
        }
        return s;
    }
    case Type::Kind::error:
        break;
    }
    why = "a value of this type cannot come from a table";
    return std::nullopt;
}

} // namespace

std::vector<TableError> apply(sema::Program const& program, sema::PackageId package,
                              Bindings const& bindings, TableRow const& row,
                              std::vector<std::string> const& header, eval::ProbeInputs& in) {
    std::vector<TableError> errors;
    auto const& pkg = program.packages[package];
    for (auto const& c : bindings.inputs) {
        auto const& cell = row.cells[c.column];
        if (cell.empty()) // an empty cell leaves the input unbound for this row
            continue;
        std::string why;
        auto value = convert(program, pkg, c.type, cell, why);
        if (!value) {
            errors.push_back({row.line, c.column + 1, header[c.column], why});
            continue;
        }
        switch (c.target) {
        case Target::request_provider:
            in.request.provider = value->text;
            break;
        case Target::request_form:
            in.request.form = value->text;
            break;
        case Target::request_rate:
            in.request.rate = Quantity{value->number, c.type.unit};
            break;
        case Target::request_provision:
            in.request.provision = value->text;
            break;
        case Target::decision_date:
            in.the_case.decision_date = value->date;
            break;
        case Target::period_start:
            in.the_case.period.start = value->date;
            break;
        case Target::period_end:
            in.the_case.period.end = value->date;
            break;
        case Target::birth_date:
            in.the_case.birth_date = value->date;
            break;
        case Target::named:
            in.values.insert_or_assign(c.name, std::move(*value));
            break;
        }
    }
    return errors;
}

} // namespace billijk::tables
