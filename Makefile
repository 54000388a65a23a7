# The two commands: `make demo` and `make test`. Each installs what is missing
# (Debian packages only), configures with CMake and builds first.
BUILD      ?= build
JOBS       ?= $(shell nproc)
CMAKE_ARGS ?=

.PHONY: all deps configure build test demo clean format fuzz bench csmith

all: build

deps:
	@scripts/install-deps

configure: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
	       -DKTAL_SANITIZE=ON $(CMAKE_ARGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

test: build
	@ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS) --timeout 1800

demo: build
	@scripts/demo $(BUILD)

clean: deps
	@rm -rf $(BUILD)

format:
	@git ls-files '*.cpp' '*.hpp' '*.h' '*.cc' | grep -v '^kernel/uapi\|^kernel/module/.*\.[ch]$$' | xargs clang-format-19 -i

bench: build
	@$(BUILD)/bin/verifier_bench --benchmark_min_time=1 --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
	@bench/corpus-bench $(BUILD)

fuzz: build
	@mkdir -p $(BUILD)/fuzz-corpus && $(BUILD)/bin/verifier_fuzz -max_total_time=$${FUZZ_SECONDS:-3600} -rss_limit_mb=2048 $(BUILD)/fuzz-corpus

# Csmith's random programs, native against ktal run --user (add --prove in
# CSMITH_FLAGS to re-check each image with Z3 too).
csmith: build
	@tests/csmith/csmith-diff.sh --skip-slow $(CSMITH_FLAGS) $(BUILD)/bin/ktal-cc $(BUILD)/bin/ktal $${CSMITH_SEEDS:-1-1000}
