#!/usr/bin/env python3
"""Generate the validation scenarios scenarios/peru-2010.yaml ... peru-2013.yaml from published
statistics, and compare a run of them with those statistics; and the 2013 audit case
(scenarios/peru-2013-standard.yaml, scenarios/actuals-2013.csv; docs/audit-2013.md).

    python3 scripts/make_peru_scenarios.py write              # (re)writes scenarios/peru-20*.yaml
    python3 scripts/make_peru_scenarios.py compare 2013 OUT   # OUT = a `coachsim run --out` folder
    python3 scripts/make_peru_scenarios.py plan               # prints the derived regional plan
    python3 scripts/make_peru_scenarios.py actuals OUT        # OUT = a run of peru-2013.yaml;
                                                              # writes scenarios/actuals-2013.csv

Python 3 standard library only. The output is deterministic: no clock, no global random state
(the one search below uses its own fixed-seed generator), no dictionary-order dependence.

Sources (files in /work/shared/seeds/, cited as in DOMAIN.md)
  seed 001 = 001_7e83e5b813894d20.txt, Sempé (2015): Table 1 (national totals 2008-2013),
             Table 17 (2013 ratios across 24 regions, Callao excluded), Table 22 (2013 unit costs
             across 24 regions), Table 23 (regional staff), section 5.2.4 (named regions, 69.3%
             coach-contract share), 5.2.3 (national postgraduate training for all coaches and
             supervisors from 2013), 4.2.3 (internships removed in 2013), annex (exchange rates).
  seed 000 = 000_85dbdb8474134b3b.txt, World Bank Coach spotlight on APM (used by
             scenarios/apm-multigrade.yaml, written by hand).

What is KNOWN (published) and what is DERIVED here
  Known, 2013: 25 regions, 1,640 coaches, 183 supervisors, 94,101,514.00 soles (Table 1); the
  mean, SD, min and max across 24 regions of teachers per coach, students per coach and coaches
  per staff (Table 17) and of cost per teacher, per student and per coach (Table 22); the named
  regions (Cajamarca 7,431.05 per teacher and 45,101.34 per coach; Pasco 48,790.11 per coach,
  5,635.33 per teacher, 8.66 teachers per coach; Madre de Dios 22.08 students per school,
  3,897.88 per teacher, 7.09 teachers per coach; La Libertad 75 coaches and no staff; Lima
  [Provincias] 77 coaches and 13 staff); staff head counts (Table 23); 69.3% coach contracts.
  Nothing is published per region beyond that, so every other regional number is DERIVED by the
  method below and labelled so in the YAML.

Method for 2013 (each step is a function below)
  1. Named regions take the smallest whole (coaches, teachers) pair that reproduces their
     published figures to the cent: Cajamarca 101 coaches / 613 teachers (45,101.34 / 7,431.05
     = 6.0693), Pasco 38 / 329 (8.66), Madre de Dios 11 / 78 (7.09). La Libertad 75 coaches,
     Lima Provincias 77. Callao (excluded from Tables 17 and 22 by Sempé, but one of the 25
     regions of Table 1) is an ASSUMPTION: 10 coaches, urban polidocente schools, the 24-region
     mean cost per coach; `exclude_from_statistics` leaves it out of variance.csv, as Sempé
     left it out of Tables 17 and 22.
  2. The other 19 regions share the remaining coaches in proportion to their rural (EIB +
     multigrade) coached teachers in the built-in default scenario (docs/default-scenario.md,
     expected teachers = count x mean of the triangular teachers-per-school), largest remainder.
  3. Teachers per coach: 21 free values (plus the 3 named) with exactly Table 17's mean, SD, min
     and max (evenly spaced quantiles, fitted affinely, clipped at min/max and refitted; Sempé
     calls the distribution "very uniform"), assigned in the rank order of region size (largest
     ratio to the largest region). Why: Table 1 (14,576 teachers / 1,640 coaches = 8.89) and
     Table 17 (unweighted mean 7.83, max 9.71) cannot both hold. For given ratios, the size
     order maximises the national teacher count (rearrangement inequality); it reaches 13,716,
     5.9% below Table 1. That gap is reported in VALIDATION.md, not hidden.
  4. Schools: Table 1's 7,001 split in proportion to teachers (Madre de Dios: the nearest count
     that keeps its 22.08 students per school; Callao assumed). Each region's schools are blocks
     of identical 1- to 5-teacher schools at a fixed distance, laid out (school_layout) so that
     the model's caseload packing (sim/programme/caseload.cpp, replicated in pack_blocks) gives
     exactly the region's coaches at its `teachers_per_coach` = ceil(teachers / coaches): blocks
     that fill a coach exactly, then blocks that leave each coach a set number of teachers
     short. What a region cannot take exactly is carried to the next. The farthest block's tail
     is beyond a daily commute (GEOGRAPHIES far_share). One pseudo-UGEL per region: the seeds
     have no UGEL figures, and one UGEL keeps the packing, hence the coach count, exact.
  5. Students per coach (Table 17 row 2) and cost per coach (Table 22 row 3): values fitted to
     the published mean, SD, min and max (cost per coach: max = Pasco, all others below
     Cajamarca, "second highest"); which region gets which value is a fixed-seed swap search
     that brings cost per teacher and per student (Table 22 rows 1-2, which follow from the
     pairing) closest to the published spreads, keeps students per teacher in 9-26 and the
     national student count near Table 1. Sempé finds that structure does not explain cost,
     so no structural rule decides the pairing.
  6. Staff: Table 23 head counts (21 / 43 / 43 / 19 across 25 regions; La Libertad none, Lima
     Provincias 13, Callao 1 by assumption) spread by a fixed-seed search on Table 17's coaches
     per staff and Table 23's total-staff SD, then split into roles by a stated rule.
  7. Money: national unit costs are ASSUMPTIONs (soles of 2013: UNIT_COSTS_2013,
     STAFF_SALARY_2013, GEOGRAPHIES). Each region's target total is cost per coach x coaches;
     its other costs are computed here with the simulation's own rules (estimate_region: every
     planned visit, GIA, workshop, supervisor visit, salary and the overhead); the coach fee is
     what is left, per coach-month of an 11-month contract. Where that fee would fall below
     FEE_FLOOR the fee is the floor and the contract starts late (`contract_delay`) instead.
     So Table 22 is an input, and the run checks that the bottom-up costing reproduces it.
     The 69.3% coach-contract share is not imposed: it comes out of the unit-cost assumptions
     (set by hand as plausible 2013 values with that share in view; no factor is fitted).
  8. Central spending = Table 1 total - the regional targets (Callao included): derived by
     subtraction, split into the item the seed names (a national postgraduate training for all
     coaches and supervisors, 2013), two assumed items and a remainder the seeds do not itemise.

2010-2012 (Table 1 only; 26 regions, no supervisors): coaches by the same rural shares (Lima
Metropolitana 3% and Callao 0.6% of coaches, ASSUMPTION), teachers per coach scaled from each
region's 2013 ratio to the year's national ratio, schools laid out as in step 4, students from
Table 1 by the 2013 students per teacher of each region (2010, n.d.: at 2011's national
students per teacher), the 2013 protocol, no contract delays, no central spending (none is
published). These files are STRUCTURE only: every price comes from the calibration layer they
extend (scenarios/calibration/peru-upto-Y.yaml, fitted by scripts/heldout_peru.py on the years
before; 2010 on itself), so the simulated expenditure is a blind prediction. peru-2013-heldout.yaml
is the 2013 structure (as peru-2013-standard.yaml) priced the same way by the 2010-2012
calibration, with the declared postgraduate line (write_2013_heldout).

2013 audit case: peru-2013-standard.yaml is peru-2013.yaml's structure (same plan, same layouts)
at standard unit costs: one coach fee for every region (the coach-weighted mean of the regional
fees), no contract delays, no central spending. actuals-2013.csv holds, per region, spending by
category from the ledger totals of a run of peru-2013.yaml (coach contracts moved by the few
soles of fee rounding so that each total is the region's target) and the counts of that run
(checked against the plan); values given per region by seed 001 are labelled `published`, all
others `constructed`, each with its source.

The step numbers are cited in the `sources:` of the generated files.
"""

import argparse
import csv
import datetime as _dt
import math
import os
import sys
from decimal import ROUND_HALF_UP, Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# ----------------------------------------------------------------------------------------------
# Published figures (seed 001, Sempé 2015)
# ----------------------------------------------------------------------------------------------
TABLE1 = {  # regions, coaches, supervisors, teachers, schools, students, expenditure (soles)
    2010: dict(regions=26, coaches=1826, supervisors=0, teachers=19872, schools=13110,
               students=None, expenditure=60398775.88),
    2011: dict(regions=26, coaches=2212, supervisors=0, teachers=19569, schools=14296,
               students=417113, expenditure=99133860.42),
    2012: dict(regions=26, coaches=2370, supervisors=0, teachers=20510, schools=14132,
               students=446244, expenditure=104381914.72),
    2013: dict(regions=25, coaches=1640, supervisors=183, teachers=14576, schools=7001,
               students=235731, expenditure=94101514.00),
}
# (N, min, max, mean, SD) across regions, 2013
TABLE17 = {
    "teachers_per_coach": (24, 6.00, 9.71, 7.83, 1.12),
    "students_per_coach": (24, 69.01, 197.04, 123.76, 36.50),
    "coaches_per_staff": (23, 4.00, 50.33, 15.28, 12.08),
}
TABLE22 = {
    "cost_per_teacher": (24, 3007.28, 7431.05, 4602.8724, 974.77862),
    "cost_per_student": (24, 155.76, 503.06, 310.5804, 100.37241),
    "cost_per_coach": (24, 20529.13, 48790.11, 35648.0026, 6710.39482),
}
TABLE23 = {  # min, max, mean, SD over 25 regions (sums 21 / 43 / 43 / 19 / 126)
    "regional_officer": (0, 1, 0.84, 0.374),
    "monitoring_officer": (0, 5, 1.72, 1.208),
    "local_officer": (0, 10, 1.72, 2.354),
    "local_monitor": (0, 9, 0.76, 2.047),
    "total": (0, 13, 5.04, 3.335),
}
COACH_CONTRACT_SHARE_2013 = 0.693  # seed 001, 5.2.4: "of the strategy budget in 2013"
EXCHANGE = {2008: 2.926, 2009: 3.012, 2010: 2.826, 2011: 2.755, 2012: 2.638, 2013: 2.703}

# ----------------------------------------------------------------------------------------------
# Regions. Geography as in the built-in default scenario; rural weight = expected EIB +
# multigrade coached teachers of that region in scenarios/default.yaml (sum over its eib and
# multigrade aggregates of count x mean of the triangular teachers-per-school distribution).
# Lima Metropolitana has none (urban; left out in 2013, Table 1 note ***).
# ----------------------------------------------------------------------------------------------
REGIONS = [  # id, geography, rural weight
    ("Amazonas", "amazon", 1500), ("Áncash", "andes", 1575), ("Apurímac", "andes", 1108),
    ("Arequipa", "coast", 393), ("Ayacucho", "andes", 1312), ("Cajamarca", "andes", 2398),
    ("Callao", "coast", 0), ("Cusco", "andes", 2133), ("Huancavelica", "andes", 1108),
    ("Huánuco", "andes", 1382), ("Ica", "coast", 150), ("Junín", "andes", 1393),
    ("La Libertad", "andes", 1320), ("Lambayeque", "coast", 467),
    ("Lima Metropolitana", "coast", 0), ("Lima Provincias", "coast", 408),
    ("Loreto", "amazon", 2000), ("Madre de Dios", "amazon", 225), ("Moquegua", "coast", 97),
    ("Pasco", "andes", 542), ("Piura", "coast", 1220), ("Puno", "andes", 2027),
    ("San Martín", "amazon", 1205), ("Tacna", "coast", 97), ("Tumbes", "coast", 80),
    ("Ucayali", "amazon", 842),
]
GEO = {r: g for r, g, _ in REGIONS}
URBAN = ("Callao", "Lima Metropolitana")

# Named 2013 figures (seed 001, 5.2.4): smallest whole (coaches, teachers) pairs that reproduce
# them (see named_pairs(), which re-derives and checks them).
NAMED_2013 = {
    "Cajamarca": dict(cost_per_teacher=7431.05, cost_per_coach=45101.34),
    "Pasco": dict(cost_per_teacher=5635.33, cost_per_coach=48790.11, teachers_per_coach=8.66),
    "Madre de Dios": dict(cost_per_teacher=3897.88, teachers_per_coach=7.09,
                          students_per_school=22.08),
}
FIXED_COACHES_2013 = {"La Libertad": 75, "Lima Provincias": 77}
FIXED_STAFF_2013 = {"La Libertad": 0, "Lima Provincias": 13, "Callao": 1}

# Callao 2013 (ASSUMPTION: no published figure; excluded from Tables 17 and 22 by Sempé because
# it is a dense urban area outside the focalisation): 10 urban polidocente primary schools of 8
# coached teachers, one coach each, 24 students per teacher, cost per coach at the 24-region mean.
CALLAO_2013 = dict(coaches=10, schools=10, teachers_per_school=8, students_per_teacher=24)

# ----------------------------------------------------------------------------------------------
# Assumptions (soles of 2013). None of these is published; see the `sources:` of the YAML.
# ----------------------------------------------------------------------------------------------
UNIT_COSTS_2013 = dict(
    per_diem=60.00,              # viáticos per day away on an overnight trip
    teacher_workshop=30.00,      # per participant-day (venue, meals)
    teacher_workshop_travel=25.00,   # per participant and workshop
    coach_workshop=70.00,        # per participant-day, regional coach workshops
    coach_workshop_travel=120.00,    # per participant and workshop
    gia=3.00,                    # per participant and session
    materials_teacher=40.00,     # per teacher and year
    materials_coach=200.00,      # per coach and year
    overhead=0.02,               # DRE/UGEL administration, share of direct cost
    supervisor_fee=2800.00,      # per month
)
STAFF_SALARY_2013 = {"regional_officer": 3200.00, "monitoring_officer": 2600.00,
                     "local_officer": 2300.00, "local_monitor": 1900.00}
FEE_FLOOR = 1500.00  # lowest monthly coach fee a region is assumed to have paid in 2013
# Geographies: speed km/h, fare PEN/km one way, rainy season, rainy factor; near/far distances
# (km) chosen so that near schools are a daily commute and far ones one travel day each way,
# in the dry and the rainy season alike; far = share of a region's schools beyond a commute.
GEOGRAPHIES = {
    "coast": dict(speed=40, fare=0.20, rainy=None, factor=1.0, near=20.0, far=100.0, far_share=0.0),
    "andes": dict(speed=25, fare=0.30, rainy=("12-01", "04-30"), factor=1.5, near=15.0, far=60.0,
                  far_share=0.10),
    "amazon": dict(speed=12, fare=0.80, rainy=("12-01", "04-30"), factor=1.8, near=10.0, far=40.0,
                   far_share=0.20),
}
# Protocol of 2013 (ASSUMPTION where noted): the APM multigrade protocol of seed 000 for visits
# (9 a year: 1 diagnostic, 7 feedback, 1 evaluation; 1 day each, ASSUMPTION) and teacher
# workshops (2 a year; 2 days each, ASSUMPTION); GIA 4 a year for the caseload together
# (seed 001 names "meetings between coached teachers"; count from NT-026, ASSUMPTION); no RTC
# (not among Sempé's three activity types); 2 regional coach workshops of 4 days (ASSUMPTION).
PROTOCOL_2013 = dict(visits=9, visit_days=1, gia=4, teacher_workshop_days=4, coach_workshop_days=8)
CONTRACT_MONTHS = 11  # 1 Feb - 31 Dec (DOMAIN.md: 2014 practice; ASSUMPTION for 2010-2013)


# ----------------------------------------------------------------------------------------------
# Small helpers
# ----------------------------------------------------------------------------------------------
def mean(v):
    return sum(v) / len(v)


def sd(v):
    m = mean(v)
    return math.sqrt(sum((x - m) ** 2 for x in v) / (len(v) - 1))


def r2(x):
    """Round half away from zero to 2 decimals, on the decimal string (no binary surprises)."""
    return float(Decimal(repr(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


class Lcg:
    """Fixed-seed 64-bit linear congruential generator (Knuth MMIX constants)."""

    def __init__(self, seed):
        self.s = seed & 0xFFFFFFFFFFFFFFFF

    def below(self, n):
        self.s = (self.s * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        return (self.s >> 33) % n


def largest_remainder(total, weights, keys):
    """Integers proportional to weights summing to total (ties broken by key order)."""
    w = sum(weights[k] for k in keys)
    raw = {k: total * weights[k] / w for k in keys}
    out = {k: math.floor(raw[k]) for k in keys}
    left = total - sum(out.values())
    for k in sorted(keys, key=lambda k: (-(raw[k] - out[k]), keys.index(k)))[:left]:
        out[k] += 1
    return out


def fit_values(fixed, m, mu, sigma, lo, hi, include_lo=True, include_hi=True):
    """m values which, with `fixed`, have exactly mean mu and sample SD sigma, lie in [lo, hi]
    and include lo and/or hi. Shape: evenly spaced (uniform) quantiles, fitted affinely; values
    that fall outside [lo, hi] are set to the bound and the rest refitted."""
    n = len(fixed) + m
    s1 = n * mu
    s2 = (n - 1) * sigma ** 2 + n * mu ** 2
    pinned = ([lo] if include_lo else []) + ([hi] if include_hi else [])
    while True:
        k = m - len(pinned)
        z = [(i + 0.5) / k - 0.5 for i in range(k)]
        zz = sum(x * x for x in z)
        a = (s1 - sum(fixed) - sum(pinned)) / k
        b2 = (s2 - sum(x * x for x in fixed) - sum(x * x for x in pinned) - k * a * a) / zz
        if b2 < 0:
            raise ValueError("no values reach the requested spread")
        vals = [a + math.sqrt(b2) * x for x in z]
        out_lo = [v for v in vals if v < lo]
        out_hi = [v for v in vals if v > hi]
        if not out_lo and not out_hi:
            return sorted(pinned + vals)
        # pin the most extreme violator and refit
        if out_hi and (not out_lo or max(out_hi) - hi >= lo - min(out_lo)):
            pinned.append(hi)
        else:
            pinned.append(lo)


# ----------------------------------------------------------------------------------------------
# 2013: regional plan
# ----------------------------------------------------------------------------------------------
def named_pairs():
    """Smallest (coaches, teachers) reproducing each named region's published figures."""
    out = {}
    for region, f in NAMED_2013.items():
        for c in range(1, 1000):
            found = None
            for t in range(5 * c, 11 * c):
                if "teachers_per_coach" in f and r2(t / c) != f["teachers_per_coach"]:
                    continue
                if "cost_per_coach" in f:
                    # a total X (in céntimos) whose per-coach and per-teacher values round right
                    lo = max(round((f["cost_per_coach"] - 0.005) * c * 100),
                             round((f["cost_per_teacher"] - 0.005) * t * 100))
                    hi = min(round((f["cost_per_coach"] + 0.005) * c * 100),
                             round((f["cost_per_teacher"] + 0.005) * t * 100))
                    total = next((x for x in range(lo, hi + 1)
                                  if r2(x / 100 / c) == f["cost_per_coach"]
                                  and r2(x / 100 / t) == f["cost_per_teacher"]), None)
                    if total is None:
                        continue
                else:
                    total = round(f["cost_per_teacher"] * t * 100)
                found = (c, t, total / 100)
                break
            if found:
                out[region] = found
                break
    return out


def plan_2013():
    p = {"year": 2013}
    regions = [r for r, _, _ in REGIONS if r != "Lima Metropolitana"]
    sempe = [r for r in regions if r != "Callao"]  # the 24 regions of Tables 17 and 22
    named = named_pairs()
    coaches, teachers, total_cost = {}, {}, {}
    for r, (c, t, x) in named.items():
        coaches[r], teachers[r], total_cost[r] = c, t, x
    coaches.update(FIXED_COACHES_2013)
    coaches["Callao"] = CALLAO_2013["coaches"]
    free = [r for r in sempe if r not in coaches]
    weights = {r: w for r, _, w in REGIONS}
    coaches.update(largest_remainder(TABLE1[2013]["coaches"] - sum(coaches.values()), weights, free))

    # Teachers per coach: Table 17 exactly, assigned by region size.
    _, lo, hi, mu, sigma = TABLE17["teachers_per_coach"]
    kfixed = {r: teachers[r] / coaches[r] for r in named}
    kfree = [r for r in sempe if r not in kfixed]
    vals = fit_values(list(kfixed.values()), len(kfree), mu, sigma, lo, hi)
    by_size = sorted(kfree, key=lambda r: (coaches[r], r))
    ratio = dict(zip(by_size, vals))
    for r in kfree:
        t = round(ratio[r] * coaches[r])
        # keep the realised ratio inside [min, max] after rounding to whole teachers
        while r2(t / coaches[r]) > hi:
            t -= 1
        while r2(t / coaches[r]) < lo:
            t += 1
        teachers[r] = t
    teachers["Callao"] = CALLAO_2013["schools"] * CALLAO_2013["teachers_per_school"]

    # Schools: Table 1's 7,001 in proportion to teachers; Madre de Dios by its 22.08 students
    # per school, Callao by assumption.
    schools, students = {"Callao": CALLAO_2013["schools"]}, {}
    tps = sum(teachers[r] for r in sempe) / (TABLE1[2013]["schools"] - schools["Callao"])
    mdd_target = teachers["Madre de Dios"] / tps
    mdd = sorted((n for n in range(20, 80) if r2(round(22.08 * n) / n) == 22.08),
                 key=lambda n: (abs(n - mdd_target), n))[0]
    schools["Madre de Dios"] = mdd
    rest = [r for r in sempe if r != "Madre de Dios"]
    schools.update(largest_remainder(TABLE1[2013]["schools"] - sum(schools.values()),
                                     {r: teachers[r] for r in rest}, rest))

    # School layouts: each region as close to its share of Table 1's schools as the packing
    # allows; what a region misses is carried to the next (largest regions last).
    layout, carry = {}, 0
    for r in sorted(sempe, key=lambda r: (coaches[r], r)):
        far = GEOGRAPHIES[GEO[r]]["far_share"]
        if r == "Madre de Dios":  # the nearest school count that keeps 22.08 students per school
            for n in sorted((n for n in range(20, 80) if r2(round(22.08 * n) / n) == 22.08),
                            key=lambda n: (abs(n - schools[r]), n)):
                lay = school_layout(r, coaches[r], teachers[r], n, far)
                if sum(b[1] for b in lay["blocks"]) == n:
                    break
            students[r] = round(22.08 * n)
            carry += schools[r] - n
        else:
            target = schools[r] + carry
            lay = school_layout(r, coaches[r], teachers[r], target, far)
            carry = target - sum(b[1] for b in lay["blocks"])
        schools[r] = sum(b[1] for b in lay["blocks"])
        layout[r] = lay
    if carry:  # give what is left to the largest region that can take it exactly
        for r in sorted(sempe, key=lambda r: (-coaches[r], r)):
            if r == "Madre de Dios":
                continue
            lay = school_layout(r, coaches[r], teachers[r], schools[r] + carry,
                                GEOGRAPHIES[GEO[r]]["far_share"])
            if sum(b[1] for b in lay["blocks"]) == schools[r] + carry:
                schools[r] += carry
                layout[r] = lay
                break
    cs = CALLAO_2013
    layout["Callao"] = dict(ratio=cs["teachers_per_school"],
                            blocks=[(cs["teachers_per_school"], cs["schools"], False)])
    layout["Callao"]["loads"] = pack_blocks(layout["Callao"]["blocks"], layout["Callao"]["ratio"])

    # Students per coach (Table 17) and cost per coach (Table 22): the values are fitted to the
    # published spreads; which region gets which value is searched (fixed seed) so that cost per
    # teacher and per student (Table 22) come closest, students per teacher stays plausible and
    # the national student count comes close to Table 1.
    _, lo, hi, mu, sigma = TABLE17["students_per_coach"]
    students["Madre de Dios"] = round(22.08 * schools["Madre de Dios"])
    sfixed = {"Madre de Dios": students["Madre de Dios"] / coaches["Madre de Dios"]}
    sfree = [r for r in sempe if r not in sfixed]
    svals = fit_values(list(sfixed.values()), len(sfree), mu, sigma, lo, hi)
    students["Callao"] = teachers["Callao"] * CALLAO_2013["students_per_teacher"]

    _, lo, hi, mu, sigma = TABLE22["cost_per_coach"]
    cfixed = {r: total_cost[r] / coaches[r] for r in ("Cajamarca", "Pasco")}
    cfree = [r for r in sempe if r not in cfixed]
    # Madre de Dios' cost per coach follows from its cost per teacher and ratio; it counts as one
    # of the fitted values. All stay below Cajamarca ("second highest").
    cvals = fit_values(list(cfixed.values()) + [total_cost["Madre de Dios"] / coaches["Madre de Dios"]],
                       len(cfree) - 1, mu, sigma, lo, cfixed["Cajamarca"], include_hi=False)
    others = [r for r in cfree if r != "Madre de Dios"]
    cost_of, spc_of = search_assignment(others, cvals, sfree, svals, coaches, teachers,
                                        students, total_cost)
    _, lo, hi, _, _ = TABLE17["students_per_coach"]
    for r, v in spc_of.items():
        students[r] = round(v * coaches[r])
        while r2(students[r] / coaches[r]) < lo:
            students[r] += 1
        while r2(students[r] / coaches[r]) > hi:
            students[r] -= 1
    for r, v in cost_of.items():
        total_cost[r] = r2(v * coaches[r])
    total_cost["Callao"] = r2(mu * coaches["Callao"])

    p.update(regions=regions, sempe=sempe, coaches=coaches, teachers=teachers,
             schools=schools, students=students, cost=total_cost, layout=layout)
    p["staff"] = allocate_staff(regions, sempe, coaches)
    return p


def pack_blocks(blocks, ratio):
    """The caseload packing of sim/programme/caseload.cpp for one UGEL and one school type, every
    school at `ratio`, for blocks of identical schools: blocks = [(size, count, far)] in distance
    order (every size <= ratio, so no school is split). Returns one dict per coach: teachers and
    the schools it serves as {(size, far): count}."""
    loads, room = [], 0
    for size, count, far in blocks:
        left = count
        while left > 0:
            if room < size:  # no room, or the school would have to be split: a fresh coach
                loads.append(dict(teachers=0, schools={}))
                room = ratio
            k = min(left, room // size)
            load = loads[-1]
            load["teachers"] += k * size
            load["schools"][(size, far)] = load["schools"].get((size, far), 0) + k
            room -= k * size
            left -= k
    return loads


# Per ratio R: ways to fill a coach exactly (size f, R % f == 0) and to leave it d short
# (size s: floor(R / s) schools leave d = R mod s; or R - 1 one-teacher schools followed by a
# larger school, once). Sizes are kept to 1-5 teachers (rural primary).
def short_patterns(ratio):
    out = [(1, 1, ratio - 1)]  # R - 1 one-teacher schools, then a larger school: at most once
    for size in (2, 3, 4, 5):
        d = ratio % size
        if 0 < d < size and ratio // size >= 1:
            out.append((d, size, ratio // size))
    return out


def school_layout(region, c, t, n_target, far_share):
    """Blocks of identical schools (size, count, far) whose caseload packing gives exactly c
    coaches for t teachers at ratio R = ceil(t / c): full coaches first (blocks of 1-, 2-, 3- or
    5-teacher schools that fill R exactly), then coaches left short (blocks of one size that
    cannot fill R; each leaves d teachers of room, and the next block's schools are larger than
    d, so every block starts a fresh coach). The school count is brought as close to n_target as
    these patterns allow; the tail of the last block (farthest schools) is the far band."""
    ratio = -(-t // c)
    w = ratio * c - t  # teachers of room left over all coaches
    fulls = [f for f in (1, 2, 3, 5) if ratio % f == 0]
    best = None
    shorts = short_patterns(ratio)
    # choose short coaches: counts per short pattern whose wastes sum to w (at most 2 patterns)
    options = []
    for i, (d1, s1, k1) in enumerate(shorts):
        for (d2, s2, k2) in shorts[i:]:
            for a in range(0, w // d1 + 1):
                rest = w - a * d1
                if rest % d2:
                    continue
                b_ = rest // d2
                if (d1, s1) == (d2, s2) and b_ > 0:
                    continue
                if (s1 == 1 and a > 1) or (s2 == 1 and b_ > 1):
                    continue
                if a + b_ <= c:
                    options.append(((d1, s1, k1, a), (d2, s2, k2, b_)))
    if w == 0:
        options.append(((0, 0, 0, 0), (0, 0, 0, 0)))
    for (d1, s1, k1, a), (d2, s2, k2, b_) in options:
        full = c - a - b_
        # two short blocks: the second one's schools must be larger than the room the first
        # leaves, so that it starts a fresh coach (the pack_blocks check below confirms)
        pair = [x for x in [(d1, s1, k1, a), (d2, s2, k2, b_)] if x[3] > 0]
        for blocks_short in (pair, pair[::-1]):
            if all(blocks_short[j + 1][1] > blocks_short[j][0] for j in range(len(blocks_short) - 1)):
                break
        else:
            continue
        n_short = sum(k * m for _, _, k, m in blocks_short)
        # full coaches: split between two fill sizes (f_lo more schools, f_hi fewer)
        for f_lo in fulls:
            for f_hi in fulls:
                if f_hi < f_lo:
                    continue
                for x in range(0, full + 1) if f_hi != f_lo else (full,):
                    n_full = x * (ratio // f_lo) + (full - x) * (ratio // f_hi)
                    n = n_full + n_short
                    score = (abs(n - n_target), len(blocks_short), f_hi - f_lo)
                    if best is None or score < best[0]:
                        blocks = []
                        if x > 0:
                            blocks.append([f_lo, x * (ratio // f_lo), False])
                        if full - x > 0 and (f_hi != f_lo or x == 0):
                            blocks.append([f_hi, (full - x) * (ratio // f_hi), False])
                        # full blocks in increasing size; then short blocks
                        blocks.sort()
                        for _, size, k, m in blocks_short:
                            blocks.append([size, k * m, False])
                        best = (score, blocks)
                    if f_hi == f_lo:
                        break
    if best is None:
        raise SystemExit(f"{region}: no school layout for {t} teachers in {c} coaches")
    blocks = best[1]
    # Merge equal neighbours, then make the farthest schools of the last block the far band.
    merged = []
    for b in blocks:
        if merged and merged[-1][0] == b[0]:
            merged[-1][1] += b[1]
        else:
            merged.append(b)
    n = sum(b[1] for b in merged)
    far = min(merged[-1][1], round(far_share * n)) if merged[-1][0] >= 2 else 0
    out = [tuple(b) for b in merged]
    if far > 0:
        size, count, _ = out[-1]
        out[-1] = (size, count - far, False)
        out.append((size, far, True))
        if count - far == 0:
            out.pop(-2)
    loads = pack_blocks(out, ratio)
    got_t = sum(l["teachers"] for l in loads)
    if len(loads) != c or got_t != t:
        raise SystemExit(f"{region}: layout packs into {len(loads)} coaches / {got_t} teachers, "
                         f"wanted {c} / {t}")
    return dict(ratio=ratio, blocks=out, loads=loads)


def allocate_staff(regions, sempe, coaches):
    """Table 23 head counts over the 25 regions: totals by a fixed-seed search on Table 17's
    coaches per staff (23 regions with staff) and Table 23's total staff spread, then roles."""
    keys = [r for r in regions if r not in FIXED_STAFF_2013]
    total = round(TABLE23["total"][2] * len(regions))  # 126
    s = {r: max(1, round(coaches[r] / TABLE17["coaches_per_staff"][3])) for r in keys}
    s.update(FIXED_STAFF_2013)

    def fix_sum():
        while sum(s.values()) > total:
            r = max(keys, key=lambda r: (s[r], r))
            s[r] -= 1
        while sum(s.values()) < total:
            r = max(keys, key=lambda r: (coaches[r] / s[r], r))
            s[r] += 1
    fix_sum()

    def err():
        cps = [coaches[r] / s[r] for r in sempe if s[r] > 0]
        e = spread_error(cps, TABLE17["coaches_per_staff"])
        tot = [s[r] for r in regions]
        _, hi, mu, sigma = TABLE23["total"]
        e += ((sd(tot) - sigma) / sigma) ** 2 + ((max(tot) - hi) / hi) ** 2
        return e + sum(1.0 for r in keys if s[r] > 12)

    rng = Lcg(23)
    best = err()
    for _ in range(20000):
        a, b = keys[rng.below(len(keys))], keys[rng.below(len(keys))]
        if a == b or s[a] <= 1:
            continue
        s[a] -= 1
        s[b] += 1
        e = err()
        if e <= best:
            best = e
        else:
            s[a] += 1
            s[b] -= 1
    return roles_for(regions, s)


def roles_for(regions, s):
    """Split each region's staff into Table 23's roles. Lima Provincias: 1 regional officer,
    2 monitoring officers, 10 local officers (the local-officer maximum); the other region with
    most staff holds the local-monitor maximum (9) if it can; regional officers in 21 regions
    (not in La Libertad, which has none, nor in the 3 other regions with least staff); the rest
    goes to monitoring officers (up to 5), then local officers, then local monitors, in turn."""
    sums = {"regional_officer": 21, "monitoring_officer": 43, "local_officer": 43,
            "local_monitor": 19}
    roles = {r: dict(regional_officer=0, monitoring_officer=0, local_officer=0, local_monitor=0)
             for r in regions}
    roles["Lima Provincias"].update(regional_officer=1, monitoring_officer=2, local_officer=10)
    left = {k: v - roles["Lima Provincias"][k] for k, v in sums.items()}
    others = [r for r in regions if r not in ("Lima Provincias",) and s[r] > 0]
    no_ro = sorted(others, key=lambda r: (s[r], r))[:len(others) - left["regional_officer"]]
    rem = {}
    for r in others:
        roles[r]["regional_officer"] = 0 if r in no_ro else 1
        rem[r] = s[r] - roles[r]["regional_officer"]
    left["regional_officer"] = 0
    big = max(others, key=lambda r: (s[r], r))
    lm = min(9, rem[big] - 1, left["local_monitor"])
    roles[big]["local_monitor"] = lm
    roles[big]["monitoring_officer"] = rem[big] - lm
    left["local_monitor"] -= lm
    left["monitoring_officer"] -= rem[big] - lm
    rem[big] = 0
    for r in others:  # at least one monitoring officer where there is staff
        if rem[r] > 0:
            roles[r]["monitoring_officer"] += 1
            left["monitoring_officer"] -= 1
            rem[r] -= 1
    cycle = ["monitoring_officer", "local_officer", "local_monitor"]
    i = 0
    while any(rem.values()):
        for r in sorted(others, key=lambda r: (-rem[r], r)):
            if rem[r] == 0:
                continue
            for _ in range(3):
                role = cycle[i % 3]
                i += 1
                cap = 5 if role == "monitoring_officer" else 8
                if left[role] > 0 and roles[r][role] < cap:
                    roles[r][role] += 1
                    left[role] -= 1
                    rem[r] -= 1
                    break
            else:
                raise SystemExit("staff roles do not fit Table 23")
    return roles


def spread_error(values, target, weights=(1, 1, 0.5, 0.5)):
    """Squared relative error of (mean, SD, min, max) against a published (N, min, max, mean,
    SD), plus a penalty for any value outside the published range."""
    _, lo, hi, mu, sigma = target
    got = (mean(values), sd(values), min(values), max(values))
    want = (mu, sigma, lo, hi)
    e = sum(w * ((g - x) / x) ** 2 for w, g, x in zip(weights, got, want))
    return e + sum(1.0 for v in values if v < lo - 0.005 or v > hi + 0.005)


SPT_RANGE = (9.0, 26.0)  # plausible students per coached teacher in rural primary (ASSUMPTION)


def search_assignment(cregions, cvals, sregions, svals, coaches, teachers, students, total_cost):
    """Which region gets which cost per coach and which students per coach: a fixed-seed swap
    search minimising the error of Table 22's cost per teacher and per student (mean, SD, min,
    max), keeping students per teacher in SPT_RANGE and the national student count near
    Table 1."""
    corder, sorder = sorted(cregions), sorted(sregions)
    cperm, sperm = list(range(len(corder))), list(range(len(sorder)))
    fixed_students = {r: v for r, v in students.items() if r not in sregions}
    target_students = TABLE1[2013]["students"]

    def err():
        st_ = dict(fixed_students)
        for i, r in enumerate(sorder):
            st_[r] = svals[sperm[i]] * coaches[r]
        cost = {r: v for r, v in total_cost.items() if r in teachers and r != "Callao"}
        for i, r in enumerate(corder):
            cost[r] = cvals[cperm[i]] * coaches[r]
        cpt = [cost[r] / teachers[r] for r in cost]
        cps = [cost[r] / st_[r] for r in cost]
        e = spread_error(cpt, TABLE22["cost_per_teacher"]) + \
            spread_error(cps, TABLE22["cost_per_student"])
        e += sum(1.0 for r in sorder if not SPT_RANGE[0] <= st_[r] / teachers[r] <= SPT_RANGE[1])
        e += ((sum(st_.values()) - target_students) / target_students) ** 2
        return e

    rng = Lcg(2013)
    best = err()
    for step in range(120000):
        perm = cperm if step % 2 == 0 else sperm
        i, j = rng.below(len(perm)), rng.below(len(perm))
        if i == j:
            continue
        perm[i], perm[j] = perm[j], perm[i]
        e = err()
        if e <= best:
            best = e
        else:
            perm[i], perm[j] = perm[j], perm[i]
    return ({r: cvals[cperm[i]] for i, r in enumerate(corder)},
            {r: svals[sperm[i]] for i, r in enumerate(sorder)})


# ----------------------------------------------------------------------------------------------
# Money: the simulation's costing rules, estimated per region (to derive the coach fee)
# ----------------------------------------------------------------------------------------------

def half_away(x):
    return math.floor(x + 0.5) if x >= 0 else -math.floor(-x + 0.5)


def month_amounts(fee, year, start, end):
    """Céntimos paid for a contract from `start` to `end` at `fee` a month: whole months at the
    fee, partial months prorated by calendar days (sim/programme/payroll.cpp)."""
    fee_c = round(fee * 100)
    total = 0
    for m in range(1, 13):
        first = _dt.date(year, m, 1)
        last = (_dt.date(year + (m == 12), m % 12 + 1, 1) - _dt.timedelta(days=1))
        a, b = max(first, start), min(last, end)
        if a > b:
            continue
        active = (b - a).days + 1
        md = (last - first).days + 1
        total += (fee_c * active * 2 + md) // (2 * md)  # half away from zero, integers
    return total


def estimate_region(y, r, fee, delay, per_supervisor, staff):
    """Estimated cost of region r in year plan y (céntimos by category) if every planned
    activity happens: the rules of sim/programme (coach_process, supervisor_process, payroll)."""
    uc, geo = y["unit_costs"], GEOGRAPHIES[GEO[r]]
    lay = y["layout"][r]
    contract_start = y["contract"][0] + _dt.timedelta(days=delay)
    contract_end = y["contract"][1]
    cents = lambda x: round(x * 100)
    cat = dict(coach_contracts=0, travel=0, per_diem=0, teacher_workshops=0, coach_training=0,
               supervision=0, regional_staff=0, materials=0, other=0)
    coaches = len(lay["loads"])
    cat["coach_contracts"] = coaches * month_amounts(fee, y["year"], contract_start, contract_end)
    sup_fee = uc["supervisor_fee"]
    n_sup = -(-coaches // per_supervisor) if sup_fee is not None else 0
    if n_sup:
        cat["supervision"] = n_sup * month_amounts(sup_fee, y["year"], contract_start, contract_end)
    for role, count in staff.items():
        cat["regional_staff"] += count * cents(STAFF_SALARY_2013[role]) * 12
    prot = y["protocol"]
    cw = [d for d in y["coach_workshops"] if d >= contract_start]
    tw = [d for d in y["teacher_workshops"] if d >= contract_start]
    per_diem = cents(uc["per_diem"])
    fare = geo["fare"]
    for load in lay["loads"]:
        t = load["teachers"]
        cat["materials"] += t * cents(uc["materials_teacher"]) + cents(uc["materials_coach"])
        cat["coach_training"] += len(cw) * (prot["coach_workshop_days"] // 2 * cents(uc["coach_workshop"])
                                            + cents(uc["coach_workshop_travel"]))
        cat["teacher_workshops"] += len(tw) * t * (prot["teacher_workshop_days"] // 2
                                                   * cents(uc["teacher_workshop"])
                                                   + cents(uc["teacher_workshop_travel"]))
        cat["other"] += t * prot["gia"] * cents(uc["gia"])
        km_weighted, hours_weighted = 0.0, 0.0
        host = None  # the caseload's largest school hosts the GIA (first of the largest)
        for (size, far), count in load["schools"].items():
            d = geo["far"] if far else geo["near"]
            km_weighted += d * size * count
            hours_weighted += d / geo["speed"] * size * count
            if host is None or size > host[0]:
                host = (size, far)
            site = size * prot["visit_days"]
            if far:  # overnight: one return journey, per diem for the site and travel days
                cat["travel"] += prot["visits"] * count * half_away(2 * d * fare * 100)
                cat["per_diem"] += prot["visits"] * count * (site + 2) * per_diem
            else:  # daily commute
                cat["travel"] += prot["visits"] * count * half_away(2 * d * site * fare * 100)
        d = geo["far"] if host[1] else geo["near"]
        if host[1]:
            cat["travel"] += prot["gia"] * half_away(2 * d * fare * 100)
            cat["per_diem"] += prot["gia"] * 3 * per_diem
        else:
            cat["travel"] += prot["gia"] * half_away(2 * d * fare * 100)
        if n_sup and y["supervisor_visits"]:
            km, hours = km_weighted / t, hours_weighted / t
            if hours > 2.0:
                cat["supervision"] += y["supervisor_visits"] * (half_away(2 * km * fare * 100)
                                                                + 3 * per_diem)
            else:
                cat["supervision"] += y["supervisor_visits"] * half_away(2 * km * fare * 100)
    direct = sum(cat.values())
    cat["other"] += half_away(uc["overhead"] * direct)
    return cat


def derive_fee(y, r, target, per_supervisor, staff):
    """Monthly coach fee (and contract delay in days) that make region r cost `target` soles."""
    def total(fee, delay):
        return sum(estimate_region(y, r, fee, delay, per_supervisor, staff).values())
    # cost is linear in the fee: solve at delay 0
    base, unit = total(0.0, 0), total(1000.0, 0) - total(0.0, 0)
    fee = (target * 100 - base) / unit * 1000
    delay = 0
    if fee < FEE_FLOOR:
        fee = FEE_FLOOR
        while total(FEE_FLOOR, delay) > target * 100:  # the shortest delay that fits the target
            delay += 1
        base, unit = total(0.0, delay), total(1000.0, delay) - total(0.0, delay)
        fee = (target * 100 - base) / unit * 1000
    return r2(fee), delay

# ----------------------------------------------------------------------------------------------
# Calendars (ASSUMPTION: MINEDU school calendars of the time are not in the seeds; classes from
# early March to the week before Christmas with a two-week break at the end of July, as in the
# 2023/2024 calendars of DOMAIN.md). Holy Thursday and Good Friday per year.
# ----------------------------------------------------------------------------------------------
D = _dt.date
CALENDARS = {
    2010: dict(terms=[(D(2010, 3, 1), D(2010, 7, 23)), (D(2010, 8, 9), D(2010, 12, 17))],
               holidays=[D(2010, 4, 1), D(2010, 4, 2)],
               coach_workshops=[D(2010, 2, 8), D(2010, 7, 19)],
               teacher_workshops=[D(2010, 2, 22), D(2010, 8, 2)]),
    2011: dict(terms=[(D(2011, 3, 7), D(2011, 7, 22)), (D(2011, 8, 8), D(2011, 12, 16))],
               holidays=[D(2011, 4, 21), D(2011, 4, 22)],
               coach_workshops=[D(2011, 2, 7), D(2011, 7, 18)],
               teacher_workshops=[D(2011, 2, 28), D(2011, 8, 1)]),
    2012: dict(terms=[(D(2012, 3, 5), D(2012, 7, 20)), (D(2012, 8, 6), D(2012, 12, 21))],
               holidays=[D(2012, 4, 5), D(2012, 4, 6)],
               coach_workshops=[D(2012, 2, 6), D(2012, 7, 23)],
               teacher_workshops=[D(2012, 2, 27), D(2012, 7, 30)]),
    2013: dict(terms=[(D(2013, 3, 11), D(2013, 7, 19)), (D(2013, 8, 5), D(2013, 12, 20))],
               holidays=[D(2013, 3, 28), D(2013, 3, 29)],
               coach_workshops=[D(2013, 2, 11), D(2013, 7, 22)],
               teacher_workshops=[D(2013, 3, 4), D(2013, 7, 30)]),
}
FIXED_HOLIDAYS = ["01-01", "05-01", "06-29", "07-28", "07-29", "08-30", "10-08", "11-01", "12-08",
                  "12-25"]


def year_frame(year, unit_costs, supervisor_visits):
    cal = CALENDARS[year]
    return dict(year=year, unit_costs=unit_costs, contract=(D(year, 2, 1), D(year, 12, 31)),
                protocol=PROTOCOL_2013, coach_workshops=cal["coach_workshops"],
                teacher_workshops=cal["teacher_workshops"], supervisor_visits=supervisor_visits)


# Central spending 2013 (outside the regions; soles). Amounts of named items are ASSUMPTIONs
# per unit; the remainder closes Table 1 and is reported as not itemised.
POSTGRADUATE_PER_PARTICIPANT = 6000.00
CENTRAL_MATERIALS_PER_TEACHER = 150.00
CENTRAL_MANAGEMENT_SHARE = 0.03


def central_2013(regional_total):
    t1 = TABLE1[2013]
    items = []
    participants = t1["coaches"] + t1["supervisors"]
    items.append(dict(category="coach_training",
                      amount=r2(participants * POSTGRADUATE_PER_PARTICIPANT),
                      label=f"postgraduate training of all {t1['coaches']:,} coaches and "
                            f"{t1['supervisors']} coach supervisors, contracted nationally",
                      source=f"001_7e83e5b813894d20.txt 5.2.3 (national order of 2013 to start a "
                             f"postgraduate training for all coaches and coach supervisors); "
                             f"ASSUMPTION: {POSTGRADUATE_PER_PARTICIPANT:,.0f} soles per participant "
                             f"(tuition, modules, travel), {participants:,} participants"))
    items.append(dict(category="materials",
                      amount=r2(t1["teachers"] * CENTRAL_MATERIALS_PER_TEACHER),
                      label="teaching and coaching materials bought centrally by MINEDU",
                      source=f"ASSUMPTION: {CENTRAL_MATERIALS_PER_TEACHER:,.0f} soles per coached "
                             f"teacher of Table 1 ({t1['teachers']:,}); not in the seeds"))
    items.append(dict(category="other",
                      amount=r2(t1["expenditure"] * CENTRAL_MANAGEMENT_SHARE),
                      label="national coordination, monitoring (SIGMA) and evaluation by MINEDU",
                      source=f"ASSUMPTION: {CENTRAL_MANAGEMENT_SHARE:.0%} of the Table 1 "
                             f"expenditure; not in the seeds"))
    rest = r2(t1["expenditure"] - regional_total - sum(i["amount"] for i in items))
    items.append(dict(category="other", amount=rest,
                      label="remainder of Table 1 spending not itemised in the sources",
                      source="DERIVED: 001_7e83e5b813894d20.txt Table 1 expenditure "
                             f"({t1['expenditure']:,.2f}) minus the regional spending implied by "
                             f"Tables 17 and 22 with Callao ({regional_total:,.2f}) minus the "
                             "items above; what it was spent on is not in the seeds"))
    return items

def aggregates_for(layout, teachers, students, geo, school_type):
    """Scenario aggregates (fixed distributions) for a region's school blocks, with students per
    teacher spt or spt + 1 so that the region's students come out exactly (where the sizes
    allow: the remainder is placed on 1-teacher schools first)."""
    spt = students // teachers
    extra = students - spt * teachers  # teachers who get spt + 1 students
    g = GEOGRAPHIES[geo]
    blocks = layout["blocks"]
    # which schools of each block get spt + 1: an exact bounded subset sum (reach[v] = counts)
    reach = {0: ()}
    for size, count, _ in blocks:
        nxt = {}
        for v, ks in reach.items():
            for k in range(count + 1):
                w = v + k * size
                if w > extra:
                    break
                nxt.setdefault(w, ks + (k,))
        reach = nxt
    best = max(v for v in reach if v <= extra)
    plus = dict(enumerate(reach[best]))
    extra -= best
    out = []
    for i, (size, count, far) in enumerate(layout["blocks"]):
        d = g["far"] if far else g["near"]
        for n, st_ in ((plus[i], spt + 1), (count - plus[i], spt)):
            if n > 0:
                out.append(dict(school_type=school_type, count=n, teachers=size,
                                students_per_teacher=st_, distance=d, far=far))
    return out, extra


def pick_per_supervisor(coaches, target):
    return min((8, 9, 10), key=lambda k: (abs(sum(-(-c // k) for c in coaches) - target), k))


def build_2013():
    p = plan_2013()
    y = year_frame(2013, UNIT_COSTS_2013, 2)
    y["layout"] = p["layout"]
    per_sup = pick_per_supervisor([p["coaches"][r] for r in p["regions"]],
                                  TABLE1[2013]["supervisors"])
    regions = []
    for r in p["regions"]:
        fee, delay = derive_fee(y, r, p["cost"][r], per_sup, p["staff"][r])
        est = estimate_region(y, r, fee, delay, per_sup, p["staff"][r])
        stype = "polidocente" if r == "Callao" else "multigrade"
        aggs, left = aggregates_for(p["layout"][r], p["teachers"][r], p["students"][r], GEO[r], stype)
        regions.append(dict(id=r, geography=GEO[r], staff=p["staff"][r], fee=fee, delay=delay,
                            ratio=p["layout"][r]["ratio"], aggregates=aggs,
                            coaches=p["coaches"][r], teachers=p["teachers"][r],
                            schools=p["schools"][r], students=p["students"][r] - left,
                            target=p["cost"][r], estimate=est,
                            exclude_from_statistics=(r == "Callao")))
    regional_total = sum(x["target"] for x in regions)
    return dict(year=2013, plan=p, frame=y, regions=regions, per_supervisor=per_sup,
                central=central_2013(regional_total), regional_total=regional_total)


def describe_build(b):
    print("per supervisor", b["per_supervisor"], "regional target", f"{b['regional_total']:,.2f}")
    tot = {}
    for x in b["regions"]:
        e = x["estimate"]
        for k, v in e.items():
            tot[k] = tot.get(k, 0) + v
        print(f"  {x['id']:16s} fee {x['fee']:8.2f} delay {x['delay']:3d} target {x['target']:13,.2f} "
              f"est {sum(e.values())/100:13,.2f} contracts {e['coach_contracts']/sum(e.values()):.1%}")
    allc = sum(tot.values())
    for k, v in tot.items():
        print(f"    {k:18s} {v/100:15,.2f} {v/allc:6.1%}")
    for c in b["central"]:
        print("  central", c["category"], f"{c['amount']:,.2f}", c["label"])

# ----------------------------------------------------------------------------------------------
# YAML output
# ----------------------------------------------------------------------------------------------
def q(text):
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def money(x, unit="PEN"):
    return q(f"{x:.2f} {unit}")


def mean_fee_of(regions):
    """Coach-weighted mean of the regional monthly fees."""
    return r2(sum(x["fee"] * x["coaches"] for x in regions) / sum(x["coaches"] for x in regions))


def write_scenario(path, purpose, header, name, description, seed, frames, regions, per_sup,
                   supervisor_fee, supervisor_visits, central, sources, standard_fee=None,
                   calibration=None):
    """Writes a scenario. With `standard_fee`, every region pays that fee from the year's
    contract start (no coach_fee or contract_delay per region). With `calibration` (a path
    relative to `path`), the file is structure only: it extends that calibration layer and
    leaves out every price (fees, salaries, unit costs, fares; see write_calibration)."""
    uc = frames[0]["unit_costs"]
    prot = PROTOCOL_2013
    L = [f"# Purpose: {purpose}", "#"]
    L += ["# " + line if line else "#" for line in header]
    L += ["", "coachsim: 1"]
    if calibration:
        L.append(f"extends: {calibration}   # prices: the calibration layer")
    L += [f"name: {q(name)}", f"description: {q(description)}", "currency: PEN",
          f"seed: {seed}", "", "calendar:", "  weekend: [sat, sun]",
          "  fixed_holidays: [" + ", ".join(q(d) for d in FIXED_HOLIDAYS) + "]", "", "years:"]
    for y in frames:
        cal = CALENDARS[y["year"]]
        L.append(f"  - year: {y['year']}")
        L.append("    terms:")
        for a, b in cal["terms"]:
            L.append(f"      - {{from: {a}, to: {b}}}")
        L.append("    holidays: [" + ", ".join(str(d) for d in cal["holidays"]) + "]"
                 "   # Holy Thursday, Good Friday")
        L.append(f"    contract: {{start: {y['contract'][0]}, end: {y['contract'][1]}}}")
        L.append("    coach_workshops: [" + ", ".join(str(d) for d in cal["coach_workshops"]) + "]")
        L.append("    teacher_workshops: [" + ", ".join(str(d) for d in cal["teacher_workshops"]) + "]")
    L += ["", "geographies:"]
    for gid in ("coast", "andes", "amazon"):
        g = GEOGRAPHIES[gid]
        rainy = f"[{{from: {q(g['rainy'][0])}, to: {q(g['rainy'][1])}}}]" if g["rainy"] else "[]"
        L += [f"  - id: {gid}", f"    speed: {q(str(g['speed']) + ' km/h')}"]
        if not calibration:
            L.append(f"    fare: {q(format(g['fare'], '.2f') + ' PEN/km')}")
        L += [f"    rainy_season: {rainy}", f"    rainy_travel_factor: {g['factor']}"]
    L += ["", "protocol:", '  dispersed_above: "50 km"     # not used: every region sets teachers_per_coach',
          "  caseload_packing: nearest_first  # as before issue 12: this structure was sized so that it gives the published coach count",
          "  school_types:"]
    for tid, label in (("multigrade", "Rural primary, multigrade and single-teacher (castellano and EIB), 2013 focalisation"),
                       ("polidocente", "Urban complete (polidocente) primary, Callao")):
        L += [f"    - id: {tid}", f"      label: {q(label)}",
              "      visit_days: [" + ", ".join([str(prot["visit_days"])] * prot["visits"]) + "]",
              f"      gia: {{count: {prot['gia']}, duration: \"4 h\", venue: cluster}}",
              "      rtc: {count: 0, duration: \"3 h\", venue: school}",
              f"      teacher_workshops: {{count: 2, total_days: \"{prot['teacher_workshop_days']} days\"}}",
              f"      coach_workshops: {{count: 2, total_days: \"{prot['coach_workshop_days']} days\"}}"]
    L += ["  caseload_rules:               # overridden by every region's teachers_per_coach",
          "    - {school_type: multigrade, teachers_per_coach: 8}",
          "    - {school_type: polidocente, teachers_per_coach: 8}", ""]
    if standard_fee is None:
        fee_line = (f"  monthly_fee: {q(format(mean_fee_of(regions), '.2f') + ' PEN/month')}"
                    "   # coach-weighted mean of the regional fees (each region sets its own)")
    else:
        fee_line = (f"  monthly_fee: {q(format(standard_fee, '.2f') + ' PEN/month')}"
                    "   # the standard fee, the same in every region")
    sup_comment = "   # no supervisors (before 2013)" if per_sup == 0 else ""
    L += ["coach:"] + ([] if calibration else [fee_line])
    L += ['  working_hours_per_day: "8 h"', '  max_daily_commute: "2 h"', '  travel_hours_per_day: "8 h"', "",
          "supervision:", f"  coaches_per_supervisor: {per_sup}{sup_comment}",
          f"  visits_per_coach: {supervisor_visits}"]
    if not calibration:
        L.append(f"  monthly_fee: {q(format(supervisor_fee, '.2f') + ' PEN/month')}")
    L += ['  days_per_visit: "1 day"']
    if not calibration:
        L += ["", "staff_roles:"]
        L += price_lines(uc)
    L += ["", "regions:"]
    write_regions_and_rest(L, path, regions, central, sources, standard_fee, calibration)


def price_lines(uc):
    """staff_roles and costs: the prices of a scenario (also the body of a calibration layer)."""
    L = []
    for role, sal in STAFF_SALARY_2013.items():
        L.append(f"  - {{id: {role}, monthly_salary: {q(format(sal, '.2f') + ' PEN/month')}}}")
    L += ["", "costs:",
          f"  per_diem: {q(format(uc['per_diem'], '.2f') + ' PEN/day')}",
          "  per_diem_basis: working_day_away   # the basis the regional fees were calibrated with (D.S. 007-2013-EF reads per day of commission; see README)",
          f"  teacher_workshop: {q(format(uc['teacher_workshop'], '.2f') + ' PEN/participant-day')}"]
    L += [f"  teacher_workshop_travel: {q(format(uc['teacher_workshop_travel'], '.2f') + ' PEN/participant')}",
          f"  coach_workshop: {q(format(uc['coach_workshop'], '.2f') + ' PEN/participant-day')}",
          f"  coach_workshop_travel: {q(format(uc['coach_workshop_travel'], '.2f') + ' PEN/participant')}",
          f"  gia_per_participant: {q(format(uc['gia'], '.2f') + ' PEN/participant')}",
          '  rtc_per_participant: "0.00 PEN/participant"',
          f"  materials_per_teacher: {q(format(uc['materials_teacher'], '.2f') + ' PEN/participant')}",
          f"  materials_per_coach: {q(format(uc['materials_coach'], '.2f') + ' PEN/participant')}",
          f"  overhead_rate: {uc['overhead']}"]
    return L


def write_regions_and_rest(L, path, regions, central, sources, standard_fee, calibration):
    for x in regions:
        L += ["", *("  # " + c for c in x["comment"])]
        staff = ", ".join(f"{k}: {v}" for k, v in x["staff"].items() if v > 0)
        L += [f"  - id: {q(x['id'])}", f"    geography: {x['geography']}",
              f"    ugels: [{q('DRE ' + x['id'] + ' (all UGELs)')}]",
              f"    staff: {{{staff}}}"]
        if standard_fee is None and not calibration:
            L += [f"    coach_fee: {q(format(x['fee'], '.2f') + ' PEN/month')}",
                  f"    contract_delay: {q(str(x['delay']) + ' days')}"]
        if x.get("exclude_from_statistics"):
            L.append("    exclude_from_statistics: true   # as in Sempé's Tables 17 and 22")
        L += [f"    teachers_per_coach: {x['ratio']}", "    schools:"]
        for a in x["aggregates"]:
            L.append(f"      - {{school_type: {a['school_type']}, count: {a['count']}, "
                     f"teachers: {{fixed: {a['teachers']}}}, students_per_teacher: "
                     f"{{fixed: {a['students_per_teacher']}}}, distance_km: {{fixed: {a['distance']:.1f}}}, "
                     f"border_share: 0.0, urban_share: {1.0 if a['school_type'] == 'polidocente' else 0.0}}}"
                     + ("   # beyond a daily commute" if a["far"] else ""))
    if central:
        L += ["", "central_costs:                 # executed outside the regions (kept out of regions.csv)"]
        for c in central:
            L.append(f"  - {{year: {c['year']}, category: {c['category']}, amount: {money(c['amount'])}, "
                     f"label: {q(c['label'])}, source: {q(c['source'])}}}")
    L += ["", "sources:"]
    for k, v in sources:
        L.append(f"  {k}: {q(v)}")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(L) + "\n")

def region_comment_2013(x):
    r, c, t = x["id"], x["coaches"], x["teachers"]
    known = {
        "Cajamarca": "KNOWN: cost per teacher 7,431.05 and per coach 45,101.34 (seed 001, 5.2.4), "
                     "hence 101 coaches / 613 teachers (6.07 per coach) and a total of 4,555,234.84",
        "Pasco": "KNOWN: 48,790.11 per coach, 5,635.33 per teacher, 8.66 teachers per coach "
                 "(seed 001, 5.2.4), hence 38 coaches / 329 teachers and a total of 1,854,023.99",
        "Madre de Dios": "KNOWN: 3,897.88 per teacher, 7.09 teachers per coach, 22.08 students per "
                         "school (seed 001, 5.2.4), hence 11 coaches / 78 teachers / 304,034.64",
        "La Libertad": "KNOWN: 75 coaches and no staff (seed 001, 5.2.4)",
        "Lima Provincias": "KNOWN: 77 coaches and 13 staff ('Lima' in seed 001, 5.2.4; Lima "
                           "Metropolitana was out in 2013)",
        "Callao": "ASSUMED: excluded from Tables 17 and 22 (seed 001, 4.2.3); 10 urban schools of "
                  "8 coached teachers, cost per coach at the 24-region mean",
    }.get(r, "KNOWN: nothing per region; every figure below is DERIVED")
    est = x["estimate"]
    tot = sum(est.values())
    lines = [f"{r} ({x['geography']}). {known}.",
             f"  DERIVED: {c} coaches, {t:,} teachers ({t / c:.2f} per coach, ratio {x['ratio']}), "
             f"{x['schools']:,} schools, {x['students']:,} students; target {x['target']:,.2f} soles "
             f"= {x['target'] / c:,.2f} per coach.",
             f"  Fee {x['fee']:,.2f}/month = (target - other costs estimated from the structure) / "
             f"coach-months; coach contracts {est['coach_contracts'] / tot:.1%} of the region."]
    if x["delay"]:
        lines.append(f"  A fee of {FEE_FLOOR:,.0f} for 11 months would exceed the target: the contract "
                     f"starts {x['delay']} days late instead (ASSUMPTION, see FEE_FLOOR).")
    return lines


def sources_2013(b):
    return [
        ("years", "ASSUMPTION: 2013 school calendar (classes 11 March - 20 December, break 22 July - "
                  "2 August), contracts 1 February - 31 December (DOMAIN.md: 11 months in 2014); "
                  "the seeds give no 2013 calendar"),
        ("geographies", "ASSUMPTION: speeds and fares of 2013 (default scenario values about 25% "
                        "lower); near and far distances chosen so that near schools are a daily "
                        "commute and far ones one travel day each way, dry or rainy"),
        ("protocol", "000_85dbdb8474134b3b.txt (APM): 9 visits a year (1 diagnostic, 7 feedback, 1 "
                     "evaluation) and 2 teacher follow-up workshops; the 2013 protocol itself is not "
                     "in the seeds, so the multigrade (APM) protocol stands in for it"),
        ("protocol.visit_days", "ASSUMPTION: one day per visit (not in the seeds)"),
        ("protocol.gia", "001_7e83e5b813894d20.txt 1 ('meetings between coached teachers'); count 4 "
                         "as in NT-026 (ASSUMPTION), held for the coach's caseload together"),
        ("protocol.rtc", "none: not among the three 2013 activity types of 001_7e83e5b813894d20.txt 1"),
        ("protocol.workshops", "ASSUMPTION: teacher workshops 2 x 2 days, regional coach workshops "
                               "2 x 4 days; 2013 also had a national postgraduate training "
                               "(central_costs)"),
        ("regions", "001_7e83e5b813894d20.txt Table 1: 25 regions in 2013 (Lima Metropolitana out); "
                    "Tables 17 and 22 cover 24 (Callao excluded: exclude_from_statistics)"),
        ("regions.coaches", "001 Table 1 (1,640 in all); per region DERIVED: named regions from "
                            "their published figures, the rest by rural-teacher shares of the "
                            "default scenario (scripts/make_peru_scenarios.py, step 2)"),
        ("regions.teachers_per_coach", "001 Table 17 (mean 7.83, SD 1.12, min 6.00, max 9.71) "
                                       "reproduced exactly; assigned by region size (step 3)"),
        ("regions.schools", "001 Table 1 (7,001) split by teachers; 1-5 teacher schools laid out so "
                            "that caseload packing gives each region's coaches exactly (step 4)"),
        ("regions.students_per_teacher", "001 Table 17 students per coach reproduced (step 5); "
                                         "Madre de Dios 22.08 students per school (001, 5.2.4)"),
        ("regions.coach_fee", "DERIVED from 001 Table 22 cost per coach (steps 5 and 7): the fee "
                              "is what remains of the region's target after the other costs"),
        ("regions.contract_delay", f"ASSUMPTION: regions whose target would need a fee below "
                                   f"{FEE_FLOOR:,.0f} a month hire late instead"),
        ("regions.staff", "001 Table 23 (21 / 43 / 43 / 19 across 25 regions) and 5.2.4 (La "
                          "Libertad none, Lima 13); spread DERIVED (step 6)"),
        ("staff_roles", "ASSUMPTION: monthly salaries of 2013 (CAS), not in the seeds"),
        ("supervision", f"001 Table 1: 183 supervisors for 1,640 coaches; groups of "
                        f"{b['per_supervisor']} per region (closest to 183), 2 visits per coach "
                        f"(000); fee ASSUMPTION"),
        ("costs", "ASSUMPTION: 2013 unit costs, not in the seeds (UNIT_COSTS_2013 in the generator)"),
        ("central_costs", "DERIVED: Table 1 expenditure minus regional spending (step 8); items as "
                          "labelled"),
    ]


def write_2013(path):
    b = build_2013()
    for x in b["regions"]:
        x["comment"] = region_comment_2013(x)
    for c in b["central"]:
        c["year"] = 2013
    header = [
        "GENERATED by scripts/make_peru_scenarios.py (method in its docstring); do not edit by",
        "hand, change the generator and run `python3 scripts/make_peru_scenarios.py write`.",
        "",
        "The 2013 Acompañamiento Pedagógico as published by Sempé (2015, seed",
        "001_7e83e5b813894d20.txt): 25 regions, 1,640 coaches, 183 supervisors, 94,101,514 soles",
        "(Table 1); across 24 regions (Callao excluded) the ratios of Table 17 and the unit costs",
        "of Table 22. Published figures are reproduced by construction where marked KNOWN; every",
        "other regional number is DERIVED by the generator's stated method. Table 1's 14,576",
        "teachers cannot be reached together with Table 17 (see VALIDATION.md); this scenario",
        "keeps Table 17 exact and comes within 6% of Table 1. Spending outside the regions",
        "(Table 1 minus the regional totals) is in central_costs. Callao is left out of the",
        "statistics (exclude_from_statistics), so variance.csv reports Tables 17 and 22.",
    ]
    write_scenario(
        path, "reproduce the 2013 national and regional figures of Sempé (2015) (validation)",
        header, "Acompañamiento Pedagógico 2013 (validation, Sempé 2015)",
        "The teacher-coaching programme of 2013 in 25 regions (Lima Metropolitana out), rebuilt "
        "from Sempé (2015) Tables 1, 17, 22 and 23 for validation. Protocol: the multigrade "
        "(APM) protocol of the World Bank spotlight (9 one-day visits, 4 GIA, 2 teacher "
        "workshops) standing in for the 2013 protocol. One pseudo-UGEL per region. Money in "
        "soles of 2013.",
        2013, [b["frame"]], b["regions"], b["per_supervisor"], UNIT_COSTS_2013["supervisor_fee"], 2,
        b["central"], sources_2013(b))
    return b


# ----------------------------------------------------------------------------------------------
# 2013 at standard unit costs (the audit's expected cost, docs/audit-2013.md)
# ----------------------------------------------------------------------------------------------
def write_2013_standard(path, b):
    """peru-2013.yaml's structure (the same regions, schools, caseloads, supervisors and staff,
    so the same populations) with standard unit costs: one coach fee for every region (the
    coach-weighted mean of the calibrated regional fees), contracts from the year's start in
    every region, no central spending. `coachsim audit` simulates it as each region's expected
    cost."""
    std_fee = mean_fee_of(b["regions"])
    regions = []
    for x in b["regions"]:
        est = estimate_region(b["frame"], x["id"], std_fee, 0, b["per_supervisor"], x["staff"])
        calib = f"calibrated fee {x['fee']:,.2f}/month" + (
            f" with a {x['delay']}-day late start" if x["delay"] else "")
        y = dict(x, estimate=est, comment=[
            f"{x['id']} ({x['geography']}). Structure of peru-2013.yaml: {x['coaches']} coaches, "
            f"{x['teachers']:,} teachers (ratio {x['ratio']}), {x['schools']:,} schools, "
            f"{x['students']:,} students.",
            f"  Standard cost by the generator's estimate {sum(est.values()) / 100:,.2f} "
            f"(peru-2013.yaml: {calib}, {x['target']:,.2f})."])
        regions.append(y)
    est_total = sum(sum(x["estimate"].values()) for x in regions) / 100
    header = [
        "GENERATED by scripts/make_peru_scenarios.py (write_2013_standard); do not edit by hand.",
        "",
        "The regional structure of peru-2013.yaml (same generator, same regions, schools,",
        "caseloads, supervisor groups and staff) with STANDARD unit costs: one coach fee for",
        f"every region ({std_fee:,.2f} a month, the coach-weighted mean of peru-2013.yaml's",
        "calibrated regional fees), every contract from 1 February (no calibration delays), the",
        "2013 unit-cost assumptions otherwise. No central spending: it is not the regions'.",
        "`coachsim audit` simulates this scenario as what each region's own structure should",
        "cost; scenarios/actuals-2013.csv is what the regions reported (docs/audit-2013.md).",
        f"Expected regional total by the generator's estimate: {est_total:,.2f} soles.",
    ]
    sources = [(k, v) for k, v in sources_2013(b)
               if k not in ("regions.coach_fee", "regions.contract_delay", "central_costs")]
    sources.append(("coach.monthly_fee",
                    "DERIVED: coach-weighted mean of the regional fees of peru-2013.yaml (which "
                    "reproduce 001 Table 22); the standard for every region"))
    write_scenario(
        path, "the 2013 structure at standard unit costs: what each region should cost "
              "(audit, docs/audit-2013.md)", header,
        "Acompañamiento Pedagógico 2013 at standard unit costs (audit)",
        "The 2013 programme of peru-2013.yaml (25 regions, Sempé 2015) with one standard coach "
        "fee and no late contracts: the expected cost of each region's structure for "
        "`coachsim audit` against scenarios/actuals-2013.csv. Money in soles of 2013.",
        2013, [b["frame"]], regions, b["per_supervisor"], UNIT_COSTS_2013["supervisor_fee"], 2,
        [], sources, standard_fee=std_fee)
    return regions


def postgraduate_line_2013():
    """The one central item of 2013 the seeds name (001, 5.2.3): a DECLARED line of the 2013
    structure (who took part is published; the price per participant is an ASSUMPTION, with
    the range scripts/heldout_peru.py reports)."""
    t1 = TABLE1[2013]
    participants = t1["coaches"] + t1["supervisors"]
    return dict(year=2013, category="coach_training",
                amount=r2(participants * POSTGRADUATE_PER_PARTICIPANT),
                label=f"postgraduate training of all {t1['coaches']:,} coaches and "
                      f"{t1['supervisors']} coach supervisors, contracted nationally (new in 2013)",
                source=f"001_7e83e5b813894d20.txt 5.2.3 (national order of 2013); ASSUMPTION: "
                       f"{POSTGRADUATE_PER_PARTICIPANT:,.0f} soles per participant (range "
                       f"3,000-9,000), {participants:,} participants")


def write_2013_heldout(path, b):
    """The 2013 structure (peru-2013-standard.yaml's regions, schools, caseloads, supervisors,
    staff) without any price, extending the calibration fitted on 2010-2012, plus the declared
    postgraduate line: the blind prediction of 2013 (VALIDATION.md, held-out years)."""
    cal = "calibration/peru-upto-2012.yaml"
    regions = []
    for x in b["regions"]:
        regions.append(dict(x, comment=[
            f"{x['id']} ({x['geography']}). Structure of peru-2013.yaml: {x['coaches']} coaches, "
            f"{x['teachers']:,} teachers (ratio {x['ratio']}), {x['schools']:,} schools, "
            f"{x['students']:,} students; fee = the national fee of the calibration layer."]))
    header = [
        "GENERATED by scripts/make_peru_scenarios.py (write_2013_heldout); do not edit by hand.",
        "",
        "The regional structure of peru-2013.yaml (regions, schools, caseloads, supervisor groups,",
        "staff) with NO price: every price comes from the calibration layer it extends",
        f"({cal}), fitted by scripts/heldout_peru.py on the published spending of",
        "2010-2012 only. 2013's new items are structure: coach supervisors (Table 1: 183; the",
        "model forms 177) and the national postgraduate training, a declared central line",
        "(001, 5.2.3; its price per participant an ASSUMPTION). Nothing of 2013's spending is",
        "used: the simulated total is a blind prediction (VALIDATION.md, held-out years).",
    ]
    sources = [(k, v) for k, v in sources_2013(b)
               if k not in ("regions.coach_fee", "regions.contract_delay", "central_costs",
                            "costs", "staff_roles", "coach.monthly_fee", "supervision.monthly_fee")]
    sources.append(("costs", f"the calibration layer {cal} (scripts/heldout_peru.py)"))
    sources.append(("central_costs", "001_7e83e5b813894d20.txt 5.2.3: the national postgraduate "
                                     "training of 2013, declared; nothing else central is modelled"))
    write_scenario(
        path, "blind prediction of 2013 from the 2010-2012 calibration (held-out validation)",
        header, "Acompañamiento Pedagógico 2013, predicted from 2010-2012 (held out)",
        "The 2013 programme of peru-2013.yaml (25 regions, Sempé 2015) as structure only, priced "
        "by the calibration fitted on 2010-2012, with the declared 2013 postgraduate training. "
        "Money in nominal soles.",
        2013, [b["frame"]], regions, b["per_supervisor"], UNIT_COSTS_2013["supervisor_fee"], 2,
        [postgraduate_line_2013()], sources, calibration=cal)


# ----------------------------------------------------------------------------------------------
# 2013 actuals for the audit (scenarios/actuals-2013.csv, docs/audit-2013.md)
# ----------------------------------------------------------------------------------------------
CATEGORIES = ("coach_contracts", "travel", "per_diem", "teacher_workshops", "coach_training",
              "supervision", "regional_staff", "materials", "other")
T1 = "001_7e83e5b813894d20.txt"
# Values published per region as such (seed 001, 5.2.4); everything else is constructed.
PUBLISHED_COUNTS_2013 = {("La Libertad", "coaches"): 75, ("La Libertad", "staff"): 0,
                         ("Lima Provincias", "coaches"): 77, ("Lima Provincias", "staff"): 13}


def count_source(r, what, b):
    """Where a constructed count of region r comes from (the generator's steps)."""
    named = {"Cajamarca": "7,431.05 per teacher and 45,101.34 per coach",
             "Pasco": "48,790.11 per coach, 5,635.33 per teacher, 8.66 teachers per coach",
             "Madre de Dios": "3,897.88 per teacher, 7.09 teachers per coach"}
    if (r, what) in PUBLISHED_COUNTS_2013:
        return f"{T1} 5.2.4 (named region)"
    if r == "Callao":
        return ("ASSUMPTION (Callao is in Table 1, not in Tables 17 and 22): generator "
                "CALLAO_2013")
    if what in ("coaches", "teachers") and r in named:
        return (f"smallest whole coaches and teachers reproducing the published {named[r]} "
                f"({T1} 5.2.4); generator step 1")
    if what == "coaches":
        return f"{T1} Table 1 (1,640 coaches) shared by rural teachers; generator step 2"
    if what == "teachers":
        return (f"{T1} Table 17 teachers per coach (mean 7.83 SD 1.12 min 6.00 max 9.71) "
                "assigned by region size; generator step 3")
    if what == "schools" and r == "Madre de Dios":
        return f"nearest count keeping the published 22.08 students per school ({T1} 5.2.4); step 4"
    if what == "schools":
        return f"{T1} Table 1 (7,001 schools) split by teachers; generator step 4"
    if what == "students" and r == "Madre de Dios":
        return f"published 22.08 students per school x schools ({T1} 5.2.4); generator step 4"
    if what == "students":
        return (f"{T1} Table 17 students per coach (mean 123.76 SD 36.50 min 69.01 max 197.04); "
                "generator step 5")
    if what == "staff":
        return (f"{T1} Table 23 head counts (126 in 25 regions) spread by Table 17 coaches per "
                "staff; generator step 6")
    if what == "supervisors":
        return (f"groups of {b['per_supervisor']} coaches per region as in peru-2013.yaml "
                f"({T1} Table 1 gives 183 nationally; these sum to the run's count)")
    raise ValueError(what)


def write_actuals_2013(rundir, path):
    """scenarios/actuals-2013.csv from a run of peru-2013.yaml (`coachsim run
    scenarios/peru-2013.yaml --out RUNDIR --no-ledger`): per region, spending by category from
    the calibrated run's ledger totals (regions.csv cost_<category>), with coach contracts
    moved by the few soles between the ledger total and the region's target (cost per coach x
    coaches, which reproduces Table 22 and the named regions to the cent); counts from the run
    (equal to the generator's plan, checked). Labels: `published` only for the counts the seed
    gives per region; every other value is `constructed`, with its source."""
    b = build_2013()
    plan = {x["id"]: x for x in b["regions"]}
    regs = {r["region"]: r for r in read_csv(os.path.join(rundir, "regions.csv"))
            if int(r["year"]) == 2013}
    if sorted(regs) != sorted(plan):
        raise SystemExit(f"{rundir}: regions.csv is not a run of scenarios/peru-2013.yaml")
    cents = lambda text: int(Decimal(text) * 100)
    out = [("region", "year", "measure", "value", "status", "source")]
    for r in b["plan"]["regions"]:
        row, x = regs[r], plan[r]
        for what in ("coaches", "teachers", "schools", "students"):
            if int(row[what]) != x[what]:
                raise SystemExit(f"{rundir}: {r} has {row[what]} {what}, the plan {x[what]}")
        spend = {c: cents(row["cost_" + c]) for c in CATEGORIES}
        total = sum(spend.values())
        if total != cents(row["cost_total"]):
            raise SystemExit(f"{rundir}: {r} categories do not add up to cost_total")
        target = round(Decimal(repr(x["target"])) * 100)
        adjust = target - total
        spend["coach_contracts"] += adjust
        what_target = {
            "Callao": "ASSUMPTION: the 24-region mean cost per coach",
            "Cajamarca": f"published 7,431.05 per teacher and 45,101.34 per coach; {T1} 5.2.4",
            "Pasco": f"published 48,790.11 per coach and 5,635.33 per teacher; {T1} 5.2.4",
            "Madre de Dios": f"published 3,897.88 per teacher; {T1} 5.2.4",
        }.get(r, f"{x['target'] / x['coaches']:,.2f} per coach, a value fitted to {T1} "
                 "Table 22's cost per coach spread; generator step 5")
        for c in CATEGORIES:
            src = (f"ledger total of the calibrated run of scenarios/peru-2013.yaml "
                   f"(regions.csv cost_{c})")
            if c == "coach_contracts":
                src += (f" {adjust / 100:+.2f} so that the region totals {target / 100:,.2f} "
                        f"({what_target})")
            out.append((r, "2013", f"spending.{c}", f"{spend[c] / 100:.2f}", "constructed", src))
        for what in ("coaches", "supervisors", "staff", "teachers", "schools", "students"):
            v = int(row[what])
            if (r, what) in PUBLISHED_COUNTS_2013:
                if v != PUBLISHED_COUNTS_2013[(r, what)]:
                    raise SystemExit(f"{rundir}: {r} {what} {v} is not the published figure")
                status = "published"
            else:
                status = "constructed"
            out.append((r, "2013", f"count.{what}", str(v), status, count_source(r, what, b)))
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(out)
    pub = sum(1 for o in out[1:] if o[4] == "published")
    print(f"wrote {path}: {len(out) - 1} values, {pub} published, {len(out) - 1 - pub} constructed")


# ----------------------------------------------------------------------------------------------
# 2010-2012
# ----------------------------------------------------------------------------------------------
URBAN_COACH_SHARE = {"Lima Metropolitana": 0.03, "Callao": 0.006}  # ASSUMPTION (no figures)
LIMA_METROPOLITANA_STAFF = {"regional_officer": 1, "monitoring_officer": 1}  # ASSUMPTION


def build_early(year, b13):
    """A Table 1 year before 2013: 26 regions, no supervisors, the 2013 regional pattern."""
    t1 = TABLE1[year]
    regions = [r for r, _, _ in REGIONS]
    reg13 = {x["id"]: x for x in b13["regions"]}
    # coaches: urban regions by assumption, the others by rural weight
    weights = {r: w for r, _, w in REGIONS}
    coaches = {r: round(t1["coaches"] * sh) for r, sh in URBAN_COACH_SHARE.items()}
    rural = [r for r in regions if r not in URBAN_COACH_SHARE]
    coaches.update(largest_remainder(t1["coaches"] - sum(coaches.values()), weights, rural))
    # teachers: the 2013 ratio of each region scaled to the year's national ratio
    k13 = {r: reg13[r]["teachers"] / reg13[r]["coaches"] for r in reg13}
    k13["Lima Metropolitana"] = k13["Callao"]
    nat13 = sum(x["teachers"] for x in reg13.values()) / sum(x["coaches"] for x in reg13.values())
    factor = t1["teachers"] / t1["coaches"] / nat13
    teachers = largest_remainder(t1["teachers"], {r: k13[r] * factor * coaches[r] for r in regions},
                                 regions)
    for r in regions:  # the packing needs at least as many teachers as coaches
        teachers[r] = max(teachers[r], coaches[r])
    # schools: Table 1 split by teachers, laid out for exact packing (carry as in 2013)
    target = largest_remainder(t1["schools"], teachers, regions)
    layout, schools, carry = {}, {}, 0
    for r in sorted(regions, key=lambda r: (coaches[r], r)):
        lay = school_layout(r, coaches[r], teachers[r], target[r] + carry,
                            GEOGRAPHIES[GEO[r]]["far_share"])
        schools[r] = sum(bl[1] for bl in lay["blocks"])
        carry = target[r] + carry - schools[r]
        layout[r] = lay
    for r in sorted(regions, key=lambda r: (-coaches[r], r)):
        if not carry:
            break
        lay = school_layout(r, coaches[r], teachers[r], schools[r] + carry,
                            GEOGRAPHIES[GEO[r]]["far_share"])
        got = sum(bl[1] for bl in lay["blocks"])
        carry -= got - schools[r]
        schools[r], layout[r] = got, lay
    # students: 2011 and 2012 from Table 1 by the 2013 students per teacher of each region;
    # 2010 (n.d.) at 2011's national students per teacher
    spt13 = {r: reg13[r]["students"] / reg13[r]["teachers"] for r in reg13}
    spt13["Lima Metropolitana"] = spt13["Callao"]
    total_students = t1["students"] or round(t1["teachers"] * TABLE1[2011]["students"]
                                             / TABLE1[2011]["teachers"])
    students = largest_remainder(total_students, {r: spt13[r] * teachers[r] for r in regions},
                                 regions)
    fee_mean = sum(x["fee"] * x["coaches"] for x in reg13.values()) / sum(x["coaches"] for x in reg13.values())
    frame = year_frame(year, dict(UNIT_COSTS_2013, supervisor_fee=None), 0)
    frame["layout"] = layout
    out = []
    for r in regions:
        fee = reg13[r]["fee"] if r in reg13 else r2(fee_mean)
        staff = reg13[r]["staff"] if r in reg13 else dict(
            LIMA_METROPOLITANA_STAFF, local_officer=0, local_monitor=0)
        stype = "polidocente" if r in URBAN_COACH_SHARE else "multigrade"
        aggs, left = aggregates_for(layout[r], teachers[r], students[r], GEO[r], stype)
        est = estimate_region(frame, r, fee, 0, 1000, staff)
        out.append(dict(id=r, geography=GEO[r], staff=staff, fee=fee, delay=0,
                        ratio=layout[r]["ratio"], aggregates=aggs, coaches=coaches[r],
                        teachers=teachers[r], schools=schools[r], students=students[r] - left,
                        estimate=est))
    return dict(year=year, frame=frame, regions=out)


def calibration_for(year):
    """The calibration layer a year's structure file extends: the one fitted on the years before
    it (a blind one-year-ahead prediction); 2010, the first year with counts, on itself."""
    return f"calibration/peru-upto-{max(2010, year - 1)}.yaml"


def write_early(year, path, b13):
    b = build_early(year, b13)
    t1 = TABLE1[year]
    cal = calibration_for(year)
    for x in b["regions"]:
        x["comment"] = [
            f"{x['id']} ({x['geography']}). DERIVED: {x['coaches']} coaches, {x['teachers']:,} "
            f"teachers (ratio {x['ratio']}), {x['schools']:,} schools, {x['students']:,} students; "
            f"fee = the national fee of the calibration layer."]
    header = [
        "GENERATED by scripts/make_peru_scenarios.py (method in its docstring); do not edit by",
        "hand, change the generator and run `python3 scripts/make_peru_scenarios.py write`.",
        "",
        f"{year}: Table 1 of Sempé (2015, seed 001_7e83e5b813894d20.txt): {t1['regions']} regions, "
        f"{t1['coaches']:,} coaches, no supervisors,",
        f"{t1['teachers']:,} teachers, {t1['schools']:,} schools, "
        + (f"{t1['students']:,} students" if t1["students"] else "students n.d.")
        + f", {t1['expenditure']:,.2f} soles spent.",
        "Only national totals are published for this year: regions follow the 2013 pattern of",
        "peru-2013.yaml (rural shares, ratios scaled to this year's national ratio). This file is",
        "STRUCTURE only (counts, distances, protocol, calendar); every price comes from the",
        f"calibration layer it extends ({cal}), fitted by scripts/heldout_peru.py on the",
        "published spending of earlier years only (2010: on itself), so the simulated total is a",
        "blind prediction (VALIDATION.md, held-out years). Supervisors did not exist:",
        "coaches_per_supervisor 0 (no supervisors, no supervision cost).",
    ]
    sources = [
        ("years", f"ASSUMPTION: {year} school calendar (early March to mid-December, two-week break "
                  "in late July), contracts 1 February - 31 December; not in the seeds"),
        ("regions", "001_7e83e5b813894d20.txt Table 1: 26 regions; per region DERIVED from the "
                    "2013 pattern (scripts/make_peru_scenarios.py, build_early)"),
        ("regions.Lima Metropolitana", f"ASSUMPTION: {URBAN_COACH_SHARE['Lima Metropolitana']:.0%} "
                                       "of coaches (urban, in the programme until 2012)"),
        ("regions.Callao", f"ASSUMPTION: {URBAN_COACH_SHARE['Callao']:.1%} of coaches"),
        ("regions.students", "001 Table 1" + (" " if t1["students"] else
                             " (n.d. in 2010: ASSUMPTION, 2011's 21.3 students per teacher) ")
                             + "split by the 2013 students per teacher of each region"),
        ("protocol", "ASSUMPTION: the 2013 stand-in protocol of peru-2013.yaml (APM, seed 000); "
                     "internships, part of the strategy until 2012 (001, 4.2.3), are not modelled"),
        ("supervision", "001 Table 1: no coach supervisors before 2013 (coaches_per_supervisor 0; "
                        "fee and visits unused)"),
        ("costs", f"the calibration layer {cal} (scripts/heldout_peru.py): one national coach "
                  "fee fitted to earlier years' Table 1 spending, other unit costs the stated 2013 "
                  "priors"),
    ]
    write_scenario(
        path, f"rebuild the {year} programme of Sempé (2015) Table 1 and check its expenditure "
              f"(validation)", header,
        f"Acompañamiento Pedagógico {year} (validation, Sempé 2015 Table 1)",
        f"The teacher-coaching programme of {year} in 26 regions rebuilt from the national totals "
        f"of Sempé (2015) Table 1 with the regional pattern and protocol of 2013 "
        f"(peru-2013.yaml); no supervisors; prices from {cal}. Money in nominal soles.",
        year, [b["frame"]], b["regions"], 0, 0.0, 0, [], sources, calibration=cal)
    return b

def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("write", help="write scenarios/peru-2010.yaml ... peru-2013.yaml")
    sub.add_parser("plan", help="print the derived 2013 plan")
    ap_act = sub.add_parser("actuals", help="write scenarios/actuals-2013.csv from a run of "
                                            "scenarios/peru-2013.yaml")
    ap_act.add_argument("rundir", help="the --out folder of `coachsim run scenarios/peru-2013.yaml`")
    cp = sub.add_parser("compare", help="compare a run's output folder with the published figures")
    cp.add_argument("year", type=int, help="2010-2013, or 2016 for apm-multigrade.yaml")
    cp.add_argument("outdir")
    args = ap.parse_args(argv)
    if args.cmd == "write":
        b13 = write_2013(os.path.join(ROOT, "scenarios", "peru-2013.yaml"))
        write_2013_standard(os.path.join(ROOT, "scenarios", "peru-2013-standard.yaml"), b13)
        write_2013_heldout(os.path.join(ROOT, "scenarios", "peru-2013-heldout.yaml"), b13)
        for year in (2010, 2011, 2012):
            write_early(year, os.path.join(ROOT, "scenarios", f"peru-{year}.yaml"), b13)
    elif args.cmd == "plan":
        b = build_2013()
        describe(b["plan"])
        describe_build(b)
    elif args.cmd == "actuals":
        write_actuals_2013(args.rundir, os.path.join(ROOT, "scenarios", "actuals-2013.csv"))
    elif args.cmd == "compare":
        compare(args.year, args.outdir)

def describe(p):
    s = p["sempe"]
    c, t, st_, x = p["coaches"], p["teachers"], p["students"], p["cost"]
    rows = {
        "teachers_per_coach": [t[r] / c[r] for r in s],
        "students_per_coach": [st_[r] / c[r] for r in s],
        "cost_per_teacher": [x[r] / t[r] for r in s],
        "cost_per_student": [x[r] / st_[r] for r in s],
        "cost_per_coach": [x[r] / c[r] for r in s],
    }
    for k, v in rows.items():
        tgt = TABLE17.get(k) or TABLE22.get(k)
        print(f"{k:20s} mean {mean(v):10.2f} ({tgt[3]:10.2f}) sd {sd(v):9.2f} ({tgt[4]:9.2f}) "
              f"min {min(v):9.2f} ({tgt[1]:9.2f}) max {max(v):9.2f} ({tgt[2]:9.2f})")
    allr = p["regions"]
    print("national coaches", sum(c[r] for r in allr), "teachers", sum(t[r] for r in allr),
          "schools", sum(p["schools"][r] for r in allr), "students", sum(st_[r] for r in allr),
          "regional cost", round(sum(x[r] for r in allr), 2))
    staff = p["staff"]
    cps = [c[r] / sum(staff[r].values()) for r in s if sum(staff[r].values()) > 0]
    tgt = TABLE17["coaches_per_staff"]
    print(f"coaches_per_staff    mean {mean(cps):10.2f} ({tgt[3]:10.2f}) sd {sd(cps):9.2f} ({tgt[4]:9.2f}) "
          f"min {min(cps):9.2f} ({tgt[1]:9.2f}) max {max(cps):9.2f} ({tgt[2]:9.2f}) n {len(cps)}")
    for role in ("regional_officer", "monitoring_officer", "local_officer", "local_monitor", "total"):
        v = [sum(staff[r].values()) if role == "total" else staff[r][role] for r in allr]
        print(f"  {role:20s} sum {sum(v):4d} mean {mean(v):5.2f} ({TABLE23[role][2]}) sd {sd(v):5.3f} "
              f"({TABLE23[role][3]}) min {min(v)} max {max(v)} ({TABLE23[role][1]})")
    for r in allr:
        print("   ", r, staff[r], p["layout"][r]["ratio"], p["layout"][r]["blocks"])
    for r in allr:
        print(f"  {r:16s} c {c[r]:4d} t {t[r]:5d} n {p['schools'][r]:5d} s {st_[r]:6d} "
              f"k {t[r]/c[r]:5.2f} spt {st_[r]/t[r]:5.2f} cpc {x[r]/c[r]:9.2f} "
              f"cpt {x[r]/t[r]:8.2f} cps {x[r]/st_[r]:7.2f}")


# ----------------------------------------------------------------------------------------------
# Comparison of a run with the published figures (markdown tables for VALIDATION.md)
# ----------------------------------------------------------------------------------------------
APM = dict(year=2016, usd_per_teacher=3000.0, pen_per_usd=3.38, schools=6400, teachers=12000,
           coaches=1400)  # seed 000; exchange rate: BCRP 2016 annual average (outside the seeds)


def read_csv(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def row(label, published, simulated, fmt="{:,.2f}", note=""):
    if published is None:
        return f"| {label} | n.d. | {fmt.format(simulated)} | | {note} |"
    diff = "" if published == 0 else f"{(simulated - published) / published * 100:+.1f}%"
    return f"| {label} | {fmt.format(published)} | {fmt.format(simulated)} | {diff} | {note} |"


def compare(year, outdir):
    nat = [r for r in read_csv(os.path.join(outdir, "national.csv")) if int(r["year"]) == year]
    regs = [r for r in read_csv(os.path.join(outdir, "regions.csv")) if int(r["year"]) == year]
    if not nat:
        raise SystemExit(f"{outdir}: no national row for {year}")
    n = nat[0]
    f = lambda r, k: float(r[k])
    print("| figure | published | simulated | difference | note |")
    print("|---|---:|---:|---:|---|")
    if year == APM["year"]:
        rate = APM["pen_per_usd"]
        print(row("schools", APM["schools"], f(n, "schools"), "{:,.0f}", "seed 000, ~"))
        print(row("teachers", APM["teachers"], f(n, "teachers"), "{:,.0f}", "seed 000, ~"))
        print(row("coaches", APM["coaches"], f(n, "coaches"), "{:,.0f}", "seed 000, ~"))
        print(row("visits per teacher", 9, f(n, "visits_done") / f(n, "teachers"), "{:,.2f}",
                  "seed 000: 1 diagnostic + 7 feedback + 1 evaluation"))
        print(row("cost per teacher, US$", APM["usd_per_teacher"], f(n, "cost_per_teacher") / rate,
                  "{:,.0f}", f"seed 000 (~US$3,000); {rate} soles per US$"))
        print(row("cost per teacher, soles", APM["usd_per_teacher"] * rate, f(n, "cost_per_teacher"),
                  "{:,.2f}", ""))
        print(row("cost per student, US$", 228, f(n, "cost_per_student") / rate, "{:,.0f}",
                  "Castro et al. 2025 via DOMAIN.md (outside the seeds)"))
        print(row("total, million US$", 40, f(n, "cost_total") / rate / 1e6, "{:,.1f}",
                  "Castro et al. 2025 via DOMAIN.md (outside the seeds)"))
        print(row("coach contracts, share", None, f(n, "cost_coach_contracts") / f(n, "cost_total") * 100,
                  "{:.1f}%", ""))
        return
    t1 = TABLE1[year]
    rate = EXCHANGE[year]
    print(row("regions", t1["regions"], len(regs), "{:,.0f}", "Table 1"))
    print(row("coaches", t1["coaches"], f(n, "coaches"), "{:,.0f}", "Table 1"))
    print(row("supervisors", t1["supervisors"], f(n, "supervisors"), "{:,.0f}",
              "Table 1" if year == 2013 else "none before 2013 (Table 1)"))
    print(row("teachers", t1["teachers"], f(n, "teachers"), "{:,.0f}", "Table 1"))
    print(row("schools", t1["schools"], f(n, "schools"), "{:,.0f}", "Table 1"))
    print(row("students", t1["students"], f(n, "students"), "{:,.0f}", "Table 1"))
    print(row("expenditure, soles", t1["expenditure"], f(n, "cost_total"), "{:,.2f}", "Table 1"))
    print(row("expenditure, US$", t1["expenditure"] / rate, f(n, "cost_total") / rate, "{:,.0f}",
              f"annex rate {rate} soles per US$"))
    print(row("cost per teacher, soles", t1["expenditure"] / t1["teachers"], f(n, "cost_per_teacher"),
              "{:,.2f}", "Table 1 expenditure / teachers"))
    print(row("cost per coach, soles", t1["expenditure"] / t1["coaches"], f(n, "cost_per_coach"),
              "{:,.2f}", "Table 1 expenditure / coaches"))
    inside = sum(f(r, "cost_total") for r in regs)
    print(row("spent outside the regions, soles", None, f(n, "cost_outside_regions"), "{:,.2f}",
              "central_costs"))
    contracts = sum(f(r, "cost_coach_contracts") for r in regs)
    if year != 2013:
        return
    print(row("coach contracts, share of regional spending", 69.3, contracts / inside * 100,
              "{:.1f}%", "5.2.4 (read as the regions' budget)"))
    print(row("coach contracts, share of national spending", 69.3, contracts / f(n, "cost_total") * 100,
              "{:.1f}%", "5.2.4 (read as the national total)"))
    print()
    print("Across the 24 regions of Tables 17 and 22 (Callao excluded: exclude_from_statistics):")
    print()
    print("| figure | statistic | published | simulated | difference | from |")
    print("|---|---|---:|---:|---:|---|")
    # variance.csv has every row but coaches per staff (Table 17 row 3), which is computed from
    # regions.csv over the regions that are not excluded and have staff.
    var = {r["metric"]: r for r in read_csv(os.path.join(outdir, "variance.csv"))
           if int(r["year"]) == year}
    s24 = [r for r in regs if r["region"] != "Callao"]
    cps = [f(r, "coaches") / f(r, "staff") for r in s24 if f(r, "staff") > 0]
    metrics = [
        ("teachers per coach", TABLE17["teachers_per_coach"], "teachers_per_coach"),
        ("students per coach", TABLE17["students_per_coach"], "students_per_coach"),
        ("coaches per staff", TABLE17["coaches_per_staff"], cps),
        ("cost per teacher", TABLE22["cost_per_teacher"], "cost_per_teacher"),
        ("cost per student", TABLE22["cost_per_student"], "cost_per_student"),
        ("cost per coach", TABLE22["cost_per_coach"], "cost_per_coach"),
    ]
    for name, (nn, lo, hi, mu, sigma), v in metrics:
        if isinstance(v, str):
            got, src = var[v], "variance.csv"
            sims = (int(got["n"]), f(got, "mean"), f(got, "sd"), f(got, "min"), f(got, "max"))
        else:
            src = "regions.csv"
            sims = (len(v), mean(v), sd(v), min(v), max(v))
        for stat, pub, sim in zip(("N", "mean", "SD", "min", "max"), (nn, mu, sigma, lo, hi), sims):
            diff = f"{(sim - pub) / pub * 100:+.1f}%"
            fmt = "{:,.0f}" if stat == "N" else "{:,.2f}"
            print(f"| {name} | {stat} | {fmt.format(pub)} | {fmt.format(sim)} | {diff} | {src} |")
    staff = [f(r, "staff") for r in regs]
    _, hi, mu, sigma = TABLE23["total"]
    for stat, pub, sim in (("mean", mu, mean(staff)), ("SD", sigma, sd(staff)), ("max", hi, max(staff))):
        print(f"| staff per region (25, Table 23) | {stat} | {pub:,.2f} | {sim:,.2f} | "
              f"{(sim - pub) / pub * 100:+.1f}% | regions.csv |")
    print()
    print("Named regions (seed 001, 5.2.4):")
    print()
    print("| region | figure | published | simulated | difference |")
    print("|---|---|---:|---:|---:|")
    by = {r["region"]: r for r in regs}
    named = [("Cajamarca", "cost per teacher", 7431.05, f(by["Cajamarca"], "cost_per_teacher")),
             ("Cajamarca", "cost per coach", 45101.34, f(by["Cajamarca"], "cost_per_coach")),
             ("Pasco", "cost per coach", 48790.11, f(by["Pasco"], "cost_per_coach")),
             ("Pasco", "cost per teacher", 5635.33, f(by["Pasco"], "cost_per_teacher")),
             ("Pasco", "teachers per coach", 8.66, f(by["Pasco"], "teachers_per_coach")),
             ("Madre de Dios", "students per school", 22.08,
              f(by["Madre de Dios"], "students") / f(by["Madre de Dios"], "schools")),
             ("Madre de Dios", "cost per teacher", 3897.88, f(by["Madre de Dios"], "cost_per_teacher")),
             ("Madre de Dios", "teachers per coach", 7.09, f(by["Madre de Dios"], "teachers_per_coach")),
             ("La Libertad", "coaches", 75, f(by["La Libertad"], "coaches")),
             ("La Libertad", "staff", 0, f(by["La Libertad"], "staff")),
             ("Lima Provincias", "coaches", 77, f(by["Lima Provincias"], "coaches")),
             ("Lima Provincias", "staff", 13, f(by["Lima Provincias"], "staff"))]
    for region, what, pub, sim in named:
        diff = "" if pub == 0 else f"{(sim - pub) / pub * 100:+.2f}%"
        print(f"| {region} | {what} | {pub:,.2f} | {sim:,.2f} | {diff} |")
    print()
    print("Where Table 1's 94.1 million went in the simulation (soles):")
    print()
    print("| part | soles | share |")
    print("|---|---:|---:|")
    total = f(n, "cost_total")
    callao = f(by["Callao"], "cost_total")
    print(f"| 24 regions of Tables 17 and 22 | {inside - callao:,.2f} | {(inside - callao) / total:.1%} |")
    print(f"| Callao (in Table 1, not in Tables 17 and 22) | {callao:,.2f} | {callao / total:.1%} |")
    print(f"| outside the regions (central_costs) | {f(n, 'cost_outside_regions'):,.2f} | "
          f"{f(n, 'cost_outside_regions') / total:.1%} |")
    print(f"| national total | {total:,.2f} | 100.0% |")


if __name__ == "__main__":
    main(sys.argv[1:])
