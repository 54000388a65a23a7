#include "tests/prover/random_programs.hpp"

#include <random>
#include <vector>

namespace ktal::test {
namespace {

constexpr int kFrame = 48; // bytes of data slots below the return address (rsp + 0..47)

// The registers a program writes (r9 holds the sandbox buffer's address),
// and those whose values are the caller's.
const char *const kWritable[] = {"rax", "rcx", "rdx", "rsi", "rdi", "r8", "r10", "r11"};
const char *const kSecret[] = {"rbx", "rbp", "r12"};

std::string sized(const std::string &r, int w) {
    static const char *const names[][4] = {
        {"rax", "eax", "ax", "al"},      {"rcx", "ecx", "cx", "cl"},
        {"rdx", "edx", "dx", "dl"},      {"rsi", "esi", "si", "sil"},
        {"rdi", "edi", "di", "dil"},     {"r8", "r8d", "r8w", "r8b"},
        {"r9", "r9d", "r9w", "r9b"},     {"r10", "r10d", "r10w", "r10b"},
        {"r11", "r11d", "r11w", "r11b"}, {"rbx", "ebx", "bx", "bl"},
        {"rbp", "ebp", "bp", "bpl"},     {"r12", "r12d", "r12w", "r12b"}};
    int k = w == 8 ? 0 : w == 4 ? 1 : w == 2 ? 2 : 3;
    for (auto &n : names)
        if (r == n[0]) return n[k];
    return r;
}

const char *ptr(int w) {
    return w == 8 ? "qword ptr " : w == 4 ? "dword ptr " : w == 2 ? "word ptr " : "byte ptr ";
}

class Generator {
  public:
    explicit Generator(u64 seed) : rnd_(seed) {}

    std::string program(const std::string &name) {
        std::vector<std::string> body;
        for (int k = 0; k < kFrame; k += 8)
            if (chance(0.75)) {
                body.push_back("mov qword ptr [rsp + " + num(k) + "], " + pick({"0", "1", "5"}));
                written_ |= 1u << (k / 8);
            }
        // rcx and rdx: small indexes; r9: the sandbox buffer.
        body.insert(body.end(),
                    {"mov ecx, dword ptr [rip + buf + 8]", "and ecx, 3",
                     "mov edx, dword ptr [rip + buf + 12]", "and edx, 7", "lea r9, [rip + buf]"});
        for (const char *r : {"rax", "r8", "r10", "r11"})
            body.push_back(
                pick({"mov " + std::string(r) + ", " + pick({"0", "2", "-5"}),
                      "mov " + std::string(r) + ", " + pick({"0", "2", "-5"}),
                      "lea " + std::string(r) + ", [rsp + " + num(below(kFrame / 8) * 8) + "]",
                      "mov " + sized(r, 4) + ", dword ptr [rip + buf + 4]"}));
        for (int n = 3 + below(13); n > 0; --n) instruction(body);
        for (int n = 1 + below(2); n > 0; --n) {
            std::string r = writable();
            if (chance(0.5))
                body.push_back("mov " + r + ", qword ptr [rsp + " + num(slot(8)) + "]");
            int w = pick<int>({8, 8, 4, 1});
            body.push_back("mov " + std::string(ptr(w)) + "[rip + buf + " +
                           pick({"0", "16", "24"}) + "], " + sized(r, w));
        }
        std::string text = "# random program " + name +
                           "\n# expect: accept\n#| ktal-cert 1\n"
                           "#| layout auto\n#| helpers auto\n#| entry main\n"
                           "#| function main frame=" +
                           num(kFrame + 8) + " bound=" + num(kFrame + 8) + "\n#|   args int int\n" +
                           blocks_ +
                           "        .text\n        .globl main\n"
                           "        .type main,@function\nmain:\n        sub rsp, " +
                           num(kFrame) + "\n";
        for (const std::string &line : body)
            text += (line.back() == ':' ? "" : "        ") + line + "\n";
        return text + "        add rsp, " + num(kFrame) +
               "\n        ret\n        .size main, .-main\n"
               "        .bss\nbuf: .zero 64\n";
    }

  private:
    int below(int n) { return static_cast<int>(rnd_() % static_cast<u64>(n)); }
    bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rnd_) < p; }
    template <class T>
    T pick(std::initializer_list<T> xs) {
        return xs.begin()[below(static_cast<int>(xs.size()))];
    }
    std::string pick(std::initializer_list<const char *> xs) { return pick<const char *>(xs); }
    std::string pick(std::initializer_list<std::string> xs) { return pick<std::string>(xs); }
    static std::string num(long v) { return std::to_string(v); }

    std::string writable() { return kWritable[below(8)]; }
    // An operand: now and then the caller's register, else one of the
    // program's. A copy may move a secret; arithmetic on one is refused, so
    // it gets one rarely (else few programs would be accepted and proved).
    std::string source(bool copy) {
        return chance(copy ? 0.12 : 0.01) ? kSecret[below(3)] : (chance(0.1) ? "r9" : writable());
    }
    int width() { return pick<int>({8, 8, 8, 4, 4, 2, 1}); }
    // A frame offset for w bytes, mostly aligned.
    int slot(int w) {
        int k = below(kFrame - w + 1);
        return chance(0.7) ? k - k % w : k;
    }
    std::string index() { return pick({"rcx", "rdx"}) + "*" + pick({"1", "2", "4", "8"}); }
    std::string memory(int w) {
        double c = std::uniform_real_distribution<double>(0, 1)(rnd_);
        if (c < 0.55) return "[rsp + " + num(slot(w)) + "]";
        if (c < 0.75) return "[rsp + " + index() + " + " + num(below(16)) + "]";
        if (c < 0.9) return "[rip + buf + " + num(below(64 - w)) + "]";
        return "[r9 + " + index() + " + " + num(below(8)) + "]";
    }
    std::string cc() {
        return pick({"e", "ne", "b", "ae", "a", "be", "l", "ge", "g", "le", "s", "ns"});
    }

    void instruction(std::vector<std::string> &out, int depth = 0) {
        double c = std::uniform_real_distribution<double>(0, 1)(rnd_);
        int w = width(), w48 = w == 8 ? 8 : 4;
        std::string d = chance(0.1) ? "r9" : writable();
        std::string s = source(c < 0.14 || (c >= 0.25 && c < 0.37)); // (the copies below)
        if (c < 0.07) {
            out.push_back(
                "mov " + d + ", " +
                pick({"0", "1", "7", "-1", "4096", "1099511627776", "-9223372036854775808"}));
        } else if (c < 0.14) {
            out.push_back("mov " + sized(d, w) + ", " + sized(s, w));
        } else if (c < 0.18) {
            out.push_back("lea " + d + ", [rsp + " + num(below(kFrame / 4 + 3) * 4) + "]");
        } else if (c < 0.21) {
            out.push_back("lea " + d + ", [" + writable() + " + " + writable() + "*" +
                          pick({"1", "2", "4", "8"}) + " + " + num(below(16) - 8) + "]");
        } else if (c < 0.25) {
            out.push_back("and " + sized(d, 4) + ", " +
                          pick({"1", "3", "7", "8", "15", "16", "24", "63"}));
        } else if (c < 0.37) {
            out.push_back("mov " + std::string(ptr(w)) + memory(w) + ", " + sized(s, w));
        } else if (c < 0.47) {
            if (w >= 4)
                out.push_back("mov " + sized(d, w) + ", " + ptr(w) + memory(w));
            else
                out.push_back(pick({"movzx ", "movsx "}) + sized(d, chance(0.5) ? 4 : 8) + ", " +
                              ptr(w) + memory(w));
        } else if (c < 0.55) {
            out.push_back(
                pick({"add ", "sub ", "xor ", "and ", "or ", "adc ", "sbb ", "cmp ", "test "}) +
                sized(d, w) + ", " + sized(s, w));
        } else if (c < 0.59) {
            out.push_back(pick({"add ", "sub ", "xor ", "and ", "or ", "cmp "}) + ptr(w) +
                          memory(w) + ", " + sized(s, w));
        } else if (c < 0.63) {
            if (chance(0.2))
                out.push_back("imul " + sized(d, w48) + ", " + sized(s, w48) + ", " +
                              pick({"3", "-1", "100"}));
            else
                out.push_back(pick({"add ", "sub ", "and ", "or ", "cmp "}) + sized(d, w) + ", " +
                              pick({"1", "5", "127", "-1"}));
        } else if (c < 0.68) {
            int wc = w == 1 ? 2 : w; // 16, 32 or 64 bits: no 8-bit cmov
            out.push_back("cmov" + cc() + " " + sized(d, wc) + ", " + sized(s, wc));
        } else if (c < 0.71) {
            out.push_back("set" + cc() + " " + sized(d, 1));
        } else if (c < 0.75) {
            out.push_back(pick({"shl ", "shr ", "sar ", "rol ", "ror "}) + sized(d, w) + ", " +
                          pick({"1", "3", "cl"}));
        } else if (c < 0.78) {
            out.push_back(pick({"not ", "neg ", "inc ", "dec "}) + sized(d, w));
        } else if (c < 0.82 && depth < 2) { // a forward branch over a few instructions
            // Now and then to a certified block, whose claimed state the
            // joined edges must entail (the claim is drawn at random).
            bool certified = chance(0.5);
            std::string l = (certified ? "blk" : ".L") + num(++labels_);
            out.push_back("cmp " + sized(d, w) + ", " + pick({sized(s, w), "0", "7", "-1", "100"}));
            out.push_back("j" + cc() + " " + l);
            for (int n = 1 + below(3); n > 0; --n) instruction(out, depth + 1);
            out.push_back(l + ":");
            if (certified) {
                blocks_ += "#|   block @" + l + ": " + claim() + "\n";
                out.push_back("lea r9, [rip + buf]"); // (its exact offset has no text form here)
                // Mostly the registers start afresh, so that what follows
                // does not hang on the claims, and the claims are tested.
                if (chance(0.8))
                    for (const char *r : kWritable)
                        out.push_back(std::string(r) == "rcx"   ? "mov ecx, 3"
                                      : std::string(r) == "rdx" ? "mov edx, 5"
                                                                : "mov " + sized(r, 4) + ", 2");
            }
        } else if (c < 0.85 && depth < 2) {
            out.push_back("push " + writable());
            pushed_ += 8;
            instruction(out, depth + 1);
            pushed_ -= 8;
            out.push_back("pop " + writable());
        } else if (c < 0.88) {
            out.push_back(chance(0.3) ? pick({"cdq", "cqo"}) : "movsxd " + d + ", " + sized(s, 4));
        } else if (c < 0.91) {
            out.insert(out.end(), {"mov r8d, dword ptr [rip + buf + 4]", "or r8d, 1",
                                   "mov rax, qword ptr [rip + buf + 8]"});
            if (chance(0.5))
                out.insert(out.end(), {"xor edx, edx", "div r8"});
            else
                out.insert(out.end(), {"cqo", "idiv r8"});
        } else if (c < 0.94) {
            out.push_back(pick({"bsf ", "bsr ", "tzcnt "}) + sized(d, w48) + ", " + sized(s, w48));
        } else if (c < 0.955) { // ah, ch, dh, bh: the second byte of a register
            std::string h = pick({"ah", "ch", "dh", "bh"}),
                        l = pick({"al", "cl", "dl", "bl", "ah", "ch"});
            out.push_back(chance(0.3)   ? "movzx " + pick({"eax", "ecx", "edx"}) + ", " + h
                          : chance(0.5) ? "mov " + h + ", " + l
                                        : pick({"add ", "sub ", "xor ", "cmp "}) + h + ", " + l);
        } else if (c < 0.97) {
            if (chance(0.5))
                out.push_back(pick({"bt ", "bts ", "btr ", "btc "}) + sized(d, w48) + ", " +
                              (chance(0.5) ? sized(s, w48) : num(below(64))));
            else
                out.push_back(pick({"shld ", "shrd "}) + sized(d, w48) + ", " + sized(s, w48) +
                              ", " + pick({"1", "7", "cl"}));
        } else if (c < 0.985) {
            out.push_back(pick({"mul ", "imul "}) +
                          sized(s, chance(0.3) ? 1 : w48)); // 1: ax = al * s
        } else { // rep stos / movs: a count, a destination on the stack or in the sandbox
            int unit = pick<int>({1, 4, 8});
            out.push_back("mov ecx, " + num(below(5)));
            out.push_back(chance(0.7) ? "lea rdi, [rsp + " + num(slot(8)) + "]"
                                      : "lea rdi, [rip + buf + 32]");
            if (chance(0.5)) {
                out.push_back(std::string("rep stos") + (unit == 1 ? "b" : unit == 4 ? "d" : "q"));
            } else {
                out.push_back("lea rsi, [rsp + " + num(slot(8)) + "]");
                out.push_back(std::string("rep movs") + (unit == 1 ? "b" : unit == 4 ? "d" : "q"));
            }
        }
    }

    // A state a certified block may claim: rsp as it is, the caller's
    // registers kept, and for the rest a value, a range, a pointer or nothing.
    std::string claim() {
        std::string c = "rsp=stack[" + num(-kFrame - pushed_) + "] saved";
        // (Mostly claims that hold: a block is accepted only if every one does.)
        for (const char *r : kWritable) {
            std::string v =
                chance(0.6)   ? ""
                : chance(0.7) ? "int"
                : std::string(r) == "rcx" || std::string(r) == "rdx"
                    ? pick({"int[0,3]", "int[0,7]", "u[0,15]"})
                    : pick({"int[0,3]", "int[-5,5]", "u[0,255]", "stack[-48,0]", "sandbox[0,64]"});
            if (!v.empty()) c += " " + std::string(r) + "=" + v;
        }
        for (int k = 0; k < kFrame; k += 8) // the slots written at the start hold data
            if (written_ >> (k / 8) & 1)
                c += " [" + num(k - kFrame) +
                     "]=" + (chance(0.8) ? "int" : pick({"int[0,5]", "int[1,5]", "int[0,1]"}));
        if (chance(0.2)) c += " flags";
        if (chance(0.1)) c += " rcx<=rdx";
        return c;
    }

    std::mt19937_64 rnd_;
    int labels_ = 0;
    int pushed_ = 0;       // bytes pushed where the instruction is generated
    unsigned written_ = 0; // the 8-byte slots written at the start (bit k: rsp + 8k)
    std::string blocks_;   // the certified blocks' lines
};

} // namespace

std::string random_program(u64 seed, u64 index) {
    return Generator(seed * 1000003 + index)
        .program(std::to_string(seed) + "/" + std::to_string(index));
}

} // namespace ktal::test
