#!/usr/bin/python3
"""An independent SimPy 3 model of coachsim's coaching workload: the benchmark peer.

It reads the same scenario files (the YAML and its schools CSVs) and simulates the same work:
every coach is a SimPy process that, each school year, makes one trip per caseload school per
visit round (nearest school first; the round's GIA and RTC sessions on days apart from the
visits, a cluster session as an extra trip to the caseload's largest school), attends the
year's coach and teacher workshops, and posts the cost of each into a ledger; a payroll process
closes every month (coach and supervisor contracts prorated by calendar days, regional staff).
It prints the totals per year and category in céntimos, as JSON.

It implements a subset of coachsim's model, the one `scripts/make_census_scenario.py --peer`
writes: `caseload_packing: nearest_first`, no rainy season, `per_diem_basis: session_day`,
`overhead_rate: 0`, `visits_per_coach: 0`, no budget, scale-up, coach supply, turnover,
contract delay or uncertainty; and it assumes every trip and workshop fits in the year, which
bench/simpy_peer/check.py verifies against coachsim's compliance (100%) and missed.csv (empty).
A scenario outside the subset is refused (exit 2).

Run with Debian's python3 (python3-simpy3, python3-yaml):
  /usr/bin/python3 bench/simpy_peer/peer.py SCENARIO.yaml
"""

import csv
import datetime
import json
import math
import os
import re
import sys
from decimal import Decimal

import simpy
import yaml

CATEGORIES = ["coach_contracts", "travel", "per_diem", "teacher_workshops", "coach_training",
              "supervision", "regional_staff", "materials", "other"]


def refuse(message):
    print(f"peer.py: {message}", file=sys.stderr)
    sys.exit(2)


def centimos(text):
    """'2830 PEN/month' -> 283000 (an exact integer number of céntimos)."""
    value = Decimal(str(text).split()[0]) * 100
    if value != value.to_integral_value():
        refuse(f"money with more than two decimals: {text!r}")
    return int(value)


def number(text):
    """'25 km/h', '8 h', '10 days', '50 km' -> the leading number."""
    return float(str(text).split()[0])


def round_half_away(value):
    """coachsim's one rounding rule (sim/units/rounding.cpp): halves away from zero, with a
    1e-7 tolerance below the half."""
    whole = math.trunc(value)
    fraction = value - whole
    if fraction >= 0.5 - 1e-7:
        whole += 1
    elif fraction <= -(0.5 - 1e-7):
        whole -= 1
    return int(whole)


def apply_rate(rate, quantity):
    return round_half_away(float(rate) * float(quantity))


def prorate_month(fee, active, month_days):
    q, r = divmod(fee * active, month_days)
    return q + (1 if 2 * r >= month_days else 0)


def to_date(value):
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value))


class Scenario:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        self.check_subset(doc)
        folder = os.path.dirname(path)
        self.years = doc["years"]
        self.geographies = {g["id"]: g for g in doc["geographies"]}
        protocol = doc["protocol"]
        self.types = protocol["school_types"]
        self.type_index = {t["id"]: k for k, t in enumerate(self.types)}
        self.rules = protocol["caseload_rules"]
        self.dispersed_above = number(protocol["dispersed_above"])
        coach = doc["coach"]
        self.coach_fee = centimos(coach["monthly_fee"])
        self.working_hours = number(coach["working_hours_per_day"])
        self.max_commute = number(coach["max_daily_commute"])
        self.travel_hours_per_day = number(coach["travel_hours_per_day"])
        sup = doc["supervision"]
        self.coaches_per_supervisor = int(sup["coaches_per_supervisor"])
        self.supervisor_fee = centimos(sup["monthly_fee"])
        self.staff_salary = {r["id"]: centimos(r["monthly_salary"])
                             for r in doc.get("staff_roles") or []}
        self.costs = {k: (centimos(v) if k not in ("per_diem_basis", "overhead_rate") else v)
                      for k, v in doc["costs"].items()}
        self.regions = doc["regions"]
        self.schools = []  # (region, ugel, type, rule, distance, hours, teachers, students)
        for r, region in enumerate(self.regions):
            geo = self.geographies[region["geography"]]
            speed = number(geo["speed"])
            ugels = region["ugels"]
            if isinstance(ugels, int):
                ugels = [f"UGEL {i}" for i in range(1, ugels + 1)]
            ugel_index = {u: i for i, u in enumerate(ugels)}
            with open(os.path.join(folder, region["schools_csv"]), encoding="utf-8") as f:
                for row in csv.DictReader(f):
                    distance = float(row["distance_km"])
                    hours = (float(row["travel_time_h"]) if row.get("travel_time_h")
                             else distance / speed)
                    school = {"region": r, "ugel": ugel_index[row["ugel"]],
                              "type": self.type_index[row["school_type"]],
                              "border": row["border"].lower() in ("true", "1"),
                              "urban": row["urban"].lower() in ("true", "1"),
                              "distance": distance, "hours": hours,
                              "teachers": int(row["teachers"]),
                              "students": int(row["students"])}
                    school["rule"] = self.matching_rule(school)
                    self.schools.append(school)

    @staticmethod
    def check_subset(doc):
        protocol = doc.get("protocol", {})
        if protocol.get("caseload_packing") != "nearest_first":
            refuse("the peer implements `caseload_packing: nearest_first` only")
        for g in doc["geographies"]:
            if g.get("rainy_season") and float(g.get("rainy_travel_factor", 1)) != 1.0:
                refuse("the peer implements no rainy season")
        if doc["costs"].get("per_diem_basis") != "session_day":
            refuse("the peer implements `per_diem_basis: session_day` only")
        if float(doc["costs"].get("overhead_rate", 0)) != 0:
            refuse("the peer implements `overhead_rate: 0` only")
        if int(doc["supervision"].get("visits_per_coach", 0)) != 0:
            refuse("the peer implements no supervision visits (`visits_per_coach: 0`)")
        for key in ("budget", "scale_up", "coach_supply", "teacher_turnover", "uncertainty",
                    "extends", "not_coached", "central_costs"):
            if key in doc:
                refuse(f"the peer does not implement `{key}:`")
        for region in doc["regions"]:
            if "schools" in region or "teachers_per_coach" in region:
                refuse("the peer reads schools from `schools_csv:` only, with the caseload rules")
            if number(region.get("contract_delay", "0 days")) != 0:
                refuse("the peer implements no contract delay")

    def matching_rule(self, school):
        type_id = self.types[school["type"]]["id"]
        dispersed = school["distance"] > self.dispersed_above
        for k, rule in enumerate(self.rules):
            if rule["school_type"] != type_id:
                continue
            if "border" in rule and rule["border"] != school["border"]:
                continue
            if "urban" in rule and rule["urban"] != school["urban"]:
                continue
            if "dispersed" in rule and rule["dispersed"] != dispersed:
                continue
            return k
        refuse(f"no caseload rule matches a school of type {type_id}")

    def session_days(self, session):
        return max(1, math.ceil(number(session["duration"]) / self.working_hours - 1e-9))


def caseloads(s):
    """Nearest first within (region, UGEL, type); a coach's capacity is the smallest ratio of
    its schools; a school that fits a fresh coach is never split."""
    order = sorted(range(len(s.schools)), key=lambda i: (
        s.schools[i]["region"], s.schools[i]["ugel"], s.schools[i]["type"],
        s.schools[i]["distance"], i))
    coaches = []
    current = None
    previous = None
    for i in order:
        school = s.schools[i]
        group = (school["region"], school["ugel"], school["type"])
        if group != previous:
            current = None
        previous = group
        ratio = s.rules[school["rule"]]["teachers_per_coach"]
        remaining = school["teachers"]
        while remaining > 0:
            capacity = ratio if current is None else min(current["capacity"], ratio)
            room = 0 if current is None else capacity - current["teachers"]
            if room <= 0 or (remaining > room and remaining <= ratio):
                current = {"region": school["region"], "type": school["type"],
                           "capacity": ratio, "teachers": 0, "items": []}
                coaches.append(current)
            elif capacity < current["capacity"]:
                current["capacity"] = capacity
            take = min(remaining, current["capacity"] - current["teachers"])
            current["items"].append((take, school["distance"], school["hours"]))
            current["teachers"] += take
            remaining -= take
    return coaches


class Model:
    def __init__(self, s):
        self.s = s
        self.env = simpy.Environment()
        self.coaches = caseloads(s)
        self.totals = {}  # (year, category) -> céntimos
        self.start = to_date(s.years[0]["contract"]["start"]).replace(month=1, day=1)
        # Supervisors: each region's coaches in groups of coaches_per_supervisor.
        self.supervisors = []
        if s.coaches_per_supervisor > 0:
            count = {}
            for c in self.coaches:
                count[c["region"]] = count.get(c["region"], 0) + 1
            for region, n in sorted(count.items()):
                self.supervisors += [region] * math.ceil(n / s.coaches_per_supervisor)
        self.rounds = [self.round_sessions(t) for t in s.types]

    @staticmethod
    def round_sessions(t):
        """Per visit round: GIA and RTC held at each school, and those held as one cluster."""
        rounds = len(t["visit_days"])
        out = []
        for r in range(rounds):
            def sessions(p):
                return sum(1 for j in range(p["count"])
                           if (2 * j + 1) * rounds // (2 * p["count"]) == r)
            gia, rtc = sessions(t["gia"]), sessions(t["rtc"])
            gia_here, rtc_here = t["gia"]["venue"] == "school", t["rtc"]["venue"] == "school"
            out.append((gia if gia_here else 0, rtc if rtc_here else 0,
                        0 if gia_here else gia, 0 if rtc_here else rtc))
        return out

    def day(self, date):
        return (date - self.start).days

    def post(self, year, category, amount):
        key = (year, category)
        self.totals[key] = self.totals.get(key, 0) + amount

    def coach(self, c):
        """One coach, year after year."""
        for y in range(len(self.s.years)):
            yield from self.coach_year(c, y)

    def coach_year(self, c, y):
        """One coach's school year: materials, then trips and workshops in date order."""
        s, year = self.s, self.s.years[y]
        t = s.types[c["type"]]
        costs = s.costs
        region = s.regions[c["region"]]
        fare = centimos(s.geographies[region["geography"]]["fare"])
        yield self.env.timeout(max(0, self.day(to_date(year["contract"]["start"])) - self.env.now))
        self.post(y, "materials", apply_rate(costs["materials_per_teacher"], c["teachers"])
                  + costs["materials_per_coach"])
        workshops = []
        for kind, key in (("coach", "coach_workshops"), ("teacher", "teacher_workshops")):
            dates = year.get(key) or []
            total = round(number(t[key]["total_days"]))
            for k, d in enumerate(dates):
                days = total // len(dates) + (1 if k < total % len(dates) else 0)
                workshops.append((self.day(to_date(d)), kind, days))
        workshops.sort()
        host = 0
        for i, item in enumerate(c["items"]):
            if item[0] > c["items"][host][0]:
                host = i
        gia_days, rtc_days = s.session_days(t["gia"]), s.session_days(t["rtc"])
        trips = []
        for r, (gia, rtc, cl_gia, cl_rtc) in enumerate(self.rounds[c["type"]]):
            for item in c["items"]:
                trips.append((item, item[0] * t["visit_days"][r] + gia * gia_days + rtc * rtc_days,
                              item[0], gia, rtc))
            if cl_gia + cl_rtc > 0:
                trips.append((c["items"][host], cl_gia * gia_days + cl_rtc * rtc_days,
                              c["teachers"], cl_gia, cl_rtc))
        for item, site, participants, gia, rtc in trips:
            while workshops and workshops[0][0] <= self.env.now + site:
                yield from self.workshop(c, y, *workshops.pop(0))
            _, distance, hours = item
            overnight = hours > s.max_commute
            each_way = (math.ceil(hours / s.travel_hours_per_day - 1e-9) if overnight else 0)
            yield self.env.timeout(site + 2 * each_way)
            km = 2.0 * distance * (1 if overnight else site)
            amount = apply_rate(fare, km)
            self.post(y, "travel", amount)
            if overnight:
                self.post(y, "per_diem", apply_rate(costs["per_diem"], site))
            self.post(y, "other", apply_rate(costs["gia_per_participant"], participants * gia)
                      + apply_rate(costs["rtc_per_participant"], participants * rtc))
        while workshops:
            yield from self.workshop(c, y, *workshops.pop(0))

    def workshop(self, c, y, start, kind, days):
        costs = self.s.costs
        yield self.env.timeout(max(0, start - self.env.now) + days)
        participants = 1 if kind == "coach" else c["teachers"]
        rate = costs["coach_workshop"] if kind == "coach" else costs["teacher_workshop"]
        travel = (costs["coach_workshop_travel"] if kind == "coach"
                  else costs["teacher_workshop_travel"])
        category = "coach_training" if kind == "coach" else "teacher_workshops"
        self.post(y, category, apply_rate(rate, participants * days)
                  + apply_rate(travel, participants))

    def payroll(self):
        """At each month's end: contracts prorated by the days inside the contract; staff."""
        s = self.s
        for y, year in enumerate(s.years):
            start, end = to_date(year["contract"]["start"]), to_date(year["contract"]["end"])
            for month in range(1, 13):
                first = datetime.date(year["year"], month, 1)
                last = (datetime.date(year["year"] + (month == 12), month % 12 + 1, 1)
                        - datetime.timedelta(days=1))
                yield self.env.timeout(max(0, self.day(last) - self.env.now))
                month_days = last.day
                active = max(0, (min(last, end) - max(first, start)).days + 1)
                if active:
                    for c in self.coaches:
                        fee = s.regions[c["region"]].get("coach_fee")
                        fee = centimos(fee) if fee else s.coach_fee
                        self.post(y, "coach_contracts", prorate_month(fee, active, month_days))
                    for _ in self.supervisors:
                        self.post(y, "supervision",
                                  prorate_month(s.supervisor_fee, active, month_days))
                for region in s.regions:
                    for role, count in (region.get("staff") or {}).items():
                        self.post(y, "regional_staff", apply_rate(s.staff_salary[role], count))

    def run(self):
        self.env.process(self.payroll())
        for c in self.coaches:
            self.env.process(self.coach(c))
        self.env.run()


def main():
    if len(sys.argv) != 2:
        refuse("usage: peer.py SCENARIO.yaml")
    model = Model(Scenario(sys.argv[1]))
    model.run()
    years = [y["year"] for y in model.s.years]
    out = {"coaches": len(model.coaches), "supervisors": len(model.supervisors),
           "teachers": sum(c["teachers"] for c in model.coaches), "years": {}}
    for y, year in enumerate(years):
        out["years"][str(year)] = {k: model.totals.get((y, k), 0) for k in CATEGORIES}
    out["cost_total"] = sum(model.totals.values())
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
