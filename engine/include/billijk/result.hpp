// Result<T>: a value or the diagnostics that explain why there is none.
//
// GCC 12 has no std::expected in C++20 mode, so this is the small stand-in. Environment and
// user failures (a malformed file, a missing input file) travel as Result; domain outcomes
// ("undetermined: missing X") are values; bugs are asserts.
//
//   Result<File> parse(...);
//   BILLIJK_TRY(file, parse(src));   // returns the diagnostics from the caller on failure
#pragma once

#include "billijk/diagnostic.hpp"

#include <cassert>
#include <optional>
#include <utility>

namespace billijk {

template <typename T> class Result {
  public:
    // Two overloads instead of one by value: a by-value parameter costs one more move, and an
    // indication's results are large structs moved out of every evaluation.
    Result(T&& value) : value_(std::move(value)) {}
    Result(T const& value) : value_(value) {}
    Result(Diagnostics diags) : diags_(std::move(diags)) { assert(diags_.has_errors()); }

    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }
    T& value() & { return *value_; }
    T const& value() const& { return *value_; }
    T&& value() && { return std::move(*value_); }
    Diagnostics const& diagnostics() const { return diags_; }

  private:
    std::optional<T> value_;
    Diagnostics diags_;
};

/// Make a failed Result from one diagnostic.
inline Diagnostics fail(std::string id, std::optional<Span> span, std::string message) {
    Diagnostics d;
    d.error(std::move(id), span, std::move(message));
    return d;
}

} // namespace billijk

#define BILLIJK_CONCAT_INNER(a, b) a##b
#define BILLIJK_CONCAT(a, b) BILLIJK_CONCAT_INNER(a, b)
/// BILLIJK_TRY(var, expr): evaluate a Result; on failure return its diagnostics from the
/// enclosing function (whose return type must be constructible from Diagnostics).
#define BILLIJK_TRY(var, expr)                                                                     \
    auto BILLIJK_CONCAT(billijk_try_, __LINE__) = (expr);                                          \
    if (!BILLIJK_CONCAT(billijk_try_, __LINE__).ok())                                              \
        return BILLIJK_CONCAT(billijk_try_, __LINE__).diagnostics();                               \
    auto var = std::move(BILLIJK_CONCAT(billijk_try_, __LINE__)).value()
