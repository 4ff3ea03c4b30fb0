// The evaluator: computes values over the checked IR for one request of one case, and records
// the explanation of every value it uses. Pure: it reads only the program, the case and the
// reference date — no clock, environment, locale or I/O.
//
// Names are resolved in the view of the root (municipal) package, so an override in a higher
// layer is seen by the lower layers' rules too. Named values (facts, parameters, rules) are
// memoised per Evaluator, i.e. per request.
//
//   eval::Environment env{program, root, the_case, the_case.requests[0], &provision, date, facts};
//   eval::Evaluator ev(env);
//   auto traced = ev.trace(provision.quantity.value(), "quantity");
//   traced.value.to_string();    // "10 hours/week"
//
// Arithmetic overflow, division by zero and a non-positive rounding step make the value
// undetermined ("overflow in budget_per_year", "division by zero in x").
#pragma once

#include "billijk/case.hpp"
#include "billijk/indication.hpp"
#include "eval/slot_index.hpp"
#include "eval/value.hpp"
#include "sema/ir.hpp"

#include <boost/container/small_vector.hpp>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace billijk::eval {

/// The values shown in a formula in place of the expressions that produced them. A frame
/// shows a handful, so a vector searched from the front beats a map's node per value. Each text
/// is a view of the rendered value of a node the frame keeps (or of a literal): a node renders
/// its value once, and no use copies it.
using ShownValues =
    boost::container::small_vector<std::pair<sema::Expr const*, std::string_view>, 8>;

/// A request's facts as values of their declared types, by the fact's index in Program::facts. A
/// request has a handful: a vector searched by index beats a map keyed by name.
using FactValues = std::vector<std::pair<std::uint32_t, sema::Scalar>>;

struct Environment {
    sema::Program const& program;
    sema::PackageId root = 0;
    Case const& the_case;
    Request const& request;
    sema::ProvisionDecl const* provision = nullptr; ///< kind of short-form need items
    Date reference_date;
    FactValues facts; ///< request facts, converted to declared types
    /// false: compute values only; Traced::formula/inputs and Named::explanation stay empty.
    bool explain = true;
};

/// A value with the pieces of its explanation.
struct Traced {
    Value value;
    std::string formula;      ///< the expression with values substituted
    ExplanationInputs inputs; ///< nodes of the names it used, first use first
};

class Evaluator {
  public:
    explicit Evaluator(Environment env) : env_(std::move(env)) {}

    /// Evaluates a defining expression; `owner` names it in overflow reasons. `with_formula`
    /// false leaves Traced::formula empty, for a caller that shows only the inputs.
    Traced trace(sema::Expr const& e, std::string const& owner, bool with_formula = true);

    struct Named {
        Value value;
        ExplanationRef explanation; ///< null when not explaining
    };
    /// A fact, parameter or rule visible in the root package (memoised).
    Named const& named(std::string const& name);

    /// Fixes the value of a named fact, parameter or rule before anything reads it: `named`
    /// then returns `value` instead of computing it (eval/rule_probe.hpp binds a row this way).
    void bind(std::string const& name, Named value);

    Environment const& environment() const { return env_; }

    /// The dates on which a version of a value this evaluator read (a parameter or table
    /// version, a plugin tariff row of the key it asked for) takes effect: where a period must be
    /// split so that each part is priced under one version (split.cpp).
    std::set<Date> const& change_dates() const { return change_dates_; }

  private:
    /// What makes a per-use node (a table or plugin call, a need) the same as one already used
    /// in a frame: its kind ("table") and a text of the node that names the call
    /// ("customary_care(toezicht, 16 years)"). Both views: the kind is a literal and the text
    /// lives in the node, which the frame keeps. A null kind: no key (a shared node).
    struct UseKey {
        std::string_view kind, call;
        bool operator==(UseKey const&) const = default;
    };
    struct Frame {
        std::string const* owner = nullptr; ///< the caller's, alive for the whole frame
        ExplanationInputs inputs;
        /// Keys of per-use nodes already in `inputs`: a handful per frame, so a scan beats a
        /// set's node per key.
        boost::container::small_vector<UseKey, 4> seen;
        ShownValues shown; ///< values substituted in the formula
        /// Nodes a keyed use dropped (their key was seen): kept alive for the views in `shown`.
        std::vector<ExplanationRef> kept;
    };

    Value eval(sema::Expr const& e, Frame& f);
    Value eval_unary(sema::Expr const& e, Frame& f);
    Value eval_binary(sema::Expr const& e, Frame& f);
    Value eval_logic(sema::Expr const& e, Frame& f);
    Value eval_if(sema::Expr const& e, Frame& f);
    Value eval_name(sema::Expr const& e, Frame& f);
    Value eval_input(sema::Expr const& e, Frame& f);
    Value eval_builtin(sema::Expr const& e, Frame& f); // builtins.cpp
    Value eval_need(sema::Expr const& e, Frame& f);    // need.cpp
    Value eval_table(sema::Expr const& e, Frame& f);   // table.cpp
    Value eval_plugin(sema::Expr const& e, Frame& f);  // plugin_calls.cpp

    /// Records `node` as an input of the frame (once per key; an empty key: once per node, for
    /// the memoised nodes of names and inputs) and its value for the formula. Only called when
    /// explaining; `node->value` must be `value` rendered.
    void use(Frame& f, sema::Expr const& at, UseKey key, ExplanationRef node, Value const& value);
    Value checked(Checked result, Unit unit, Frame const& f) const;

    // named.cpp: a value with its explanation node (null when not explaining), before the node
    // is shared
    struct Computed {
        Value value;
        std::shared_ptr<Explanation> explanation;
    };
    Computed compute_named(std::string const& name, std::optional<sema::DeclRef> ref);
    /// `named` for a name already resolved in the root package's view (`ref`).
    Named const& named(std::string const& name, std::optional<sema::DeclRef> ref);
    /// The memo entry of a value slot (Program::value_slot), or null before it is computed.
    Named const* memoised(std::uint32_t slot);
    /// Keeps `n` as the value of `slot`; `replace` false keeps an entry already there.
    Named const& memoise(std::uint32_t slot, Named n, bool replace);
    Computed fact(sema::FactDecl const& d);
    Computed parameter(sema::ParameterDecl const& d);
    Computed rule(sema::RuleDecl const& d);
    void override_note(Explanation& node, std::string const& name, sema::PackageId package) const;

    /// Records the first day of a validity window (evaluator.cpp says why not the last).
    void note_validity(Date from, std::optional<Date> to);
    /// note_validity for every row of `key` in a plugin tariff table (plugin_calls.cpp).
    void note_rows(plugin::TariffTable const& table, std::string const& key);

    Environment env_;
    std::set<Date> change_dates_;
    // The memo is keyed by value slot, not by name: no string is copied or compared to find a
    // value (string keys were a fifth of an indication without explanations, and more in bigger
    // rule sets). Entries live in small chunks (each under the allocator's small-block size), so
    // a returned reference stays valid.
    static constexpr std::size_t memo_chunk = 4;
    SlotIndex memo_index_;
    std::vector<std::unique_ptr<Named[]>> memo_chunks_;
    std::size_t memo_entries_ = 0;
    std::map<std::string, Named, std::less<>> unknown_names_; ///< names that are not values
    std::vector<std::uint32_t> active_; ///< slots being computed (a cycle guard)
    /// The node of each case input, built on first use (indexed by sema::Input).
    std::map<sema::Input, ExplanationRef> input_nodes_;
    /// need(kind) by kind, when explaining: the value and node are fixed for the request, and
    /// a rule set reads a kind's need in several rules.
    std::map<std::string, Named, std::less<>> need_nodes_;
};

/// The formula of `e`: its source form with the values in `shown` substituted (formula.cpp).
std::string print_formula(sema::Expr const& e, ShownValues const& shown);

/// Fills the parts of an explanation node every declaration shares: kind, name, package and
/// layer (none for a built-in), citation and labels (explanation.cpp). They are borrowed, not
/// copied: `kind` must be a literal and the rest parts of `program`.
void describe_declaration(Explanation& node, sema::Program const& program, std::string_view kind,
                          std::string const& name, sema::PackageId package, sema::Meta const& meta);

/// A new node of a declaration, before its value: built where it will stay (a node is shared
/// once complete), so it is never moved.
std::shared_ptr<Explanation> declaration_node(sema::Program const& program, std::string_view kind,
                                              std::string const& name, sema::PackageId package,
                                              sema::Meta const& meta);

/// Appends "versie geldig van FROM t/m TO" (or "zonder einddatum") to the Dutch note and
/// "VALID_EN from FROM to TO" (or "without end date") to the English one (explanation.cpp).
void note_version_validity(Explanation& node, Date from, std::optional<Date> to,
                           std::string_view valid_en);

/// Appends `more` to a note with "; ".
void append_note(std::string& note, std::string_view more);

} // namespace billijk::eval
