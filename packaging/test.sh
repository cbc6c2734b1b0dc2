#!/usr/bin/env bash
# Builds (installing what is missing first) and runs every test suite.
# Benchmarks are excluded here; run them with: ctest --test-dir build -L bench -V
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/build.sh
ctest --test-dir build --label-exclude bench --output-on-failure --parallel "$(nproc)"
