#!/usr/bin/env bash
# Builds the Linux packages from an already built tree and inspects them:
#   cpack -G DEB and -G TGZ into a scratch directory (the build tree is left
#   alone), then the .deb's contents (dpkg-deb -c) and control fields
#   (dpkg-deb -f), the programs extracted from it (dpkg-deb -x) run
#   --version, the desktop file, AppStream metadata and MIME package pass
#   their validators where those are installed, and the .tar.gz holds the
#   programs.
# What the packages must hold comes from package-expectations.txt, which
# packaging/CMakeLists.txt writes (file=, depends=, translations=, ...).
# Registered by tests/packaging/CMakeLists.txt; exits 77 (skipped) without
# dpkg-deb.
#
# usage: test_package.sh --cpack CPACK --config CPackConfig.cmake
#                        --expect package-expectations.txt --work SCRATCH_DIR
set -uo pipefail

cpack=cpack config="" expect="" work=""
while (($#)); do
    case $1 in
        --cpack) cpack=$2; shift 2 ;;
        --config) config=$2; shift 2 ;;
        --expect) expect=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        *) echo "test_package: unknown argument $1" >&2; exit 2 ;;
    esac
done
[[ -f $config && -f $expect && -n $work ]] || {
    echo "test_package: need --config FILE --expect FILE --work DIR" >&2; exit 2; }

if ! command -v dpkg-deb >/dev/null; then
    echo "SKIP: dpkg-deb is not installed (package dpkg; dpkg-dev for shlibdeps)"
    exit 77
fi

failures=0
pass() { echo "ok:   $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
skip() { echo "skip: $*"; }
check() { # check DESCRIPTION COMMAND...
    local what=$1; shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}

# --- what to expect ---------------------------------------------------------
package="" version="" app_id="" tgz="" translations=0 desktop="" metainfo="" mime=""
files=() depends=()
while IFS='=' read -r key value; do
    case $key in
        ''|'#'*) ;;
        package) package=$value ;;
        version) version=$value ;;
        app_id) app_id=$value ;;
        tgz) tgz=$value ;;
        translations) translations=$value ;;
        desktop) desktop=$value ;;
        metainfo) metainfo=$value ;;
        mime) mime=$value ;;
        file) files+=("$value") ;;
        depends) depends+=("$value") ;;
        *) echo "test_package: unknown key '$key' in $expect" >&2; exit 2 ;;
    esac
done <"$expect"

start=$SECONDS
rm -rf "$work"
mkdir -p "$work"

# --- build the packages -----------------------------------------------------
for generator in DEB TGZ; do
    log=$work/cpack-$generator.log
    if "$cpack" --config "$config" -B "$work" -G "$generator" >"$log" 2>&1; then
        pass "cpack -G $generator"
    else
        fail "cpack -G $generator; its output:"
        cat "$log"
        exit 1
    fi
done
# dpkg-shlibdeps reports libraries it cannot map to a package as warnings.
if grep -i "dpkg-shlibdeps: warning" "$work/cpack-DEB.log"; then
    fail "dpkg-shlibdeps warned (above)"
fi

shopt -s nullglob
debs=("$work"/"${package}_${version}"_*.deb)
shopt -u nullglob
if ((${#debs[@]} != 1)); then
    fail "expected one ${package}_${version}_<arch>.deb in $work, found: $(ls "$work")"
    exit 1
fi
deb=${debs[0]}
pass "package file $(basename "$deb")"

# --- contents ---------------------------------------------------------------
listing=$(dpkg-deb -c "$deb") || { fail "dpkg-deb -c"; exit 1; }
has_entry() { # has_entry PATH [MODE-PREFIX]
    awk -v p="./usr/$1" -v m="${2:-}" '$NF == p && index($1, m) == 1 { found = 1 } END { exit !found }' <<<"$listing"
}
for path in "${files[@]}"; do
    check "deb holds usr/$path" has_entry "$path"
done
check "usr/bin/llm-planner is executable" has_entry bin/llm-planner -rwxr-xr-x
check "usr/bin/llm-planner-cli is executable" has_entry bin/llm-planner-cli -rwxr-xr-x
if ((translations > 0)); then
    check "deb holds a .qm translation" grep -q '\./usr/share/llm-planner/translations/.*\.qm$' <<<"$listing"
else
    skip "no translations to expect (PLANNER_QM_FILES is empty)"
fi
check "deb holds nothing outside /usr" bash -c '! awk "{ print \$NF }" | grep -v -E "^\./(usr(/.*)?)?$"' <<<"$listing"

# --- control fields ---------------------------------------------------------
field() { dpkg-deb -f "$deb" "$1"; }
check "Package: $package" test "$(field Package)" = "$package"
check "Version: $version" test "$(field Version)" = "$version"
arch=$(dpkg --print-architecture)
check "Architecture: $arch" test "$(field Architecture)" = "$arch"
depends_field=$(field Depends)
echo "      Depends: $depends_field"
for name in "${depends[@]}"; do
    check "Depends names $name" grep -q -E "(^|[ ,|])${name}( |,|$)" <<<"$depends_field"
done
for name in Maintainer Description Section Homepage; do
    check "$name is set ($(field "$name" | head -n 1))" test -n "$(field "$name")"
done

# --- the programs, as installed ---------------------------------------------
root=$work/root
dpkg-deb -x "$deb" "$root" || { fail "dpkg-deb -x"; exit 1; }
# A private home, so the GUI's settings and caches stay out of the user's.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share \
    XDG_CACHE_HOME=$work/home/.cache XDG_RUNTIME_DIR=$work/runtime
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
out=$("$root/usr/bin/llm-planner-cli" --version 2>&1)
check "llm-planner-cli --version prints 'llm-planner-cli $version' (got '$out')" \
    test "$out" = "llm-planner-cli $version"
out=$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/llm-planner" --version 2>/dev/null)
check "llm-planner --version prints 'llm-planner $version' (got '$out')" \
    test "$out" = "llm-planner $version"
if command -v readelf >/dev/null; then
    for program in llm-planner llm-planner-cli; do
        # Only $ORIGIN-relative entries (qt_standard_project_setup), no build tree.
        check "$program's RUNPATH points nowhere absolute" \
            bash -c '! readelf -d "$1" | grep -E "R(UN)?PATH" | grep -q -E "[[:space:]:\[]/"' _ "$root/usr/bin/$program"
    done
fi

# --- desktop integration ----------------------------------------------------
desktop_file=$root/usr/$desktop
metainfo_file=$root/usr/$metainfo
mime_file=$root/usr/$mime
check "desktop file is named after the id" test "$(basename "$desktop_file")" = "$app_id.desktop"
check "desktop Icon= names the installed icon" \
    test -f "$root/usr/share/icons/hicolor/scalable/apps/$(sed -n 's/^Icon=//p' "$desktop_file").svg"
check "desktop MimeType= is the type the MIME package defines" \
    grep -q "type=\"$(sed -n 's/^MimeType=\([^;]*\);.*/\1/p' "$desktop_file")\"" "$mime_file"
check "metainfo <id> is $app_id" grep -q "<id>$app_id</id>" "$metainfo_file"
check "metainfo launches $app_id.desktop" \
    grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo_file"
check "metainfo lists release $version" grep -q "<release version=\"$version\"" "$metainfo_file"

if command -v desktop-file-validate >/dev/null; then
    check "desktop-file-validate" desktop-file-validate "$desktop_file"
else
    skip "desktop-file-validate is not installed (package desktop-file-utils)"
fi
if command -v appstreamcli >/dev/null; then
    check "appstreamcli validate --no-net" appstreamcli validate --no-net "$metainfo_file"
else
    skip "appstreamcli is not installed (package appstream)"
fi
if command -v update-mime-database >/dev/null; then
    mimedir=$work/mime
    mkdir -p "$mimedir/packages"
    cp "$mime_file" "$mimedir/packages/"
    if update-mime-database "$mimedir" >"$work/mime.log" 2>&1 &&
        grep -q ':\*\.llmplan$' "$mimedir/globs2"; then
        pass "update-mime-database maps *.llmplan"
    else
        fail "update-mime-database maps *.llmplan:"; cat "$work/mime.log"
    fi
else
    skip "update-mime-database is not installed (package shared-mime-info)"
fi

# --- the .tar.gz ------------------------------------------------------------
if [[ -f $work/$tgz ]]; then
    pass "package file $tgz"
    tar_listing=$(tar -tzf "$work/$tgz")
    top=${tgz%.tar.gz}
    for path in bin/llm-planner bin/llm-planner-cli "$desktop" "$metainfo"; do
        check "tar.gz holds $top/$path" grep -q -x -F "$top/$path" <<<"$tar_listing"
    done
else
    fail "no $tgz in $work: $(ls "$work")"
fi

echo "      $((SECONDS - start)) s"
if ((failures)); then
    echo "$failures check(s) failed; the packages are in $work"
    exit 1
fi
rm -rf "$work"
