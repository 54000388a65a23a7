#include "compiler-pass/certifier/certifier.hpp"

#include "loader/image.hpp"
#include "loader/symbols.hpp"
#include "tal/helper_abi.h"
#include "tal/helpers.hpp"
#include "verifier/refine.hpp"
#include "verifier/rules.hpp"
#include "verifier/transfer.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <queue>
#include <set>
#include <sstream>

namespace ktal::certify {

bool read_hints(const std::string &path, Hints &out, std::string &error) {
    std::ifstream in(path);
    if (!in) return error = "cannot read " + path, false;
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream l(line);
        std::string key;
        l >> key;
        if (key == "rodata_span")
            l >> out.rodata_span;
        else if (key == "sandbox_span")
            l >> out.sandbox_span;
        else if (key == "fold_slack")
            l >> out.fold_slack;
        else if (key == "function") {
            std::string name;
            Hints::Signature s;
            l >> name >> s.nargs >> s.result_bytes;
            out.functions[name] = s;
        }
    }
    return true;
}

namespace {

constexpr u32 kAnalysisFrame = 4096; // the deepest frame the budget allows

// A result of 1 or 2 bytes: clang's callee may write only those (`setae al`
// for a bool), and its callers read no more.
Value result_type(unsigned bytes) {
    return bytes == 1 || bytes == 2 ? Value::uninit(static_cast<u8>(bytes)) : Value::top();
}

// A State that owns its cells, with value semantics.
struct Owned {
    State s;
    std::vector<Cell> cells;
    explicit Owned(u32 frame = kAnalysisFrame) : cells(frame / 4 + 2) {
        state_init(s, cells.data(), frame);
    }
    Owned(const Owned &o) : s(o.s), cells(o.cells) { s.cell = cells.data(); }
    Owned &operator=(const Owned &o) {
        cells = o.cells;
        s = o.s;
        s.cell = cells.data();
        return *this;
    }
};

bool loc_eq(const Loc &a, const Loc &b) {
    return a == b;
}

bool states_equal(const State &a, const State &b) {
    if (a.live != b.live || a.fuel != b.fuel || a.sext != b.sext || a.nfacts != b.nfacts ||
        a.flags.kind != b.flags.kind)
        return false;
    for (u8 r = 0; r < kNumRegs; ++r)
        if (!same(a.reg[r], b.reg[r])) return false;
    for (u32 i = 0; i < a.ncells; ++i) {
        const Cell &x = a.cell[i], &y = b.cell[i];
        if (x.shape != y.shape || x.init != y.init || !same(x.v, y.v)) return false;
    }
    for (u8 i = 0; i < a.nfacts; ++i)
        if (!loc_eq(a.fact[i].x, b.fact[i].x) || !loc_eq(a.fact[i].y, b.fact[i].y) ||
            a.fact[i].c != b.fact[i].c)
            return false;
    return true;
}

// Widening with thresholds: a bound that grows jumps to the next constant the
// function compares against (or a width limit), not straight to infinity.
struct Thresholds {
    std::vector<i64> s; // sorted
    i64 up(i64 v) const {
        auto it = std::lower_bound(s.begin(), s.end(), v);
        return it == s.end() ? kI64Max : *it;
    }
    i64 down(i64 v) const {
        auto it = std::upper_bound(s.begin(), s.end(), v);
        return it == s.begin() ? kI64Min : *--it;
    }
    u64 uup(u64 v) const {
        if (v > static_cast<u64>(kI64Max)) return kU64Max;
        i64 t = up(static_cast<i64>(v));
        return t == kI64Max ? kU64Max : static_cast<u64>(t);
    }
};

Value widen_value(const Value &old, const Value &now, const Thresholds &t) {
    if (old.kind != now.kind || (now.kind == Kind::Ptr && old.region != now.region)) return now;
    Value w = now;
    if (now.kind == Kind::Int) {
        if (now.smax > old.smax) w.smax = t.up(now.smax);
        if (now.smin < old.smin) w.smin = t.down(now.smin);
        if (now.umax > old.umax) w.umax = t.uup(now.umax);
        if (now.umin < old.umin)
            w.umin = now.umin > 0
                         ? static_cast<u64>(std::max<i64>(
                               0, t.down(static_cast<i64>(std::min<u64>(now.umin, kI64Max)))))
                         : 0;
        normalize(w);
    } else if (now.kind == Kind::Ptr) {
        if (now.smax > old.smax) w.smax = std::min<i64>(t.up(now.smax), 1ll << 48);
        if (now.smin < old.smin) w.smin = std::max<i64>(t.down(now.smin), -(1ll << 48));
    }
    return w;
}

void widen_state(State &old, const State &joined, const Thresholds &t) {
    State &w = old;
    for (u8 r = 0; r < kNumRegs; ++r) w.reg[r] = widen_value(old.reg[r], joined.reg[r], t);
    for (u32 i = 0; i < w.ncells; ++i) {
        Cell c = joined.cell[i];
        if (c.shape == old.cell[i].shape && c.init == old.cell[i].init)
            c.v = widen_value(old.cell[i].v, c.v, t);
        if (c.shape == Shape::Whole32 && c.v.kind == Kind::Int) { // a 4-byte cell holds 32 bits
            c.v.umax = std::min<u64>(c.v.umax, 0xffffffffull);
            c.v.smin = std::max<i64>(c.v.smin, 0);
            if (!normalize(c.v)) c.v = Value::urange(0, 0xffffffffull);
        }
        w.cell[i] = c;
    }
    w.flags = joined.flags;
    // Facts whose constant grew would grow forever: drop them.
    u8 n = 0;
    for (u8 i = 0; i < joined.nfacts; ++i) {
        bool stable = false;
        for (u8 j = 0; j < old.nfacts && !stable; ++j)
            stable = old.fact[j].x == joined.fact[i].x && old.fact[j].y == joined.fact[i].y &&
                     old.fact[j].c >= joined.fact[i].c;
        if (stable) w.fact[n++] = joined.fact[i];
    }
    w.nfacts = n;
    w.fuel = joined.fuel;
    w.sext = joined.sext;
    w.live = joined.live;
}

struct Func {
    std::string name;
    u64 entry = 0, size = 0;
    unsigned nargs = 0;
    bool hinted = false;       // nargs and result come from the side table
    unsigned result_bytes = 0; // 0: no result
    std::vector<Insn> insns;
    std::set<u64> leaders, back_targets;
    std::set<u64> callees; // entries of functions it calls
    u32 order = 0, frame = 0, bound = 0;
    u32 arg_live = 0; // argument positions it reads (the others its callers need not set)
    std::vector<model::Block> blocks;
};

// Liveness by register byte: a partial write keeps the register's other
// bytes (so they stay live if read later), a 4- or 8-byte write replaces all
// of it. Over-approximated reads are safe: they only keep more of the state.
using Bytes = unsigned __int128; // bit r * 8 + k: byte k of register r

Bytes reg_bytes(u8 r, u8 mask) {
    return r < kNumRegs ? static_cast<Bytes>(mask) << (8 * r) : 0;
}
u8 width_bytes(u8 size, bool high8) {
    return high8 ? 0x02 : size >= 8 ? 0xff : static_cast<u8>((1u << size) - 1);
}
bool any_live(Bytes live, u8 r) {
    return ((live >> (8 * r)) & 0xff) != 0;
}

struct RegUse {
    Bytes use = 0, def = 0;
    void read(u8 r, u8 mask = 0xff) { use |= reg_bytes(r, mask); }
    void write(u8 r, u8 size, bool high8 = false) {
        def |= reg_bytes(r, size >= 4 ? 0xff : width_bytes(size, high8));
    }
};

// `arg_live`: per function entry, which argument positions it reads.
RegUse reg_use(const Insn &in, const std::map<u64, u32> &arg_live, u64 helpers_end, const Layout &l,
               const u32 *helper_ids) {
    RegUse u;
    for (u8 k = 0; k < in.nops; ++k) {
        const Operand &o = in.ops[k];
        if (o.kind == Operand::Mem) u.read(o.mem.base), u.read(o.mem.index);
        if (o.kind != Operand::Reg) continue;
        bool dst = k == 0;
        bool writes = dst && in.op != Op::Cmp && in.op != Op::Test && in.op != Op::Bt &&
                      in.op != Op::Push && in.op != Op::Nop;
        bool reads_dst = !(in.op == Op::Mov || in.op == Op::Movzx || in.op == Op::Movsx ||
                           in.op == Op::Lea || in.op == Op::Pop || in.op == Op::Setcc ||
                           (in.op == Op::Imul && in.nops == 3) || in.op == Op::Bsf ||
                           in.op == Op::Bsr || in.op == Op::Tzcnt); // (read only for a zero source)
        if (!dst || !writes || reads_dst) u.read(o.reg, width_bytes(o.size, o.high8));
        if (writes) u.write(o.reg, o.size, o.high8);
    }
    if ((in.op == Op::Xor || in.op == Op::Sub) && in.nops == 2 && in.ops[0].kind == Operand::Reg &&
        in.ops[1].kind == Operand::Reg && in.ops[0].reg == in.ops[1].reg)
        u.use &= ~reg_bytes(in.ops[0].reg, 0xff);
    u8 w = width_bytes(in.width, false);
    switch (in.op) {
    case Op::Push:
    case Op::Pop: u.read(RSP), u.write(RSP, 8); break;
    case Op::Mul1:
    case Op::Imul1: u.read(RAX, w), u.write(RAX, in.width), u.write(RDX, in.width); break;
    case Op::Div:
    case Op::Idiv:
        u.read(RAX, w), u.read(RDX, w), u.write(RAX, in.width), u.write(RDX, in.width);
        break;
    case Op::Cext: u.read(RAX, width_bytes(in.width / 2, false)), u.write(RAX, in.width); break;
    case Op::Csext: u.read(RAX, w), u.write(RDX, in.width); break;
    case Op::RepMovs:
        u.read(RCX), u.read(RSI), u.read(RDI), u.write(RCX, 8), u.write(RSI, 8), u.write(RDI, 8);
        break;
    case Op::RepStos:
        u.read(RCX), u.read(RDI), u.read(RAX, w), u.write(RCX, 8), u.write(RDI, 8);
        break;
    case Op::Rol:
    case Op::Ror:
    case Op::Shl:
    case Op::Shr:
    case Op::Sar:
    case Op::Shld:
    case Op::Shrd:
        if (in.ops[in.nops - 1].kind == Operand::Reg) u.read(RCX, 0x01);
        break;
    case Op::Call: {
        u32 args = 0x3f;
        bool fuel = false;
        if (in.target < helpers_end) {
            const HelperInfo &h =
                helper_info(helper_ids[(in.target - l.helpers_off) / kHelperSlotSize]);
            args = (1u << h.nargs) - 1;
            fuel = h.kind == KTAL_HELPER_FUEL;
        } else if (auto it = arg_live.find(in.target); it != arg_live.end()) {
            args = it->second;
        }
        for (unsigned k = 0; k < 6; ++k)
            if (args & (1u << k)) u.read(kArgRegs[k]);
        u.read(RSP);
        for (u8 r = 0; r < kNumRegs; ++r)
            if (fuel ? r == R11 : is_caller_saved(r)) u.write(r, 8);
        break;
    }
    case Op::Ret:
        u.read(RAX), u.read(RSP); // rax conservatively
        for (u8 r = 0; r < kNumRegs; ++r)
            if (is_callee_saved(r)) u.read(r);
        break;
    default: break;
    }
    return u;
}

class Certifier {
  public:
    Certifier(const std::vector<u8> &elf, const Hints &h, const Options &o, Failure &why, Stats *st)
        : elf_(elf), hints_(h), opts_(o), why_(why), stats_(st) {}

    bool run(model::Cert &out);

  private:
    bool fail(const std::string &fn, u64 addr, const std::string &disasm, const std::string &rule,
              const std::string &msg) {
        why_ = Failure{fn, addr, disasm, rule, msg, "", "", ""};
        return false;
    }
    bool decode_all();
    bool order_functions();
    size_t deepest_calls(size_t from, std::string &chain) const;
    bool analyse(size_t index, u32 frame);

    const std::vector<u8> &elf_;
    const Hints &hints_;
    const Options &opts_;
    Failure &why_;
    Stats *stats_;
    Image img_;
    Decoder dec_;
    std::vector<Func> funcs_;
    std::vector<size_t> topo_;       // callees first
    std::map<u64, size_t> by_entry_; // a function's index by its entry
    // The trusted-format view the typing rules need.
    Cert cert_{};
    std::vector<Function> cert_funcs_;
    std::vector<u32> helpers_;
};

bool Certifier::decode_all() {
    SymbolTable syms = SymbolTable::from_elf(elf_);
    // Functions: every FUNC symbol with a size inside the text.
    std::vector<std::pair<u64, std::string>> found;
    {
        // SymbolTable keeps names by address; recover sizes through lookup.
        LoadError le;
        if (!image_parse(elf_.data(), elf_.size(), img_, le, false))
            return fail("", 0, "", "image", le.message.c_str());
    }
    const u64 text_lo = img_.text.addr, text_hi = img_.text.addr + img_.text.size;
    for (u64 a = text_lo; a < text_hi; ++a) {
        std::string n = syms.name_at(a);
        if (n.empty()) continue;
        auto hit = syms.lookup(n);
        if (!hit || hit->second == 0 || hit->first != a || a + hit->second > text_hi) continue;
        Func f;
        f.name = n;
        f.entry = a;
        f.size = hit->second;
        auto h = hints_.functions.find(n);
        if (h != hints_.functions.end())
            f.nargs = h->second.nargs, f.result_bytes = h->second.result_bytes, f.hinted = true;
        if (!funcs_.empty() && funcs_.back().entry + funcs_.back().size > a)
            continue; // an alias or overlap
        funcs_.push_back(std::move(f));
        a += hit->second - 1;
    }
    if (funcs_.empty()) return fail("", 0, "", "image", "no functions in the text");
    if (!decoder_open(dec_, true)) return fail("", 0, "", "decoder", "cannot open Capstone");
    decoder_set_fuel(dec_, img_.layout);
    const u8 *text = img_.text.bytes - img_.text.addr;
    u64 helpers_end = img_.layout.helper_count * kHelperSlotSize;
    for (Func &f : funcs_) {
        f.leaders.insert(f.entry);
        for (u64 pc = f.entry; pc < f.entry + f.size;) {
            Insn in;
            DecodeError de;
            if (!decode(dec_, text + pc, f.entry + f.size - pc, pc, in, de))
                return fail(f.name, pc, in.text.c_str(), de.rule ? de.rule : "encoding",
                            de.message.c_str());
            f.insns.push_back(in);
            pc += in.len;
            if (in.op == Op::Jmp || in.op == Op::Jcc) {
                f.leaders.insert(in.target);
                if (in.target <= in.addr) f.back_targets.insert(in.target);
                f.leaders.insert(pc);
            } else if (in.op == Op::Ret || in.op == Op::Int3) {
                f.leaders.insert(pc);
            } else if (in.op == Op::Call && in.target >= helpers_end) {
                f.callees.insert(in.target);
            }
        }
    }
    return true;
}

bool Certifier::order_functions() {
    for (size_t i = 0; i < funcs_.size(); ++i) by_entry_[funcs_[i].entry] = i;
    std::vector<int> state(funcs_.size(), 0); // 0 new, 1 on stack, 2 done
    for (size_t root = 0; root < funcs_.size(); ++root) {
        if (state[root]) continue;
        std::vector<std::pair<size_t, std::vector<u64>>> stack;
        stack.push_back(
            {root, std::vector<u64>(funcs_[root].callees.begin(), funcs_[root].callees.end())});
        state[root] = 1;
        while (!stack.empty()) {
            auto &[f, todo] = stack.back();
            if (todo.empty()) {
                state[f] = 2;
                funcs_[f].order = static_cast<u32>(topo_.size());
                topo_.push_back(f);
                stack.pop_back();
                continue;
            }
            u64 t = todo.back();
            todo.pop_back();
            auto it = by_entry_.find(t);
            if (it == by_entry_.end())
                return fail(funcs_[f].name, 0, "", rule::kCallTarget,
                            "a call to an address that starts no function");
            size_t g = it->second;
            if (state[g] == 1)
                return fail(funcs_[f].name, 0, "", rule::kCallOrder,
                            "recursion between '" + funcs_[f].name + "' and '" + funcs_[g].name +
                                "'");
            if (state[g] == 0) {
                state[g] = 1;
                stack.push_back(
                    {g, std::vector<u64>(funcs_[g].callees.begin(), funcs_[g].callees.end())});
            }
        }
    }
    return true;
}

// The deepest rsp can go in f: its pushes and `sub rsp, imm`s (a call comes
// back to where it was), so that the analysis's states hold that frame, not
// the 4096 bytes the budget allows: a function of 12,000 blocks held 1.8 GB.
// Too small, if rsp moves some other way: analyse() says so (stack.frame),
// and the function is analysed again with the whole budget.
// How far `sub rsp, imm` lowers rsp (0 for any other instruction).
static u64 rsp_drop(const Insn &in) {
    bool sub_rsp = in.op == Op::Sub && in.nops == 2 && in.ops[0].kind == Operand::Reg &&
                   in.ops[0].reg == RSP && in.ops[1].kind == Operand::Imm && in.ops[1].imm > 0;
    return sub_rsp ? static_cast<u64>(in.ops[1].imm) : 0;
}

static u32 frame_estimate(const std::vector<Insn> &insns) {
    u64 depth = 64;
    for (const Insn &in : insns) depth += in.op == Op::Push ? 8 : rsp_drop(in);
    return static_cast<u32>(std::min<u64>((depth + 15) & ~15ull, kAnalysisFrame));
}

bool Certifier::analyse(size_t fi, u32 frame) {
    Func &f = funcs_[fi];
    Function &cf = cert_funcs_[fi];
    cf.frame = frame;
    cf.bound = 1u << 24; // measured below
    Fault fault;
    Owned scratch(frame);
    RuleCtx rc{Ctx{cert_, cf, fault}, &scratch.s};
    // Widening thresholds: the function's immediates and the region sizes.
    Thresholds th;
    for (const Insn &in : f.insns)
        for (u8 k = 0; k < in.nops; ++k)
            if (in.ops[k].kind == Operand::Imm)
                for (i64 d : {-1, 0, 1}) th.s.push_back(in.ops[k].imm + d);
    for (u64 v : {img_.layout.sandbox_size, img_.layout.rodata_size, img_.layout.image_size})
        th.s.push_back(static_cast<i64>(v));
    for (i64 v : {0ll, 255ll, 65535ll, 2147483647ll, 4294967295ll}) th.s.push_back(v);
    std::sort(th.s.begin(), th.s.end());
    th.s.erase(std::unique(th.s.begin(), th.s.end()), th.s.end());

    std::map<u64, size_t> index; // address -> instruction
    for (size_t i = 0; i < f.insns.size(); ++i) index[f.insns[i].addr] = i;
    const u64 end = f.entry + f.size;
    // Liveness: the arguments the function reads, and the registers live at
    // each loop head (only those go into the certificate).
    std::map<u64, u32> sigs;
    for (const Func &g : funcs_) sigs[g.entry] = g.arg_live;
    u64 helpers_end = img_.layout.helper_count * kHelperSlotSize;
    std::vector<Bytes> live_in(f.insns.size() + 1, 0);
    for (bool changed = true; changed;) {
        changed = false;
        for (size_t i = f.insns.size(); i-- > 0;) {
            const Insn &insn = f.insns[i];
            Bytes out = 0;
            bool falls = insn.op != Op::Jmp && insn.op != Op::Ret && insn.op != Op::Int3;
            if (insn.op == Op::Call && insn.target < helpers_end &&
                helper_info(helpers_[(insn.target - img_.layout.helpers_off) / kHelperSlotSize])
                        .kind == KTAL_HELPER_NORETURN)
                falls = false;
            if (falls) out |= live_in[i + 1];
            if (insn.op == Op::Jmp || insn.op == Op::Jcc)
                if (auto t = index.find(insn.target); t != index.end()) out |= live_in[t->second];
            RegUse u = reg_use(insn, sigs, helpers_end, img_.layout, helpers_.data());
            // A register copy reads only the source bytes whose copies are
            // live after it (llc copies a setcc's byte with movl r9d, r10d
            // and reads only r10b: r9's upper bytes are no argument).
            if (insn.op == Op::Mov && insn.nops == 2 && insn.ops[0].kind == Operand::Reg &&
                insn.ops[1].kind == Operand::Reg && insn.width >= 4 && !insn.ops[1].high8) {
                u8 dst = insn.ops[0].reg, src = insn.ops[1].reg;
                u8 wanted = static_cast<u8>((out >> (8 * dst)) & width_bytes(insn.width, false));
                u.use = reg_bytes(src, wanted);
            }
            Bytes v = u.use | (out & ~u.def);
            if (v != live_in[i]) live_in[i] = v, changed = true;
        }
    }
    f.arg_live = 0;
    for (unsigned k = 0; k < 6; ++k)
        if (any_live(live_in[0], kArgRegs[k])) f.arg_live |= 1u << k;
    // A register past the declared parameters holds nothing of the caller's:
    // when one seems live (llc spills a byte register with movl, say), the
    // walk below, not the callers, must show that only written bytes are read.
    if (f.hinted && f.nargs < 6) f.arg_live &= (1u << f.nargs) - 1;
    cf.nargs = 0;
    for (u8 k = 0; k < 6; ++k) {
        cf.args[k] = (f.arg_live >> k) & 1 ? Value::top() : Value::uninit();
        if ((f.arg_live >> k) & 1) cf.nargs = k + 1;
    }
    Owned entry(frame);
    state_entry(entry.s);
    for (u8 k = 0; k < cf.nargs; ++k) entry.s.reg[kArgRegs[k]] = cf.args[k];
    // At a loop head the certificate keeps only live registers, and the
    // verifier continues from what the certificate says: so must we.
    auto keep_live = [&](u64 t, Owned &st) {
        if (!f.back_targets.count(t)) return;
        Bytes live = live_in[index.at(t)] | reg_bytes(RSP, 0xff);
        for (u8 r = 0; r < kNumRegs; ++r)
            if (!any_live(live, r)) {
                st.s.reg[r] = Value::uninit();
                state_clobber(st.s, r);
            }
    };

    struct Problem {
        bool set = false;
        u64 addr = 0;
        std::string disasm, state;
        Fault fault;
    } problem;
    Owned current; // the state before the instruction being run (for reports)
    bool final_pass = false;
    i64 min_rsp = 0;
    u64 bound = 0;
    auto report = [&](const Insn &insn, const char *rule, const char *msg) {
        if (!final_pass || problem.set) return;
        problem.set = true;
        problem.addr = insn.addr;
        problem.disasm = insn.text.c_str();
        for (u8 r = 0; r < kNumRegs; ++r)
            if (current.s.reg[r].kind != Kind::Uninit)
                problem.state +=
                    std::string(reg_name(r)) + "=" + model::print_value(current.s.reg[r]) + " ";
        if (rule) {
            problem.fault = Fault{};
            problem.fault.rule = rule;
            problem.fault.message.add(msg);
        } else {
            problem.fault = fault;
        }
    };
    struct Edge {
        u64 target;
        Owned state;
        bool backward;
        bool falls = false; // into the next block, not by a jump
    };
    using Edges = std::vector<Edge>;
    // Runs the block at `leader` and lists its outgoing edges, backward ones
    // already through their fuel point.
    auto run_block = [&](u64 leader, Owned cur, Edges &edges) {
        auto edge = [&](const Insn &insn, u64 t, Owned st) {
            if (t < f.entry || t >= end || !index.count(t))
                return report(insn, rule::kTargetOutside,
                              "a jump that does not land on an instruction of its function");
            if (t <= insn.addr) {
                const Insn &head = f.insns[index.at(t)];
                bool fuel_head =
                    head.op == Op::Call && head.target == img_.layout.helpers_off + kHelperSlotSize;
                if (!st.s.fuel && !fuel_head)
                    return report(insn, rule::kFuel,
                                  "a loop without a fuel point (the compiler pass should have put "
                                  "one in it)");
                st.s.fuel = 0;
            }
            edges.push_back(Edge{t, std::move(st), t <= insn.addr});
        };
        for (size_t i = index.at(leader);; ++i) {
            if (i == f.insns.size()) {
                if (cur.s.live)
                    report(f.insns.back(), rule::kFallThrough,
                           "execution can fall off the end of the function");
                return;
            }
            const Insn &insn = f.insns[i];
            if (insn.addr != leader && f.leaders.count(insn.addr)) {
                if (cur.s.live) edges.push_back(Edge{insn.addr, cur, false, true});
                return;
            }
            if (!cur.s.live) return;
            if (final_pass) current = cur;
            if (const char *dump = std::getenv("KTAL_CERTIFY_DUMP");
                dump && insn.addr == std::strtoull(dump, nullptr, 16)) {
                std::string st;
                for (u8 r = 0; r < kNumRegs; ++r)
                    if (cur.s.reg[r].kind != Kind::Uninit)
                        st +=
                            std::string(reg_name(r)) + "=" + model::print_value(cur.s.reg[r]) + " ";
                auto lname = [](const Loc &at) {
                    return at.kind == Loc::Reg
                               ? std::string(reg_name(at.reg))
                               : "[" + std::to_string(at.off) + "]" + std::to_string(at.width);
                };
                for (u32 k = 0; k < cur.s.nfacts; ++k)
                    st += lname(cur.s.fact[k].x) + "<=" + lname(cur.s.fact[k].y) + "+" +
                          std::to_string(cur.s.fact[k].c) + " ";
                for (u32 c = 0; c < cur.s.ncells; ++c)
                    if (cur.s.cell[c].init)
                        st += "[" + std::to_string(cur.s.lo + 4 * static_cast<i32>(c)) +
                              "]=" + model::print_value(cur.s.cell[c].v) + "/" +
                              std::to_string(cur.s.cell[c].init) + " ";
                std::fprintf(stderr, "%s 0x%llx %s: %s\n", final_pass ? "final" : "pass",
                             static_cast<unsigned long long>(insn.addr), insn.text.c_str(),
                             st.c_str());
            }
            if (final_pass) {
                min_rsp = std::min<i64>(min_rsp, cur.s.rsp() - (insn.op == Op::Push ? 8 : 0));
                if (insn.op == Op::Call) {
                    u64 depth = static_cast<u64>(8 - cur.s.rsp()), callee_bound = 0;
                    for (const Func &g : funcs_)
                        if (g.entry == insn.target) callee_bound = g.bound;
                    bound = std::max(bound, depth + callee_bound);
                }
            }
            fault = Fault{};
            if (insn.op == Op::Jmp) {
                edge(insn, insn.target, cur);
                return;
            }
            if (insn.op == Op::Jcc) {
                if (!flags_readable(rc, cur.s, insn.cc)) return report(insn, nullptr, nullptr);
                Owned taken = cur;
                if (refine(taken.s, insn.cc, cert_.layout)) edge(insn, insn.target, taken);
                if (!refine(cur.s, insn.cc ^ 1, cert_.layout)) return;
                continue;
            }
            if (!transfer(rc, cur.s, insn)) return report(insn, nullptr, nullptr);
        }
    };

    // Ascending: join at every target, widen at loop heads after two visits.
    std::map<u64, Owned> in;
    in.emplace(f.entry, entry);
    std::map<u64, unsigned> visits;
    std::set<u64> work{f.entry};
    unsigned iterations = 0;
    std::string last_change;
    while (!work.empty()) {
        u64 b = *work.begin();
        work.erase(work.begin());
        if (++iterations > 100000) {
            // Say what keeps changing, for the bug report.
            std::string what;
            if (last_change.size()) what = ": " + last_change;
            return fail(f.name, b, "", "certifier", "the analysis does not converge" + what);
        }
        Edges edges;
        run_block(b, in.at(b), edges);
        for (auto &[t, e, backward, falls] : edges) {
            auto it = in.find(t);
            if (it == in.end()) {
                keep_live(t, e);
                in.emplace(t, e);
                work.insert(t);
                continue;
            }
            Owned joined = it->second;
            state_join(joined.s, e.s);
            // Widen on a loop's own back edges, after two rounds: growth that
            // arrives through the entry edge is an enclosing loop's to stop,
            // and widening it here would lose what the entry edge knows.
            unsigned v = backward ? ++visits[t] : visits[t], first = 2;
            if (backward && v > first) {
                // Thresholds first; if the state still grows, straight to the limits.
                static const Thresholds none;
                Owned widened = it->second;
                widen_state(widened.s, joined.s, v > first + 8 ? none : th);
                joined = widened;
            }
            keep_live(t, joined);
            if (!states_equal(joined.s, it->second.s)) {
                if (iterations > 99000 || (std::getenv("KTAL_CERTIFY_TRACE") &&
                                           f.back_targets.count(t) && iterations > 20000)) {
                    last_change = "block 0x" + std::to_string(t);
                    for (u8 r = 0; r < kNumRegs; ++r)
                        if (!same(joined.s.reg[r], it->second.s.reg[r]))
                            last_change += std::string(" ") + reg_name(r) + ": " +
                                           model::print_value(it->second.s.reg[r]) + " -> " +
                                           model::print_value(joined.s.reg[r]);
                    for (u32 i = 0; i < joined.s.ncells; ++i)
                        if (!same(joined.s.cell[i].v, it->second.s.cell[i].v) ||
                            joined.s.cell[i].init != it->second.s.cell[i].init ||
                            joined.s.cell[i].shape != it->second.s.cell[i].shape)
                            last_change += " [" +
                                           std::to_string(joined.s.lo + 4 * static_cast<i32>(i)) +
                                           "]: " + model::print_value(it->second.s.cell[i].v) +
                                           " -> " + model::print_value(joined.s.cell[i].v);
                    if (joined.s.nfacts != it->second.s.nfacts) last_change += " facts";
                    if (joined.s.flags.kind != it->second.s.flags.kind) last_change += " flags";
                    if (std::getenv("KTAL_CERTIFY_TRACE"))
                        std::fprintf(stderr, "%s (back target %d)\n", last_change.c_str(),
                                     (int)f.back_targets.count(t));
                }
                it->second = joined;
                work.insert(t);
            }
        }
    }
    // Joins an edge's state into what `states` holds for t as the verifier
    // does: the jumps' states into the first one's, and that into the state
    // that falls through. The order matters: a full fact table forgets its
    // oldest fact.
    auto add_edge = [](std::map<u64, Owned> &states, u64 t, const Owned &e, bool falls) {
        auto it = states.find(t);
        if (it == states.end()) {
            states.emplace(t, e);
        } else if (falls) {
            Owned j = e;
            state_join(j.s, it->second.s);
            it->second = j;
        } else {
            state_join(it->second.s, e.s);
        }
    };
    // Descending: recompute every state from its predecessors (narrowing what
    // widening overshot), twice. A block that a narrowed state no longer
    // reaches (an access proved only on the wider state: the transfer
    // functions are not quite monotone) keeps its ascending state, so that
    // the final walk still checks it and every edge out of it.
    // (Moved, not copied: a function's states can take hundreds of MB.)
    std::map<u64, Owned> ascended = std::move(in), descended;
    for (int round = 0; round < 2; ++round) {
        std::map<u64, Owned> next;
        next.emplace(f.entry, entry);
        for (auto &[b, st] : round ? descended : ascended) {
            Edges edges;
            run_block(b, st, edges);
            for (auto &[t, e, backward, falls] : edges) add_edge(next, t, e, falls);
        }
        for (auto &[t, st] : next) keep_live(t, st);
        descended = std::move(next);
    }
    in = std::move(descended);
    for (auto &[b, st] : ascended) in.try_emplace(b, std::move(st));
    ascended.clear();
    // What the verifier starts a loop head from: its state as the certificate
    // says it (flags only as set or not, no byte values).
    auto as_certified = [](const Owned &st) {
        Owned o = st;
        model::apply(model::from_state(st.s), o.s);
        return o;
    };
    // Final pass: the checks, the stack depth, and every edge inside its
    // target's state, walked the verifier's way: in address order, each loop
    // head from its certified state and every other block from the join of
    // the edges seen into it so far, not from the state the rounds above left
    // there. The two can differ (the transfer functions are not quite
    // monotone: a full fact table forgets its oldest fact, so what is kept
    // depends on the order of the joins), and a head's state may then not
    // hold on its back edge: such a head is weakened to the join of the two,
    // and the walk runs again.
    for (int walk = 0;; ++walk) {
        final_pass = true;
        problem = Problem{};
        min_rsp = 0, bound = 0;
        std::map<u64, Owned> certified, joined;
        for (auto &[b, st] : in)
            if (f.back_targets.count(b)) certified.emplace(b, as_certified(st));
        joined.emplace(f.entry, in.at(f.entry));
        bool weakened = false;
        for (auto &[b, st] : in) {
            auto c = certified.find(b), j = joined.find(b);
            if (c == certified.end() && j == joined.end()) continue; // not reached this way
            Edges edges;
            run_block(b, c != certified.end() ? c->second : j->second, edges);
            for (auto &[t, e, backward, falls] : edges) {
                if (!f.back_targets.count(t)) {
                    add_edge(joined, t, e, falls);
                    continue;
                }
                auto ct = certified.find(t);
                Mismatch mm;
                if (ct != certified.end() && state_entails(e.s, ct->second.s, &mm)) continue;
                if (ct == certified.end() || walk == 8) {
                    if (!problem.set) {
                        problem.set = true;
                        problem.addr = t;
                        problem.fault.rule = rule::kEdge;
                        problem.fault.message.add(
                            "the analysis found no loop invariant for this loop head");
                    }
                    continue;
                }
                Owned &head = in.at(t);
                state_join(head.s, e.s);
                keep_live(t, head);
                weakened = true;
            }
        }
        if (!weakened || problem.set) break;
    }
    if (stats_)
        stats_->iterations += iterations,
            stats_->loop_heads += static_cast<unsigned>(f.back_targets.size());
    // A frame deeper than the analysis tracks is the program's size, not a
    // certifier bug: say so as the stack budget does.
    if (problem.set && problem.fault.rule == std::string(rule::kFrame) &&
        rsp_drop(f.insns[index.at(problem.addr)]))
        return fail(f.name, problem.addr, problem.disasm, rule::kStackBudget,
                    "'" + f.name + "' needs a frame of more than " +
                        std::to_string(kAnalysisFrame) + " bytes (" + problem.disasm +
                        "), the most the certifier analyses (move large locals to the heap or "
                        "to globals)");
    if (problem.set) {
        why_ = Failure{f.name,
                       problem.addr,
                       problem.disasm,
                       problem.fault.rule ? problem.fault.rule : "?",
                       problem.fault.message.c_str(),
                       problem.fault.expected.c_str(),
                       problem.fault.found.c_str(),
                       problem.state};
        return false;
    }
    f.frame = static_cast<u32>((static_cast<u64>(-min_rsp) + 3) & ~3ull);
    f.bound = static_cast<u32>(std::max<u64>(bound, f.frame));
    cf.frame = f.frame;
    cf.bound = f.bound;
    for (u64 t : f.back_targets) {
        auto it = in.find(t);
        if (it == in.end()) continue; // unreachable
        model::Block blk;
        blk.start = t;
        Owned st = it->second;
        Bytes live = live_in[index.at(t)] | reg_bytes(RSP, 0xff);
        for (u8 r = 0; r < kNumRegs; ++r)
            if (!any_live(live, r)) st.s.reg[r] = Value::uninit();
        blk.state = model::from_state(st.s);
        f.blocks.push_back(std::move(blk));
    }
    return true;
}

// Where a program over its stack budget spends it: the calls from `from`
// down that use the most stack ("main 2048 -> parse 1600"), each function
// with its frame in bytes. Returns the one with the largest frame, the
// place to shrink.
size_t Certifier::deepest_calls(size_t from, std::string &chain) const {
    size_t largest = from;
    for (size_t f = from, depth = 0; depth < funcs_.size(); ++depth) {
        chain += (depth ? " -> " : "") + funcs_[f].name + " " + std::to_string(funcs_[f].frame);
        if (funcs_[f].frame > funcs_[largest].frame) largest = f;
        size_t next = funcs_.size();
        for (u64 c : funcs_[f].callees)
            if (auto it = by_entry_.find(c);
                it != by_entry_.end() &&
                (next == funcs_.size() || funcs_[it->second].bound > funcs_[next].bound))
                next = it->second;
        if (next == funcs_.size()) break;
        f = next;
    }
    return largest;
}

bool Certifier::run(model::Cert &out) {
    if (!decode_all() || !order_functions()) return false;
    const Layout &l = img_.layout;
    cert_.version = kCertVersion;
    cert_.layout = l;
    helpers_.resize(l.helper_count);
    for (u32 i = 0; i < helpers_.size(); ++i) helpers_[i] = i;
    cert_funcs_.resize(funcs_.size());
    for (size_t i = 0; i < funcs_.size(); ++i) {
        Function &c = cert_funcs_[i];
        c = Function{};
        c.entry = funcs_[i].entry;
        c.size = funcs_[i].size;
        c.order = funcs_[i].order;
        c.nargs = static_cast<u8>(std::min(funcs_[i].nargs, 6u));
        for (u8 k = 0; k < c.nargs; ++k) c.args[k] = Value::top();
        c.has_result = funcs_[i].result_bytes != 0;
        c.result = result_type(funcs_[i].result_bytes);
    }
    cert_.funcs = cert_funcs_.data();
    cert_.nfuncs = static_cast<u32>(cert_funcs_.size());
    for (size_t fi : topo_)
        if (u32 frame = frame_estimate(funcs_[fi].insns); !analyse(fi, frame)) {
            if (frame == kAnalysisFrame || why_.rule != rule::kFrame ||
                !analyse(fi, kAnalysisFrame))
                return false;
        }
    out = model::Cert{};
    out.layout = l;
    out.helpers = helpers_;
    bool found = false;
    for (size_t i = 0; i < funcs_.size(); ++i) {
        const Func &f = funcs_[i];
        if (f.name == opts_.entry) {
            out.entry_function = static_cast<u32>(i);
            found = true;
            if (f.bound > opts_.stack_budget) {
                // Reported at the function with the largest frame on the way.
                std::string chain;
                const Func &big = funcs_[deepest_calls(i, chain)];
                return fail(big.name, big.entry, "", rule::kStackBudget,
                            "the program may use " + std::to_string(f.bound) +
                                " bytes of stack (frames in bytes, deepest calls: " + chain +
                                "); the budget is " + std::to_string(opts_.stack_budget) +
                                " (move large locals to the heap or to globals); --stack-budget "
                                "N sets the budget, which must not exceed what ktal.ko gives "
                                "(4096 bytes)");
            }
        }
        model::Function mf;
        mf.name = f.name;
        mf.entry = f.entry, mf.size = f.size, mf.frame = f.frame, mf.bound = f.bound,
        mf.order = f.order;
        mf.args.assign(cert_funcs_[i].args, cert_funcs_[i].args + cert_funcs_[i].nargs);
        if (f.result_bytes) mf.result = result_type(f.result_bytes);
        mf.blocks = f.blocks;
        out.funcs.push_back(std::move(mf));
    }
    if (stats_) stats_->functions = static_cast<unsigned>(funcs_.size());
    decoder_close(dec_);
    if (!found)
        return fail(opts_.entry, 0, "", "certifier", "no entry function '" + opts_.entry + "'");
    return true;
}

} // namespace

bool certify(const std::vector<u8> &elf, const Hints &hints, const Options &opts, model::Cert &out,
             Failure &why, Stats *stats) {
    Certifier c(elf, hints, opts, why, stats);
    return c.run(out);
}

} // namespace ktal::certify
