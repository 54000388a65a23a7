// Memory from a caller-given buffer: the verifier never allocates on its own.
// Exhaustion is an ordinary, reported outcome (the input was too large).
#pragma once

#include "tal/types.hpp"

namespace ktal {

class Arena {
  public:
    Arena(void *mem, usize size) : base_(static_cast<u8 *>(mem)), size_(size) {}

    // Zeroed memory for n objects of a trivial type T, or nullptr.
    template <typename T>
    T *alloc(usize n) {
        if (n > (size_ - used_) / sizeof(T) + 1) return nullptr;
        usize start = (used_ + alignof(T) - 1) & ~(alignof(T) - 1);
        usize bytes = n * sizeof(T);
        if (start > size_ || bytes > size_ - start) return nullptr;
        used_ = start + bytes;
        if (used_ > high_) high_ = used_;
        zero_bytes(base_ + start, bytes);
        return reinterpret_cast<T *>(base_ + start);
    }

    usize mark() const { return used_; }
    void release(usize mark) { used_ = mark; }
    usize high_water() const { return high_; }

  private:
    u8 *base_;
    usize size_;
    usize used_ = 0;
    usize high_ = 0;
};

} // namespace ktal
