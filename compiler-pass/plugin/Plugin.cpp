// The ktal pass plugin: `-fpass-plugin=ktal-pass.so` in clang runs the policy
// checks on every translation unit (also at -O0); `opt -load-pass-plugin
// ... -passes='...,ktal-check,...,ktal-lower<hints=FILE>'` checks the linked
// whole program and lowers it; `ktal-shadow<user=FILE>` prepares the runtime
// for linking with the program in FILE (and `ktal-heap<bytes=N>` sizes its
// heap arena), `ktal-constructors` makes the linked program's constructors
// and destructors calls, and `ktal-static-zero` its undef initializers zero.
#include "Passes.h"

#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/DiagnosticPrinter.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Passes/PassPlugin.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

using namespace llvm;

namespace ktal {

namespace {

// opt alone would print an error as "error: FILE:LINE:COL: in function NAME
// TYPE: MESSAGE" and exit at the first one. In opt the ktal passes report
// as clang does — FILE:LINE:COL: error: MESSAGE, then the source line — and
// every error before they fail.
struct SourceDiagnostics : DiagnosticHandler {
    unsigned errors = 0;

    bool handleDiagnostics(const DiagnosticInfo &di) override {
        if (di.getSeverity() != DS_Error) return false; // as opt would
        ++errors;
        auto *u = dyn_cast<DiagnosticInfoUnsupported>(&di);
        if (!u) {
            DiagnosticPrinterRawOStream p(errs());
            errs() << "error: ";
            di.print(p);
            errs() << "\n";
            return true;
        }
        // Without an instruction's line, the function's own.
        StringRef file;
        std::string path;
        unsigned line = 0, col = 0;
        if (u->isLocationAvailable()) {
            u->getLocation(file, line, col);
            path = u->getAbsolutePath();
        } else if (const DISubprogram *sp = u->getFunction().getSubprogram()) {
            file = sp->getFilename(), line = sp->getLine();
            SmallString<256> p(sp->getDirectory());
            sys::path::append(p, file);
            path = sys::path::is_absolute(file) ? file.str() : p.str().str();
        }
        if (line == 0) {
            errs() << "error: " << u->getMessage() << "\n";
            return true;
        }
        errs() << file << ":" << line << ":";
        if (col) errs() << col << ":";
        errs() << " error: " << u->getMessage() << "\n";
        show_line(path, line, col);
        return true;
    }

    static void show_line(const std::string &path, unsigned line, unsigned col) {
        auto buf = MemoryBuffer::getFile(path);
        if (!buf) return;
        StringRef rest = (*buf)->getBuffer();
        for (unsigned k = 1; k < line && !rest.empty(); ++k) rest = rest.split('\n').second;
        StringRef text = rest.split('\n').first.rtrim("\r");
        if (text.empty()) return;
        errs() << format("%5u", line) << " | " << text << "\n";
        if (col == 0 || col > text.size() + 1) return;
        std::string pad;
        for (unsigned k = 0; k + 1 < col; ++k) pad += text[k] == '\t' ? '\t' : ' ';
        errs() << "      | " << pad << "^\n";
    }
};

// Runs `steps` with errors reported at their source lines; opt stops after
// them (exit status 1) if there was any.
template <typename Steps>
void checked(Module &m, Steps steps) {
    LLVMContext &ctx = m.getContext();
    auto saved = ctx.getDiagnosticHandler();
    auto handler = std::make_unique<SourceDiagnostics>();
    SourceDiagnostics *diags = handler.get();
    ctx.setDiagnosticHandler(std::move(handler));
    bool ok = steps();
    unsigned errors = diags->errors;
    ctx.setDiagnosticHandler(std::move(saved));
    if (errors)
        errs() << errors << (errors == 1 ? " error" : " errors") << " generated.\n";
    else if (!ok)
        errs() << "error: ktal: internal error: lowering failed without saying why\n";
    if (!ok || errors) std::exit(1);
}

} // namespace

PreservedAnalyses CheckPass::run(Module &m, ModuleAnalysisManager &) {
    checked(m, [&] {
        bool policy = check_policy(m, true);
        return check_recursion(m) && policy;
    });
    return PreservedAnalyses::all();
}

PreservedAnalyses StaticZeroPass::run(Module &m, ModuleAnalysisManager &) {
    zero_undef_initializers(m);
    return PreservedAnalyses::none();
}

PreservedAnalyses HeapPass::run(Module &m, ModuleAnalysisManager &) {
    checked(m, [&] { return size_heap(m, bytes); });
    return PreservedAnalyses::none();
}

PreservedAnalyses ConstructorsPass::run(Module &m, ModuleAnalysisManager &) {
    checked(m, [&] { return lower_constructors(m); });
    return PreservedAnalyses::none();
}

PreservedAnalyses LowerPass::run(Module &m, ModuleAnalysisManager &) {
    checked(m, [&] {
        bool ok = check_policy(m, true) && lower_dispatch(m) && check_recursion(m);
        if (ok) lower_large_values(m);
        ok = ok && lower_varargs(m);
        if (ok) {
            Layout l = plan_layout(m);
            zero_unoptimised_slots(m);
            ok = lower_unsafe_stack(m, l) && insert_guards(m, l);
            if (ok) insert_fuel_points(m), end_unreachable_paths(m);
            ok = ok && write_hints(m, l, opts.hints_path);
        }
        return ok;
    });
    return PreservedAnalyses::none();
}

} // namespace ktal

extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo llvmGetPassPluginInfo() {
    return {LLVM_PLUGIN_API_VERSION, "ktal", "0.1.0", [](PassBuilder &pb) {
                // At the start, so that errors are about the code as written
                // (before inlining merges functions or folding hides a float),
                // whatever the optimisation level.
                pb.registerPipelineStartEPCallback([](ModulePassManager &mpm, OptimizationLevel) {
                    mpm.addPass(ktal::PolicyPass());
                });
                pb.registerPipelineParsingCallback([](StringRef name, FunctionPassManager &fpm,
                                                      ArrayRef<PassBuilder::PipelineElement>) {
                    if (name != "ktal-unroll-hints") return false;
                    fpm.addPass(ktal::UnrollHintsPass());
                    return true;
                });
                pb.registerPipelineParsingCallback([](StringRef name, ModulePassManager &mpm,
                                                      ArrayRef<PassBuilder::PipelineElement>) {
                    if (name == "ktal-policy") {
                        mpm.addPass(ktal::PolicyPass());
                        return true;
                    }
                    if (name == "ktal-static-zero") {
                        mpm.addPass(ktal::StaticZeroPass());
                        return true;
                    }
                    if (name == "ktal-constructors") {
                        mpm.addPass(ktal::ConstructorsPass());
                        return true;
                    }
                    if (name == "ktal-check") {
                        mpm.addPass(ktal::CheckPass());
                        return true;
                    }
                    if (name.consume_front("ktal-heap<bytes=") && name.consume_back(">")) {
                        uint64_t bytes = 0;
                        if (name.getAsInteger(10, bytes)) return false; // (0: as built)
                        mpm.addPass(ktal::HeapPass(bytes));
                        return true;
                    }
                    if (name.consume_front("ktal-shadow<user=") && name.consume_back(">")) {
                        mpm.addPass(ktal::ShadowPass(name.str()));
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
