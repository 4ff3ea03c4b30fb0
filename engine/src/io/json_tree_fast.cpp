#include "io/json_tree_fast.hpp"

#include "io/json_scan.hpp"

#include <charconv>
#include <cstdint>

namespace billijk::io {

namespace {

constexpr std::size_t max_members_searched = 64;
/// Room made for an object's members when it has any: cases and indications have objects of two
/// to ten members. A smaller object wastes a few hundred bytes for as long as its tree lives.
constexpr std::size_t members_expected = 8;
/// A double holds integers of up to 308 digits (1.8e308); fewer are always finite.
constexpr std::size_t max_integer_digits = 300;

class FastParser {
  public:
    FastParser(std::string_view text, std::size_t max_depth) : text_(text), max_depth_(max_depth) {}

    std::optional<JsonNode> document() {
        JsonNode root;
        skip_space();
        if (!value(root, 0))
            return std::nullopt;
        skip_space();
        if (at_ != text_.size())
            return std::nullopt;
        return root;
    }

  private:
    bool more() const { return at_ < text_.size(); }
    char peek() const { return text_[at_]; }

    void skip_space() {
        while (more()) {
            char const c = peek();
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
                return;
            ++at_;
        }
    }

    bool literal(std::string_view word) {
        if (text_.substr(at_, word.size()) != word)
            return false;
        at_ += word.size();
        return true;
    }

    bool value(JsonNode& out, std::size_t depth) {
        if (!more())
            return false;
        switch (peek()) {
        case '{':
            return object(out, depth + 1);
        case '[':
            return array(out, depth + 1);
        case '"':
            out.kind = JsonNode::Kind::string;
            return string(out.text);
        case 't':
            out.kind = JsonNode::Kind::boolean;
            out.boolean = true;
            return literal("true");
        case 'f':
            out.kind = JsonNode::Kind::boolean;
            out.boolean = false;
            return literal("false");
        case 'n':
            out.kind = JsonNode::Kind::null;
            return literal("null");
        default:
            out.kind = JsonNode::Kind::number;
            return number(out.text);
        }
    }

    /// Past the opening bracket of a container: false (`empty` unset) when it nests too deep;
    /// `empty` when `close` follows at once (and is passed).
    bool open(std::size_t depth, char close, bool& empty) {
        if (depth > max_depth_)
            return false;
        ++at_;
        skip_space();
        empty = more() && peek() == close;
        at_ += empty ? 1 : 0;
        return true;
    }

    /// After a member or element: `done` at `close`, or on at ',' (and the space after it);
    /// false at anything else.
    bool separator(char close, bool& done) {
        skip_space();
        if (!more())
            return false;
        char const c = text_[at_++];
        done = c == close;
        if (!done && c != ',')
            return false;
        skip_space();
        return true;
    }

    bool object(JsonNode& out, std::size_t depth) {
        out.kind = JsonNode::Kind::object;
        bool done = false;
        if (!open(depth, '}', done))
            return false;
        if (!done) {
            // Room for the members at once, instead of growing (and moving the members
            // already read) at two, four and eight.
            out.keys.reserve(members_expected);
            out.items.reserve(members_expected);
        }
        while (!done) {
            if (!more() || peek() != '"')
                return false;
            std::string key;
            if (!string(key))
                return false;
            // A repeated key is nlohmann's to report (with the object's path); so is an object
            // too large to search for one member by member (its parser keeps a set).
            if (out.keys.size() >= max_members_searched)
                return false;
            for (auto const& seen : out.keys)
                if (seen == key)
                    return false;
            skip_space();
            if (!more() || peek() != ':')
                return false;
            ++at_;
            skip_space();
            out.keys.push_back(std::move(key));
            if (!value(out.items.emplace_back(), depth) || !separator('}', done))
                return false;
        }
        return true;
    }

    bool array(JsonNode& out, std::size_t depth) {
        out.kind = JsonNode::Kind::array;
        bool done = false;
        if (!open(depth, ']', done))
            return false;
        while (!done)
            if (!value(out.items.emplace_back(), depth) || !separator(']', done))
                return false;
        return true;
    }

    bool string(std::string& out) {
        ++at_;                 // '"'
        std::size_t run = at_; // start of the bytes not yet copied
        while (true) {
            at_ = first_special(text_, at_); // plain bytes are skipped 16 at a time
            if (!more())
                return false;
            auto const c = static_cast<unsigned char>(peek());
            if (c == '"') {
                out.append(text_.substr(run, at_ - run));
                ++at_;
                return true;
            }
            if (c < 0x20U)
                return false;
            if (c == '\\') {
                out.append(text_.substr(run, at_ - run));
                if (at_ + 1 >= text_.size())
                    return false;
                char const escaped = text_[at_ + 1];
                switch (escaped) {
                case '"':
                case '\\':
                case '/':
                    out += escaped;
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                default: // \u (and surrogate pairs) are nlohmann's
                    return false;
                }
                at_ += 2;
                run = at_;
                continue;
            }
            if (c < 0x80U) { // a candidate that needs nothing (first_special)
                ++at_;
                continue;
            }
            std::size_t const length = utf8_sequence(text_, at_);
            if (length == 0)
                return false;
            at_ += length;
        }
    }

    static bool digit(char c) { return c >= '0' && c <= '9'; }

    /// RFC 8259 number; the text as written, as the tree builder keeps it for nlohmann's
    /// numbers (an integer is written back from its value, which is the same text but for "-0").
    bool number(std::string& out) {
        std::size_t const start = at_;
        if (more() && peek() == '-')
            ++at_;
        if (!more() || !digit(peek()))
            return false;
        std::size_t const digits_start = at_;
        if (peek() == '0') {
            ++at_;
        } else {
            while (more() && digit(peek()))
                ++at_;
        }
        std::size_t const integer_digits = at_ - digits_start;
        bool integer = true;
        bool exponent = false;
        if (more() && peek() == '.') {
            integer = false;
            ++at_;
            if (!more() || !digit(peek()))
                return false;
            while (more() && digit(peek()))
                ++at_;
        }
        if (more() && (peek() == 'e' || peek() == 'E')) {
            integer = false;
            exponent = true;
            ++at_;
            if (more() && (peek() == '+' || peek() == '-'))
                ++at_;
            if (!more() || !digit(peek()))
                return false;
            while (more() && digit(peek()))
                ++at_;
        }
        std::string_view const token = text_.substr(start, at_ - start);
        char const* const first = token.data();
        char const* const last = token.data() + token.size();
        if (integer) {
            if (token == "-0")
                return false;
            // Beyond 64 bits nlohmann reads the integer as a double: its way, not ours.
            bool fits = false;
            if (token.front() == '-') {
                std::int64_t v = 0;
                fits = std::from_chars(first, last, v).ec == std::errc{};
            } else {
                std::uint64_t v = 0;
                fits = std::from_chars(first, last, v).ec == std::errc{};
            }
            if (!fits)
                return false;
        } else if (exponent || integer_digits > max_integer_digits) {
            // nlohmann refuses a number whose double is not finite ("1e999", or 400 digits), and
            // reads an underflowing one as 0: an exponent, or that many digits, is its to read.
            // Below the limit a fraction without exponent is always a finite double, so no
            // binary floating point is needed here.
            return false;
        }
        out.assign(token);
        return true;
    }

    std::string_view text_;
    std::size_t max_depth_;
    std::size_t at_ = 0;
};

} // namespace

std::optional<JsonNode> parse_json_tree_fast(std::string_view text, std::size_t max_depth) {
    return FastParser(text, max_depth).document();
}

} // namespace billijk::io
