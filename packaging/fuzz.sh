#!/usr/bin/env bash
# Fuzzes every parser of outside input (tests/fuzz/) with libFuzzer: builds the
# fuzz targets with clang, ASan and UBSan in build-fuzz/, runs each one for
# FUZZ_SECONDS (default 60) on a writable copy of its seed corpus
# (tests/fuzz/corpus/<target>/, plus tests/fuzz/regressions/<target>/ read
# only), prints how many inputs each ran, and fails if any target found a
# crash, a leak, a timeout or an out-of-memory. The crashing inputs are kept
# under build-fuzz/fuzz-run/artifacts/<target>/: fix the parser, then save the
# input as tests/fuzz/regressions/<target>/<short-name> so that the test suite
# (tests/database/test_fuzzregressions.cpp) replays it.
#
#   FUZZ_SECONDS=30 packaging/fuzz.sh              # every target
#   FUZZ_SECONDS=30 packaging/fuzz.sh gguf trace   # some targets
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build-fuzz"
seconds=${FUZZ_SECONDS:-60}
targets=(plan hfconfig safetensors gguf csv catalogueimport trace launch measurements)
if (($# > 0)); then
  targets=("$@")
fi

"$root/packaging/install-deps.sh" || exit 1

# Only the fuzz targets and the libraries they need (core, database) are built.
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DPLANNER_FUZZ=ON \
  -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null || exit 1
cmake --build "$build" --target fuzz_targets || exit 1

run="$build/fuzz-run"
rm -rf "$run"
mkdir -p "$run"
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export QT_QPA_PLATFORM=offscreen

summary=()
failed=0
for target in "${targets[@]}"; do
  exe="$build/tests/fuzz/fuzz_$target"
  if [[ ! -x $exe ]]; then
    echo "fuzz.sh: no fuzz target '$target'" >&2
    exit 2
  fi
  corpus="$run/corpus/$target"
  artifacts="$run/artifacts/$target/"
  mkdir -p "$corpus" "$artifacts"
  cp -r "$root/tests/fuzz/corpus/$target/." "$corpus/"
  inputs=("$corpus")
  if [[ -d $root/tests/fuzz/regressions/$target ]]; then
    inputs+=("$root/tests/fuzz/regressions/$target")
  fi
  log="$run/$target.log"
  echo "== fuzz_$target for ${seconds}s (log: $log)"
  "$exe" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$artifacts" "${inputs[@]}" >"$log" 2>&1
  status=$?
  runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1 inputs in \2 s/p' "$log" | tail -n 1)
  if ((status != 0)); then
    failed=1
    crash=$(find "$artifacts" -type f | head -n 1)
    summary+=("fuzz_$target: FAILED (exit $status) ${crash:+input: $crash}")
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|fuzz invariant)' "$log" | head -n 5 | sed 's/^/    /'
    # CI keeps only this output, not build-fuzz/: print the input itself so a
    # crash found there can be reproduced (base64 -d | gunzip > input).
    if [[ -n $crash ]]; then
      echo "    crashing input, gzip then base64 ($(stat -c %s "$crash") bytes):"
      gzip -9 -c "$crash" | base64 -w 100 | sed 's/^/      /'
    fi
  else
    summary+=("fuzz_$target: ${runs:-? inputs}, no crash")
  fi
done

echo
echo "Fuzzing summary (${seconds}s per target):"
printf '  %s\n' "${summary[@]}"
exit $failed
