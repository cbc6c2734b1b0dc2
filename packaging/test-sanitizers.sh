#!/usr/bin/env bash
# Builds everything a second time with AddressSanitizer (with LeakSanitizer)
# and UndefinedBehaviorSanitizer into ./build-sanitize, then runs the test
# suite there; any sanitizer report fails the test it came from. Installs
# what is missing first. Benchmarks and the package check are left out (they
# measure or package; the sanitizers add nothing there).
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/install-deps.sh
cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=Debug -DPLANNER_SANITIZE=ON >/dev/null
cmake --build build-sanitize --parallel "$(nproc)"
export ASAN_OPTIONS=detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1
ctest --test-dir build-sanitize --label-exclude "bench|packaging" --output-on-failure --parallel "$(nproc)"
