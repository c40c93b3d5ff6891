#!/usr/bin/env python3
"""Checks the default scenario's workbook against the CSV files of the same run.

Usage: check_default_xlsx.py OUT_DIR WORKBOOK

Prints, one a line: the sheet names; "pivot = ledger" when every cell of "Ledger by month" equals
the sum of the matching ledger.csv amounts (region, category, month of date) to the céntimo, else
the first cells that differ; "regions.csv columns = sheet" when each prices:/outcomes: column of
regions.csv has the same value on "By region and year" for every row (within the CSV's
rounding), else what differs. Exit 1
when a file cannot be read.
"""
import csv
import sys
from collections import defaultdict
from decimal import Decimal

import openpyxl

OUTCOME_COLUMNS = ("cost_total_nominal", "cost_total_usd", "cost_per_teacher_usd",
                   "cost_per_student_usd", "teachers_coached", "students_coached",
                   "student_learning_sd", "teacher_practice_sd", "cost_per_full_protocol_teacher",
                   "sd_per_usd100")


def cents(value):
    return int((Decimal(str(value)) * 100).to_integral_value())


def main():
    out, book = sys.argv[1], sys.argv[2]
    wb = openpyxl.load_workbook(book, read_only=True)
    print("sheets: " + " | ".join(wb.sheetnames))

    ledger = defaultdict(int)
    with open(f"{out}/ledger.csv", newline="") as f:
        for row in csv.DictReader(f):
            amount = cents(row["amount"])
            month = row["date"][:7]
            ledger[(row["region"], row["category"], month)] += amount
            ledger[("national", row["category"], month)] += amount
            ledger[("national", "all categories", month)] += amount
    rows = list(wb["Ledger by month"].iter_rows(values_only=True))
    header_at = next(i for i, r in enumerate(rows) if r and r[0] == "region")
    header = rows[header_at]
    sheet = {}
    for r in rows[header_at + 1:]:
        for name, value in zip(header[3:], r[3:]):
            if value is not None:
                sheet[(r[0], r[1], name)] = cents(value)
    wrong = [k for k in set(ledger) | set(sheet) if ledger.get(k) != sheet.get(k)]
    print("pivot = ledger" if not wrong else f"pivot differs: {sorted(wrong)[:5]}")
    print(f"pivot cells: {len(sheet)}")

    with open(f"{out}/regions.csv", newline="") as f:
        csv_rows = list(csv.DictReader(f))
    regions = list(wb["By region and year"].iter_rows(values_only=True))
    h = {name: i for i, name in enumerate(regions[0])}
    missing = [c for c in OUTCOME_COLUMNS if c not in h]
    if missing:
        print(f"sheet lacks {missing}")
        return
    differ = []
    for c_row, s_row in zip(csv_rows, regions[1:]):
        for c in OUTCOME_COLUMNS:
            # The CSV rounds (SDs to 4 decimals, money to 2); the sheet keeps the full value.
            text = c_row[c]
            places = len(text) - text.index(".") - 1 if "." in text else 0
            if abs(float(text) - float(s_row[h[c]])) > 0.5 * 10 ** -places + 1e-9:
                differ.append((c_row["region"], c_row["year"], c, c_row[c], s_row[h[c]]))
    same_count = len(csv_rows) == len(regions) - 1
    print("regions.csv columns = sheet" if not differ and same_count
          else f"differ: {differ[:5]} rows {len(csv_rows)} vs {len(regions) - 1}")


if __name__ == "__main__":
    try:
        main()
    except Exception as e:  # the test shows the message
        print(f"check_default_xlsx.py: {type(e).__name__}: {e}")
        sys.exit(1)
