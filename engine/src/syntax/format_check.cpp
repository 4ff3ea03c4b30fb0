// The formatter's safety net; see format_check.hpp.
#include "syntax/format_check.hpp"

#include "syntax/comments.hpp"
#include "syntax/parse.hpp"
#include "syntax/printer.hpp"

#include <vector>

namespace billijk::syntax {
namespace {

std::vector<std::string> comment_texts(std::string_view text) {
    std::vector<std::string> out;
    for (auto& c : collect_comments(text)) {
        out.push_back(std::move(c.text));
    }
    return out;
}

} // namespace

std::optional<std::string> check_formatted(File const& original, std::string_view original_text,
                                           std::string const& formatted) {
    SourceSet sources;
    FileId const id = sources.add("formatted.rules", formatted);
    auto reparsed = parse(sources, id);
    if (!reparsed) {
        return "the formatted text does not parse";
    }
    if (print(reparsed.value()) != print(original)) {
        return "the formatted text parses to a different tree";
    }
    if (comment_texts(formatted) != comment_texts(original_text)) {
        return "the formatted text does not hold the same comments";
    }
    if (format(reparsed.value(), formatted) != formatted) {
        return "formatting the formatted text changes it again";
    }
    return std::nullopt;
}

} // namespace billijk::syntax
