// Running a certified image in an ordinary process (`ktal run --user`): the
// same admission as ktal.ko (verify, place, W^X), the helpers as real system
// calls. One binary, two privilege levels: what the KML comparison needs.
#pragma once

#include "tal/types.hpp"

#include <string>
#include <vector>

namespace ktal::user {

struct RunOptions {
    u32 stack_budget = 4096;
    // Write /tmp/perf-PID.map (the image's functions at their run-time
    // addresses), so that `perf report` names them.
    bool perf_map = false;
};

// Admits and runs the image with these arguments (argv[0] first). Returns the
// program's exit status; on a rejection or a bad image prints why and returns
// 1 (the caller cannot tell those from a program's own status 1 except by the
// message: `ktal verify` first if that matters).
int run(const std::vector<u8> &image, const std::string &path, const std::vector<std::string> &args,
        const RunOptions &opts);

} // namespace ktal::user
