// Source slices for explanations: comments out, whitespace collapsed.
#include "sema/checker.hpp"

namespace billijk::sema {

std::string collapsed_text(SourceSet const& sources, Span span) {
    if (span.file >= sources.size())
        return {};
    std::string_view all = sources.file(span.file).text;
    if (span.begin > span.end || span.end > all.size())
        return {};
    std::string_view text = all.substr(span.begin, span.end - span.begin);
    std::string out;
    bool in_string = false, in_comment = false, pending_space = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char ch = text[i];
        if (in_comment) {
            if (ch == '\n')
                in_comment = false, pending_space = true;
            continue;
        }
        if (!in_string && ch == '#') {
            in_comment = true;
            continue;
        }
        bool space = !in_string && (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r');
        if (space) {
            pending_space = true;
            continue;
        }
        if (pending_space && !out.empty())
            out += ' ';
        pending_space = false;
        out += ch;
        if (ch == '\\' && in_string && i + 1 < text.size()) {
            out += text[++i];
            continue;
        }
        if (ch == '"')
            in_string = !in_string;
    }
    return out;
}

} // namespace billijk::sema
