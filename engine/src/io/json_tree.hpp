// A JSON tree that keeps numbers as written.
//
// nlohmann::json turns every number with a fraction into a binary double, which Billijk never
// lets near a value it uses. `parse_json_tree` builds this small tree instead (plain
// well-formed text with its own parser, json_tree_fast.hpp; anything else, and every error,
// with nlohmann's SAX parser): numbers keep their source text ("16.00" stays "16.00", integers are
// written back in plain decimal), object members keep document order, duplicate keys are reported,
// and nesting is limited so that no recursion over the tree can exhaust the stack.
//
//   auto parsed = billijk::io::parse_json_tree(R"({"rate": 16.00})");
//   if (!parsed.root) print(parsed.error);     // "invalid JSON at line 1 column 16: ..."
//   parsed.root->find("rate")->text;           // "16.00" (kind number)
//   write_canonical(*parsed.root);             // {"rate":16.00}
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace billijk::io {

/// One JSON value. Objects are `keys` plus `items` in parallel, in document order.
struct JsonNode {
    enum class Kind : std::uint8_t { null, boolean, number, string, array, object };
    Kind kind = Kind::null;
    bool boolean = false;
    std::string text;              ///< string contents, or the number as written
    std::vector<std::string> keys; ///< object member names, document order
    std::vector<JsonNode> items;   ///< array elements, or object member values (parallel to keys)

    /// The first member named `key` of an object; nullptr when absent or not an object.
    JsonNode const* find(std::string_view key) const;

    /// The same tree: kinds, values, keys and items alike, in order.
    friend bool operator==(JsonNode const& a, JsonNode const& b) = default;
};

/// "a JSON number", "a string", "null", ...: how a kind is named in "found ..." messages.
std::string_view describe(JsonNode::Kind kind);

struct DuplicateKey {
    std::string object_path; ///< JSON path of the object, "" for the root
    std::string key;
};

struct JsonParseResult {
    std::optional<JsonNode> root; ///< absent when the text is not JSON
    /// When !root: "invalid JSON at line L column C: <what>" (line and column 1-based, bytes).
    std::string error;
    /// Keys repeated within one object; the first occurrence is kept in the tree.
    std::vector<DuplicateKey> duplicates;
};

inline constexpr std::size_t default_max_json_depth = 100;

/// Parse strict RFC 8259 JSON (no comments, valid UTF-8, one value, only whitespace after it).
/// Arrays and objects nested deeper than `max_depth` are rejected as invalid JSON.
JsonParseResult parse_json_tree(std::string_view text,
                                std::size_t max_depth = default_max_json_depth);

/// parse_json_tree with nlohmann's parser only: what it runs on text the fast parser declines,
/// and what tests compare the fast parser with.
JsonParseResult parse_json_tree_with_nlohmann(std::string_view text,
                                              std::size_t max_depth = default_max_json_depth);

/// Compact serialisation with object keys sorted bytewise, no whitespace, strings escaped as
/// nlohmann::json does, numbers as written. Object members whose name `drop_member(name)` holds
/// are left out, at any depth (the BSN: every member named "bsn").
std::string write_canonical(JsonNode const& node,
                            bool (*drop_member)(std::string_view name) = nullptr);

/// JSON path of an object member: "period" + "end" → "period.end"; "" + "schema" → "schema";
/// keys that are not identifiers are quoted: `facts["Pgb capable"]`.
std::string json_path_member(std::string_view parent, std::string_view key);
/// JSON path of an array element: "requests" + 0 → "requests[0]".
std::string json_path_index(std::string_view parent, std::size_t index);

/// A JSON path that is written out only when a message needs it: a reader that checks every
/// member of a document passes one down instead of building "requests[0].need.items[1].unit"
/// for each value it reads (most documents have no error at all). A path refers to its parent,
/// so it must not outlive it: make child paths on the stack, as the reader descends.
///
///   JsonPath const requests("requests");
///   JsonPath const first = requests.index(0);
///   error(first.member("rate"), ...);                    // error() calls str() when it reports
///   first.member("rate").str();                          // "requests[0].rate"
class JsonPath {
  public:
    JsonPath() = default;
    /// A path given as text, such as "period" or "client.bsn".
    JsonPath(char const* text) : text_(text) {} // NOLINT(google-explicit-constructor)

    JsonPath member(std::string_view key) const& { return {this, key, 0}; }
    JsonPath index(std::size_t i) const& { return {this, {}, i + 1}; }
    // A child of a temporary would outlive its parent: name the parent first.
    JsonPath member(std::string_view key) const&& = delete;
    JsonPath index(std::size_t i) const&& = delete;

    /// The path as json_path_member and json_path_index write it.
    std::string str() const;

  private:
    JsonPath(JsonPath const* parent, std::string_view key, std::size_t index_plus_one)
        : parent_(parent), text_(key), index_plus_one_(index_plus_one) {}
    void append_to(std::string& out) const;

    JsonPath const* parent_ = nullptr;
    std::string_view text_;          ///< the whole path without a parent, else the member name
    std::size_t index_plus_one_ = 0; ///< an array element when not 0
};

/// `s` as a JSON string literal (quotes and escapes), at most `max_bytes` of its text (cut on a
/// UTF-8 boundary and marked with "…"), for quoting user input in messages.
std::string quote(std::string_view s, std::size_t max_bytes = 80);

} // namespace billijk::io
