// Random small programs for the verifier and the prover to judge: one
// function with a 48-byte frame of data slots, then a few dozen instructions
// drawn from what the typing rules treat most finely (stack and sandbox
// accesses of every width at exact and variable offsets, pointer and data
// arithmetic, flags read by setcc, cmov and forward branches, push and pop,
// division, the second-byte registers, bit tests, double shifts, one-operand
// multiplies, rep stos and movs) with a safe-stack address, the caller's
// rbx, rbp or r12 or an
// unwritten slot now and then among the operands, and at the end a few
// registers stored to the sandbox. Half the forward branches land on a
// certified block with a random claimed state (registers, the slots written
// at the start, flags, a fact), which the edges must entail. Whatever the
// verifier accepts, the prover must prove: a refutation is a hole in one of
// them.
#pragma once

#include "tal/types.hpp"

#include <string>

namespace ktal::test {

// Program `index` of `seed`, as the text of a test case (tests/support/case_builder.hpp).
std::string random_program(u64 seed, u64 index);

} // namespace ktal::test
