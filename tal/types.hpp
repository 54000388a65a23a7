// Fixed-width integers and limits without any standard header: this code is
// compiled into ktal.ko as well as into user space.
#pragma once

namespace ktal {

using u8 = __UINT8_TYPE__;
using u16 = __UINT16_TYPE__;
using u32 = __UINT32_TYPE__;
using u64 = __UINT64_TYPE__;
using i8 = __INT8_TYPE__;
using i32 = __INT32_TYPE__;
using i64 = __INT64_TYPE__;
using usize = __SIZE_TYPE__;

inline constexpr i64 kI64Max = __INT64_MAX__;
inline constexpr i64 kI64Min = -__INT64_MAX__ - 1;
inline constexpr u64 kU64Max = __UINT64_MAX__;

template <typename T>
constexpr T min_of(T a, T b) {
    return a < b ? a : b;
}
template <typename T>
constexpr T max_of(T a, T b) {
    return a < b ? b : a;
}

inline void copy_bytes(void *dst, const void *src, usize n) {
    __builtin_memcpy(dst, src, n);
}
inline void zero_bytes(void *dst, usize n) {
    __builtin_memset(dst, 0, n);
}

} // namespace ktal
