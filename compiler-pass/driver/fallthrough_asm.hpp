// Branches llc leaves for a layout successor, removed from its assembly before
// it is assembled. llc runs without branch folding (it would reorder blocks,
// and the fuel rule needs loop back edges to stay the backward jumps), so
// after most conditional branches it leaves a `jmp`: to the very next block
// (a guard's `ja trap; jmp next`), or over the block the `jcc` jumps to
// (`jcc L; jmp X; L:`). Removed here, before anything has an address, they
// cost neither a taken jump nor a NOP's decode slot, and the code shrinks.
// Every edge between blocks stays: the verifier sees the same graph.
#pragma once

#include "tal/types.hpp"

#include <string>

namespace ktal::cc {

struct FallthroughEdits {
    usize jumps_to_next = 0; // jmp L; L:            -> L:
    usize jumps_over = 0;    // jcc L; jmp X; L:     -> j!cc X; L:
};

// Edits llc's AT&T assembly in place. Only a `jmp` to a local label (.L, a
// block of the same function) that is not its block's first instruction
// goes (a block is never left empty), and only when nothing but labels,
// comments and `.loc`/`.cfi_` directives (no bytes) lies between it and its
// target.
FallthroughEdits drop_fallthrough_jumps(std::string &assembly);

} // namespace ktal::cc
