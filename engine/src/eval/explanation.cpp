// The parts of an explanation node every kind of declaration shares.
#include "eval/evaluator.hpp"

namespace billijk::eval {

void describe_declaration(Explanation& node, sema::Program const& program, std::string_view kind,
                          std::string const& name, sema::PackageId package,
                          sema::Meta const& meta) {
    node.kind = kind;
    node.name = name;
    if (package != sema::builtin_package) {
        auto const& pkg = program.packages[package];
        node.package = pkg.name;
        node.layer = sema::to_string(pkg.layer);
    }
    node.cites = meta.cites;
    node.label_nl = meta.label;
    node.label_en = meta.english();
}

std::shared_ptr<Explanation> declaration_node(sema::Program const& program, std::string_view kind,
                                              std::string const& name, sema::PackageId package,
                                              sema::Meta const& meta) {
    auto node = std::make_shared<Explanation>();
    describe_declaration(*node, program, kind, name, package, meta);
    return node;
}

} // namespace billijk::eval
