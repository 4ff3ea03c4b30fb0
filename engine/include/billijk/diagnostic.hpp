// Diagnostics as data.
//
// The engine never prints: every problem found in a rule file, a case or a plugin is a
// `Diagnostic` with a stable id (E0101, ...), a severity, a primary span and notes. Only
// `diag/render` turns them into text (`path:line:col: error[E0101]: message`). The catalogue of
// ids lives in engine/src/diag/catalog.def and is documented in docs/diagnostics.md.
//
//   Diagnostics diags;
//   diags.error("E0203", span, "unknown name 'hourly_rat'");
#pragma once

#include "billijk/source.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace billijk {

enum class Severity { error, warning, note };

struct DiagnosticNote {
    std::optional<Span> span; ///< absent for a note without a position
    std::string message;
};

struct Diagnostic {
    std::string id; ///< stable, e.g. "E0102"
    Severity severity = Severity::error;
    std::optional<Span> span; ///< absent for errors without a source position
    std::string message;      ///< lowercase start, no trailing period (LLVM style)
    std::vector<DiagnosticNote> notes;
};

/// An ordered collection of diagnostics, filled by each stage.
class Diagnostics {
  public:
    Diagnostic& error(std::string id, std::optional<Span> span, std::string message);
    Diagnostic& warning(std::string id, std::optional<Span> span, std::string message);
    void add(Diagnostic d) { items_.push_back(std::move(d)); }
    void append(Diagnostics const& other);
    bool has_errors() const;
    bool empty() const { return items_.empty(); }
    std::vector<Diagnostic> const& items() const { return items_; }

  private:
    std::vector<Diagnostic> items_;
};

} // namespace billijk
