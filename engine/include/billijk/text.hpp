// Text: a string of an explanation node that is either its own or borrowed from whatever
// produced it. The evaluator borrows the names, citations, labels and expressions of the rule
// set's declarations instead of copying them into every node, which cost 8% of an explained
// indication (docs/decisions/0004-explanations-borrow-texts.md). A reference count per text
// would not do: two workers indicating under the same rules would contend for it on every node.
//
//   Text own = std::string("hourly_rate");     // owns a copy (allocated, even when short)
//   Text seen = Text::borrow(decl.meta.cites);  // views decl.meta.cites, copies nothing
//   out += seen;                                // reads as a std::string_view
//   std::string copy(seen);                     // or seen.str()
//
// A borrowed text is valid as long as what it views: an explanation made by the evaluator keeps
// the rule set it borrows from alive (ProvisionResult::rule_set).
#pragma once

#include <compare>
#include <cstddef>
#include <cstring>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace billijk {

class Text {
  public:
    Text() = default;
    Text(std::string_view text) { own(text); }
    Text(std::string const& text) { own(text); }
    Text(char const* text) { own(text); }
    Text(Text const& other) {
        if (other.owned())
            own(other.view());
        else
            data_ = other.data_, size_ = other.size_;
    }
    Text(Text&& other) noexcept
        : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}
    Text& operator=(Text const& other) {
        if (this != &other)
            *this = Text(other);
        return *this;
    }
    Text& operator=(Text&& other) noexcept {
        if (this != &other) {
            release();
            data_ = std::exchange(other.data_, nullptr);
            size_ = std::exchange(other.size_, 0);
        }
        return *this;
    }
    ~Text() { release(); }

    /// Views `text` without copying it; the caller keeps it alive and unchanged while this Text
    /// or a copy of it is read.
    static Text borrow(std::string_view text) {
        Text t;
        t.data_ = text.data();
        t.size_ = text.size();
        return t;
    }

    /// A string literal ("input"): lives as long as the program (its length is N - 1).
    template <std::size_t N> static Text borrow(char const (&literal)[N]) {
        return borrow(std::string_view(literal, N - 1));
    }
    /// A pointer may be a temporary's c_str(): borrow the string (or a view) it came from.
    template <class Pointer>
    requires std::is_same_v<Pointer, char const*> || std::is_same_v<Pointer, char*>
    static Text borrow(Pointer) = delete;
    /// A temporary would be gone before the view is read.
    static Text borrow(std::string&&) = delete;

    std::string_view view() const { return {data_, size_ & ~owned_bit}; }
    operator std::string_view() const { return view(); }
    std::string str() const { return std::string(view()); }
    bool empty() const { return view().empty(); }
    std::size_t size() const { return view().size(); }
    char const* data() const { return data_; }
    auto begin() const { return view().begin(); }
    auto end() const { return view().end(); }
    bool borrowed() const { return data_ && !owned(); }

    friend bool operator==(Text const& a, Text const& b) { return a.view() == b.view(); }
    template <class S>
    requires(std::is_convertible_v<S const&, std::string_view> &&
             !std::is_same_v<std::remove_cvref_t<S>, Text>) friend bool
    operator==(Text const& a, S const& b) {
        return a.view() == std::string_view(b);
    }
    friend std::strong_ordering operator<=>(Text const& a, Text const& b) {
        return a.view() <=> b.view();
    }
    /// Concatenation gives a std::string, as with two std::strings.
    friend std::string operator+(std::string left, Text const& right) {
        left += right.view();
        return left;
    }
    friend std::string operator+(Text const& left, std::string_view right) {
        std::string out(left.view());
        out += right;
        return out;
    }
    friend std::string operator+(Text const& left, char right) {
        std::string out(left.view());
        out += right;
        return out;
    }
    friend std::ostream& operator<<(std::ostream& out, Text const& t) { return out << t.view(); }

  private:
    // A pointer and a size (16 bytes, not a std::string's 32 plus a view): an explanation node
    // has eight texts. The size's top bit marks characters this Text allocated and frees.
    static constexpr std::size_t owned_bit = std::size_t{1} << (sizeof(std::size_t) * 8 - 1);

    bool owned() const { return (size_ & owned_bit) != 0; }
    void own(std::string_view text) {
        if (text.empty())
            return; // nothing to own: an empty view
        char* copy = new char[text.size()];
        std::memcpy(copy, text.data(), text.size());
        data_ = copy;
        size_ = text.size() | owned_bit;
    }
    void release() {
        if (owned())
            delete[] data_;
        data_ = nullptr;
        size_ = 0;
    }

    char const* data_ = nullptr;
    std::size_t size_ = 0; ///< with owned_bit when the characters are this Text's own
};

} // namespace billijk
