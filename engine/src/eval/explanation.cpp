// The parts of an explanation node every kind of declaration shares.
#include "eval/evaluator.hpp"

namespace billijk::eval {

Explanation declaration_node(sema::Program const& program, std::string kind,
                             std::string const& name, sema::PackageId package,
                             sema::Meta const& meta) {
    Explanation node;
    node.kind = std::move(kind);
    node.name = name;
    if (package != sema::builtin_package) {
        auto const& pkg = program.packages[package];
        node.package = pkg.name;
        node.layer = std::string(sema::to_string(pkg.layer));
    }
    node.cites = meta.cites;
    node.label_nl = meta.label;
    node.label_en = meta.english();
    return node;
}

} // namespace billijk::eval
