// The diagnostics collection; see billijk/diagnostic.hpp.
#include "billijk/diagnostic.hpp"

#include <algorithm>
#include <utility>

namespace billijk {

Diagnostic& Diagnostics::error(std::string id, std::optional<Span> span, std::string message) {
    items_.push_back(Diagnostic{std::move(id), Severity::error, span, std::move(message), {}});
    return items_.back();
}

Diagnostic& Diagnostics::warning(std::string id, std::optional<Span> span, std::string message) {
    items_.push_back(Diagnostic{std::move(id), Severity::warning, span, std::move(message), {}});
    return items_.back();
}

void Diagnostics::append(Diagnostics const& other) {
    // Copy first: `other` may be *this.
    std::vector<Diagnostic> const copy = other.items_;
    items_.insert(items_.end(), copy.begin(), copy.end());
}

bool Diagnostics::has_errors() const {
    return std::any_of(items_.begin(), items_.end(),
                       [](Diagnostic const& d) { return d.severity == Severity::error; });
}

} // namespace billijk
