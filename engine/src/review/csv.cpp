#include "review/csv.hpp"

namespace billijk::review {

CsvParse split_csv(std::string_view text, char separator) {
    CsvParse out;
    CsvRecord record;
    std::string field;
    std::size_t line = 1;
    record.line = 1;
    bool quoted = false, any = false;
    auto end_record = [&] {
        record.fields.push_back(std::move(field));
        field.clear();
        bool const blank = record.fields.size() == 1 && record.fields[0].empty() && !any;
        if (!blank)
            out.records.push_back(std::move(record));
        record = CsvRecord{};
        any = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char const c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                if (c == '\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == '"') {
            quoted = true;
            any = true;
        } else if (c == separator) {
            record.fields.push_back(std::move(field));
            field.clear();
            any = true;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            continue;
        } else if (c == '\n') {
            end_record();
            record.line = ++line;
        } else {
            field += c;
            any = true;
        }
    }
    if (quoted)
        out.unterminated_quote_line = record.line;
    if (any || !field.empty())
        end_record();
    return out;
}

} // namespace billijk::review
