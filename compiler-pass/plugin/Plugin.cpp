// The ktal pass plugin: `-fpass-plugin=ktal-pass.so` in clang runs the policy
// checks on every translation unit (also at -O0); `opt -load-pass-plugin
// ... -passes='...,ktal-lower<hints=FILE>'` lowers the linked whole program.
#include "Passes.h"

#include "llvm/Passes/PassBuilder.h"
#include "llvm/Passes/PassPlugin.h"

using namespace llvm;

namespace ktal {

PreservedAnalyses LowerPass::run(Module &m, ModuleAnalysisManager &) {
    bool ok = check_policy(m, true) && lower_dispatch(m) && check_recursion(m) && lower_varargs(m);
    if (ok) {
        Layout l = plan_layout(m);
        ok = lower_unsafe_stack(m, l) && insert_guards(m, l);
        if (ok) insert_fuel_points(m), end_unreachable_paths(m);
        ok = ok && write_hints(m, l, opts.hints_path);
    }
    return PreservedAnalyses::none();
}

} // namespace ktal

extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo llvmGetPassPluginInfo() {
    return {LLVM_PLUGIN_API_VERSION, "ktal", "0.1.0", [](PassBuilder &pb) {
                pb.registerOptimizerLastEPCallback(
                    [](ModulePassManager &mpm, OptimizationLevel) { mpm.addPass(ktal::PolicyPass()); });
                pb.registerPipelineParsingCallback(
                    [](StringRef name, ModulePassManager &mpm, ArrayRef<PassBuilder::PipelineElement>) {
                        if (name == "ktal-policy") {
                            mpm.addPass(ktal::PolicyPass());
                            return true;
                        }
                        if (!name.consume_front("ktal-lower")) return false;
                        ktal::LowerOptions o;
                        if (name.consume_front("<") && name.consume_back(">")) {
                            if (!name.consume_front("hints=")) return false;
                            o.hints_path = name.str();
                        } else if (!name.empty()) {
                            return false;
                        }
                        mpm.addPass(ktal::LowerPass(o));
                        return true;
                    });
            }};
}
