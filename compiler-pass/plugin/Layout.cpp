// The whole program's region sizes, decided before the guards that compare
// against them, and the side table the driver and the certifier read (which
// is a hint: the verifier trusts none of it).
#include "Passes.h"

#include "llvm/IR/Instructions.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace ktal {

static constexpr uint64_t kArgs = 0x10000, kSlack = 4096;

Layout plan_layout(Module &m) {
    const DataLayout &dl = m.getDataLayout();
    uint64_t ro = 0, rw = 0;
    for (GlobalVariable &g : m.globals()) {
        if (g.isDeclaration() || g.getName().starts_with("llvm.")) continue;
        uint64_t &at = g.isConstant() ? ro : rw;
        at = alignTo(at, g.getAlign().valueOrOne()) + dl.getTypeAllocSize(g.getValueType());
    }
    Layout l;
    l.rodata_span = alignTo(Layout::kFoldSlack + ro + kSlack, Layout::kPage);
    l.sandbox_span = alignTo(Layout::kFoldSlack + rw + kArgs + kSlack, Layout::kPage);
    return l;
}

bool write_hints(Module &m, const Layout &l, const std::string &path) {
    if (path.empty()) return true;
    std::error_code ec;
    raw_fd_ostream out(path, ec, sys::fs::OF_Text);
    if (ec) {
        m.getContext().emitError("ktal: cannot write " + path + ": " + ec.message());
        return false;
    }
    out << "# ktal side table (a hint for the driver and the certifier; never trusted)\n";
    out << "rodata_span " << l.rodata_span << "\nsandbox_span " << l.sandbox_span << "\n";
    out << "fold_slack " << Layout::kFoldSlack << "\n";
    const DataLayout &dl = m.getDataLayout();
    bool ok = true;
    for (Function &f : m) {
        if (f.isDeclaration()) continue;
        unsigned regs = 0;
        for (Argument &a : f.args()) {
            uint64_t size = dl.getTypeStoreSize(a.getType());
            if (size > 8) { // byval structs are pointers by now (LargeValues.cpp), and
                            // clang splits an __int128 into two registers
                error_at(f, DebugLoc(),
                         "'" + f.getName() +
                             "' takes an argument of more than 8 bytes in one register: pass "
                             "a pointer");
                ok = false;
            }
            ++regs;
        }
        if (regs > 6) {
            error_at(f, DebugLoc(),
                     "'" + f.getName() + "' takes more than 6 arguments" +
                         (f.hasFnAttribute("ktal-result-pointer")
                              ? " (one is the pointer its result of more than 8 bytes goes through)"
                              : "") +
                         ": the rest would be passed on the stack, which the verifier does not "
                         "allow; pass a pointer to a struct");
            ok = false;
        }
        Type *rt = f.getReturnType();
        // The result's size in bytes (0: none).
        out << "function " << f.getName() << " " << regs << " "
            << (rt->isVoidTy() ? 0 : dl.getTypeStoreSize(rt).getFixedValue()) << "\n";
    }
    return ok;
}

} // namespace ktal
