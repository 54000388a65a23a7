// Branch refinement (see refine.cpp).
#pragma once

#include "tal/state.hpp"

namespace ktal {

// Narrows s as if condition `cc` (x86 encoding; cc ^ 1 is its negation) holds.
// False when it cannot hold: that edge is never taken.
bool refine(State &s, u8 cc);

} // namespace ktal
