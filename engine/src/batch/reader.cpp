#include "batch/reader.hpp"

#include "batch/csv_case.hpp"
#include "core/utf8.hpp"
#include "io/csv_dialect.hpp"

#include <cctype>
#include <cerrno>
#include <cstring>

namespace billijk::batch {

namespace fs = std::filesystem;

InputFormat format_of(fs::path const& path) {
    std::string ext = path.extension().string();
    for (char& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".csv" ? InputFormat::csv : InputFormat::jsonl;
}

void RecordReader::Closer::operator()(std::FILE* f) const {
    if (f != nullptr && f != stdin)
        std::fclose(f);
}

Result<RecordReader> RecordReader::open(fs::path const& path, InputFormat format) {
    RecordReader reader;
    reader.format_ = format;
    if (path == "-") {
        reader.file_.reset(stdin);
    } else {
        std::error_code ec;
        if (fs::is_directory(path, ec))
            return fail("B0001", std::nullopt, path.string() + ": is a directory, not a file");
        reader.file_.reset(std::fopen(path.c_str(), "rb"));
        if (!reader.file_)
            return fail("B0001", std::nullopt,
                        path.string() + ": cannot open the input: " + std::strerror(errno));
        auto const size = fs::file_size(path, ec);
        reader.total_bytes_ = ec ? 0 : size;
    }
    if (format == InputFormat::csv) {
        auto header = reader.next_csv_record();
        if (!header)
            return fail("B0001", std::nullopt,
                        path.string() + ": no header line (the CSV columns are in docs/batch.md)");
        // The byte order mark a spreadsheet's "CSV UTF-8" starts with is not part of the first
        // column's name.
        std::string_view const text =
            header->line == 1 ? without_bom(header->text) : std::string_view(header->text);
        reader.separator_ = io::csv_separator(text);
        auto fields = split_csv_record(text, reader.separator_);
        if (!fields)
            return fail("B0001", std::nullopt,
                        path.string() + ":" + std::to_string(header->line) +
                            ": the header line has a quoted field that is not closed");
        reader.header_ = std::move(*fields);
        reader.header_line_ = header->line;
    }
    return reader;
}

bool RecordReader::read_line(std::string& line) {
    line.clear();
    if (failed_)
        return false;
    char buffer[8192];
    bool any = false;
    while (std::fgets(buffer, sizeof buffer, file_.get()) != nullptr) {
        any = true;
        std::size_t n = std::strlen(buffer);
        bytes_read_ += n;
        bool const ended = n > 0 && buffer[n - 1] == '\n';
        if (ended)
            --n;
        line.append(buffer, n);
        if (ended)
            break;
    }
    if (std::ferror(file_.get())) {
        failed_ = std::strerror(errno);
        return false;
    }
    if (!any)
        return false;
    ++line_;
    if (!line.empty() && line.back() == '\r') // CRLF files, as spreadsheets write them
        line.pop_back();
    return true;
}

std::optional<InputRecord> RecordReader::next_csv_record() {
    std::string line;
    do {
        if (!read_line(line))
            return std::nullopt;
    } while (line.empty());
    InputRecord record{line_, line};
    // A record continues on the next line while a quoted field is open (an odd number of
    // quotes so far: a doubled quote inside a field counts twice).
    auto quotes = [](std::string const& s) {
        std::size_t n = 0;
        for (char c : s)
            n += c == '"' ? 1 : 0;
        return n;
    };
    std::size_t open_quotes = quotes(line);
    while (open_quotes % 2 == 1 && read_line(line)) {
        record.text += '\n';
        record.text += line;
        open_quotes += quotes(line);
    }
    return record;
}

std::optional<InputRecord> RecordReader::next() {
    if (format_ == InputFormat::csv)
        return next_csv_record();
    std::string line;
    while (read_line(line)) {
        if (line.find_first_not_of(" \t") == std::string::npos)
            continue; // blank lines are not cases
        return InputRecord{line_, std::move(line)};
    }
    return std::nullopt;
}

} // namespace billijk::batch
