#include "store/record_reader.hpp"

namespace billijk::store {

SQLite::Statement& RecordReader::statement(std::string const& sql) {
    auto found = statements_.find(sql);
    if (found == statements_.end())
        found = statements_.emplace(sql, std::make_unique<SQLite::Statement>(*db_, sql)).first;
    else
        found->second->reset();
    return *found->second;
}

} // namespace billijk::store
