#!/usr/bin/env bash
# Builds (installing what is missing first) and starts the desktop application.
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/build.sh
exec ./build/app/llm-planner "$@"
