// Branches llc leaves for a layout successor, made cheaper in place. llc runs
// without branch folding (it would reorder blocks, and the fuel rule needs
// loop back edges to stay the backward jumps), so after most conditional
// branches it leaves a `jmp`: to the very next instruction (one taken jump
// per guard on a program's hot paths), or over the `jcc` that jumped over it
// (`jcc L; jmp X; L:`, one taken jump whichever way the test goes). Every
// rewrite keeps every address, and the verifier sees the same edges.
#pragma once

#include "tal/types.hpp"

#include <vector>

namespace ktal::certify {

struct FallthroughRewrites {
    usize jumps_to_next = 0; // jmp to the next instruction -> a NOP of its length
    usize jumps_over = 0;    // jcc L; jmp X; L: -> j!cc X, NOPs up to L
};

// Rewrites the image's text in place. Decodes the text from its start; stops
// at the first byte sequence it cannot decode (the certifier reports that
// later). A `jmp` that some branch targets is left alone.
FallthroughRewrites rewrite_fallthrough_jumps(std::vector<u8> &elf);

} // namespace ktal::certify
