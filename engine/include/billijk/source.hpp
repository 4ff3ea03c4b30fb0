// Source files and spans.
//
// A `Span` is a pair of byte offsets into one `SourceFile`; line and column are derived on demand
// from a `LineTable`, never stored (so they cannot drift from the text). `SourceSet` owns every
// file loaded in one run and hands out their ids.
//
//   SourceSet sources;
//   FileId id = sources.add("plugins/barendrecht/rules/jeugd.rules", text);
//   LineCol at = sources.line_col(Span{id, 120, 125}); // {line, column}, both 1-based
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace billijk {

using FileId = std::uint32_t;

/// Byte range [begin, end) in one source file.
struct Span {
    FileId file = 0;
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    friend bool operator==(Span const&, Span const&) = default;
};

struct LineCol {
    std::uint32_t line = 1;   ///< 1-based
    std::uint32_t column = 1; ///< 1-based, counted in bytes
};

/// Maps byte offsets to line:column for one text.
class LineTable {
  public:
    explicit LineTable(std::string_view text);
    /// Line and column of a byte offset; an offset past the end of the text is clamped to the
    /// end (the position just after the last byte). A line starts after every '\n', so the end
    /// of a text with a final line break is line count + 1, column 1.
    LineCol at(std::uint32_t offset) const;
    /// The text of the 1-based line, without its line break ("\n" or "\r\n"); empty for a
    /// line number out of range. `text` must be the text the table was built from.
    std::string_view line_text(std::string_view text, std::uint32_t line) const;
    /// Number of lines (at least 1; an empty text has one empty line).
    std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }

  private:
    std::vector<std::uint32_t> line_starts_;
    std::uint32_t size_ = 0; ///< length of the text in bytes
};

struct SourceFile {
    std::string path; ///< as shown in diagnostics (relative to the rules root where possible)
    std::string text;
    LineTable lines;
};

/// Owns the files of one run; FileId indexes into it.
class SourceSet {
  public:
    FileId add(std::string path, std::string text);
    SourceFile const& file(FileId id) const { return files_.at(id); }
    LineCol line_col(Span span) const { return file(span.file).lines.at(span.begin); }
    std::size_t size() const { return files_.size(); }

  private:
    std::vector<SourceFile> files_;
};

/// Reads a whole file as bytes; nullopt when it cannot be opened or read.
std::optional<std::string> read_text_file(std::filesystem::path const& path);

} // namespace billijk
