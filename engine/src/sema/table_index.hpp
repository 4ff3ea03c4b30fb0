// The first-cell index of a table version (sema::TableVersion::first_cell_index): which rows a
// call can match, given its first argument, so that the evaluator tries those rows only instead
// of every row. Built by the checker once the version's rows are checked.
//
//   index_first_cells(version);   // sets version.first_cell_index when the first column allows
#pragma once

#include "sema/ir.hpp"

namespace billijk::sema {

/// Sets `version.first_cell_index` when its first column holds text or enumeration members and
/// every first cell is one value or `-`; leaves it empty otherwise (ranges, numbers, dates).
void index_first_cells(TableVersion& version);

/// The rows of `version` a call with first argument `first` can match, in row order: from the
/// index when there is one. Null when there is no index (every row is a candidate).
std::vector<std::uint32_t> const* candidate_rows(TableVersion const& version, Scalar const& first);

} // namespace billijk::sema
