// The C++ plugin SDK: write a Billijk municipality plugin as static tables in one .cpp file.
//
// Header-only, over the C ABI in billijk/plugin_abi.h: it fills the C structs (struct_size,
// ABI version, counts) so that a plugin cannot get them wrong, and it wraps native functions so
// that no C++ exception ever crosses the boundary. Nothing of this header reaches the host.
//
//   #include "billijk_plugin.hpp"
//   namespace sdk = billijk::sdk;
//
//   namespace {
//   constexpr billijk_tariff_row in_kind_cost_rows[] = {
//       sdk::row("begeleiding_individueel", "2015-01-01", "2017-12-31", "45.00"),
//   };
//   constexpr billijk_tariff_table tables[] = {
//       sdk::table("in_kind_cost", "eur/hour", in_kind_cost_rows, "Beleidsregels §2.12.1",
//                  "Kostprijs in natura"),
//   };
//   int first_of_month(sdk::Call& call) {                // a pure native function
//       return call.return_date(std::string(call.text(0).substr(0, 8)) + "01");
//   }
//   constexpr char const* date_only[] = {"date"};
//   constexpr billijk_native_function functions[] = {
//       sdk::function("first_of_month", date_only, "date", sdk::native<first_of_month>,
//                     "Rekenconventie", "Eerste dag van de maand"),
//   };
//   } // namespace
//
//   BILLIJK_PLUGIN(sdk::plugin("GM0489", "Barendrecht", "2015.1")
//                      .with_tables(tables)
//                      .with_functions(functions))
//
// Build it with billijk_add_plugin() (cmake/BillijkPlugin.cmake): hidden visibility, so the
// entry point that BILLIJK_PLUGIN defines is the library's only exported symbol.
#pragma once

#include "billijk/plugin_abi.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <exception>
#include <string>
#include <string_view>

namespace billijk::sdk {

/// One row of a tariff table; `valid_to` nullptr means open-ended, `cites` nullptr means the
/// table's citation. Amounts are decimal strings with '.' as the separator: "45.00".
constexpr billijk_tariff_row row(char const* key, char const* valid_from, char const* valid_to,
                                 char const* amount, char const* cites = nullptr) {
    return billijk_tariff_row{sizeof(billijk_tariff_row), key, valid_from, valid_to, amount, cites};
}

/// A tariff table over a static array of rows.
template <std::size_t N>
constexpr billijk_tariff_table table(char const* name, char const* unit,
                                     billijk_tariff_row const (&rows)[N], char const* cites,
                                     char const* label_nl, char const* label_en = nullptr) {
    return billijk_tariff_table{
        sizeof(billijk_tariff_table), name, unit, rows, N, cites, label_nl, label_en};
}

/// A rule file of the municipality's package, embedded as text.
constexpr billijk_rule_source rule_source(char const* path, char const* text) {
    return billijk_rule_source{sizeof(billijk_rule_source), path, text};
}

/// A native function over a static array of parameter type names ("text", "date", "bool", a
/// unit such as "eur/hour"); wrap the implementation with sdk::native<...>.
template <std::size_t N>
constexpr billijk_native_function
function(char const* name, char const* const (&parameter_types)[N], char const* return_type,
         billijk_native_fn fn, char const* cites, char const* label_nl,
         char const* label_en = nullptr) {
    return billijk_native_function{sizeof(billijk_native_function),
                                   name,
                                   parameter_types,
                                   N,
                                   return_type,
                                   fn,
                                   cites,
                                   label_nl,
                                   label_en};
}

/// One call of a native function: typed access to the arguments, and the result writers.
/// Every `return_*` and `fail` returns the status the function should return.
class Call {
  public:
    Call(billijk_host_api const* host, billijk_host_context* ctx, billijk_value const* const* args,
         std::size_t count, billijk_result* result)
        : host_(host), ctx_(ctx), args_(args), count_(count), result_(result) {}

    std::size_t size() const { return count_; }
    /// The text of a decimal ("45.00"), date ("2017-06-01") or text argument.
    std::string_view text(std::size_t i) const {
        char const* t = args_[i]->text;
        return t != nullptr ? std::string_view(t) : std::string_view();
    }
    bool boolean(std::size_t i) const { return args_[i]->boolean != 0; }

    int return_decimal(std::string_view decimal) { return put(BILLIJK_TYPE_DECIMAL, decimal); }
    int return_date(std::string_view date) { return put(BILLIJK_TYPE_DATE, date); }
    int return_text(std::string_view text) { return put(BILLIJK_TYPE_TEXT, text); }
    int return_bool(bool value) {
        result_->type = BILLIJK_TYPE_BOOL;
        result_->boolean = value ? 1 : 0;
        return BILLIJK_OK;
    }
    /// Report a failure with a message (lowercase, no final period, like the host's own).
    int fail(std::string const& message) {
        host_->set_error(ctx_, message.c_str());
        return BILLIJK_FAILED;
    }

  private:
    int put(std::uint32_t type, std::string_view text) {
        if (text.size() + 1 > result_->text_capacity) {
            return fail("result of " + std::to_string(text.size()) + " bytes does not fit in " +
                        std::to_string(result_->text_capacity));
        }
        std::memcpy(result_->text, text.data(), text.size());
        result_->text[text.size()] = '\0';
        result_->type = type;
        return BILLIJK_OK;
    }

    billijk_host_api const* host_;
    billijk_host_context* ctx_;
    billijk_value const* const* args_;
    std::size_t count_;
    billijk_result* result_;
};

/// Adapts `int f(Call&)` to the C function type, turning an escaping exception into a failure.
template <int (*F)(Call&)>
int native(billijk_host_api const* host, billijk_host_context* ctx,
           billijk_value const* const* args, std::size_t count, billijk_result* result) noexcept {
    Call call(host, ctx, args, count, result);
    try {
        return F(call);
    } catch (std::exception const& e) {
        return call.fail(std::string("internal error: ") + e.what());
    } catch (...) {
        return call.fail("internal error");
    }
}

/// What an init hook can do: fail with a message.
class Init {
  public:
    Init(billijk_host_api const* host, billijk_host_context* ctx) : host_(host), ctx_(ctx) {}
    int ok() const { return BILLIJK_OK; }
    int fail(std::string const& message) {
        host_->set_error(ctx_, message.c_str());
        return BILLIJK_FAILED;
    }

  private:
    billijk_host_api const* host_;
    billijk_host_context* ctx_;
};

/// Adapts `int f(Init&)` to billijk_init_fn, turning an escaping exception into a failure.
template <int (*F)(Init&)>
int init(billijk_host_api const* host, billijk_host_context* ctx) noexcept {
    Init in(host, ctx);
    try {
        return F(in);
    } catch (std::exception const& e) {
        return in.fail(std::string("internal error: ") + e.what());
    } catch (...) {
        return in.fail("internal error");
    }
}

/// Builds the plugin description; every `with_*` returns a changed copy (usable in constexpr).
struct Description {
    billijk_plugin_info info;

    template <std::size_t N>
    constexpr Description with_tables(billijk_tariff_table const (&tables)[N]) const {
        Description d = *this;
        d.info.tables = tables;
        d.info.table_count = N;
        return d;
    }
    template <std::size_t N>
    constexpr Description with_functions(billijk_native_function const (&functions)[N]) const {
        Description d = *this;
        d.info.functions = functions;
        d.info.function_count = N;
        return d;
    }
    template <std::size_t N>
    constexpr Description with_rule_sources(billijk_rule_source const (&sources)[N]) const {
        Description d = *this;
        d.info.rule_sources = sources;
        d.info.rule_source_count = N;
        return d;
    }
    constexpr Description with_init(billijk_init_fn hook) const {
        Description d = *this;
        d.info.init = hook;
        return d;
    }
};

/// The start of a description: CBS code ("GM0489"), name and the plugin's own version, built
/// against this header's ABI version.
constexpr Description plugin(char const* municipality_code, char const* name, char const* version) {
    return Description{billijk_plugin_info{sizeof(billijk_plugin_info), BILLIJK_PLUGIN_ABI_MAJOR,
                                           BILLIJK_PLUGIN_ABI_MINOR, municipality_code, name,
                                           version, nullptr, 0, nullptr, 0, nullptr, 0, nullptr}};
}

} // namespace billijk::sdk

/// Defines the entry point, returning the description (a constant expression of type
/// billijk::sdk::Description). Use once per plugin, at namespace scope.
#define BILLIJK_PLUGIN(description)                                                                \
    extern "C" BILLIJK_PLUGIN_EXPORT const billijk_plugin_info* billijk_plugin_entry(              \
        const billijk_host_api* host) {                                                            \
        (void)host;                                                                                \
        static constexpr billijk_plugin_info billijk_plugin_description = (description).info;      \
        return &billijk_plugin_description;                                                        \
    }
