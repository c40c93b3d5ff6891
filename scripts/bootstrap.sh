#!/usr/bin/env bash
# Installs what coachsim needs from Debian's packages and builds it.
#   scripts/bootstrap.sh                 -> Release build in build/
#   scripts/bootstrap.sh --sanitize DIR  -> AddressSanitizer + UBSan build (tests only) in DIR
#   scripts/bootstrap.sh --fuzz DIR      -> the libFuzzer targets (clang, ASan + UBSan) in DIR
# Safe to run again: apt-get skips what is installed, CMake rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake ninja-build g++ clang-format
          libboost-dev libyaml-cpp-dev libeigen3-dev libcli11-dev nlohmann-json3-dev
          libgtest-dev libgmock-dev libbenchmark-dev libsqlite3-dev sqlite3
          pkg-config gettext libxlsxwriter-dev python3-openpyxl chromium
          libzip-dev libpugixml-dev  # reading input workbooks (.xlsx)
          python3-simpy3 python3-yaml  # bench/simpy_peer (the SimPy 3 benchmark peer)
          libopenmpi-dev openmpi-bin coinor-libcbc-dev
          clang libclang-rt-14-dev)  # the libFuzzer targets (tests/fuzz/)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

# The HTML report's chart libraries (Vega, Vega-Lite, vega-embed) at the versions pinned in
# report-assets/package-lock.json; CMake embeds them into the binary. Without npm the build still
# works, but `coachsim run --html` is unavailable and its browser test is skipped.
if ! command -v npm >/dev/null 2>&1; then
  echo "bootstrap: npm not found; skipping the HTML report's chart libraries" \
       "(install Node.js and npm, then run this script again, to enable --html)"
elif [ ! -f report-assets/node_modules/.package-lock.json ] ||
     [ report-assets/package.json -nt report-assets/node_modules/.package-lock.json ] ||
     [ report-assets/package-lock.json -nt report-assets/node_modules/.package-lock.json ]; then
  echo "bootstrap: installing the HTML report's chart libraries (npm ci --prefix report-assets)"
  npm ci --prefix report-assets --no-audit --no-fund >/dev/null
fi

# The sanitizer and fuzz builds are for finding faults, not for speed: -O1 with line tables
# only (-g1) compiles in about 60% of the CPU time of -O2 -g (measured on
# sim/audit/regression.cpp under ASan+UBSan: 23 s against 40 s), keeps the file:line of every
# sanitizer report, and leaves the tests' run time about the same.
checked_flags="-O1 -g1 -DNDEBUG"
if [ "${1:-}" = "--fuzz" ]; then
  dir="${2:-build-fuzz}"
  CC=clang CXX=clang++ cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="$checked_flags" -DCOACHSIM_FUZZ=ON -DCOACHSIM_TESTS=OFF -DCOACHSIM_BENCH=OFF >/dev/null
  cmake --build "$dir" -j "$(nproc)" --target fuzz_scenario fuzz_schools_csv fuzz_actuals
elif [ "${1:-}" = "--sanitize" ]; then
  dir="${2:-build-asan}"
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="$checked_flags" -DCOACHSIM_SANITIZE=ON -DCOACHSIM_BENCH=OFF >/dev/null
  cmake --build "$dir" -j "$(nproc)"
else
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build -j "$(nproc)"
fi
