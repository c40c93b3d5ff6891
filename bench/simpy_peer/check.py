#!/usr/bin/python3
"""Checks that the SimPy peer and coachsim reach the same totals to the céntimo.

  /usr/bin/python3 bench/simpy_peer/check.py build/coachsim SCENARIO.yaml

Runs `coachsim run --no-ledger` and bench/simpy_peer/peer.py on the scenario (one written by
`scripts/make_census_scenario.py --peer`) and compares, per school year, the coach and
supervisor counts and the cost of every category. The peer assumes every trip and workshop fits
in the year, so the check also requires coachsim's missed.csv to be empty. Exit 0 when all
agree, 1 otherwise (the differences are printed). Not part of ctest: a run takes seconds.
"""

import csv
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    if len(sys.argv) != 3:
        print("usage: check.py COACHSIM SCENARIO.yaml", file=sys.stderr)
        return 2
    coachsim, scenario = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([coachsim, "run", "-q", "--no-ledger", scenario, "--out", out], check=True)
        with open(os.path.join(out, "summary.json"), encoding="utf-8") as f:
            summary = json.load(f)
        with open(os.path.join(out, "missed.csv"), encoding="utf-8") as f:
            missed = list(csv.DictReader(f))
    peer = json.loads(subprocess.run([sys.executable, os.path.join(HERE, "peer.py"), scenario],
                                     check=True, capture_output=True, text=True).stdout)
    problems = []
    if missed:
        problems.append(f"coachsim missed {len(missed)} activities; the peer assumes none "
                        "(the scenario is outside the peer's subset)")
    for national in summary["national"]:
        year = str(national["year"])
        ours = peer["years"].get(year)
        if ours is None:
            problems.append(f"{year}: not in the peer's output")
            continue
        for what in ("coaches", "supervisors", "teachers"):
            if national[what] != peer[what]:
                problems.append(f"{year} {what}: coachsim {national[what]}, peer {peer[what]}")
        for category, cost in national["cost_by_category"].items():
            if cost["centimos"] != ours.get(category, 0):
                problems.append(f"{year} {category}: coachsim {cost['centimos']} céntimos, "
                                f"peer {ours.get(category, 0)}")
    total = summary["cost_total"]["centimos"]
    if total != peer["cost_total"]:
        problems.append(f"cost total: coachsim {total} céntimos, peer {peer['cost_total']}")
    for p in problems:
        print(p)
    if not problems:
        print(f"equal to the céntimo: {len(summary['national'])} years, {peer['coaches']} "
              f"coaches, {peer['teachers']} teachers, cost total {total / 100:,.2f}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
