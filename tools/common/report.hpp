// How tools show a verdict: one human form, one JSON form, for `ktal verify`,
// `ktal run` (a kernel rejection prints the same way) and ktal-cc.
#pragma once

#include "loader/check_image.hpp"
#include "loader/symbols.hpp"

#include <string>

namespace ktal::report {

// The C source line of an image offset, if the image has debug info
// (via llvm-symbolizer-19), else "".
std::string source_line(const std::string &image_path, u64 addr);

std::string rejection_text(const Rejection &r, const SymbolTable &syms,
                           const std::string &image_path);
std::string rejection_json(const Rejection &r, const SymbolTable &syms,
                           const std::string &image_path);

} // namespace ktal::report
