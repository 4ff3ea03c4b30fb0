// The parts of an explanation node every kind of declaration shares.
#include "eval/evaluator.hpp"

namespace billijk::eval {

void describe_declaration(Explanation& node, sema::Program const& program, std::string_view kind,
                          std::string const& name, sema::PackageId package,
                          sema::Meta const& meta) {
    // Borrowed, not copied: every text here lives in the program (or is a literal), which the
    // indication keeps alive (ProvisionResult::rule_set).
    node.kind = Text::borrow(kind);
    node.name = Text::borrow(name);
    if (package != sema::builtin_package) {
        auto const& pkg = program.packages[package];
        node.package = Text::borrow(pkg.name);
        node.layer = Text::borrow(sema::to_string(pkg.layer));
    }
    node.cites = Text::borrow(meta.cites);
    node.label_nl = Text::borrow(meta.label);
    node.label_en = Text::borrow(meta.english());
}

std::shared_ptr<Explanation> declaration_node(sema::Program const& program, std::string_view kind,
                                              std::string const& name, sema::PackageId package,
                                              sema::Meta const& meta) {
    auto node = std::make_shared<Explanation>();
    describe_declaration(*node, program, kind, name, package, meta);
    return node;
}

namespace {

/// Appends "; " when `note` has text: the separator of append_note.
void separate(std::string& note) {
    if (!note.empty())
        note += "; ";
}

} // namespace

void note_version_validity(Explanation& node, Date from, std::optional<Date> to,
                           std::string_view valid_en) {
    // Appended in place: a parameter or table node gets one per explained use.
    auto const from_text = from.to_string();
    separate(node.note_nl);
    node.note_nl += "versie geldig van ";
    node.note_nl += from_text;
    separate(node.note_en);
    node.note_en += valid_en;
    node.note_en += " from ";
    node.note_en += from_text;
    if (to) {
        auto const to_text = to->to_string();
        node.note_nl += " t/m ";
        node.note_nl += to_text;
        node.note_en += " to ";
        node.note_en += to_text;
    } else {
        node.note_nl += " zonder einddatum";
        node.note_en += " without end date";
    }
}

} // namespace billijk::eval
