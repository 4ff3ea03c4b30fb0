#include "store_options.hpp"

#include "billijk/source.hpp"

#include <cstdlib>
#include <ctime>
#include <iostream>

namespace billijk::cli {

namespace fs = std::filesystem;

std::optional<fs::path> database_path(std::optional<std::string> const& flag) {
    if (flag)
        return fs::path(*flag);
    // XDG Base Directory: a relative XDG_DATA_HOME is invalid and must be ignored.
    if (char const* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg && fs::path(xdg).is_absolute())
        return fs::path(xdg) / "billijk" / "billijk.db";
    if (char const* home = std::getenv("HOME"); home && *home)
        return fs::path(home) / ".local" / "share" / "billijk" / "billijk.db";
    return std::nullopt;
}

Result<store::PseudonymKey> pseudonym_key(std::optional<std::string> const& key_file) {
    if (key_file) {
        auto text = read_text_file(*key_file);
        if (!text)
            return fail("S0104", std::nullopt, *key_file + ": cannot read the pseudonym key file");
        return store::make_pseudonym_key(std::move(*text), *key_file);
    }
    if (char const* env = std::getenv("BILLIJK_PSEUDONYM_KEY"); env && *env)
        return store::make_pseudonym_key(env, "BILLIJK_PSEUDONYM_KEY");
    return fail("S0104", std::nullopt,
                "no pseudonym key: storing a case needs the key that pseudonymises the BSN; set "
                "BILLIJK_PSEUDONYM_KEY or pass --key-file FILE (docs/store.md)");
}

std::optional<store::Database> open_database(std::optional<std::string> const& flag,
                                             std::string const& command, bool create) {
    auto path = database_path(flag);
    if (!path) {
        std::cerr << command
                  << ": error: no database: pass --db FILE (neither XDG_DATA_HOME nor HOME is "
                     "set)\n";
        return std::nullopt;
    }
    auto db = store::Database::open(*path, create);
    if (!db) {
        print_store_errors(command, db.diagnostics());
        return std::nullopt;
    }
    return std::move(db).value();
}

void print_store_errors(std::string const& command, Diagnostics const& diagnostics) {
    for (auto const& d : diagnostics.items())
        std::cerr << command << ": " << (d.severity == Severity::error ? "error" : "warning") << "["
                  << d.id << "]: " << d.message << "\n";
}

std::optional<std::int64_t> parse_record_id(std::string const& text) {
    if (text.empty() || text.size() > 18 ||
        text.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    auto const id = std::stoll(text);
    return id > 0 ? std::optional<std::int64_t>(id) : std::nullopt;
}

namespace {

std::string format_utc(char const* format) {
    std::time_t const now = std::time(nullptr);
    std::tm parts{};
    gmtime_r(&now, &parts);
    char buffer[32];
    std::size_t const n = std::strftime(buffer, sizeof buffer, format, &parts);
    return std::string(buffer, n);
}

} // namespace

std::string now_utc() {
    return format_utc("%Y-%m-%dT%H:%M:%SZ");
}

std::string today_utc() {
    return format_utc("%Y-%m-%d");
}

std::optional<std::int64_t> indication_id_argument(std::vector<std::string> const& positional,
                                                   std::string const& command,
                                                   std::string const& example) {
    if (positional.size() != 1) {
        std::cerr << command << ": expected one indication id, e.g. " << example << "\n";
        return std::nullopt;
    }
    auto const id = parse_record_id(positional.front());
    if (!id)
        std::cerr << command << ": '" << positional.front()
                  << "' is not an indication id (a positive number)\n";
    return id;
}

} // namespace billijk::cli
