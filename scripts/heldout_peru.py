#!/usr/bin/env python3
"""Blind held-out years: calibrate the prices on the published spending of years <= Y, then
predict the later years from their published structure alone (VALIDATION.md, held-out years).

    python3 scripts/heldout_peru.py calibrate Y --coachsim BIN   # writes scenarios/calibration/peru-upto-Y.yaml
    python3 scripts/heldout_peru.py table --coachsim BIN         # the held-out table (markdown)
    python3 scripts/heldout_peru.py check Z Y --coachsim BIN --expect pass|fail   # one ctest case

What is calibrated and what is structure
  Structure (scenarios/peru-2010.yaml ... peru-2012.yaml, peru-2013-heldout.yaml, written by
  make_peru_scenarios.py): regions, coaches, teachers, schools, students, distances, protocol,
  calendar, supervisor groups, staff head counts, and the declared 2013 postgraduate training.
  Calibration (scenarios/calibration/peru-upto-Y.yaml, written here): every price. The national
  monthly coach fee is fitted: the model's cost is linear in it (cost_y = a_y + b_y x fee), so
  the fee that minimises the sum over years y <= Y of the squared relative error
  ((a_y + b_y fee - E_y) / E_y)^2 against Table 1's expenditure E_y is
  sum(b (E - a) / E^2) / sum(b^2 / E^2), with a_y, b_y measured by two runs of the model. The
  other prices are the 2013 priors of make_peru_scenarios.py (UNIT_COSTS_2013, STAFF_SALARY_2013,
  fares): ASSUMPTIONS set by hand, not fitted to any year's total. Because the seeds publish no
  central spending before 2013, the fitted fee carries it (and the internships of 2010-2012) for
  the calibration years: the held-out errors show how well that holds.
  2010's hiring delay (a declared structural line, fitted when it can be): 2010 is the year the
  programme went from 18 regions to all 26 (seed 001, section 1 and Table 1; spending x5.35 over
  2009) and spent 33,077 soles per coach against 44,816 in 2011 and 44,043 in 2012. Table 1
  counts coaches, not months in post, and no seed gives hiring dates or fees, so how long 2010's
  coaches were in post is unknown. With 2010 alone it cannot be told from the fee (0 days, the
  planned 1 February start, is assumed). When a later year is in the calibration, a delay d
  (every region's `contract_delay`, 0-150 days on a 15-day grid) is fitted with the fee: the
  (d, fee) with the smallest sum of squared relative errors. It prices 2010 only; the predicted
  years hire on time. Its uncertainty is shown as the prediction at d +- 15 days.

Naive benchmarks (the same information as the model): coaches of year Z x the pooled cost per
coach of years <= Y (sum of expenditure / sum of coaches), teachers of Z x the pooled cost per
teacher, and coaches of Z x the cost per coach of year Y alone (the benchmark that, like the
fitted delay, sets 2010 aside once a later year is known). The aim (issue 12): within 10% one
year ahead, 15% two years ahead, and a smaller error than all three benchmarks.

Python 3 standard library only; needs the coachsim binary. Deterministic.
"""

import argparse
import csv
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_peru_scenarios as peru  # noqa: E402  (published tables and the 2013 priors)

ROOT = peru.ROOT
YEARS = (2010, 2011, 2012, 2013)
CAL_DIR = os.path.join(ROOT, "scenarios", "calibration")
# The expansion year (seed 001, section 1 and Table 1: 18 regions in 2009, all 26 in 2010,
# spending x5.35): Table 1 counts its coaches, not their months in post. The planned contract
# start (1 February, as every other year, no delay) is the prior; a hiring delay (every
# region's `contract_delay`) is fitted on a 15-day grid when the calibration holds a later year
# too. The grid ends at 150 days (1 July): later, a coach would miss most of the school year.
EXPANSION_YEAR = 2010
DELAY_GRID = tuple(range(0, 151, 15))
# The declared 2013 postgraduate line: ASSUMPTION 6,000 soles per participant, range 3,000-9,000.
POSTGRAD_RANGE = (3000.00, 9000.00)

# Why each aim the model misses is missed (printed by `check` for an expected failure).
REASONS = {
    (2011, 2010): "2010 spent 33,077 soles per coach and 2011 44,816 (+35%). 2010 was the "
                  "expansion year (18 to 26 regions, seed 001 Table 1); the 2010-11 calibration "
                  "explains the gap by coaches hired about 105 days late in 2010, but with 2010 "
                  "alone a hiring delay cannot be told from the fee, and the seeds give no hiring "
                  "dates, coach-months or fees; neither can the naive benchmarks see it",
    (2012, 2010): "the same 2010-to-2011 jump in spending per coach as 2011 from 2010",
    (2012, 2011): "within the 10% aim (+2.4%) and better than the pooled benchmarks (-10.3%, "
                  "-20.5%), but not better than coaches x 2011's cost per coach (+1.8%): the "
                  "fitted 2010 delay does what that benchmark does, setting 2010 aside, and the "
                  "model's structure adds nothing for 2012, whose structure is like 2011's",
}


def structure_file(year):
    name = "peru-2013-heldout.yaml" if year == 2013 else f"peru-{year}.yaml"
    return os.path.join(ROOT, "scenarios", name)


def calibration_text(upto, fee, fitted_on=None, delay=0):
    """The calibration layer: every price of the Peru scenarios (and, as a comment, the 2010
    hiring delay fitted with them)."""
    fitted = fitted_on or ", ".join(str(y) for y in YEARS if y <= upto)
    L = [f"# Purpose: calibration layer (prices) for the Peru validation scenarios, fitted on {fitted}",
         "#",
         "# GENERATED by scripts/heldout_peru.py (calibrate); do not edit by hand. The structure",
         "# files (scenarios/peru-20xx.yaml) extend a layer like this one. Only the coach fee is",
         "# fitted: the least-squares fee on Table 1's expenditure of the years above (method in",
         "# the script's docstring). Every other price is a 2013 prior of",
         "# scripts/make_peru_scenarios.py (ASSUMPTION, not fitted to any year's total).",
         "#"] + delay_comment(upto, delay, fitted) + [
         "",
         "coachsim: 1",
         "coach:",
         f"  monthly_fee: {peru.q(format(fee, '.2f') + ' PEN/month')}   # FITTED on {fitted}",
         "supervision:",
         f"  monthly_fee: {peru.q(format(peru.UNIT_COSTS_2013['supervisor_fee'], '.2f') + ' PEN/month')}"
         "   # ASSUMPTION (2013 prior; no supervisors before 2013)",
         "geographies:"]
    for gid in ("coast", "andes", "amazon"):
        fare = peru.GEOGRAPHIES[gid]["fare"]
        L.append(f"  - {{id: {gid}, fare: {peru.q(format(fare, '.2f') + ' PEN/km')}}}")
    L += ["", "staff_roles:"] + peru.price_lines(peru.UNIT_COSTS_2013)
    L += ["", "sources:",
          f"  coach.monthly_fee: {peru.q('FITTED by scripts/heldout_peru.py on the expenditure of 001_7e83e5b813894d20.txt Table 1, years ' + fitted + '; carries the central spending and internships the seeds do not itemise for those years')}",
          f"  costs: {peru.q('ASSUMPTION: 2013 priors of scripts/make_peru_scenarios.py (UNIT_COSTS_2013), nominal, not fitted')}",
          f"  staff_roles: {peru.q('ASSUMPTION: 2013 priors (STAFF_SALARY_2013), nominal, not fitted')}"]
    return "\n".join(L) + "\n"


def run_total(coachsim, year, fee, work, central_scale=None, delay=0):
    """Simulated national cost of `year`'s structure priced by a layer with `fee`; `delay`
    (2010 only) hires every region's coaches that many days after the planned contract start."""
    cal = os.path.join(work, "cal.yaml")
    with open(cal, "w", encoding="utf-8") as f:
        f.write(calibration_text(2013, fee, fitted_on="(trial)"))
    with open(structure_file(year), encoding="utf-8") as f:
        text = f.read()
    text, n = re.subn(r"(?m)^extends: .*$", "extends: cal.yaml", text)
    assert n == 1, structure_file(year)
    if delay:
        assert year == EXPANSION_YEAR, year
        text, n = re.subn(r"(?m)^(    geography: \w+)$", rf'\1\n    contract_delay: "{delay} days"', text)
        assert n == 26, (n, structure_file(year))  # Table 1: 26 regions in 2010
    if central_scale is not None:  # the declared postgraduate line at another price
        text = re.sub(r'amount: "([0-9.]+) PEN"',
                      lambda m: f'amount: "{float(m.group(1)) * central_scale:.2f} PEN"', text)
    scen = os.path.join(work, "s.yaml")
    with open(scen, "w", encoding="utf-8") as f:
        f.write(text)
    out = os.path.join(work, f"out-{year}")
    r = subprocess.run([coachsim, "run", scen, "--out", out, "--no-ledger", "-q"],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"coachsim failed on {year}: {r.stdout}{r.stderr}")
    with open(os.path.join(out, "national.csv"), encoding="utf-8") as f:
        return float(next(csv.DictReader(f))["cost_total"])


def linear_terms(coachsim, year, work, delay=0):
    """(a, b) of cost = a + b x fee for `year`'s structure, measured by two runs."""
    lo = run_total(coachsim, year, 1000.0, work, delay=delay)
    hi = run_total(coachsim, year, 3000.0, work, delay=delay)
    b = (hi - lo) / 2000.0
    return lo - 1000.0 * b, b


def least_squares_fee(terms):
    """The fee minimising the squared relative errors over {year: (a, b)}, and that sum."""
    num = den = 0.0
    for y, (a, b) in terms.items():
        e = peru.TABLE1[y]["expenditure"]
        num += b * (e - a) / e ** 2
        den += b * b / e ** 2
    fee = round(num / den, 2)
    sse = sum(((a + b * fee - peru.TABLE1[y]["expenditure"]) / peru.TABLE1[y]["expenditure"]) ** 2
              for y, (a, b) in terms.items())
    return fee, sse


def fit(coachsim, upto, work):
    """(fee, 2010 hiring delay in days) fitted on the years <= upto. The delay is fitted only
    when a year after the expansion year is in the calibration (with 2010 alone it cannot be told
    from the fee): over DELAY_GRID, the delay whose least-squares fee leaves the smallest error."""
    years = [y for y in YEARS if y <= upto]
    fixed = {y: linear_terms(coachsim, y, work) for y in years if y != EXPANSION_YEAR}
    if upto == EXPANSION_YEAR:
        fee, _ = least_squares_fee({EXPANSION_YEAR: linear_terms(coachsim, EXPANSION_YEAR, work)})
        return fee, 0
    best = None
    for delay in DELAY_GRID:
        terms = dict(fixed)
        terms[EXPANSION_YEAR] = linear_terms(coachsim, EXPANSION_YEAR, work, delay=delay)
        fee, sse = least_squares_fee(terms)
        if best is None or sse < best[2] - 1e-12:
            best = (fee, delay, sse)
    return best[0], best[1]


def delay_comment(upto, delay, fitted):
    """The fitted 2010 hiring delay, recorded in the layer (read back by committed())."""
    if upto == EXPANSION_YEAR:
        return ["# 2010 hiring delay: 0 days (the planned start: with 2010 alone a delay cannot be",
                "# told from the fee; Table 1 counts 2010's coaches, not their months in post)"]
    return [f"# 2010 hiring delay: {delay} days   # FITTED on {fitted} with the fee: 2010, the",
            "# expansion year (001 section 1, Table 1), priced with every region's coaches hired",
            f"# {delay} days after 1 February (contract_delay, 15-day grid). A structure of 2010 only:",
            "# the later years' files, which extend this layer, hire on time."]


def committed(upto):
    """(fee, 2010 hiring delay) held by scenarios/calibration/peru-upto-Y.yaml."""
    path = os.path.join(CAL_DIR, f"peru-upto-{upto}.yaml")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    fee = re.search(r'monthly_fee: "([0-9.]+) PEN/month"   # FITTED', text)
    delay = re.search(r"# 2010 hiring delay: ([0-9]+) days", text)
    return float(fee.group(1)), int(delay.group(1)) if delay else 0


def naive(year, upto):
    """The three benchmarks: coaches x pooled cost per coach of years <= upto, teachers x pooled
    cost per teacher, and coaches x the last calibration year's cost per coach (which, like the
    fitted 2010 delay, sets 2010's low spending per coach aside once a later year is known)."""
    used = [peru.TABLE1[y] for y in YEARS if y <= upto]
    spent = sum(t["expenditure"] for t in used)
    t = peru.TABLE1[year]
    per_coach = spent / sum(u["coaches"] for u in used)
    per_teacher = spent / sum(u["teachers"] for u in used)
    last = peru.TABLE1[upto]["expenditure"] / peru.TABLE1[upto]["coaches"]
    return t["coaches"] * per_coach, t["teachers"] * per_teacher, t["coaches"] * last


def err(x, published):
    return (x - published) / published * 100.0


def delay_band(coachsim, year, upto, delay, work):
    """The prediction with the 2010 delay one grid step either side of the fitted one (the fee
    refitted with it): the uncertainty of the declared delay."""
    years = [y for y in YEARS if y <= upto and y != EXPANSION_YEAR]
    fixed = {y: linear_terms(coachsim, y, work) for y in years}
    out = []
    for d in (max(delay - 15, 0), delay + 15):
        terms = dict(fixed)
        terms[EXPANSION_YEAR] = linear_terms(coachsim, EXPANSION_YEAR, work, delay=d)
        fee, _ = least_squares_fee(terms)
        out.append(run_total(coachsim, year, fee, work))
    return tuple(sorted(out))


def predict(coachsim, year, upto, work, fee=None, delay=None):
    if fee is None:
        fee, delay = committed(upto)
    model = run_total(coachsim, year, fee, work)
    row = dict(year=year, upto=upto, fee=fee, delay=delay, model=model,
               published=peru.TABLE1[year]["expenditure"])
    if upto > EXPANSION_YEAR:
        row["delay_band"] = delay_band(coachsim, year, upto, delay, work)
    row["naive_coach"], row["naive_teacher"], row["naive_last"] = naive(year, upto)
    if year == 2013:  # the declared postgraduate line over its stated range
        base = peru.POSTGRADUATE_PER_PARTICIPANT
        row["range"] = tuple(run_total(coachsim, year, fee, work, central_scale=p / base)
                             for p in POSTGRAD_RANGE)
    return row


def aim(row):
    return 10.0 if row["year"] - row["upto"] == 1 else 15.0


def verdict(row):
    e = abs(err(row["model"], row["published"]))
    best_naive = min(abs(err(row[k], row["published"]))
                     for k in ("naive_coach", "naive_teacher", "naive_last"))
    return e <= aim(row) and e < best_naive


def describe(row):
    p = row["published"]
    s = (f"{row['year']} from years <= {row['upto']} (fee {row['fee']:,.2f}/month, 2010 hiring "
         f"delay {row['delay']} days): published "
         f"{p:,.2f}, model {row['model']:,.2f} ({err(row['model'], p):+.1f}%), naive coaches x "
         f"cost per coach {err(row['naive_coach'], p):+.1f}%, naive teachers x cost per teacher "
         f"{err(row['naive_teacher'], p):+.1f}%, naive coaches x last year's cost per coach "
         f"{err(row['naive_last'], p):+.1f}%; aim within {aim(row):.0f}% and better than all three")
    if "range" in row:
        lo, hi = row["range"]
        s += (f"; postgraduate line at {POSTGRAD_RANGE[0]:,.0f}-{POSTGRAD_RANGE[1]:,.0f} per "
              f"participant: {err(lo, p):+.1f}% to {err(hi, p):+.1f}%")
    if "delay_band" in row:
        lo, hi = row["delay_band"]
        s += f"; 2010 delay one grid step (15 days) either side: {err(lo, p):+.1f}% to {err(hi, p):+.1f}%"
    return s


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--coachsim", default=os.path.join(ROOT, "build", "coachsim"))
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("calibrate")
    c.add_argument("upto", type=int)
    sub.add_parser("table")
    k = sub.add_parser("check")
    k.add_argument("year", type=int)
    k.add_argument("upto", type=int)
    k.add_argument("--expect", choices=("pass", "fail"), required=True)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="coachsim-heldout-") as work:
        if args.cmd == "calibrate":
            fee, delay = fit(args.coachsim, args.upto, work)
            os.makedirs(CAL_DIR, exist_ok=True)
            with open(os.path.join(CAL_DIR, f"peru-upto-{args.upto}.yaml"), "w", encoding="utf-8") as f:
                f.write(calibration_text(args.upto, fee, delay=delay))
            print(f"calibration on years <= {args.upto}: coach fee {fee:,.2f} a month, "
                  f"2010 hiring delay {delay} days")
        elif args.cmd == "table":
            print("| calibrated on | fitted fee, soles/month | fitted 2010 hiring delay | predicted "
                  "year | published, soles | model, soles | model error [delay ±15 days] | naive "
                  "coaches x cost per coach | naive teachers x cost per teacher | naive coaches x last "
                  "year's cost per coach | aim | result |")
            print("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|")
            for upto in (2010, 2011, 2012):
                for year in (y for y in YEARS if upto < y <= upto + 2):
                    r = predict(args.coachsim, year, upto, work)
                    p = r["published"]
                    extra = ""
                    if "delay_band" in r:
                        lo, hi = r["delay_band"]
                        extra += f" [{err(lo, p):+.1f}% to {err(hi, p):+.1f}%]"
                    if "range" in r:
                        extra += f" ({err(r['range'][0], p):+.1f}% to {err(r['range'][1], p):+.1f}%)"
                    delay = f"{r['delay']} days" if upto > EXPANSION_YEAR else "- (0 assumed)"
                    print(f"| 2010-{upto} | {r['fee']:,.2f} | {delay} | {year} | {p:,.0f} | {r['model']:,.0f} | "
                          f"{err(r['model'], p):+.1f}%{extra} | {err(r['naive_coach'], p):+.1f}% | "
                          f"{err(r['naive_teacher'], p):+.1f}% | {err(r['naive_last'], p):+.1f}% | {aim(r):.0f}% | "
                          f"{'pass' if verdict(r) else 'expected failure'} |")
        else:
            fee, delay = fit(args.coachsim, args.upto, work)
            held = committed(args.upto)
            if abs(fee - held[0]) > 0.005 or delay != held[1]:
                print(f"scenarios/calibration/peru-upto-{args.upto}.yaml holds fee "
                      f"{held[0]:,.2f} and 2010 delay {held[1]} days but calibrating on years <= "
                      f"{args.upto} gives {fee:,.2f} and {delay} days: run `python3 "
                      f"scripts/heldout_peru.py calibrate {args.upto}`")
                return 1
            r = predict(args.coachsim, args.year, args.upto, work, fee, delay)
            print(describe(r))
            ok = verdict(r)
            if args.expect == "pass":
                print("PASS" if ok else "FAIL: the aim is missed")
                return 0 if ok else 1
            if ok:
                print("UNEXPECTED PASS: the aim is now met; make this case a `validation` check")
                return 1
            print("EXPECTED FAILURE: " + REASONS.get((args.year, args.upto), "(no reason written)"))
            return 77  # ctest SKIP_RETURN_CODE: reported as not run, label validation-expected-failure
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
