// The ktal subcommands: each lives in its own file as `int run_NAME(Args)`.
#pragma once

#include <span>
#include <string_view>

namespace ktal::cli {

using Args = std::span<char *const>; // the subcommand's arguments, without its name

int run_info(Args args);
int run_verify(Args args);
int run_cert(Args args);
int run_run(Args args);
int run_load(Args args);
int run_unload(Args args);
int run_list(Args args);
int run_prove(Args args);

} // namespace ktal::cli
