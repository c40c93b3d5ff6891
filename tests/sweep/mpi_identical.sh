#!/usr/bin/env bash
# A sweep over 2 MPI ranks writes byte-identical files to the same sweep in one process.
# Usage: mpi_identical.sh MPIEXEC COACHSIM SOURCE_DIR
set -euo pipefail
mpiexec=$1 coachsim=$2 src=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cp "$src/scenarios/small-schools.csv" "$dir/"
{
  cat "$src/scenarios/small.yaml"
  cat <<'YAML'
uncertainty:
  - field: coach.monthly_fee
    triangular: ["2500 PEN/month", "3000 PEN/month", "4000 PEN/month"]
    source: "ASSUMPTION: test range"
  - field: costs.materials_per_teacher
    uniform: ["29 PEN/participant", "31 PEN/participant"]
    source: "ASSUMPTION: test range"
YAML
} >"$dir/small-unc.yaml"
args=("$dir/small-unc.yaml" --replications 9 --tornado --budget-limit "133000 PEN" -q)
"$coachsim" sweep "${args[@]}" --threads 2 --out "$dir/one"
# Root in containers needs these; --oversubscribe lets 2 ranks run on 1 free core.
# Open MPI's runtime keeps allocations until exit, which LeakSanitizer would report in the
# sanitizer build: leak checking stays on for the one-process run above, off for the ranks.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
"$mpiexec" -np 2 "$coachsim" sweep "${args[@]}" --threads 1 --out "$dir/two"
for f in sweep.csv replications.csv tornado.csv sensitivity.csv probabilities.csv sweep.json; do
  cmp "$dir/one/$f" "$dir/two/$f"
done
echo "2 ranks match 1 process"
