// LLVM-style text rendering of diagnostics; the format is described in render.hpp.
#include "diag/render.hpp"

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

bool is_utf8_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
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
        out += line;
    }
    out += '\n';

    out.append(width, ' ');
    out += " | ";
    // The column may point at a stripped "\r\n" or past the end: the caret goes after the text.
    std::size_t const start = std::min<std::size_t>(at.column - 1, line.size());
    std::size_t length = span.end > span.begin ? span.end - span.begin : 0;
    length = std::min(length, line.size() - start);
    for (std::size_t i = 0; i < start; ++i) {
        if (line[i] == '\t') {
            out += '\t';
        } else if (!is_utf8_continuation(line[i])) {
            out += ' ';
        }
    }
    out += '^';
    for (std::size_t i = start + 1; i < start + length; ++i) {
        if (line[i] == '\t') {
            out += '\t';
        } else if (!is_utf8_continuation(line[i])) {
            out += '~';
        }
    }
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
