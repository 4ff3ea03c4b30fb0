// The result of indicating a case: per requested provision, whether it is granted, how much,
// at what rate, for which period, and the explanation of every reported value.
//
// io/indication_json writes it as billijk.indication/1 JSON (sorted keys, decimal strings);
// io/explain_text renders it as Dutch or English text for a decision letter.
#pragma once

#include "billijk/case.hpp"
#include "billijk/text.hpp"

#include <compare>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace billijk {

struct Explanation;

/// The inputs of an explanation node. A value used in several places (the hours above customary
/// care under the quantity, a refusal and the budget) is one shared node, not a copy per use:
/// copying whole derivations was most of the time of an explained indication (bench/,
/// docs/performance.md). Nodes are immutable once shared. Iterating yields `Explanation const&`;
/// writers (io/indication_json, io/explain_text) still print each use in full, so the output is
/// the same tree as before.
class ExplanationInputs {
  public:
    using Ref = std::shared_ptr<Explanation const>;

    class const_iterator {
      public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = Explanation;
        using difference_type = std::ptrdiff_t;
        using pointer = Explanation const*;
        using reference = Explanation const&;

        const_iterator() = default;
        explicit const_iterator(std::vector<Ref>::const_iterator at) : at_(at) {}
        reference operator*() const { return **at_; }
        pointer operator->() const { return at_->get(); }
        const_iterator& operator++() {
            ++at_;
            return *this;
        }
        const_iterator operator++(int) { return const_iterator(at_++); }
        const_iterator& operator--() {
            --at_;
            return *this;
        }
        const_iterator operator--(int) { return const_iterator(at_--); }
        const_iterator& operator+=(difference_type n) {
            at_ += n;
            return *this;
        }
        const_iterator& operator-=(difference_type n) {
            at_ -= n;
            return *this;
        }
        const_iterator operator+(difference_type n) const { return const_iterator(at_ + n); }
        friend const_iterator operator+(difference_type n, const_iterator const& it) {
            return it + n;
        }
        const_iterator operator-(difference_type n) const { return const_iterator(at_ - n); }
        difference_type operator-(const_iterator const& o) const { return at_ - o.at_; }
        reference operator[](difference_type n) const { return *at_[n]; }
        bool operator==(const_iterator const& o) const = default;
        auto operator<=>(const_iterator const& o) const = default;
        Ref const& ref() const { return *at_; }

      private:
        std::vector<Ref>::const_iterator at_;
    };

    ExplanationInputs() = default;
    /// New nodes (tests and hand-built explanations), each wrapped once.
    ExplanationInputs(std::initializer_list<Explanation> nodes);
    ExplanationInputs(std::vector<Explanation> nodes);

    bool empty() const { return nodes_.empty(); }
    std::size_t size() const { return nodes_.size(); }
    const_iterator begin() const { return const_iterator(nodes_.begin()); }
    const_iterator end() const { return const_iterator(nodes_.end()); }
    Explanation const& operator[](std::size_t i) const { return *nodes_[i]; }
    Explanation const& at(std::size_t i) const { return *nodes_.at(i); }
    Explanation const& front() const { return *nodes_.front(); }
    Explanation const& back() const { return *nodes_.back(); }
    /// The shared nodes themselves, to share them further without copying.
    std::vector<Ref> const& refs() const { return nodes_; }

    void push_back(Ref node) { nodes_.push_back(std::move(node)); }
    void push_back(Explanation node); ///< wraps a new node (defined below Explanation)
    void clear() { nodes_.clear(); }
    void reserve(std::size_t n) { nodes_.reserve(n); }

  private:
    std::vector<Ref> nodes_;
};

/// One node of a derivation: the value of a rule, parameter, table, fact, case input or
/// literal, with the rule's citation and labels and the formula with actual values substituted.
struct Explanation {
    // The texts of the declaration the node is of are borrowed from the rule set when the
    // evaluator made the node (billijk/text.hpp); the value, formula and notes are its own.
    Text kind;    ///< "rule", "parameter", "table", "exception", "input", "fact", "refusal"
    Text name;    ///< rule id, e.g. "hourly_rate"; input path e.g. "request.rate"
    Text package; ///< package that decided, e.g. "barendrecht.jeugd"
    Text layer;   ///< "national", "regional", "municipal"; empty for inputs
    Text cites;   ///< article, e.g. "Beleidsregels Jeugdhulp Barendrecht 2015 §2.12.1"
    Text label_nl;
    Text label_en;
    std::string
        value; ///< rendered value: "27.00 eur/hour", "true", "undetermined: missing request.rate"
    Text expression;     ///< the defining expression as written, e.g. "round(informal_share *
                         ///< in_kind_cost, 0.01, half_up)"
    std::string formula; ///< the same with values substituted, e.g. "round(60% * 45.00 eur/hour,
                         ///< 0.01, half_up)"
    std::string note_nl; ///< e.g. "versie geldig 2015-01-01 t/m 2017-12-31", "vervangt national.x"
    std::string note_en;
    ExplanationInputs inputs; ///< the values this one was computed from, in order of use
    /// For coverage (`billijk golden run --coverage`), not written out (the notes say the same
    /// in words): the index of the version of a dated parameter or table that was used, and the
    /// 0-based rows of a table that matched.
    std::optional<std::uint32_t> version;
    std::vector<std::uint32_t> rows;
};

/// A shared, immutable explanation node.
using ExplanationRef = ExplanationInputs::Ref;

inline void ExplanationInputs::push_back(Explanation node) {
    nodes_.push_back(std::make_shared<Explanation const>(std::move(node)));
}

inline ExplanationInputs::ExplanationInputs(std::initializer_list<Explanation> nodes) {
    for (auto const& node : nodes)
        push_back(node);
}

inline ExplanationInputs::ExplanationInputs(std::vector<Explanation> nodes) {
    for (auto& node : nodes)
        push_back(std::move(node));
}

struct Reason {
    std::string rule; ///< refusal or rule id
    std::string cites;
    std::string text_nl;
    std::string text_en;
};

enum class Status { granted, refused, undetermined };

/// One part of a period that crosses a version change (a tariff, a parameter, a table): the part
/// is priced under the versions valid on its first day.
struct PeriodPart {
    Period period;
    Status status = Status::undetermined;
    std::optional<Quantity> quantity;
    std::optional<Quantity> rate;
    std::optional<Quantity> budget;
    std::vector<Reason> reasons;
    std::vector<std::string> undetermined;
};

/// One field of a re-indication: the previous indication's value, the new one, the difference
/// (when both have the same unit) and the rule that now decides the field.
struct Change {
    std::string field; ///< "quantity", "rate", "budget"
    std::optional<Quantity> from;
    std::optional<Quantity> to;         ///< absent when the new value is refused/undetermined
    std::optional<Quantity> difference; ///< to − from, same unit only
    std::string rule;                   ///< the rule (or expression) the new value comes from
    std::string label_nl, label_en;
    std::string formula; ///< that rule's formula with the values of this indication
};

struct ProvisionResult {
    std::string provision;
    Status status = Status::undetermined;
    std::string form;
    std::optional<Quantity> quantity;
    std::optional<Quantity> rate;   ///< PGB only
    std::optional<Quantity> budget; ///< PGB only
    Period period;
    std::string category, product, unit_code, frequency; ///< iJw/iWmo codes (empty if none)
    std::vector<Reason> reasons;                         ///< refusals that hold
    std::vector<std::string> undetermined;               ///< "missing request.rate", ...
    /// Root of the derivation: kind "provision", value "granted"/"refused"/"undetermined", inputs
    /// = every refusal checked, then the quantity, rate and budget derivations (those present).
    /// For a split period the inputs are one node of kind "part" per part, each holding that.
    Explanation explanation;
    /// Empty, or two or more parts in date order when the period crosses a version change. The
    /// amounts above are then those every part shares, and a budget in eur is their sum.
    std::vector<PeriodPart> parts;
    /// A re-indication (the request named its previous indication): what it gave, and per field
    /// what changed and which rule decides the new value.
    std::optional<PreviousIndication> previous;
    std::vector<Change> changes;
    /// The explanation node of each reported field, by "quantity", "rate", "budget" (shared
    /// with `explanation`, not a copy): what a change cites as its reason. Not written out.
    std::map<std::string, ExplanationRef> field_sources;
    /// What the explanation's borrowed texts view: the rule set that produced it, kept alive
    /// with the result (and its copies). Null when every text is its own (a result read back
    /// from JSON or built by hand). Not written out.
    std::shared_ptr<void const> rule_set;
};

struct RulePackageRef {
    std::string package; ///< "barendrecht.jeugd"
    std::string version; ///< the package's validity, e.g. "2015-01-01..2017-12-31"
    std::string hash;    ///< "sha256:…" over the package's source files
};

/// A plugin the indication's rule packages are bound to (the plugin with the municipality code
/// of one of them): it is named in the fingerprint.
struct PluginRef {
    std::string name;         ///< "Barendrecht"
    std::string municipality; ///< "GM0489"
    std::string version;      ///< the plugin's own version, "2015.1"
    std::string abi;          ///< the ABI it was built against, "1.0"
    std::string sha256;       ///< SHA-256 of the shared library file, 64 hex digits
};

struct Indication {
    std::string schema = "billijk.indication/1";
    std::string case_id;
    std::string fingerprint; ///< "sha256:…"
    std::string engine;      ///< "billijk 0.1.0"
    Date reference_date;
    std::vector<RulePackageRef> rules;
    std::vector<PluginRef> plugins; ///< sorted by municipality code; empty without plugins
    std::vector<ProvisionResult> provisions;
};

} // namespace billijk
