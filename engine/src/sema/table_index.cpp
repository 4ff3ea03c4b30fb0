// The first-cell index of a table version (sema/table_index.hpp).
#include "sema/table_index.hpp"

#include <algorithm>
#include <map>
#include <string_view>

namespace billijk::sema {

namespace {

bool indexable(Type const& type) {
    return type.kind == Type::Kind::text || type.kind == Type::Kind::enumeration;
}

} // namespace

void index_first_cells(TableVersion& version) {
    version.first_cell_index.reset();
    if (version.columns.empty() || !indexable(version.columns.front().type))
        return;
    TableVersion::FirstCellIndex index;
    std::map<std::string_view, std::vector<std::uint32_t>> rows_of; // sorted, for by_value
    for (std::size_t r = 0; r < version.rows.size(); ++r) {
        auto const& cells = version.rows[r].cells;
        if (cells.empty())
            return;
        auto const& first = cells.front();
        if (first.kind == Cell::Kind::any)
            index.any_rows.push_back(static_cast<std::uint32_t>(r));
        else if (first.kind == Cell::Kind::value && indexable(first.value.type))
            rows_of[std::string_view(first.value.text)];
        else
            return; // a range (the checker reports it in a text column): no index
    }
    // Each value's rows: those naming it and those with `-`, in row order.
    for (std::size_t r = 0; r < version.rows.size(); ++r) {
        auto const& first = version.rows[r].cells.front();
        auto const row = static_cast<std::uint32_t>(r);
        if (first.kind == Cell::Kind::value) {
            rows_of[std::string_view(first.value.text)].push_back(row);
            continue;
        }
        for (auto& entry : rows_of)
            entry.second.push_back(row);
    }
    for (auto& [value, rows] : rows_of)
        index.by_value.emplace_back(std::string(value), std::move(rows));
    version.first_cell_index = std::move(index);
}

std::vector<std::uint32_t> const* candidate_rows(TableVersion const& version, Scalar const& first) {
    if (!version.first_cell_index || !indexable(first.type))
        return nullptr;
    auto const& index = *version.first_cell_index;
    std::string_view const key = first.text;
    auto at =
        std::lower_bound(index.by_value.begin(), index.by_value.end(), key,
                         [](auto const& entry, std::string_view k) { return entry.first < k; });
    if (at != index.by_value.end() && at->first == key)
        return &at->second;
    return &index.any_rows;
}

} // namespace billijk::sema
