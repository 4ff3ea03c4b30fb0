// Reading a batch input one record at a time (docs/batch.md): never the whole file.
//
// JSON Lines: one case per line; a blank line is skipped. CSV: the first record is the header
// naming the columns (csv_case.hpp), then one case per record; a quoted field may hold a line
// break, so a record may span lines (its line number is the one it starts on).
//
//   auto reader = batch::RecordReader::open("cases.jsonl");        // or .csv
//   while (auto record = reader.value().next()) process(*record);  // record->line, ->text
#pragma once

#include "billijk/result.hpp"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace billijk::batch {

enum class InputFormat { jsonl, csv };

/// The format named by the file's extension: .csv is CSV, anything else JSON Lines.
InputFormat format_of(std::filesystem::path const& path);

struct InputRecord {
    std::size_t line = 0; ///< 1-based line where the record starts
    std::string text;     ///< the line (JSON Lines) or the raw record (CSV, without line break)
};

class RecordReader {
  public:
    /// Opens `path` ("-" is standard input). For CSV the header is read at once; a file that
    /// cannot be opened or a CSV without a header line is an error (B0001).
    static Result<RecordReader> open(std::filesystem::path const& path, InputFormat format);

    /// The next record, or nullopt at the end of the input (or on a read error: see failed()).
    std::optional<InputRecord> next();

    InputFormat format() const { return format_; }
    /// The CSV header's fields (empty for JSON Lines) and the line it is on.
    std::vector<std::string> const& header() const { return header_; }
    std::size_t header_line() const { return header_line_; }
    /// The CSV field separator, ',' or ';' (io/csv_dialect.hpp), as the header line shows it.
    char separator() const { return separator_; }
    /// Bytes read so far and the file's size (0 when unknown, e.g. a pipe): for progress.
    std::uint64_t bytes_read() const { return bytes_read_; }
    std::uint64_t total_bytes() const { return total_bytes_; }
    /// Set when reading stopped on an I/O error rather than at the end of the input.
    std::optional<std::string> const& failed() const { return failed_; }

  private:
    struct Closer {
        void operator()(std::FILE* f) const;
    };
    RecordReader() = default;
    bool read_line(std::string& line); ///< without its line break; false at the end
    std::optional<InputRecord> next_csv_record();

    std::unique_ptr<std::FILE, Closer> file_;
    InputFormat format_ = InputFormat::jsonl;
    std::vector<std::string> header_;
    std::size_t header_line_ = 0;
    char separator_ = ',';
    std::size_t line_ = 0;
    std::uint64_t bytes_read_ = 0, total_bytes_ = 0;
    std::optional<std::string> failed_;
};

} // namespace billijk::batch
