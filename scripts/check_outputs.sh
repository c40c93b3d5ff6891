#!/usr/bin/env bash
# Byte-identity check of every scenario's outputs against a stored reference.
#
#   scripts/check_outputs.sh           run every scenarios/*.yaml and compare each output file
#                                      (every CSV and summary.json, ledger included) with the
#                                      SHA-256 sums in tests/reference/outputs.sha256
#   scripts/check_outputs.sh --write   run them and store the sums as the new reference
#
# A restructuring or speed-up must leave the check passing. A change that moves a figure on
# purpose rewrites the reference in the same commit, whose message says which figure moved and
# why. Sums rather than the files themselves: the default's ledger alone is over 100 MB.
# COACHSIM (environment) names the binary; the default is build/coachsim.
set -euo pipefail
cd "$(dirname "$0")/.."

reference=tests/reference/outputs.sha256
binary=${COACHSIM:-build/coachsim}
mode=check
[ "${1:-}" = "--write" ] && mode=write

[ -x "$binary" ] || { echo "check_outputs: $binary not found; build first" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Scenarios are named relative to the repository, as a user would, so summary.json's file field
# is the same on every machine.
for scenario in scenarios/*.yaml; do
  name=$(basename "$scenario" .yaml)
  "$binary" run "$scenario" --out "$work/$name" -q
done
(cd "$work" && find . -type f | sort | sed 's|^\./||' | xargs sha256sum) > "$work.sums"

if [ "$mode" = write ]; then
  mkdir -p "$(dirname "$reference")"
  mv "$work.sums" "$reference"
  echo "check_outputs: wrote $(wc -l < "$reference") sums to $reference"
  exit 0
fi

if diff <(awk '{print $2, $1}' "$reference") <(awk '{print $2, $1}' "$work.sums") >"$work.diff"; then
  echo "check_outputs: all $(wc -l < "$reference") output files byte-identical to $reference"
  rm -f "$work.sums"
  exit 0
fi
echo "check_outputs: outputs differ from $reference (file, reference sum / new sum):" >&2
grep '^[<>]' "$work.diff" >&2
rm -f "$work.sums"
exit 1
