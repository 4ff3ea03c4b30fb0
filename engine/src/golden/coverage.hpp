// Coverage: which rules, exceptions, refusals, provisions, parameter versions and table rows of
// the loaded rule packages a set of indications reaches, found in their explanation trees, and
// which they never reach, with file:line.
//
//   golden::CoverageHits hits;
//   for (auto const& ind : indications) hits.add(ind);
//   auto report = golden::coverage_report(rules.program(), sources, hits);
//
// Reached means: a rule, parameter version, table row or provision was evaluated; an exception
// applied (its condition held); a refusal held. An exception whose condition was only checked,
// or a refusal that was checked but never refused a case, is a case the golden set lacks.
#pragma once

#include "billijk/indication.hpp"
#include "billijk/source.hpp"

#include <cstdint>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace billijk::sema {
struct Program;
}

namespace billijk::golden {

/// What the explanation trees of the indications added so far reached.
class CoverageHits {
  public:
    void add(Indication const& indication);
    void add(Explanation const& node);

    /// (kind, package, name, version, row); version and row are 0 when they do not apply.
    using Key = std::tuple<std::string, std::string, std::string, std::uint32_t, std::uint32_t>;
    bool reached(Key const& key) const { return hits_.count(key) > 0; }

  private:
    std::set<Key> hits_;
};

/// One item that can be reached.
struct CoverageItem {
    std::string kind; ///< "rule", "exception", "refusal", "provision", "parameter", "table row"
    std::string
        text; ///< "table customary_care row 3 (2015-01-01..2017-12-31): begeleiding, [0, 3)"
    std::string file; ///< as shown in diagnostics
    std::uint32_t line = 0;
    bool reached = false;
};

struct PackageCoverage {
    std::string package; ///< "barendrecht.jeugd"
    std::string file;
    std::vector<CoverageItem> items; ///< in declaration order per kind
    std::size_t reached() const;
    /// "rules 6/7, exceptions 0/1, ..." for the kinds the package has.
    std::string counts() const;
};

struct CoverageReport {
    std::vector<PackageCoverage> packages; ///< sorted by package name
};

/// Files are shown relative to `rules_root` when they lie under it (the embedded packages of
/// plugins already are), so that the report holds no absolute paths.
CoverageReport coverage_report(sema::Program const& program, SourceSet const& sources,
                               CoverageHits const& hits, std::string const& rules_root);

} // namespace billijk::golden
