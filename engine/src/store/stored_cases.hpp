// The cases of the stored indications, for `billijk impact --db` (docs/impact.md): each
// distinct stored case once, in the order of its first indication, with its BSN pseudonym
// replaced by the replay placeholder (pseudonym.hpp: the engine never reads a BSN in a rule).
//
//   auto cases = store::stored_cases(db);
//   for (auto const& c : cases.value()) io::read_case(c.case_json, c.label());
#pragma once

#include "store/database.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace billijk::store {

struct StoredCase {
    std::int64_t first_indication = 0; ///< the id of the first indication of this case
    std::string case_id;
    std::string case_json; ///< ready for io::read_case (placeholder BSN)
    /// "store:indication 17", how reports name where the case came from.
    std::string label() const { return "store:indication " + std::to_string(first_indication); }
};

/// Every distinct stored case. S0103 when the database cannot be read.
Result<std::vector<StoredCase>> stored_cases(Database& db);

} // namespace billijk::store
