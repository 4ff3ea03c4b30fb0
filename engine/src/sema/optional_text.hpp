// OptionalText: a string member that is empty in most values. A number or a boolean has no text
// and a non-enumeration type no enumeration name, yet a std::string member costs a call to
// memcpy on every move and copy of the value that holds it, and values are moved at every step
// of an evaluation. An empty OptionalText is a null pointer: moved and copied for free. A
// non-empty one owns its string; copying it allocates, as copying a long std::string would.
//
//   sema::OptionalText t = std::string("informal");
//   std::string const& s = t;      // reads as a std::string
//   t == "informal";                // true
#pragma once

#include <compare>
#include <memory>
#include <string>
#include <string_view>

namespace billijk::sema {

class OptionalText {
  public:
    OptionalText() = default;
    OptionalText(std::string text) { assign(std::move(text)); }
    OptionalText(std::string_view text) { assign(std::string(text)); }
    OptionalText(char const* text) { assign(std::string(text)); }
    OptionalText(OptionalText const& other)
        : text_(other.text_ ? std::make_unique<std::string>(*other.text_) : nullptr) {}
    OptionalText(OptionalText&&) noexcept = default;
    OptionalText& operator=(OptionalText const& other) {
        if (this != &other)
            text_ = other.text_ ? std::make_unique<std::string>(*other.text_) : nullptr;
        return *this;
    }
    OptionalText& operator=(OptionalText&&) noexcept = default;
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
        text_ = text.empty() ? nullptr : std::make_unique<std::string>(std::move(text));
    }
    /// What an empty text reads as: a constant, never written.
    static std::string const& empty_string() {
        static std::string const empty;
        return empty;
    }

    std::unique_ptr<std::string> text_;
};

} // namespace billijk::sema
