#!/usr/bin/env bash
# The include rules the compiler cannot see (run by ctest as `layers`; README "Architecture").
#
# Each library module sees only its own public headers and those of the modules it links (one
# include directory per module, CMakeLists.txt coachsim_module), so a backward #include
# "coachsim/<module>/..." fails to compile. What a compiler still accepts is a relative path
# that climbs out of the including file's folder; this script refuses those:
#   - sim/ and include/: no "../" in an #include (a module's private headers are its own);
#   - tests/<module>/: "../../sim/<module>/" of its own module only (white-box tests), plus
#     tests/support/ and tests/fuzz/ (the fuzz targets drive the scenario's private readers).
# Exit 1 with one line per offending include, file:line: text.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
while IFS= read -r hit; do
  echo "layers: $hit (an include may not climb out of its module's folder)"
  status=1
done < <(grep -rnE '^\s*#\s*include\s*"\.\./' sim include || true)
# allowed MODULE PATH: whether tests/MODULE may include the relative PATH.
allowed() {
  case "$2" in
    ../support/* | ../fuzz/* | ../../sim/"$1"/*) return 0 ;;
    ../../sim/scenario/*) [[ $1 == fuzz ]] ;;
    *) return 1 ;;
  esac
}
for dir in tests/*/; do
  module=$(basename "$dir")
  while IFS= read -r hit; do
    path=$(sed -E 's/.*#\s*include\s*"([^"]*)".*/\1/' <<<"${hit#*:*:}")
    if ! allowed "$module" "$path"; then
      echo "layers: $hit (tests/$module may include ../support/, ../fuzz/ and ../../sim/$module/ only)"
      status=1
    fi
  done < <(grep -rnE '^\s*#\s*include\s*"\.\./' "$dir" || true)
done
exit $status
