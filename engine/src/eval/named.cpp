// Named values: facts, parameters (version by reference date) and rules (with exceptions), each
// with its explanation node. Memoised per Evaluator.
#include "eval/concat.hpp"
#include "eval/evaluator.hpp"

#include <algorithm>
#include <span>

namespace billijk::eval {

using sema::DeclKind;

namespace {

/// A number shows as its declared type says: `parameter share: percent = 0.6` shows "60%".
void as_declared(Value& v, sema::Type const& declared) {
    if (v.scalar && v.scalar->type.is_number() && declared.is_number())
        v.scalar->type = declared;
}

} // namespace

Evaluator::Named const& Evaluator::named(std::string const& name) {
    return named(name, env_.program.packages[env_.root].lookup(name));
}

Evaluator::Named const& Evaluator::named(std::string const& name,
                                         std::optional<sema::DeclRef> ref) {
    auto const slot = ref ? env_.program.value_slot(*ref) : std::nullopt;
    if (!slot) {
        // Not a value in the root package: undetermined, with its reason (compute_named).
        if (auto it = unknown_names_.find(name); it != unknown_names_.end())
            return it->second;
        Computed c = compute_named(name, ref);
        return unknown_names_.emplace(name, Named{std::move(c.value), std::move(c.explanation)})
            .first->second;
    }
    if (auto const* known = memoised(*slot))
        return *known;
    if (std::find(active_.begin(), active_.end(), *slot) != active_.end()) {
        // The checker rejects cycles; this guard keeps a bug from recursing forever.
        Named cycle{Value::undetermined("cycle through " + name), nullptr};
        if (env_.explain) {
            Explanation node;
            node.name = name;
            node.value = cycle.value.to_string();
            cycle.explanation = std::make_shared<Explanation const>(std::move(node));
        }
        return memoise(*slot, std::move(cycle), false);
    }
    active_.push_back(*slot);
    Computed c = compute_named(name, ref);
    active_.pop_back();
    return memoise(*slot, Named{std::move(c.value), std::move(c.explanation)}, false);
}

void Evaluator::bind(std::string const& name, Named value) {
    auto const ref = env_.program.packages[env_.root].lookup(name);
    if (auto const slot = ref ? env_.program.value_slot(*ref) : std::nullopt)
        memoise(*slot, std::move(value), true);
    else
        unknown_names_.insert_or_assign(name, std::move(value));
}

Evaluator::Named const* Evaluator::memoised(std::uint32_t slot) {
    auto const entry = memo_index_.find(slot);
    return entry == SlotIndex::none ? nullptr
                                    : &memo_chunks_[entry / memo_chunk][entry % memo_chunk];
}

Evaluator::Named const& Evaluator::memoise(std::uint32_t slot, Named n, bool replace) {
    if (auto const entry = memo_index_.find(slot); entry != SlotIndex::none) {
        auto& kept = memo_chunks_[entry / memo_chunk][entry % memo_chunk];
        if (replace)
            kept = std::move(n);
        return kept;
    }
    if (memo_entries_ % memo_chunk == 0)
        memo_chunks_.push_back(std::make_unique<Named[]>(memo_chunk));
    auto& kept = memo_chunks_.back()[memo_entries_ % memo_chunk];
    kept = std::move(n);
    memo_index_.set(slot, static_cast<std::uint32_t>(memo_entries_++));
    return kept;
}

Evaluator::Computed Evaluator::compute_named(std::string const& name,
                                             std::optional<sema::DeclRef> ref) {
    auto const& program = env_.program;
    if (ref) {
        switch (ref->kind) {
        case DeclKind::fact:
            return fact(program.facts[ref->index]);
        case DeclKind::parameter:
            return parameter(program.parameters[ref->index]);
        case DeclKind::rule:
            return rule(program.rules[ref->index]);
        default:
            break;
        }
    }
    Computed n{Value::undetermined("'" + name + "' is not a value in package " +
                                   program.packages[env_.root].name),
               nullptr};
    if (env_.explain) {
        n.explanation = std::make_shared<Explanation>();
        n.explanation->name = name;
        n.explanation->value = n.value.to_string();
    }
    return n;
}

void Evaluator::override_note(Explanation& node, std::string const& name,
                              sema::PackageId package) const {
    auto const& program = env_.program;
    for (auto base : program.packages[package].extends) {
        auto ref = program.packages[base].lookup(name);
        if (!ref)
            continue;
        auto const& replaced = program.packages[sema::decl_package(program, *ref)];
        auto const layer = sema::to_string(replaced.layer);
        append_note(node.note_nl,
                    concat({"vervangt ", replaced.name, ".", name, " (laag ", layer, ")"}));
        append_note(node.note_en,
                    concat({"overrides ", replaced.name, ".", name, " (layer ", layer, ")"}));
        return;
    }
}

Evaluator::Computed Evaluator::fact(sema::FactDecl const& d) {
    Computed n;
    auto const index = static_cast<std::uint32_t>(&d - env_.program.facts.data());
    auto it = std::find_if(env_.facts.begin(), env_.facts.end(),
                           [&](auto const& fact) { return fact.first == index; });
    n.value = it == env_.facts.end() ? Value::undetermined("missing fact " + d.name)
                                     : Value::of(sema::borrowed(it->second)); // env_ outlives it
    if (!env_.explain)
        return n;
    n.explanation = declaration_node(env_.program, "fact", d.name, d.package, d.meta);
    n.explanation->value = n.value.to_string();
    return n;
}

Evaluator::Computed Evaluator::parameter(sema::ParameterDecl const& d) {
    Computed n;
    bool const explain = env_.explain;
    if (explain)
        n.explanation = declaration_node(env_.program, "parameter", d.name, d.package, d.meta);
    sema::ParameterVersion const* chosen = nullptr;
    for (auto const& v : d.versions) {
        if (v.valid)
            note_validity(v.valid->from, v.valid->to);
        if (!v.valid || v.valid->contains(env_.reference_date))
            chosen = chosen ? chosen : &v;
    }
    if (!chosen) {
        n.value = Value::undetermined("no version of parameter " + d.name + " valid on " +
                                      env_.reference_date.to_string());
    } else {
        if (explain)
            n.explanation->version = static_cast<std::uint32_t>(chosen - d.versions.data());
        Traced t = trace(chosen->value, d.name);
        n.value = std::move(t.value);
        as_declared(n.value, d.type);
        if (!explain)
            return n;
        n.explanation->expression = Text::borrow(chosen->value.text);
        n.explanation->formula = std::move(t.formula);
        n.explanation->inputs = std::move(t.inputs);
        if (chosen->valid)
            note_version_validity(*n.explanation, chosen->valid->from, chosen->valid->to,
                                  "version valid");
    }
    if (!explain)
        return n;
    if (d.is_override)
        override_note(*n.explanation, d.name, d.package);
    as_declared(n.value, d.type);
    n.explanation->value = n.value.to_string();
    return n;
}

namespace {

/// True when `a` is declared over `b`, directly or through a chain of `over`.
bool declared_over(std::span<sema::ExceptionDecl const* const> all, sema::ExceptionDecl const* a,
                   sema::ExceptionDecl const* b) {
    auto const* at = a;
    for (std::size_t steps = 0; steps <= all.size() && at->over; ++steps) {
        sema::ExceptionDecl const* next = nullptr;
        for (auto const* e : all)
            if (e->name == *at->over)
                next = e;
        if (!next)
            return false;
        if (next == b)
            return true;
        at = next;
    }
    return false;
}

} // namespace

Evaluator::Computed Evaluator::rule(sema::RuleDecl const& d) {
    auto const& program = env_.program;
    Computed n;
    bool const explain = env_.explain;
    if (explain) {
        n.explanation = declaration_node(env_.program, "rule", d.name, d.package, d.meta);
        n.explanation->expression = Text::borrow(d.value.text);
        if (d.is_override)
            override_note(*n.explanation, d.name, d.package);
    }

    // Most rules have no exception and the rest one or two: kept on the stack.
    boost::container::small_vector<sema::ExceptionDecl const*, 4> exceptions;
    auto const& by_target = program.packages[env_.root].exceptions_by_target;
    if (auto it = by_target.find(d.name); it != by_target.end())
        for (auto i : it->second)
            exceptions.push_back(&program.exceptions[i]);

    struct Considered {
        sema::ExceptionDecl const* decl;
        Traced condition;
    };
    boost::container::small_vector<Considered, 2> considered;
    std::vector<std::string> undetermined;
    boost::container::small_vector<sema::ExceptionDecl const*, 4> holding;
    for (auto const* e : exceptions) {
        Traced c = trace(e->condition, e->name);
        if (!c.value.determined())
            add_reasons(undetermined, c.value.reasons);
        else if (c.value.scalar->boolean)
            holding.push_back(e);
        considered.push_back({e, std::move(c)});
    }
    sema::ExceptionDecl const* winner = nullptr;
    for (auto const* h : holding) {
        bool beaten = false;
        for (auto const* other : holding)
            beaten = beaten || (other != h &&
                                declared_over({exceptions.data(), exceptions.size()}, other, h));
        if (!beaten && !winner)
            winner = h;
    }

    ExplanationInputs exception_nodes;
    Traced applied;
    for (auto& c : considered) {
        if (c.decl == winner)
            applied = trace(c.decl->value, c.decl->name);
        if (!explain)
            continue;
        auto node = declaration_node(env_.program, "exception", c.decl->name, c.decl->package,
                                     c.decl->meta);
        if (c.decl == winner) {
            node->value = applied.value.to_string();
            node->expression = Text::borrow(c.decl->value.text);
            node->formula = applied.formula;
            node->note_nl = "uitzondering op " + d.name + ", want " + c.decl->condition.text;
            node->note_en = "exception to " + d.name + ", because " + c.decl->condition.text;
            node->inputs = std::move(c.condition.inputs);
            for (auto const& in : applied.inputs.refs()) {
                bool dup = false;
                for (auto const& have : node->inputs)
                    dup = dup || (have.kind == in->kind && have.name == in->name);
                if (!dup)
                    node->inputs.push_back(in);
            }
        } else {
            node->value = c.condition.value.determined() ? "not applicable" : "undetermined";
            node->expression = Text::borrow(c.decl->condition.text);
            node->formula = c.condition.formula;
            node->note_nl = "uitzondering op " + d.name + " niet toegepast: voorwaarde " +
                            (c.condition.value.determined() ? "niet vervuld" : "onbepaald");
            node->note_en = "exception to " + d.name + " not applied: condition " +
                            (c.condition.value.determined() ? "does not hold" : "undetermined");
            node->inputs = std::move(c.condition.inputs);
        }
        exception_nodes.push_back(std::move(node));
    }

    if (winner && !explain) {
        n.value = std::move(applied.value);
    } else if (winner) {
        // The value is the exception's: show its expression, not the rule's, next to its numbers.
        n.value = applied.value;
        n.explanation->expression = Text::borrow(winner->value.text);
        n.explanation->formula = applied.formula;
        append_note(n.explanation->note_nl, "in afwijking van de regel geldt uitzondering " +
                                                winner->name + " (" + winner->meta.cites + ")");
        append_note(n.explanation->note_en,
                    "exception " + winner->name + " (" + winner->meta.cites + ") applies instead");
        n.explanation->inputs = std::move(exception_nodes);
    } else if (!undetermined.empty()) {
        n.value = Value::undetermined(undetermined);
        if (explain)
            n.explanation->inputs = std::move(exception_nodes);
    } else {
        Traced own = trace(d.value, d.name);
        n.value = std::move(own.value);
        if (!explain) {
            as_declared(n.value, d.type);
            return n;
        }
        n.explanation->formula = std::move(own.formula);
        n.explanation->inputs = std::move(own.inputs);
        for (auto const& node : exception_nodes.refs())
            n.explanation->inputs.push_back(node);
    }
    as_declared(n.value, d.type);
    if (explain)
        n.explanation->value = n.value.to_string();
    return n;
}

} // namespace billijk::eval
