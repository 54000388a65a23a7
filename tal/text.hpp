// A bounded text buffer for messages (no libc, no heap): appends truncate.
#pragma once

#include "tal/types.hpp"

namespace ktal {

template <usize N>
struct Text {
    char buf[N] = {};
    usize len = 0;

    Text &add(const char *s) {
        while (s && *s && len + 1 < N) buf[len++] = *s++;
        buf[len] = 0;
        return *this;
    }
    Text &add(char c) {
        if (len + 1 < N) buf[len++] = c;
        buf[len] = 0;
        return *this;
    }
    Text &dec(i64 v) {
        if (v < 0) {
            add('-');
            return udec(0 - static_cast<u64>(v));
        }
        return udec(static_cast<u64>(v));
    }
    Text &udec(u64 v) {
        char tmp[24];
        int n = 0;
        do tmp[n++] = static_cast<char>('0' + v % 10);
        while ((v /= 10) != 0);
        while (n) add(tmp[--n]);
        return *this;
    }
    const char *c_str() const { return buf; }
    void clear() {
        len = 0;
        buf[0] = 0;
    }
};

} // namespace ktal
