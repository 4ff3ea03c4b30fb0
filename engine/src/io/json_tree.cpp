#include "io/json_tree.hpp"

#include "io/json_tree_fast.hpp"
#include "io/json_writer.hpp"

#include <boost/container/small_vector.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <set>
#include <utility>

namespace billijk::io {

JsonNode const* JsonNode::find(std::string_view key) const {
    if (kind != Kind::object)
        return nullptr;
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (keys[i] == key)
            return &items[i];
    return nullptr;
}

std::string_view describe(JsonNode::Kind kind) {
    switch (kind) {
    case JsonNode::Kind::null:
        return "null";
    case JsonNode::Kind::boolean:
        return "a boolean";
    case JsonNode::Kind::number:
        return "a JSON number";
    case JsonNode::Kind::string:
        return "a string";
    case JsonNode::Kind::array:
        return "an array";
    case JsonNode::Kind::object:
        return "an object";
    }
    return "a value";
}

namespace {

bool is_identifier(std::string_view s) {
    if (s.empty() || !(s[0] == '_' || (s[0] >= 'a' && s[0] <= 'z')))
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    });
}

std::string json_string(std::string_view s) {
    // Input strings were validated as UTF-8 by the parser; `replace` only guards other callers.
    std::string out;
    append_json_string(out, s);
    return out;
}

/// json_path_member and json_path_index, appended to `path` in place.
void append_path_member(std::string& path, std::string_view key) {
    if (is_identifier(key)) {
        if (!path.empty())
            path += '.';
        path += key;
    } else {
        path += '[';
        append_json_string(path, key);
        path += ']';
    }
}

void append_path_index(std::string& path, std::size_t index) {
    char digits[24];
    auto const end = std::to_chars(digits, digits + sizeof digits, index).ptr;
    path += '[';
    path.append(digits, end);
    path += ']';
}

} // namespace

std::string json_path_member(std::string_view parent, std::string_view key) {
    std::string out(parent);
    append_path_member(out, key);
    return out;
}

std::string json_path_index(std::string_view parent, std::size_t index) {
    std::string out(parent);
    append_path_index(out, index);
    return out;
}

void JsonPath::append_to(std::string& out) const {
    if (parent_ == nullptr) {
        out += text_;
        return;
    }
    parent_->append_to(out);
    if (index_plus_one_ != 0)
        append_path_index(out, index_plus_one_ - 1);
    else
        append_path_member(out, text_);
}

std::string JsonPath::str() const {
    std::string out;
    append_to(out);
    return out;
}

std::string quote(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes)
        return json_string(s);
    std::size_t cut = max_bytes;
    // Do not split a UTF-8 sequence: back up over continuation bytes (10xxxxxx).
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0U) == 0x80U)
        --cut;
    std::string out = json_string(s.substr(0, cut));
    out.insert(out.size() - 1, "…");
    return out;
}

namespace {

/// Builds a JsonNode tree from nlohmann's SAX events (nlohmann::json::sax_parse).
class TreeBuilder {
  public:
    using json = nlohmann::json;

    explicit TreeBuilder(std::size_t max_depth) : max_depth_(max_depth) {}

    bool null() { return add(JsonNode{}); }
    bool boolean(bool value) {
        JsonNode node;
        node.kind = JsonNode::Kind::boolean;
        node.boolean = value;
        return add(std::move(node));
    }
    bool number_integer(json::number_integer_t value) { return number(std::to_string(value)); }
    bool number_unsigned(json::number_unsigned_t value) { return number(std::to_string(value)); }
    /// The double is ignored: the token text is what we keep.
    bool number_float(json::number_float_t /*value*/, json::string_t const& text) {
        return number(text);
    }
    bool string(json::string_t& value) {
        JsonNode node;
        node.kind = JsonNode::Kind::string;
        node.text = std::move(value);
        return add(std::move(node));
    }
    bool binary(json::binary_t& /*value*/) { return false; } // not produced by JSON text
    bool start_object(std::size_t /*size*/) { return open(JsonNode::Kind::object); }
    bool key(json::string_t& name) {
        Frame& top = stack_.back();
        top.skip_next = !top.seen.insert(name).second;
        if (top.skip_next)
            duplicates_.push_back({top_path(), name});
        else
            top.node.keys.push_back(std::move(name));
        return true;
    }
    bool end_object() { return close(); }
    bool start_array(std::size_t /*size*/) { return open(JsonNode::Kind::array); }
    bool end_array() { return close(); }
    bool parse_error(std::size_t position, std::string const& /*last_token*/,
                     nlohmann::detail::exception const& error) {
        error_position_ = position;
        error_what_ = error.what();
        return false;
    }

    std::optional<JsonNode>& root() { return root_; }
    std::vector<DuplicateKey>& duplicates() { return duplicates_; }
    bool too_deep() const { return too_deep_; }
    std::size_t error_position() const { return error_position_; }
    std::string const& error_what() const { return error_what_; }

  private:
    struct Frame {
        JsonNode node;
        std::set<std::string, std::less<>> seen;
        bool skip_next = false; ///< the value after a duplicate key is dropped
    };

    bool number(std::string text) {
        JsonNode node;
        node.kind = JsonNode::Kind::number;
        node.text = std::move(text);
        return add(std::move(node));
    }
    bool open(JsonNode::Kind kind) {
        if (stack_.size() >= max_depth_) {
            too_deep_ = true;
            return false;
        }
        Frame frame;
        frame.node.kind = kind;
        stack_.push_back(std::move(frame));
        return true;
    }
    bool close() {
        JsonNode node = std::move(stack_.back().node);
        stack_.pop_back();
        return add(std::move(node));
    }
    bool add(JsonNode node) {
        if (stack_.empty()) {
            root_ = std::move(node);
            return true;
        }
        Frame& top = stack_.back();
        if (top.skip_next)
            top.skip_next = false;
        else
            top.node.items.push_back(std::move(node));
        return true;
    }
    /// JSON path of the innermost open container.
    std::string top_path() const {
        std::string path;
        for (std::size_t i = 1; i < stack_.size(); ++i) {
            JsonNode const& parent = stack_[i - 1].node;
            path = parent.kind == JsonNode::Kind::object
                       ? json_path_member(path, parent.keys.back())
                       : json_path_index(path, parent.items.size());
        }
        return path;
    }

    std::size_t max_depth_;
    std::vector<Frame> stack_;
    std::optional<JsonNode> root_;
    std::vector<DuplicateKey> duplicates_;
    bool too_deep_ = false;
    std::size_t error_position_ = 0;
    std::string error_what_;
};

/// 1-based line and column (in bytes) of the byte at `offset`.
std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    }
    return {line, offset - line_start + 1};
}

/// Offset of the first '[' or '{' that opens level max_depth + 1 (strings skipped).
std::size_t too_deep_offset(std::string_view text, std::size_t max_depth) {
    std::size_t depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char const c = text[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth)
                return i;
        } else if (c == ']' || c == '}') {
            if (depth > 0)
                --depth;
        }
    }
    return text.size();
}

/// `text` with control characters escaped (\\u0001) and ill-formed UTF-8 replaced by U+FFFD, so
/// that a message quoting raw input stays one line of valid UTF-8.
std::string printable(std::string_view text) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        auto const c = static_cast<unsigned char>(text[i]);
        if (c < 0x20U || c == 0x7FU) {
            static constexpr char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[c >> 4U];
            out += hex[c & 0xFU];
            ++i;
            continue;
        }
        std::size_t length = c < 0x80U                  ? 1
                             : c >= 0xC2U && c <= 0xDFU ? 2
                             : c >= 0xE0U && c <= 0xEFU ? 3
                             : c >= 0xF0U && c <= 0xF4U ? 4
                                                        : 0;
        bool valid = length > 0 && i + length <= text.size();
        for (std::size_t k = 1; valid && k < length; ++k)
            valid = (static_cast<unsigned char>(text[i + k]) & 0xC0U) == 0x80U;
        if (valid && length == 3) {
            auto const c1 = static_cast<unsigned char>(text[i + 1]);
            valid = !(c == 0xE0U && c1 < 0xA0U) && !(c == 0xEDU && c1 >= 0xA0U);
        } else if (valid && length == 4) {
            auto const c1 = static_cast<unsigned char>(text[i + 1]);
            valid = !(c == 0xF0U && c1 < 0x90U) && !(c == 0xF4U && c1 >= 0x90U);
        }
        if (valid) {
            out.append(text.substr(i, length));
            i += length;
        } else {
            out += "\xEF\xBF\xBD"; // U+FFFD
            ++i;
        }
    }
    return out;
}

std::string located(std::string_view text, std::size_t offset, std::string_view what) {
    auto [line, column] = line_column(text, offset);
    return "invalid JSON at line " + std::to_string(line) + " column " + std::to_string(column) +
           ": " + printable(what);
}

/// nlohmann's what() is "[json.exception.parse_error.101] parse error at line 1, column 6:
/// syntax error while parsing value - ..."; keep the part after the position.
std::string_view strip_nlohmann_prefix(std::string_view what) {
    auto const column = what.find("column ");
    if (column != std::string_view::npos) {
        auto const colon = what.find(": ", column);
        if (colon != std::string_view::npos)
            return what.substr(colon + 2);
    }
    auto const bracket = what.find("] ");
    return bracket == std::string_view::npos ? what : what.substr(bracket + 2);
}

void write_canonical_to(std::string& out, JsonNode const& node,
                        bool (*drop_member)(std::string_view)) {
    switch (node.kind) {
    case JsonNode::Kind::null:
        out += "null";
        return;
    case JsonNode::Kind::boolean:
        out += node.boolean ? "true" : "false";
        return;
    case JsonNode::Kind::number:
        out += node.text;
        return;
    case JsonNode::Kind::string:
        append_json_string(out, node.text);
        return;
    case JsonNode::Kind::array: {
        out += '[';
        for (std::size_t i = 0; i < node.items.size(); ++i) {
            if (i > 0)
                out += ',';
            write_canonical_to(out, node.items[i], drop_member);
        }
        out += ']';
        return;
    }
    case JsonNode::Kind::object: {
        // Objects in cases have a handful of members: the order fits on the stack.
        boost::container::small_vector<std::size_t, 16> order(node.keys.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(),
                  [&](std::size_t a, std::size_t b) { return node.keys[a] < node.keys[b]; });
        out += '{';
        bool first = true;
        for (std::size_t i : order) {
            if (drop_member != nullptr && drop_member(node.keys[i]))
                continue;
            if (!first)
                out += ',';
            first = false;
            append_json_string(out, node.keys[i]);
            out += ':';
            write_canonical_to(out, node.items[i], drop_member);
        }
        out += '}';
        return;
    }
    }
}

} // namespace

JsonParseResult parse_json_tree(std::string_view text, std::size_t max_depth) {
    if (auto root = parse_json_tree_fast(text, max_depth)) {
        JsonParseResult result;
        result.root = std::move(root);
        return result;
    }
    return parse_json_tree_with_nlohmann(text, max_depth);
}

JsonParseResult parse_json_tree_with_nlohmann(std::string_view text, std::size_t max_depth) {
    JsonParseResult result;
    TreeBuilder builder(max_depth);
    bool const ok = nlohmann::json::sax_parse(text.begin(), text.end(), &builder,
                                              nlohmann::json::input_format_t::json,
                                              /*strict=*/true, /*ignore_comments=*/false);
    if (ok && builder.root()) {
        result.root = std::move(builder.root());
        result.duplicates = std::move(builder.duplicates());
    } else if (builder.too_deep()) {
        result.error =
            located(text, too_deep_offset(text, max_depth),
                    "arrays and objects nested more than " + std::to_string(max_depth) + " deep");
    } else {
        // nlohmann reports the number of bytes read; the offending byte is the last one read.
        std::size_t const position = builder.error_position();
        result.error = located(text, position > 0 ? position - 1 : 0,
                               strip_nlohmann_prefix(builder.error_what()));
    }
    return result;
}

std::string write_canonical(JsonNode const& node, bool (*drop_member)(std::string_view name)) {
    std::string out;
    out.reserve(1024); // a case's size: the text is not copied four times as it grows
    write_canonical_to(out, node, drop_member);
    return out;
}

} // namespace billijk::io
