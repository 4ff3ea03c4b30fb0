// LLVM-style text rendering of diagnostics; the format is described in render.hpp.
#include "diag/render.hpp"

#include "core/utf8.hpp"

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace billijk {

namespace {

std::string_view severity_word(Severity severity) {
    switch (severity) {
    case Severity::error:
        return "error";
    case Severity::warning:
        return "warning";
    case Severity::note:
        return "note";
    }
    return "error";
}

/// A span that names a file of this set (anything else is rendered as if it had no span).
bool usable(std::optional<Span> const& span, SourceSet const& sources) {
    return span && span->file < sources.size();
}

void append_location(std::string& out, Span span, SourceSet const& sources) {
    SourceFile const& file = sources.file(span.file);
    LineCol const at = file.lines.at(span.begin);
    out += file.path;
    out += ':';
    out += std::to_string(at.line);
    out += ':';
    out += std::to_string(at.column);
    out += ": ";
}

/// The length in bytes of the character at `i`: a UTF-8 sequence, or one byte that starts none
/// (a file in another encoding; E0114), which is shown as U+FFFD so that the snippet stays UTF-8.
std::size_t char_length(std::string_view line, std::size_t i) {
    if (static_cast<unsigned char>(line[i]) < 0x80)
        return 1;
    std::size_t const length = utf8_sequence(line, i);
    return length == 0 ? 1 : length;
}

bool is_replaced(std::string_view line, std::size_t i) {
    return static_cast<unsigned char>(line[i]) >= 0x80 && utf8_sequence(line, i) == 0;
}

void append_snippet(std::string& out, Span span, SourceSet const& sources) {
    SourceFile const& file = sources.file(span.file);
    LineCol const at = file.lines.at(span.begin);
    std::string_view const line = file.lines.line_text(file.text, at.line);

    std::string const number = std::to_string(at.line);
    std::size_t const width = std::max<std::size_t>(5, number.size());
    out.append(width - number.size(), ' ');
    out += number;
    out += " |";
    if (!line.empty()) {
        out += ' ';
        for (std::size_t i = 0; i < line.size(); i += char_length(line, i)) {
            if (is_replaced(line, i))
                out += "\xEF\xBF\xBD";
            else
                out.append(line.substr(i, char_length(line, i)));
        }
    }
    out += '\n';

    out.append(width, ' ');
    out += " | ";
    // The column may point at a stripped "\r\n" or past the end: the caret goes after the text.
    // One mark per character: a space (or tab) before the span, '^' at its start, '~' after.
    std::size_t const start = std::min<std::size_t>(at.column - 1, line.size());
    std::size_t length = span.end > span.begin ? span.end - span.begin : 0;
    length = std::min(length, line.size() - start);
    std::size_t i = 0;
    for (; i < start; i += char_length(line, i))
        out += line[i] == '\t' ? '\t' : ' ';
    out += '^';
    for (i = start + (start < line.size() ? char_length(line, start) : 1); i < start + length;
         i += char_length(line, i))
        out += line[i] == '\t' ? '\t' : '~';
    out += '\n';
}

} // namespace

std::string render(Diagnostic const& diagnostic, SourceSet const& sources) {
    std::string out;
    bool const has_span = usable(diagnostic.span, sources);
    if (has_span) {
        append_location(out, *diagnostic.span, sources);
    }
    out += severity_word(diagnostic.severity);
    if (!diagnostic.id.empty()) {
        out += '[';
        out += diagnostic.id;
        out += ']';
    }
    out += ": ";
    out += diagnostic.message;
    out += '\n';
    if (has_span) {
        append_snippet(out, *diagnostic.span, sources);
    }
    for (DiagnosticNote const& note : diagnostic.notes) {
        if (usable(note.span, sources)) {
            append_location(out, *note.span, sources);
        }
        out += "note: ";
        out += note.message;
        out += '\n';
    }
    return out;
}

std::string render_all(Diagnostics const& diagnostics, SourceSet const& sources) {
    std::string out;
    for (Diagnostic const& diagnostic : diagnostics.items()) {
        out += render(diagnostic, sources);
    }
    return out;
}

} // namespace billijk
