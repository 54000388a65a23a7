// Branch refinement (see refine.cpp).
#pragma once

#include "tal/cert.hpp"

namespace ktal {

// Narrows s as if condition `cc` (x86 encoding; cc ^ 1 is its negation) holds.
// False when it cannot hold: that edge is never taken. The layout bounds
// where pointers can be compared like their offsets.
bool refine(State &s, u8 cc, const Layout &l);

} // namespace ktal
