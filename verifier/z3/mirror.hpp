// Verifier code that is not written over a number type (transfer.cpp's
// rule_bits, operands.cpp's write_reg), mirrored here line for line as
// templates over N, so that the rule proofs can run it on symbolic numbers.
// A copy can drift from the code it mirrors: a change to either side must
// be made to both (nothing yet tests them against each other).
#pragma once

#include "verifier/interval.hpp"

namespace ktal {

// write_reg at 4 bytes: a value that fits is kept, any other is [0, 2^32).
template <class N>
typename N::Val write32_mirror(const typename N::Val &v) {
    using U = typename N::U;
    return N::when(
        v.umax <= U(0xffffffffull), [&] { return v; },
        [&] { return N::urange(U(0), U(0xffffffffull)); });
}

// write_reg at 1 or 2 bytes (not ah..bh) of an int v into a register that
// holds the int old.
template <class N>
typename N::Val merge_mirror(const typename N::Val &old, const typename N::Val &v, u8 size) {
    using U = typename N::U;
    u64 m = width_mask(size);
    return N::when(
        old.umax <= U(m), [&] { return v; },
        [&] {
            return N::when(
                old.is_const(),
                [&] {
                    U upper = old.umin & U(~m);
                    return N::urange(upper + v.umin, upper + v.umax);
                },
                [&] { return N::top(); });
        });
}

// rule_bits for bsf, bsr, tzcnt r, r/m (w = 4 or 8) of an int source into a
// register holding the int old: the register's value afterwards.
template <class N>
typename N::Val bitscan_mirror(bool tzcnt, const typename N::Val &old, const typename N::Val &src,
                               u8 w) {
    using U = typename N::U;
    typename N::Val r = N::urange(U(0), U(tzcnt ? 8u * w : 8u * w - 1));
    U lo = low_u<N>(N::as_int(src), w).lo;
    // The old destination as read_op reads it at w bytes (read_reg: its low
    // bytes' unsigned bounds), joined in when the source may be 0.
    typename N::Val a = w < 8 ? low_bytes<N>(old, w) : old;
    typename N::Val v = N::when(lo == U(0), [&] { return N::join(a, r); }, [&] { return r; });
    if (w != 4) return v;
    // A 32-bit scan of 0 may also keep the whole old register.
    typename N::Val v4 = write32_mirror<N>(v);
    return N::when(lo == U(0), [&] { return N::join(old, v4); }, [&] { return v4; });
}

} // namespace ktal
