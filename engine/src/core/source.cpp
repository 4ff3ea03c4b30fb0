// Line tables and the set of loaded sources; see billijk/source.hpp.
#include "billijk/source.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <utility>

namespace billijk {

LineTable::LineTable(std::string_view text) : size_(static_cast<std::uint32_t>(text.size())) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') {
            line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
        }
    }
}

LineCol LineTable::at(std::uint32_t offset) const {
    offset = std::min(offset, size_);
    // The last line start <= offset; line_starts_[0] == 0, so there always is one.
    auto const next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    auto const index = static_cast<std::uint32_t>(next - line_starts_.begin()) - 1;
    return LineCol{index + 1, offset - line_starts_[index] + 1};
}

std::string_view LineTable::line_text(std::string_view text, std::uint32_t line) const {
    if (line == 0 || line > line_starts_.size()) {
        return {};
    }
    std::size_t const begin = std::min<std::size_t>(line_starts_[line - 1], text.size());
    std::size_t end = line < line_starts_.size() ? line_starts_[line] : text.size();
    end = std::clamp(end, begin, text.size());
    std::string_view result = text.substr(begin, end - begin);
    if (!result.empty() && result.back() == '\n') {
        result.remove_suffix(1);
        if (!result.empty() && result.back() == '\r') {
            result.remove_suffix(1);
        }
    }
    return result;
}

FileId SourceSet::add(std::string path, std::string text) {
    auto const id = static_cast<FileId>(files_.size());
    LineTable lines(text);
    files_.push_back(SourceFile{std::move(path), std::move(text), std::move(lines)});
    return id;
}

std::optional<std::string> read_text_file(std::filesystem::path const& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad())
        return std::nullopt;
    return text.str();
}

} // namespace billijk
