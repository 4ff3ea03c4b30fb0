// JsonWriter: writes JSON text straight into a string, byte for byte as nlohmann::json's
// dump(indent, ' ', false, error_handler_t::replace) writes the same document, without building
// a tree first. Building the nlohmann tree of an explained indication and dumping it was most of
// the time of `billijk batch` (bench/, docs/performance.md).
//
// The caller writes object members in sorted key order (nlohmann's objects are std::maps);
// tests/unit/engine/io_json_writer_test.cpp checks the bytes against nlohmann on every golden
// indication and on strings that need escaping.
//
//   JsonWriter w(2);                 // -1: one line, no whitespace
//   w.begin_object();
//   w.key("amount"); w.string("16.00");
//   w.end_object();
//   std::string text = w.take();     // "{\n  \"amount\": \"16.00\"\n}"
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace billijk::io {

/// Appends `text` as a JSON string, quoted and escaped byte for byte as nlohmann::json's dump
/// (error_handler_t::replace: invalid UTF-8 becomes U+FFFD).
void append_json_string(std::string& out, std::string_view text);

class JsonWriter {
  public:
    /// Spaces per level, or -1 for compact output.
    explicit JsonWriter(int indent);
    /// Writes after the text already in `before` (take() returns both): a batch result line
    /// wraps the indication without copying it.
    JsonWriter(int indent, std::string before);

    void begin_object();
    void end_object();
    void begin_array();
    void end_array();
    /// The next member's name; members must come in sorted order.
    void key(std::string_view name);
    void string(std::string_view text);
    /// key(name) and string(text).
    void member(std::string_view name, std::string_view text) {
        key(name);
        string(text);
    }
    void boolean(bool value);
    void integer(std::int64_t value);
    void null();

    /// A value written earlier, to be written again without building it again (a shared
    /// explanation node is printed at every use). Taken right after begin_object() or
    /// begin_array() with start(), completed after the matching end with finish().
    class Written {
      public:
        static Written start(JsonWriter const& w) {
            return {w.out_.size() - 1, w.levels_.size() - 1};
        }
        void finish(JsonWriter const& w) { length_ = w.out_.size() - from_; }

      private:
        friend class JsonWriter;
        Written(std::size_t from, std::size_t depth) : from_(from), depth_(depth) {}
        std::size_t from_, depth_, length_ = 0;
    };
    /// Writes the bytes of `value` again as the next value: the same bytes its members would
    /// give, re-indented when the value now sits at another depth.
    void repeat(Written const& value);

    std::string take() { return std::move(out_); }

  private:
    struct Level {
        bool object = false;
        bool empty = true;
    };
    void before_value();
    void newline_and_indent(std::size_t depth);

    std::string out_;
    std::vector<Level> levels_;
    int indent_;
    bool after_key_ = false;
};

} // namespace billijk::io
