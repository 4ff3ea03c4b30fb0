#include "store/output_dictionaries.hpp"

#include "io/fingerprint.hpp"
#include "store/records.hpp"

#include <SQLiteCpp/Statement.h>

namespace billijk::store {

namespace {

std::string meta_key(std::uint32_t id) {
    return "output_dictionary:" + std::to_string(id);
}

std::optional<std::string> meta_value(SQLite::Database& sql, std::string const& key) {
    SQLite::Statement query(sql, "SELECT value FROM meta WHERE key = ?");
    query.bind(1, key);
    if (!query.executeStep())
        return std::nullopt;
    return query.getColumn(0).getString();
}

} // namespace

bool put_output_dictionary(SQLite::Database& sql, OutputDictionary const& dictionary) {
    std::string const sha = io::sha256_hex(dictionary.bytes());
    std::string const key = meta_key(dictionary.id());
    if (auto const known = meta_value(sql, key))
        return *known == sha;
    put_blob(sql, sha, dictionary.bytes());
    SQLite::Statement insert(sql, "INSERT INTO meta(key, value) VALUES (?, ?)");
    insert.bind(1, key);
    insert.bind(2, sha);
    insert.exec();
    return true;
}

OutputDictionary const* StoredDictionaries::find(std::uint32_t id, std::string& why) {
    if (auto const at = found_.find(id); at != found_.end())
        return &at->second;
    std::string const name = "compression dictionary " + std::to_string(id);
    auto const sha = meta_value(*sql_, meta_key(id));
    if (!sha) {
        why = "the stored output needs " + name + ", which the store does not have";
        return nullptr;
    }
    SQLite::Statement query(*sql_, "SELECT data FROM blobs WHERE sha256 = ?");
    query.bind(1, *sha);
    if (!query.executeStep()) {
        why = "the bytes of " + name + " are missing from the store";
        return nullptr;
    }
    auto const& column = query.getColumn(0);
    std::string bytes(static_cast<char const*>(column.getBlob()),
                      static_cast<std::size_t>(column.getBytes()));
    if (io::sha256_hex(bytes) != *sha) {
        why = "the bytes of " + name + " do not match their hash";
        return nullptr;
    }
    auto dictionary = OutputDictionary::load(std::move(bytes), why);
    if (!dictionary)
        return nullptr;
    if (dictionary->id() != id) {
        why = name + " is stored under the wrong id";
        return nullptr;
    }
    return &found_.emplace(id, std::move(*dictionary)).first->second;
}

} // namespace billijk::store
