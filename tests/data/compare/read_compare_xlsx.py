#!/usr/bin/env python3
"""Reads the workbook of `coachsim compare --xlsx` with openpyxl and prints what
tests/cli/compare_cli_test.cpp asserts: sheet names, frozen pane, autofilter, the header row
and the national all-years cost_total row as `value (type, number format)` cells; and the
Headline sheet's title and the scope/year/metric of its rows."""
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
print("sheets =", ",".join(wb.sheetnames))
ws = wb["Comparison"]
print("freeze =", ws.freeze_panes)
print("filter =", ws.auto_filter.ref)
header_row = None
for row in ws.iter_rows(min_row=1, max_row=10):
    if row[0].value == "Scope":
        header_row = row[0].row
        print("header =", "|".join(str(c.value) for c in row if c.value is not None))
        print("header bold =", all(c.font.bold for c in row if c.value is not None))
for row in ws.iter_rows(min_row=(header_row or 1) + 1):
    if row[0].value == "national" and row[1].value == "all" and row[2].value in (
            "cost_total", "coverage_pct", "teachers"):
        cells = []
        for c in row[4:]:
            if c.value is None:
                cells.append("blank")
            elif isinstance(c.value, float) and not c.value.is_integer():
                cells.append(f"{c.value:.6f} ({c.data_type}, {c.number_format})")
            else:
                cells.append(f"{c.value:g} ({c.data_type}, {c.number_format})")
        print(row[2].value, "=", " | ".join(cells))

hl = wb["Headline"]
print("headline title =", hl["A1"].value)
keys = []
for row in hl.iter_rows(min_row=1):
    if row[0].value in (None, "Scope") or row[1].value is None:
        continue
    keys.append(f"{row[0].value}/{row[1].value}/{row[2].value}")
print("headline rows =", ",".join(keys))
