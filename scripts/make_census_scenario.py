#!/usr/bin/env python3
"""Writes a scenario whose schools come from CSV census files, at a chosen size.

The scenario is the built-in default (scenarios/default.yaml: its calendar, protocol, caseload
rules, unit costs, regions, UGELs, staff and coach fees) with every region's school aggregates
replaced by a schools CSV, one row per school, drawn from the same aggregates' distributions and
scaled to the size asked for. It is how a ministry's input looks (a census listing schools), and
what the loading benchmark and the SimPy peer (bench/simpy_peer/) read.

  python3 scripts/make_census_scenario.py --teachers 23600 --out /tmp/census
  python3 scripts/make_census_scenario.py --schools 100000 --years 1 --out /tmp/census100k

--teachers scales the default's expected teacher count to about that many; --schools scales its
school count to about that many rows. The same arguments and --seed give byte-identical files.

--peer writes the subset of the model that bench/simpy_peer/ implements as well (so both must
reach the same totals to the céntimo): nearest-first caseloads, no rainy season, per diem per
day on site (session_day), no overhead, no supervision visits, and distances capped so that every
school is within the daily commute (no overnight trips, so no trip depends on the weekday it
starts). Every change is a labelled ASSUMPTION in the scenario's `sources:`.

Standard library only (CI runs it on a fresh machine with python3 alone).
"""

import argparse
import json
import math
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "scenarios", "default.yaml")

AGGREGATE = re.compile(
    r"school_type: (?P<type>\w+), count: (?P<count>\d+), "
    r"teachers: \{triangular: \[(?P<t>[^\]]+)\]\}, "
    r"students_per_teacher: \{uniform: \[(?P<s>[^\]]+)\]\}, "
    r"distance_km: \{lognormal: \[(?P<d>[^\]]+)\], max: (?P<dmax>[\d.]+)\}, "
    r"border_share: (?P<border>[\d.]+), urban_share: (?P<urban>[\d.]+)")


def numbers(text):
    return [float(x) for x in text.split(",")]


def parse_default(text):
    """Splits the default into the sections before `regions:`, the regions, and prices."""
    lines = text.splitlines()
    start = lines.index("regions:")
    end = next(i for i in range(start + 1, len(lines)) if re.match(r"^[a-z_]+:", lines[i]))
    head = lines[:start]
    regions = []
    for line in lines[start + 1:end]:
        s = line.strip()
        if s.startswith("- id: "):
            regions.append({"id": s[len("- id: "):], "lines": [], "aggregates": []})
        elif not regions or not s or s.startswith("#"):
            continue
        elif s.startswith("ugels: "):
            regions[-1]["ugels"] = json.loads(s[len("ugels: "):])
            regions[-1]["lines"].append(s)
        elif s.startswith("- {school_type"):
            m = AGGREGATE.search(s)
            if not m:
                sys.exit(f"{DEFAULT}: cannot read the aggregate {s!r}")
            regions[-1]["aggregates"].append({
                "type": m["type"], "count": int(m["count"]), "teachers": numbers(m["t"]),
                "spt": numbers(m["s"]), "distance": numbers(m["d"]),
                "dmax": float(m["dmax"]), "border": float(m["border"]),
                "urban": float(m["urban"])})
        elif s != "schools:":
            regions[-1]["lines"].append(s)
    return head, regions


def keep_years(head, years):
    """Keeps the first `years` entries of `years:` (each starts with '  - year: ')."""
    out, seen, skipping, in_years = [], 0, False, False
    for line in head:
        if re.match(r"^[a-z_]+:", line):
            in_years = line.startswith("years:")
            skipping = False
        if in_years and line.startswith("  - year: "):
            seen += 1
            skipping = seen > years
        if not skipping:
            out.append(line)
    return out, 2020 + years - 1


def peer_subset(head):
    """The default's sections with the changes --peer makes (see the module doc)."""
    text = "\n".join(head)
    text = re.sub(r"rainy_season: \[\{[^\]]*\]", "rainy_season: []", text)
    text = re.sub(r"rainy_travel_factor: [\d.]+", "rainy_travel_factor: 1.0", text)
    text = text.replace("per_diem_basis: per_day_of_commission", "per_diem_basis: session_day")
    text = re.sub(r"overhead_rate: [\d.]+", "overhead_rate: 0", text)
    text = re.sub(r"visits_per_coach: \d+", "visits_per_coach: 0", text)
    text = text.replace('protocol:\n', 'protocol:\n  caseload_packing: nearest_first\n', 1)
    return text.splitlines()


def expected_teachers(regions):
    return sum(a["count"] * sum(a["teachers"]) / 3 for r in regions for a in r["aggregates"])


def draw_count(rng, expected):
    whole = math.floor(expected)
    return whole + (1 if rng.random() < expected - whole else 0)


def school_rows(rng, region, aggregate, count, peer, max_km):
    lo, mode, hi = aggregate["teachers"]
    spt_lo, spt_hi = aggregate["spt"]
    median, sigma = aggregate["distance"]
    for _ in range(count):
        teachers = max(1, round(rng.triangular(lo, hi, mode)))
        students = max(1, round(teachers * rng.uniform(spt_lo, spt_hi)))
        km = min(median * math.exp(sigma * rng.gauss(0.0, 1.0)), aggregate["dmax"])
        if peer:
            km = min(km, max_km)
        yield (rng.choice(region["ugels"]), aggregate["type"],
               "true" if rng.random() < aggregate["urban"] else "false",
               "true" if rng.random() < aggregate["border"] else "false",
               teachers, students, f"{km:.1f}")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size = p.add_mutually_exclusive_group(required=True)
    size.add_argument("--teachers", type=int, help="about this many teachers in all")
    size.add_argument("--schools", type=int, help="about this many school rows in all")
    p.add_argument("--years", type=int, default=2, choices=[1, 2, 3],
                   help="school years from 2020 (default 2)")
    p.add_argument("--seed", type=int, default=1, help="random seed of the draw (default 1)")
    p.add_argument("--peer", action="store_true",
                   help="the subset of the model the SimPy peer implements")
    p.add_argument("--out", required=True, help="folder to write census.yaml and its CSVs to")
    args = p.parse_args()

    with open(DEFAULT, encoding="utf-8") as f:
        head, regions = parse_default(f.read())
    head, last_year = keep_years(head, args.years)
    if args.peer:
        head = peer_subset(head)
    if args.teachers is not None:
        factor = args.teachers / expected_teachers(regions)
    else:
        factor = args.schools / sum(a["count"] for r in regions for a in r["aggregates"])
    # ASSUMPTION (--peer): 40 km at the slowest speed (Amazon, 12 km/h) is under the 2 h commute.
    max_km = 20.0

    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    rows_total = teachers_total = 0
    out = head + ["", "regions:"]
    for index, region in enumerate(regions):
        csv_name = f"schools-{index + 1:02d}.csv"
        out.append(f"  - id: {region['id']}")
        out += [f"    {line}" for line in region["lines"]]
        out.append(f"    schools_csv: {csv_name}")
        with open(os.path.join(args.out, csv_name), "w", encoding="utf-8", newline="\n") as f:
            f.write("id,ugel,school_type,urban,border,teachers,students,distance_km\n")
            n = 0
            for aggregate in region["aggregates"]:
                count = draw_count(rng, aggregate["count"] * factor)
                for row in school_rows(rng, region, aggregate, count, args.peer, max_km):
                    n += 1
                    teachers_total += row[4]
                    f.write(f"R{index + 1:02d}-{n:06d}," + ",".join(
                        f'"{v}"' if isinstance(v, str) and "," in v else str(v) for v in row) + "\n")
            rows_total += n
    years = ", ".join(f'{y}: "{r} PEN/USD"' for y, r in
                      zip(range(2020, last_year + 1), ["3.49", "3.86", "3.94"]))
    out += ["", "prices:", "  price_year: 2020", f"  exchange_rate: {{{years}}}", "",
            "sources:",
            '  regions.schools_csv: "ASSUMPTION: synthetic census drawn by '
            f'scripts/make_census_scenario.py (seed {args.seed}, scale {factor:.4f} of the '
            'default) from the default\'s school aggregates (docs/default-scenario.md)"']
    if args.peer:
        out.append('  protocol: "ASSUMPTION: the subset bench/simpy_peer implements: nearest-first '
                   'caseloads, no rainy season, per diem per session day, no overhead, no '
                   f'supervision visits, schools within {max_km:.0f} km"')
    with open(os.path.join(args.out, "census.yaml"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out) + "\n")
    print(f"{args.out}/census.yaml: {len(regions)} regions, {rows_total} schools, "
          f"{teachers_total} teachers, {args.years} years")


if __name__ == "__main__":
    main()
