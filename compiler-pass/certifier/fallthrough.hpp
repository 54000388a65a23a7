// Jumps to the very next instruction, rewritten as NOPs of the same length.
// llc runs without branch folding (it would reorder blocks, and the fuel rule
// needs loop back edges to stay the backward jumps), so it leaves a `jmp` to
// the layout successor after most conditional branches — one taken jump per
// guard on a program's hot paths. A NOP of the same length keeps every
// address, and the verifier sees the same edge as a fall-through.
#pragma once

#include "tal/types.hpp"

#include <vector>

namespace ktal::certify {

// Rewrites, in the image's text, each `jmp` whose target is the next
// instruction (EB 00 -> 66 90; E9 00000000 -> 0F 1F 44 00 00). Decodes the
// text from its start; stops at the first byte sequence it cannot decode
// (the certifier reports that later). Returns how many jumps it rewrote.
usize fallthrough_jumps_to_nops(std::vector<u8> &elf);

} // namespace ktal::certify
