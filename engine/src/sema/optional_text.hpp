// OptionalText: a string member that is empty in most values. A number or a boolean has no text
// and a non-enumeration type no enumeration name, yet a std::string member costs a call to
// memcpy on every move and copy of the value that holds it, and values are moved at every step
// of an evaluation. An empty OptionalText is a null pointer: moved and copied for free. A
// non-empty one owns its string, and copying it allocates, as copying a long std::string
// would; or it borrows a string that outlives it (OptionalText::borrow), and so do its copies.
// The evaluator borrows the texts of the program's literals and of the case: an enumeration
// value was two allocations at every copy (half the allocations of an indication).
//
//   sema::OptionalText t = std::string("informal");
//   std::string const& s = t;      // reads as a std::string
//   t == "informal";                // true
//   auto v = sema::OptionalText::borrow(request.form);   // views request.form; copies do too
#pragma once

#include <compare>
#include <string>
#include <string_view>
#include <utility>

namespace billijk::sema {

class OptionalText {
  public:
    OptionalText() = default;
    OptionalText(std::string text) { assign(std::move(text)); }
    OptionalText(std::string_view text) { assign(std::string(text)); }
    OptionalText(char const* text) { assign(std::string(text)); }
    OptionalText(OptionalText const& other) { copy_from(other); }
    OptionalText(OptionalText&& other) noexcept
        : text_(std::exchange(other.text_, nullptr)), owned_(std::exchange(other.owned_, false)) {}
    OptionalText& operator=(OptionalText const& other) {
        if (this != &other) {
            release();
            copy_from(other);
        }
        return *this;
    }
    OptionalText& operator=(OptionalText&& other) noexcept {
        if (this != &other) {
            release();
            text_ = std::exchange(other.text_, nullptr);
            owned_ = std::exchange(other.owned_, false);
        }
        return *this;
    }
    ~OptionalText() { release(); }

    /// Views `text` without copying it, as every copy of the result does: `text` must outlive
    /// them all, unchanged.
    static OptionalText borrow(std::string const& text) {
        OptionalText out;
        out.text_ = text.empty() ? nullptr : &text;
        return out;
    }
    /// A temporary would be gone before the view is read.
    static OptionalText borrow(std::string&&) = delete;
    /// Views the text of `other` (see above).
    static OptionalText borrow(OptionalText const& other) {
        OptionalText out;
        out.text_ = other.text_;
        return out;
    }
    /// Whether this views a string it does not own.
    bool borrowed() const { return text_ && !owned_; }

    OptionalText& operator=(std::string text) {
        assign(std::move(text));
        return *this;
    }
    OptionalText& operator=(char const* text) {
        assign(std::string(text));
        return *this;
    }

    std::string const& str() const { return text_ ? *text_ : empty_string(); }
    operator std::string const&() const { return str(); }
    operator std::string_view() const { return str(); }
    bool empty() const { return !text_; }
    std::size_t size() const { return text_ ? text_->size() : 0; }

    friend bool operator==(OptionalText const& a, OptionalText const& b) {
        return a.str() == b.str();
    }
    friend bool operator==(OptionalText const& a, std::string_view b) { return a.str() == b; }
    friend bool operator==(OptionalText const& a, std::string const& b) { return a.str() == b; }
    friend bool operator==(OptionalText const& a, char const* b) { return a.str() == b; }
    friend std::strong_ordering operator<=>(OptionalText const& a, OptionalText const& b) {
        return a.str().compare(b.str()) <=> 0;
    }
    friend std::string operator+(std::string const& a, OptionalText const& b) {
        return a + b.str();
    }
    friend std::string operator+(char const* a, OptionalText const& b) { return a + b.str(); }
    friend std::string operator+(OptionalText const& a, std::string const& b) {
        return a.str() + b;
    }
    friend std::string operator+(OptionalText const& a, char const* b) { return a.str() + b; }

  private:
    void assign(std::string text) {
        release();
        if (!text.empty()) {
            text_ = new std::string(std::move(text));
            owned_ = true;
        }
    }
    void copy_from(OptionalText const& other) {
        if (other.owned_) {
            text_ = new std::string(*other.text_);
            owned_ = true;
        } else {
            text_ = other.text_;
            owned_ = false;
        }
    }
    void release() {
        if (owned_)
            delete text_;
        text_ = nullptr;
        owned_ = false;
    }
    /// What an empty text reads as: a constant, never written.
    static std::string const& empty_string() {
        static std::string const empty;
        return empty;
    }

    std::string const* text_ = nullptr; ///< null: empty
    bool owned_ = false;                ///< whether this deletes text_
};

} // namespace billijk::sema
