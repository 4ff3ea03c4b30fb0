// Loading and validating one plugin; the order of the checks is described in loader.hpp.
//
// Nothing the plugin hands over is trusted: sizes are read before structs, structs are copied
// into zero-initialised host structs (so members a plugin of an older minor does not have read
// as 0), arrays are walked by their elements' struct_size, and every string is checked before
// it becomes a C++ value.
#include "plugin/loader.hpp"

#include "core/utf8.hpp"

#include "io/fingerprint.hpp"
#include "plugin/host.hpp"

#include <dlfcn.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <map>
#include <system_error>

namespace billijk::plugin {

namespace {

namespace fs = std::filesystem;

/// Bounds that only a corrupt description exceeds.
constexpr std::size_t max_struct_size = 4096;
constexpr std::size_t max_array_count = 1000000;

/// The members every ABI version has at the same place: struct_size, abi_major, abi_minor.
constexpr std::size_t version_prefix_size = offsetof(billijk_plugin_info, abi_minor) + 4;
static_assert(offsetof(billijk_plugin_info, struct_size) == 0);
static_assert(offsetof(billijk_plugin_info, abi_major) == 4);
static_assert(offsetof(billijk_plugin_info, abi_minor) == 8);

/// The size of each struct in ABI 1.0: anything shorter is malformed. When a minor version
/// appends members, these stay the 1.0 sizes (spell them with offsetof of the last 1.0 member
/// then) while sizeof() grows.
template <typename T> constexpr std::size_t abi_1_0_size() {
    return sizeof(T);
}

Diagnostics error(std::string id, std::string message) {
    return fail(std::move(id), std::nullopt, std::move(message));
}

std::string version_text(std::uint32_t major, std::uint32_t minor) {
    return std::to_string(major) + "." + std::to_string(minor);
}

std::string in_quotes(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

/// The whole file, or the reason it cannot be read.
std::optional<std::string> read_bytes(fs::path const& file, std::string& reason) {
    int const fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        reason = std::generic_category().message(errno);
        return std::nullopt;
    }
    std::string bytes;
    char chunk[65536];
    while (true) {
        ssize_t const n = ::read(fd, chunk, sizeof chunk);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            reason = std::generic_category().message(errno);
            ::close(fd);
            return std::nullopt;
        }
        if (n == 0) {
            break;
        }
        bytes.append(chunk, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return bytes;
}

bool is_identifier(std::string_view s) {
    if (s.empty() || !((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_')) {
        return false;
    }
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

bool is_cbs_code(std::string_view s) {
    return s.size() == 6 && s[0] == 'G' && s[1] == 'M' &&
           std::all_of(s.begin() + 2, s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_rule_path(std::string_view s) {
    if (s.empty() || s.front() == '/' || s.find('\\') != std::string_view::npos || s.size() < 7 ||
        s.substr(s.size() - 6) != ".rules") {
        return false;
    }
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t end = s.find('/', start);
        if (end == std::string_view::npos) {
            end = s.size();
        }
        std::string_view const part = s.substr(start, end - start);
        if (part.empty() || part == "." || part == "..") {
            return false;
        }
        start = end + 1;
    }
    return true;
}

/// Collects the P0005 findings of one description.
class Validator {
  public:
    Diagnostics diags;

    void problem(std::string message) { diags.error("P0005", std::nullopt, std::move(message)); }

    /// A required string: its text, or a problem and nullopt.
    std::optional<std::string> required(char const* s, std::string const& what) {
        if (s == nullptr || *s == '\0') {
            problem(what + " is missing");
            return std::nullopt;
        }
        return utf8(s, what);
    }

    /// An optional string: its text, "" when NULL, or a problem and "".
    std::string optional_text(char const* s, std::string const& what) {
        return s != nullptr ? utf8(s, what).value_or("") : "";
    }

    /// Copies an array the plugin supplies, walking it by its first element's struct_size.
    template <typename T>
    std::optional<std::vector<T>> array(void const* data, std::size_t count,
                                        std::string const& what) {
        std::vector<T> out;
        if (count == 0) {
            return out;
        }
        if (data == nullptr) {
            problem(what + ": the array is NULL but its count is " + std::to_string(count));
            return std::nullopt;
        }
        if (count > max_array_count) {
            problem(what + ": count " + std::to_string(count) + " is not plausible (at most " +
                    std::to_string(max_array_count) + ")");
            return std::nullopt;
        }
        auto const* bytes = static_cast<unsigned char const*>(data);
        std::uint32_t stride = 0;
        std::memcpy(&stride, bytes, sizeof stride);
        if (stride < abi_1_0_size<T>() || stride > max_struct_size) {
            problem(what + ": element struct_size is " + std::to_string(stride) +
                    ", ABI 1.0 needs at least " + std::to_string(abi_1_0_size<T>()) +
                    " (set it to sizeof the struct)");
            return std::nullopt;
        }
        out.reserve(count);
        for (std::size_t i = 0; i < count; ++i) {
            unsigned char const* element = bytes + i * stride;
            std::uint32_t size = 0;
            std::memcpy(&size, element, sizeof size);
            if (size != stride) {
                problem(what + ": element " + std::to_string(i + 1) + " has struct_size " +
                        std::to_string(size) + ", element 1 has " + std::to_string(stride) +
                        " (all elements of an array have the same size)");
                return std::nullopt;
            }
            T copy{};
            std::memcpy(&copy, element, std::min<std::size_t>(stride, sizeof(T)));
            out.push_back(copy);
        }
        return out;
    }

  private:
    /// Texts end up in the explanations, which are UTF-8: a plugin compiled from sources in
    /// another encoding would have its labels and citations altered on the way out.
    std::optional<std::string> utf8(char const* s, std::string const& what) {
        if (auto why = not_utf8(s, plugin_utf8_advice)) {
            problem(what + " " + *why);
            return std::nullopt;
        }
        return std::string(s);
    }
};

std::string window_text(TariffRow const& row) {
    return row.valid_from.to_string() + ".." + (row.valid_to ? row.valid_to->to_string() : "");
}

/// The name of a table or function: required and an identifier. On success `what` becomes
/// "<kind> '<name>'" so that later problems name it; nullopt after reporting the problem.
std::optional<std::string> checked_name(char const* raw, std::string_view kind, std::string& what,
                                        Validator& v) {
    auto name = v.required(raw, what + " name");
    if (!name)
        return std::nullopt;
    if (!is_identifier(*name)) {
        v.problem(what + ": name " + in_quotes(*name) +
                  " is not an identifier (lowercase letters, digits and '_')");
        return std::nullopt;
    }
    what = std::string(kind) + " '" + *name + "'";
    return name;
}

std::optional<TariffTable> convert_table(billijk_tariff_table const& raw, std::size_t index,
                                         Validator& v) {
    std::string what = "table " + std::to_string(index + 1);
    TariffTable table;
    bool ok = true;
    if (auto name = checked_name(raw.name, "table", what, v))
        table.name = *name;
    else
        ok = false;
    if (auto unit = v.required(raw.unit, what + " unit")) {
        table.unit_spelling = *unit;
        if (auto parsed = Unit::parse(*unit)) {
            table.unit = *parsed;
        } else {
            v.problem(what + ": unit " + in_quotes(*unit) +
                      " is not a unit expression (unit words joined by '/' or '*', e.g. "
                      "eur/hour)");
            ok = false;
        }
    } else {
        ok = false;
    }
    if (auto cites = v.required(raw.cites, what + " citation (cites)")) {
        table.cites = *cites;
    } else {
        ok = false;
    }
    if (auto label = v.required(raw.label_nl, what + " Dutch label (label_nl)")) {
        table.label_nl = *label;
    } else {
        ok = false;
    }
    table.label_en = v.optional_text(raw.label_en, what + " English label (label_en)");

    auto rows = v.array<billijk_tariff_row>(raw.rows, raw.row_count, what + " rows");
    if (!rows) {
        return std::nullopt;
    }
    for (std::size_t i = 0; i < rows->size(); ++i) {
        billijk_tariff_row const& r = (*rows)[i];
        std::string const row_what = what + " row " + std::to_string(i + 1);
        TariffRow row;
        bool row_ok = true;
        if (auto key = v.required(r.key, row_what + " key")) {
            row.key = *key;
            if (!is_identifier(*key)) {
                v.problem(row_what + ": key " + in_quotes(*key) +
                          " is not an identifier (lowercase letters, digits and '_')");
                row_ok = false;
            }
        } else {
            row_ok = false;
        }
        std::string const row_name = row_ok ? row_what + " (" + row.key + ")" : row_what;
        if (auto from = v.required(r.valid_from, row_name + " valid_from")) {
            if (auto d = Date::parse(*from)) {
                row.valid_from = *d;
            } else {
                v.problem(row_name + ": valid_from " + in_quotes(*from) +
                          " is not a date (expected YYYY-MM-DD)");
                row_ok = false;
            }
        } else {
            row_ok = false;
        }
        if (r.valid_to != nullptr) {
            if (auto d = Date::parse(r.valid_to)) {
                row.valid_to = *d;
            } else {
                v.problem(row_name + ": valid_to " + in_quotes(r.valid_to) +
                          " is not a date (expected YYYY-MM-DD, or NULL for open-ended)");
                row_ok = false;
            }
        }
        if (row_ok && row.valid_to && *row.valid_to < row.valid_from) {
            v.problem(row_name + ": valid_to " + row.valid_to->to_string() +
                      " is before valid_from " + row.valid_from.to_string());
            row_ok = false;
        }
        if (auto amount = v.required(r.amount, row_name + " amount")) {
            if (auto d = Decimal::parse(*amount)) {
                row.amount = *d;
            } else {
                v.problem(row_name + ": amount " + in_quotes(*amount) +
                          " is not a decimal (digits with '.' as the separator, e.g. \"45.00\")");
                row_ok = false;
            }
        } else {
            row_ok = false;
        }
        row.cites = v.optional_text(r.cites, row_name + " citation (cites)");
        if (!row_ok) {
            ok = false;
            continue;
        }
        // Two rows of one key on the same day would make the lookup ambiguous.
        for (std::size_t j = 0; j < table.rows.size(); ++j) {
            TariffRow const& other = table.rows[j];
            bool const overlap = other.key == row.key &&
                                 (!other.valid_to || row.valid_from <= *other.valid_to) &&
                                 (!row.valid_to || other.valid_from <= *row.valid_to);
            if (overlap) {
                Date const from = std::max(other.valid_from, row.valid_from);
                v.problem(what + ": duplicate rows for '" + row.key + "' on " + from.to_string() +
                          ": a row valid " + window_text(other) + " and row " +
                          std::to_string(i + 1) + " valid " + window_text(row));
                ok = false;
            }
        }
        table.rows.push_back(std::move(row));
    }
    if (!ok) {
        return std::nullopt;
    }
    return table;
}

std::optional<NativeFunction> convert_function(billijk_native_function const& raw,
                                               std::size_t index, Validator& v) {
    std::string what = "function " + std::to_string(index + 1);
    NativeFunction fn;
    bool ok = true;
    if (auto name = checked_name(raw.name, "function", what, v))
        fn.name = *name;
    else
        ok = false;
    auto const type_problem = [&](std::string const& where, std::string const& spelling) {
        v.problem(what + ": " + where + " " + in_quotes(spelling) +
                  " is not a type (expected text, date, bool or a unit such as eur/hour)");
    };
    if (raw.parameter_count > 0 && raw.parameter_types == nullptr) {
        v.problem(what + ": parameter_types is NULL but parameter_count is " +
                  std::to_string(raw.parameter_count));
        ok = false;
    } else if (raw.parameter_count > 64) {
        v.problem(what + ": " + std::to_string(raw.parameter_count) +
                  " parameters is not plausible (at most 64)");
        ok = false;
    } else {
        for (std::size_t i = 0; i < raw.parameter_count; ++i) {
            std::string const where = "parameter " + std::to_string(i + 1) + " type";
            char const* spelling = raw.parameter_types[i];
            if (spelling == nullptr) {
                v.problem(what + ": " + where + " is missing");
                ok = false;
            } else if (auto type = parse_value_type(spelling)) {
                fn.parameters.push_back(*type);
            } else {
                type_problem(where, spelling);
                ok = false;
            }
        }
    }
    if (auto ret = v.required(raw.return_type, what + " return type")) {
        if (auto type = parse_value_type(*ret)) {
            fn.result = *type;
        } else {
            type_problem("return type", *ret);
            ok = false;
        }
    } else {
        ok = false;
    }
    if (raw.fn == nullptr) {
        v.problem(what + " has no implementation (fn is NULL)");
        ok = false;
    }
    fn.fn = raw.fn;
    if (auto cites = v.required(raw.cites, what + " citation (cites)")) {
        fn.cites = *cites;
    } else {
        ok = false;
    }
    if (auto label = v.required(raw.label_nl, what + " Dutch label (label_nl)")) {
        fn.label_nl = *label;
    } else {
        ok = false;
    }
    fn.label_en = v.optional_text(raw.label_en, what + " English label (label_en)");
    if (!ok) {
        return std::nullopt;
    }
    return fn;
}

} // namespace

Result<Plugin> validate_description(billijk_plugin_info const& info, std::string file,
                                    std::string sha256) {
    Validator v;
    Plugin plugin;
    plugin.file = std::move(file);
    plugin.sha256 = std::move(sha256);
    plugin.abi_major = info.abi_major;
    plugin.abi_minor = info.abi_minor;

    if (info.municipality_code == nullptr || *info.municipality_code == '\0') {
        v.problem("municipality code is missing (expected a CBS code such as \"GM0489\")");
    } else if (!is_cbs_code(info.municipality_code)) {
        v.problem("municipality code " + in_quotes(info.municipality_code) +
                  " is not a CBS code (expected \"GM\" and four digits, e.g. \"GM0489\")");
    } else {
        plugin.municipality_code = info.municipality_code;
    }
    plugin.name = v.required(info.name, "name").value_or("");
    plugin.version = v.required(info.version, "version").value_or("");

    if (auto sources = v.array<billijk_rule_source>(info.rule_sources, info.rule_source_count,
                                                    "rule sources")) {
        std::map<std::string, std::size_t> seen;
        for (std::size_t i = 0; i < sources->size(); ++i) {
            std::string const what = "rule source " + std::to_string(i + 1);
            auto path = v.required((*sources)[i].path, what + " path");
            if (path && !is_rule_path(*path)) {
                v.problem(what + ": path " + in_quotes(*path) +
                          " must be relative, '/'-separated, without '.' or '..' parts, and end "
                          "in \".rules\"");
                path.reset();
            }
            if ((*sources)[i].text == nullptr) {
                v.problem(what + " text is missing");
                continue;
            }
            if (!path) {
                continue;
            }
            if (auto [it, inserted] = seen.emplace(*path, i + 1); !inserted) {
                v.problem("rule sources " + std::to_string(it->second) + " and " +
                          std::to_string(i + 1) + " have the same path " + in_quotes(*path));
                continue;
            }
            plugin.rule_sources.push_back({*path, (*sources)[i].text});
        }
    }

    // Tables and functions share one namespace: both are called by name in the rules.
    std::map<std::string, std::string> names; // name → "table" / "function"
    auto const claim = [&](std::string const& name, std::string const& kind) {
        auto [it, inserted] = names.emplace(name, kind);
        if (!inserted) {
            v.problem(kind + " '" + name + "': the name is already used by a " + it->second +
                      " of this plugin");
        }
    };
    if (auto tables = v.array<billijk_tariff_table>(info.tables, info.table_count, "tables")) {
        for (std::size_t i = 0; i < tables->size(); ++i) {
            if (auto table = convert_table((*tables)[i], i, v)) {
                claim(table->name, "table");
                plugin.tables.push_back(std::move(*table));
            }
        }
    }
    if (auto functions =
            v.array<billijk_native_function>(info.functions, info.function_count, "functions")) {
        for (std::size_t i = 0; i < functions->size(); ++i) {
            if (auto fn = convert_function((*functions)[i], i, v)) {
                claim(fn->name, "function");
                plugin.functions.push_back(std::move(*fn));
            }
        }
    }
    if (v.diags.has_errors()) {
        return v.diags;
    }
    return plugin;
}

Result<Plugin> load_plugin(fs::path const& file) {
    // 1. The bytes, and their hash: what the fingerprint of every indication will name.
    std::string reason;
    auto bytes = read_bytes(file, reason);
    if (!bytes) {
        return error("P0001", "cannot read the plugin file: " + reason);
    }
    std::string sha256 = io::sha256_hex(*bytes);

    // 2. The library. An absolute path, so that dlopen never searches LD_LIBRARY_PATH.
    std::error_code ec;
    fs::path const absolute = fs::absolute(file, ec);
    fs::path const target = ec ? file : absolute;
    ::dlerror();
    void* handle = ::dlopen(target.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
        char const* raw = ::dlerror();
        std::string why = raw != nullptr ? raw : "dlopen failed";
        // dlerror() says "<path>: <reason>"; the refusal names the file already.
        std::string const prefix = target.string() + ": ";
        if (why.rfind(prefix, 0) == 0) {
            why.erase(0, prefix.size());
        }
        return error("P0007", "cannot load the shared library: " + why);
    }
    // Never dlclose: a plugin's code may be referenced until exit (static destructors, function
    // pointers in the registry), and unloading buys nothing in a short-lived process.

    // 3. The entry point, looked up on this library's handle only.
    void* symbol = ::dlsym(handle, BILLIJK_PLUGIN_ENTRY_NAME);
    if (symbol == nullptr) {
        return error("P0002", std::string("no entry point '") + BILLIJK_PLUGIN_ENTRY_NAME +
                                  "': not a Billijk plugin");
    }
    billijk_plugin_entry_fn entry = nullptr;
    static_assert(sizeof entry == sizeof symbol);
    std::memcpy(&entry, &symbol, sizeof entry);

    // 4. The description: its size, then its version, before anything else is read.
    billijk_plugin_info const* described = nullptr;
    try {
        described = entry(host_api());
    } catch (...) {
        return error("P0008", "the entry point threw a C++ exception");
    }
    if (described == nullptr) {
        return error("P0008", "the entry point returned no plugin description (NULL)");
    }
    std::uint32_t size = 0;
    std::memcpy(&size, described, sizeof size);
    if (size < version_prefix_size || size > max_struct_size) {
        return error("P0008", "the plugin description's struct_size is " + std::to_string(size) +
                                  " (a description has at least " +
                                  std::to_string(version_prefix_size) + " and at most " +
                                  std::to_string(max_struct_size) + " bytes)");
    }
    std::uint32_t major = 0;
    std::uint32_t minor = 0;
    std::memcpy(&major, reinterpret_cast<unsigned char const*>(described) + 4, sizeof major);
    std::memcpy(&minor, reinterpret_cast<unsigned char const*>(described) + 8, sizeof minor);
    if (major != host_abi_major || minor > host_abi_minor) {
        std::string const host = version_text(host_abi_major, host_abi_minor);
        Diagnostics d;
        d.error("P0003", std::nullopt,
                "plugin ABI " + version_text(major, minor) + ", this billijk supports ABI " + host +
                    " (major must equal, minor at most " + std::to_string(host_abi_minor) + ")")
            .notes.push_back({std::nullopt, "rebuild the plugin with the billijk/plugin_abi.h "
                                            "of this billijk (ABI " +
                                                host + ")"});
        return d;
    }
    if (size < abi_1_0_size<billijk_plugin_info>()) {
        return error("P0008", "the plugin description is " + std::to_string(size) +
                                  " bytes, ABI 1.0 needs at least " +
                                  std::to_string(abi_1_0_size<billijk_plugin_info>()));
    }

    // 5. The plugin's own initialisation, which may fail with its own message.
    billijk_plugin_info info{};
    std::memcpy(&info, described, std::min<std::size_t>(size, sizeof info));
    if (info.init != nullptr) {
        billijk_host_context ctx;
        int status = BILLIJK_FAILED;
        try {
            status = info.init(host_api(), &ctx);
        } catch (...) {
            ctx.error = "it threw a C++ exception";
            ctx.has_error = true;
        }
        if (status != BILLIJK_OK) {
            return error("P0004", "plugin initialisation failed: " +
                                      error_message(ctx, "(the plugin gave no message)"));
        }
        // Init may complete the description: read it again.
        std::memcpy(&info, described, std::min<std::size_t>(size, sizeof info));
    }

    // 6. The content.
    return validate_description(info, file.string(), std::move(sha256));
}

} // namespace billijk::plugin
