#!/usr/bin/env bash
# Proves the engine needs no Qt: configures build-core/ with PLANNER_CORE_ONLY,
# which never looks for Qt, builds core/ and its plain C++ test
# (tests/core_plain), and runs that test with CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/install-deps.sh
cmake -S . -B build-core -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPLANNER_CORE_ONLY=ON >/dev/null
cmake --build build-core --parallel "$(nproc)"
# Belt and braces: no compile or link line may name a Qt library or include folder.
qt='libQt[0-9]|Qt[0-9]::|/qt[0-9]([/ ]|$)'
if grep -qE "$qt" build-core/build.ninja; then
  echo "test-core-only: build-core/build.ninja names Qt:" >&2
  grep -E "$qt" build-core/build.ninja | head -5 >&2
  exit 1
fi
ctest --test-dir build-core --output-on-failure --parallel "$(nproc)"
