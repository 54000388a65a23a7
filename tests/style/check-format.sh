#!/usr/bin/env bash
# check-format.sh SOURCE_DIR: every C++ source and header the repository
# tracks is as clang-format-19 leaves it (the kernel's own C files and the
# uapi header keep the kernel's style and are left out, as in `make format`).
# Prints the files that are not, and how to fix them.
set -euo pipefail
cd "${1:?usage: check-format.sh SOURCE_DIR}"
mapfile -t files < <(git ls-files '*.cpp' '*.hpp' '*.h' '*.cc' | grep -v '^kernel/uapi\|^kernel/module/.*\.[ch]$')
[ ${#files[@]} -gt 0 ] || { echo "check-format: no sources found (not a git checkout?)" >&2; exit 1; }
bad=()
for f in "${files[@]}"; do
  clang-format-19 --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ ${#bad[@]} -gt 0 ]; then
  printf 'check-format: not clang-formatted: %s\n' "${bad[@]}" >&2
  echo "check-format: run 'make format'" >&2
  exit 1
fi
echo "check-format: ${#files[@]} files formatted"
