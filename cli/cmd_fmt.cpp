// billijk fmt [--check] [--rules DIR | FILE...]: lay rule files out canonically
// (syntax/printer.hpp), comments included. Without --check it rewrites each file that changes,
// atomically (a temporary file in the same directory, then a rename) and lists it; with --check it
// only lists the files that would change and exits 1 if there are any. A file that does not parse
// gets its diagnostics and is left untouched (exit 4).
#include "args.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "rules_location.hpp"

#include "billijk/source.hpp"
#include "diag/render.hpp"
#include "syntax/format_check.hpp"
#include "syntax/parse.hpp"
#include "syntax/printer.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <system_error>
#include <vector>

namespace billijk::cli {
namespace {

namespace fs = std::filesystem;

/// Every *.rules file under `root`, in a fixed order.
std::vector<fs::path> rule_files_under(fs::path const& root) {
    std::vector<fs::path> out;
    for (auto const& entry : fs::recursive_directory_iterator(root)) {
        if (entry.is_regular_file() && entry.path().extension() == ".rules") {
            out.push_back(entry.path());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

/// Replaces `path` by `text`: write a sibling temporary file, keep the permissions, rename.
/// A crash or full disk leaves either the old file or the new one, never half of one.
bool replace_file(fs::path const& path, std::string const& text, std::string& error) {
    fs::path const temporary = path.string() + ".billijk-fmt.tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        out.flush();
        if (!out) {
            error = "cannot write " + temporary.string();
            std::error_code ignored;
            fs::remove(temporary, ignored);
            return false;
        }
    }
    std::error_code ec;
    fs::permissions(temporary, fs::status(path, ec).permissions(), ec);
    fs::rename(temporary, path, ec);
    if (ec) {
        error = "cannot replace " + path.string() + ": " + ec.message();
        fs::remove(temporary, ec);
        return false;
    }
    return true;
}

enum class outcome { unchanged, changed, rule_error, internal_error, write_error };

outcome format_one(fs::path const& path, bool check_only) {
    auto text = read_text_file(path);
    if (!text) {
        std::cerr << path.string() << ": error: cannot read the file\n";
        return outcome::rule_error;
    }
    SourceSet sources;
    FileId const id = sources.add(path.string(), *text);
    auto parsed = syntax::parse(sources, id);
    if (!parsed) {
        std::cerr << render_all(parsed.diagnostics(), sources);
        return outcome::rule_error;
    }
    std::string const formatted = syntax::format(parsed.value(), *text);
    if (formatted == *text) {
        return outcome::unchanged;
    }
    if (auto problem = syntax::check_formatted(parsed.value(), *text, formatted)) {
        std::cerr << "billijk fmt: internal error: " << path.string() << ": " << *problem
                  << "; the file is left as it is\n";
        return outcome::internal_error;
    }
    if (!check_only) {
        std::string error;
        if (!replace_file(path, formatted, error)) {
            std::cerr << "billijk fmt: " << error << "\n";
            return outcome::write_error;
        }
    }
    std::cout << path.string() << "\n";
    return outcome::changed;
}

} // namespace

int cmd_fmt(int argc, char** argv) {
    Args args(argv, argv + argc);
    if (auto err = args.parse({"rules"}, {"check"})) {
        std::cerr << "billijk fmt: " << *err << "\n";
        return exit_usage;
    }
    std::vector<fs::path> files;
    if (!args.positional().empty()) {
        if (args.option("rules")) {
            std::cerr << "billijk fmt: give either --rules DIR or files, not both\n";
            return exit_usage;
        }
        for (auto const& file : args.positional()) {
            files.emplace_back(file);
        }
    } else {
        auto root = find_rules_root(args.option("rules"));
        if (!root) {
            std::cerr << "billijk fmt: no rules directory found; pass --rules DIR or files\n";
            return exit_usage;
        }
        std::error_code ec;
        if (!fs::is_directory(*root, ec)) {
            std::cerr << "billijk fmt: " << root->string() << " is not a directory\n";
            return exit_usage;
        }
        files = rule_files_under(*root);
    }

    bool const check_only = args.has("check");
    bool changed = false, rule_error = false, internal = false, write_error = false;
    for (auto const& file : files) {
        switch (format_one(file, check_only)) {
        case outcome::unchanged:
            break;
        case outcome::changed:
            changed = true;
            break;
        case outcome::rule_error:
            rule_error = true;
            break;
        case outcome::internal_error:
            internal = true;
            break;
        case outcome::write_error:
            write_error = true;
            break;
        }
    }
    if (internal) {
        return exit_internal;
    }
    if (rule_error || write_error) {
        return exit_rule_error;
    }
    return check_only && changed ? exit_findings : exit_ok;
}

} // namespace billijk::cli
