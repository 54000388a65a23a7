#include "compiler-pass/driver/fallthrough_asm.hpp"

#include <gtest/gtest.h>

using ktal::cc::drop_fallthrough_jumps;
using ktal::cc::FallthroughEdits;

namespace {

struct Edited {
    std::string text;
    FallthroughEdits edits;
};

Edited edit(std::string text) {
    FallthroughEdits e = drop_fallthrough_jumps(text);
    return {text, e};
}

void expect_unchanged(const std::string &text) {
    Edited r = edit(text);
    EXPECT_EQ(r.text, text);
    EXPECT_EQ(r.edits.jumps_to_next + r.edits.jumps_over, 0u);
}

} // namespace

TEST(FallthroughAsm, DropsAGuardsJumpToTheNextBlock) {
    Edited r = edit("\tcmpq\t$8, %rdi\n"
                    "\tja\t.LBB0_9\n"
                    "\tjmp\t.LBB0_2\n"
                    ".LBB0_2:\n"
                    "\tmovq\t(%rdi), %rax\n");
    EXPECT_EQ(r.text, "\tcmpq\t$8, %rdi\n"
                      "\tja\t.LBB0_9\n"
                      ".LBB0_2:\n"
                      "\tmovq\t(%rdi), %rax\n");
    EXPECT_EQ(r.edits.jumps_to_next, 1u);
    EXPECT_EQ(r.edits.jumps_over, 0u);
}

TEST(FallthroughAsm, LooksPastCommentsLocsAndDebugLabels) {
    Edited r = edit("\taddq\t$1, %rax\n"
                    "\tjmp\t.LBB3_4 # comment\n"
                    ".Ltmp12:\n"
                    "\t.loc\t1 7 3\n"
                    "\n"
                    "# %bb.3:\n"
                    ".LBB3_4:                # in Loop\n"
                    "\tretq\n");
    EXPECT_EQ(r.edits.jumps_to_next, 1u);
    EXPECT_EQ(r.text.find("jmp"), std::string::npos);
}

TEST(FallthroughAsm, InvertsAConditionalJumpOverAJump) {
    Edited r = edit("\tcmpl\t%esi, %edi\n"
                    "\tjl\t.LBB1_3\n"
                    "\tjmp\t.LBB1_7\n"
                    ".LBB1_3:\n"
                    "\tretq\n");
    EXPECT_EQ(r.text, "\tcmpl\t%esi, %edi\n"
                      "\tjge\t.LBB1_7\n"
                      ".LBB1_3:\n"
                      "\tretq\n");
    EXPECT_EQ(r.edits.jumps_over, 1u);
}

TEST(FallthroughAsm, EveryConditionHasItsInverse) {
    const char *pairs[][2] = {{"jo", "jno"}, {"jb", "jae"}, {"je", "jne"}, {"jbe", "ja"},
                              {"js", "jns"}, {"jp", "jnp"}, {"jl", "jge"}, {"jle", "jg"}};
    for (const auto &p : pairs) {
        for (int k = 0; k < 2; ++k) {
            Edited r = edit(std::string("\t") + p[k] + "\t.L1\n\tjmp\t.L2\n.L1:\n\tretq\n");
            EXPECT_EQ(r.text, std::string("\t") + p[1 - k] + "\t.L2\n.L1:\n\tretq\n") << p[k];
        }
    }
}

TEST(FallthroughAsm, KeepsAJumpThatIsItsBlocksOnlyInstruction) {
    // An empty block would share its address with the next one.
    expect_unchanged("\tja\t.LBB0_9\n"
                     ".LBB0_5:\n"
                     "\tjmp\t.LBB0_6\n"
                     ".LBB0_6:\n"
                     "\tretq\n"
                     "\tjne\t.LBB0_9\n"
                     "# %bb.7:\n"
                     "\tjmp\t.LBB0_8\n"
                     ".LBB0_8:\n"
                     "\tretq\n");
}

TEST(FallthroughAsm, KeepsJumpsOverBytesAndJumpsOutOfTheFunction) {
    // Alignment or another instruction between the jump and its target; an
    // indirect jump, also after a jcc; a jump to a function (falling into it
    // would be a fall-through off the end of this one, which the verifier
    // refuses).
    expect_unchanged("\tnop\n"
                     "\tjmp\t.LBB0_2\n"
                     "\t.p2align\t4, 0x90\n"
                     ".LBB0_2:\n"
                     "\tnop\n"
                     "\tjmp\t.LBB0_4\n"
                     "\tretq\n"
                     ".LBB0_4:\n"
                     "\tnop\n"
                     "\tjmp\t*%rax\n"
                     "\tjne\t.LBB0_5\n"
                     "\tjmp\t*%rax\n"
                     ".LBB0_5:\n"
                     "\tnop\n"
                     "\tjmp\tfoo\n"
                     "\t.cfi_endproc\n"
                     "foo:\n"
                     "\tretq\n");
}

TEST(FallthroughAsm, MakesBothEditsInOneFunction) {
    Edited r = edit("\tjl\t.L3\n"
                    "\tjmp\t.L7\n"
                    ".L3:\n"
                    "\tcmpl\t$1, %edi\n"
                    "\tjmp\t.L7\n"
                    ".L7:\n"
                    "\tretq\n");
    EXPECT_EQ(r.text, "\tjge\t.L7\n"
                      ".L3:\n"
                      "\tcmpl\t$1, %edi\n"
                      ".L7:\n"
                      "\tretq\n");
    EXPECT_EQ(r.edits.jumps_over, 1u);
    EXPECT_EQ(r.edits.jumps_to_next, 1u);
}
