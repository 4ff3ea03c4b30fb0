#include "args.hpp"

namespace billijk::cli {

std::optional<std::string> Args::parse(std::set<std::string> const& options,
                                       std::set<std::string> const& switches) {
    for (std::size_t i = 0; i < raw_.size(); ++i) {
        std::string const& arg = raw_[i];
        if (arg.rfind("--", 0) != 0 || arg == "--") {
            positional_.push_back(arg);
            continue;
        }
        std::string name = arg.substr(2);
        std::optional<std::string> value;
        if (auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        if (switches.count(name)) {
            if (value)
                return "option --" + name + " takes no value";
            switches_.insert(name);
        } else if (options.count(name)) {
            if (!value) {
                if (i + 1 >= raw_.size())
                    return "option --" + name + " needs a value";
                value = raw_[++i];
            }
            options_[name] = *value;
        } else {
            return "unknown option --" + name;
        }
    }
    return std::nullopt;
}

std::optional<std::string> Args::option(std::string const& name) const {
    auto it = options_.find(name);
    if (it == options_.end())
        return std::nullopt;
    return it->second;
}

std::optional<std::size_t> parse_count(std::string const& text, std::size_t low, std::size_t high) {
    if (text.empty() || text.size() > 9 ||
        text.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    auto const n = static_cast<std::size_t>(std::stoul(text));
    return n >= low && n <= high ? std::optional<std::size_t>(n) : std::nullopt;
}

} // namespace billijk::cli
