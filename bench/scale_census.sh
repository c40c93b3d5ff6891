#!/usr/bin/env bash
# Scale: one run of a country thirty times Peru's programme (about 1,000,000 teachers, read
# from a CSV census of about 414,000 schools, three school years) against the same census at
# the default's size (about 33,500 teachers). Prints each run's wall and CPU time and peak
# memory (/usr/bin/time -v) and the cost per teacher-year of both. Issue 17's targets: the 30x
# run in under 5 s and 2 GB; its cost per teacher-year within 15% of the 1x figure.
#
#   bench/scale_census.sh [build/coachsim]
set -euo pipefail
cd "$(dirname "$0")/.."
coachsim=${1:-build/coachsim}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# --teachers is the expected count before rounding each school's draw; these give about
# 1,001,600 and 33,500 teachers with seed 1.
python3 scripts/make_census_scenario.py --teachers 1012500 --years 3 --out "$work/x30" >/dev/null
python3 scripts/make_census_scenario.py --teachers 33717 --years 3 --out "$work/x1" >/dev/null

for scale in x1 x30; do
  /usr/bin/time -v "$coachsim" run -q --no-ledger "$work/$scale/census.yaml" --out "$work/$scale/out" \
    2>"$work/$scale/time.txt"
  python3 - "$work/$scale" "$scale" <<'EOF'
import json, re, sys
folder, scale = sys.argv[1], sys.argv[2]
summary = json.load(open(f"{folder}/out/summary.json"))
time = open(f"{folder}/time.txt").read()
def field(name):
    return re.search(re.escape(name) + r"[^\n]*?: (.*)", time).group(1)
teacher_years = sum(n["teachers"] for n in summary["national"])
cost = summary["cost_total"]["centimos"] / 100
cpu = float(field("User time")) + float(field("System time"))
print(f"{scale}: {summary['national'][0]['teachers']:,} teachers, {summary['events']:,} events; "
      f"wall {field('Elapsed (wall clock) time')}, CPU {cpu:.2f} s, "
      f"peak {int(field('Maximum resident set size')) / 1024:.0f} MiB; "
      f"cost per teacher-year {cost / teacher_years:,.2f}")
EOF
done
