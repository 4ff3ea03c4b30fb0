// A small command-line reader: positional arguments and `--flag value` / `--flag=value` options,
// checked against the options a verb accepts so that a typo is a usage error, not ignored.
//
//   Args args(argv + 2, argv + argc);
//   if (auto err = args.parse({"rules", "date", "format", "lang"}, {"help"})) ...
//   auto rules = args.option("rules");        // std::optional<std::string>
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace billijk::cli {

class Args {
  public:
    Args(char** begin, char** end) : raw_(begin, end) {}

    /// Parse against the accepted options (taking a value) and switches (no value).
    /// Returns an error message for an unknown or incomplete option.
    std::optional<std::string> parse(std::set<std::string> const& options,
                                     std::set<std::string> const& switches);

    std::vector<std::string> const& positional() const { return positional_; }
    std::optional<std::string> option(std::string const& name) const;
    bool has(std::string const& name_of_switch) const {
        return switches_.count(name_of_switch) > 0;
    }

  private:
    std::vector<std::string> raw_;
    std::vector<std::string> positional_;
    std::map<std::string, std::string> options_;
    std::set<std::string> switches_;
};

/// A whole number in [low, high] written in plain digits (`--threads 4`), or nullopt.
std::optional<std::size_t> parse_count(std::string const& text, std::size_t low, std::size_t high);

} // namespace billijk::cli
