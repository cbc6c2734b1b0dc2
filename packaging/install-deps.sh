#!/usr/bin/env bash
# Installs the Debian 12 packages the planner needs to build, test and run.
# Idempotent: it asks apt only for packages that are missing, so a machine that
# already has everything is not touched (and needs no network).
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config
  # Qt 6: Widgets, Sql (SQLite driver), Charts, Svg, PrintSupport, Test, translations
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite
  qt6-charts-dev libqt6opengl6-dev libxkbcommon-dev libgl-dev
  qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  # the Qt platform plugins used by the GUI (xcb) and by the tests (offscreen)
  qt6-qpa-plugins
  # engine and catalogue
  libboost-dev libsqlite3-dev sqlite3
  # a CJK font (Chinese text in the interface and the PDF proposal) and
  # pdftotext, which the proposal tests read the PDF back with
  fonts-wqy-microhei poppler-utils
  # Qt's own strings (standard buttons, file dialogs) in the interface languages
  qt6-translations-l10n
  # packaging checks (tests/packaging): dpkg-shlibdeps for the .deb's Depends,
  # the desktop file, AppStream metadata and MIME package validators
  desktop-file-utils appstream dpkg-dev shared-mime-info
  # fuzzing (packaging/fuzz.sh): clang and its libFuzzer/sanitizer runtimes
  clang libclang-rt-14-dev
  # the format check (packaging/check-format.sh) runs clang-format 14 by name:
  # another version formats some constructs differently
  clang-format-14
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

sudo=""
if [[ $(id -u) != 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo; missing: ${missing[*]}" >&2; exit 1; }
  sudo=sudo
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
