// Cycles between rules, parameters and tables (through exceptions too). Names are bound in the
// view of the package being evaluated, so every package's view is searched; each cycle is
// reported once.
#include "sema/checker.hpp"

#include <algorithm>
#include <functional>
#include <set>

namespace billijk::sema {

namespace {

struct Use {
    std::string name;
    Span span;
};

void uses_of(Expr const& e, std::vector<Use>& out) {
    if (e.kind == Expr::Kind::name || e.kind == Expr::Kind::table)
        out.push_back({e.name, e.span});
    for (auto const& kid : e.kids)
        uses_of(kid, out);
}

struct Graph {
    Program const& program;
    Package const& root;

    std::vector<Use> uses(DeclRef ref) const {
        std::vector<Use> out;
        switch (ref.kind) {
        case DeclKind::parameter:
            for (auto const& v : program.parameters[ref.index].versions)
                uses_of(v.value, out);
            break;
        case DeclKind::rule: {
            auto const& rule = program.rules[ref.index];
            uses_of(rule.value, out);
            for (auto pid : root.lineage)
                for (auto const& e : program.exceptions)
                    if (e.package == pid && e.target == rule.name) {
                        uses_of(e.condition, out);
                        uses_of(e.value, out);
                    }
            break;
        }
        case DeclKind::table:
            for (auto const& v : program.tables[ref.index].versions)
                for (auto const& row : v.rows)
                    uses_of(row.result, out);
            break;
        default:
            break;
        }
        return out;
    }
};

} // namespace

void check_cycles(Checker& c) {
    auto const& program = c.program;
    std::set<std::vector<std::pair<int, std::uint32_t>>> reported;
    for (auto const& root : program.packages) {
        Graph graph{program, root};
        std::map<std::string, int> state; // 1 on stack, 2 done
        std::vector<Use> stack;           // names on the path, with the span of their use
        std::function<void(std::string const&, Span)> visit = [&](std::string const& name,
                                                                  Span used_at) {
            auto ref = root.lookup(name);
            if (!ref || (ref->kind != DeclKind::parameter && ref->kind != DeclKind::rule &&
                         ref->kind != DeclKind::table))
                return;
            auto& s = state[name];
            if (s == 2)
                return;
            if (s == 1) {
                auto start = std::find_if(stack.begin(), stack.end(),
                                          [&](Use const& u) { return u.name == name; });
                std::vector<Use> cycle(start, stack.end());
                std::vector<std::pair<int, std::uint32_t>> key;
                for (auto const& u : cycle) {
                    auto r = *root.lookup(u.name);
                    key.emplace_back(static_cast<int>(r.kind), r.index);
                }
                std::rotate(key.begin(), std::min_element(key.begin(), key.end()), key.end());
                if (!reported.insert(key).second)
                    return;
                std::string path;
                for (auto const& u : cycle)
                    path += u.name + " → ";
                path += name;
                auto first = *root.lookup(cycle.front().name);
                auto& d = c.error("E0210", decl_span(program, first),
                                  std::string(to_string(first.kind)) + " '" + cycle.front().name +
                                      "' depends on itself");
                d.notes.push_back({std::nullopt, "cycle: " + path});
                for (std::size_t i = 0; i < cycle.size(); ++i) {
                    auto const& next = i + 1 < cycle.size() ? cycle[i + 1] : Use{name, used_at};
                    d.notes.push_back(
                        {next.span, "'" + cycle[i].name + "' uses '" + next.name + "' here"});
                }
                return;
            }
            s = 1;
            stack.push_back({name, used_at});
            for (auto const& use : graph.uses(*ref))
                visit(use.name, use.span);
            stack.pop_back();
            state[name] = 2;
        };
        for (auto const& [name, ref] : root.view)
            visit(name, decl_span(program, ref));
    }
}

} // namespace billijk::sema
