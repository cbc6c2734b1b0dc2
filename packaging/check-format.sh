#!/usr/bin/env bash
# Fails, listing them, when C++ sources under app/ core/ database/ ui/ tests/
# differ from what clang-format 14 makes of them with the root .clang-format.
# The version is pinned: another clang-format formats some constructs
# differently. Fix a file with: clang-format-14 -i FILE
set -euo pipefail
cd "$(dirname "$0")/.."
clang_format=${CLANG_FORMAT:-clang-format-14}
if ! command -v "$clang_format" >/dev/null; then
  echo "check-format: $clang_format not found (packaging/install-deps.sh installs it)" >&2
  exit 2
fi

# Build folders and the fuzz corpus (inputs, not code) are not ours to format.
mapfile -d '' files < <(find app core database ui tests \
  \( -type d \( -name 'build' -o -name 'build-*' -o -path tests/fuzz/corpus \) -prune \) \
  -o -type f \( -name '*.cpp' -o -name '*.h' \) -print0 | sort -z)

unformatted=()
for f in "${files[@]}"; do
  "$clang_format" --style=file --dry-run --Werror "$f" >/dev/null 2>&1 || unformatted+=("$f")
done

if ((${#unformatted[@]} > 0)); then
  echo "check-format: ${#unformatted[@]} of ${#files[@]} files are not formatted (clang-format-14 -i FILE):" >&2
  printf '  %s\n' "${unformatted[@]}" >&2
  exit 1
fi
echo "check-format: ${#files[@]} files formatted"
