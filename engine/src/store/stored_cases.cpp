// The cases of the stored indications (store/stored_cases.hpp).
#include "store/stored_cases.hpp"

#include "store/pseudonym.hpp"

#include <SQLiteCpp/Statement.h>

namespace billijk::store {

Result<std::vector<StoredCase>> stored_cases(Database& db) {
    try {
        SQLite::Statement query(db.sql(),
                                "SELECT MIN(i.id), c.case_id, c.json FROM indications i JOIN "
                                "cases c ON c.sha256 = i.case_sha256 GROUP BY c.sha256 "
                                "ORDER BY MIN(i.id)");
        std::vector<StoredCase> out;
        while (query.executeStep())
            out.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                           case_for_replay(query.getColumn(2).getString())});
        return out;
    } catch (std::exception const& e) {
        return store_failure(db.path(), "reading the stored cases", e.what());
    }
}

} // namespace billijk::store
