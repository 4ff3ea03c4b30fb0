// Symbols: every name an expression refers to gets a number, and every package a table from
// number to declaration. The evaluator resolves a name per use; a vector index instead of a
// string map keeps that cheap whatever the size of the rule set.
#include "sema/checker.hpp"

namespace billijk::sema {

std::uint32_t intern_symbol(Checker& c, std::string const& name) {
    auto const next = static_cast<std::uint32_t>(c.program.symbols.size());
    auto [it, added] = c.symbol_numbers.emplace(name, next);
    if (added)
        c.program.symbols.push_back(name);
    return it->second;
}

void resolve_symbols(Program& program) {
    for (auto& pkg : program.packages) {
        pkg.by_symbol.assign(program.symbols.size(), std::nullopt);
        for (std::size_t s = 0; s < program.symbols.size(); ++s)
            pkg.by_symbol[s] = pkg.lookup(program.symbols[s]);
        pkg.facts_by_name.clear();
        for (auto const& [name, ref] : pkg.view) // in name order: the list is sorted
            if (ref.kind == DeclKind::fact)
                pkg.facts_by_name.emplace_back(name, ref.index);
    }
}

} // namespace billijk::sema
