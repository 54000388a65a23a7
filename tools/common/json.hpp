// A minimal streaming JSON writer for the tools' --json output.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ktal::json {

class Writer {
  public:
    Writer &begin_object() { return open('{'); }
    Writer &end_object() { return close('}'); }
    Writer &begin_array() { return open('['); }
    Writer &end_array() { return close(']'); }
    Writer &key(std::string_view k) {
        comma();
        string(k);
        out_ += ':';
        after_key_ = true;
        return *this;
    }
    Writer &value(std::string_view s) { return comma(), string(s), *this; }
    Writer &value(const char *s) { return value(std::string_view(s)); }
    Writer &value(bool b) { return comma(), out_ += b ? "true" : "false", *this; }
    Writer &value(std::int64_t v) { return comma(), out_ += std::to_string(v), *this; }
    Writer &value(std::uint64_t v) { return comma(), out_ += std::to_string(v), *this; }
    Writer &value(int v) { return value(static_cast<std::int64_t>(v)); }
    Writer &value(unsigned v) { return value(static_cast<std::uint64_t>(v)); }
    Writer &value(unsigned long long v) { return value(static_cast<std::uint64_t>(v)); }
    Writer &value(double v) { return comma(), out_ += std::to_string(v), *this; }
    Writer &null() { return comma(), out_ += "null", *this; }
    template <typename T>
    Writer &field(std::string_view k, const T &v) {
        return key(k).value(v);
    }
    const std::string &str() const { return out_; }

  private:
    Writer &open(char c) {
        comma();
        out_ += c;
        first_ = true;
        return *this;
    }
    Writer &close(char c) {
        out_ += c;
        first_ = false;
        return *this;
    }
    void comma() {
        if (after_key_) {
            after_key_ = false;
            return;
        }
        if (!first_ && !out_.empty()) out_ += ',';
        first_ = false;
    }
    void string(std::string_view s) {
        out_ += '"';
        for (unsigned char c : s) {
            switch (c) {
            case '"': out_ += "\\\""; break;
            case '\\': out_ += "\\\\"; break;
            case '\n': out_ += "\\n"; break;
            case '\t': out_ += "\\t"; break;
            case '\r': out_ += "\\r"; break;
            default:
                if (c < 0x20) {
                    static const char hex[] = "0123456789abcdef";
                    out_ += "\\u00";
                    out_ += hex[c >> 4];
                    out_ += hex[c & 15];
                } else {
                    out_ += static_cast<char>(c);
                }
            }
        }
        out_ += '"';
    }
    std::string out_;
    bool first_ = true;
    bool after_key_ = false;
};

} // namespace ktal::json
