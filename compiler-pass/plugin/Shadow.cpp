// Names a program defines itself shadow the runtime's. `opt
// -passes='ktal-shadow<user=FILE>'` runs on the runtime's bitcode before the
// driver links it to the program (FILE: the program's own modules, linked):
// every runtime definition whose name the program also defines becomes
// internal to the runtime. As with a C library linked statically, the
// program's `send` or `write` is the one the program's code calls, and the
// runtime's functions keep calling their own (printf still writes with the
// runtime's write). Without this, llvm-link refused the pair ("Linking
// globals named 'send': symbol multiply defined!"), at no source line, for
// a program with a function named like any of the runtime's.
#include "Passes.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/IRReader/IRReader.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

using namespace llvm;

namespace ktal {

PreservedAnalyses ShadowPass::run(Module &m, ModuleAnalysisManager &) {
    // Only the program's symbols are needed: its bodies stay unread.
    LLVMContext ctx;
    SMDiagnostic err;
    std::unique_ptr<Module> program = getLazyIRFileModule(user_path, err, ctx);
    if (!program) {
        err.print("ktal-shadow", errs());
        std::exit(1);
    }
    bool changed = false;
    for (const GlobalValue &g : program->global_values()) {
        if (g.isDeclaration() || g.hasLocalLinkage()) continue;
        GlobalValue *ours = m.getNamedValue(g.getName());
        if (!ours || ours->isDeclaration() || ours->hasLocalLinkage()) continue;
        ours->setLinkage(GlobalValue::InternalLinkage); // llvm-link renames it
        changed = true;
    }
    return changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace ktal
