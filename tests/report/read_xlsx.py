#!/usr/bin/env python3
"""Reads a coachsim workbook back with openpyxl and prints what tests/report/xlsx_test.cpp asserts.

Usage: read_xlsx.py FILE

Prints, one fact a line: the sheet names in order; per sheet the frozen pane, the autofilter
range and whether the header row is bold; key cells as `label = value (type, number format)`;
totals read back (money sums to the cent). Exit code 1 when the file cannot be read.
"""
import sys

import openpyxl


def show(value, number_format="General"):
    if isinstance(value, (int, float)) and "0.00" in number_format:
        return f"{value:.2f}"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(round(value, 6))
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d")
    return repr(value)


def describe(cell):
    return f"{show(cell.value, cell.number_format)} ({cell.data_type}, {cell.number_format})"


def header_of(ws, row):
    """Column numbers (1-based) by header name."""
    return {c.value: c.column for c in ws[row] if c.value is not None}


def header_row(ws):
    if ws.freeze_panes:
        return ws[ws.freeze_panes].row - 1
    for row in ws.iter_rows(min_col=1, max_col=1):
        if row[0].value == "year":
            return row[0].row
    return 1


def sheet_line(ws):
    hr = header_row(ws)
    bold = all(c.font.b for c in ws[hr] if c.value is not None)
    print(f"{ws.title}: freeze={ws.freeze_panes} filter={ws.auto_filter.ref} "
          f"header_row={hr} header_bold={bold} rows={ws.max_row}")


def rows_below(ws, hr):
    for r in range(hr + 1, ws.max_row + 1):
        yield r


def money_sum(values):
    return f"{round(sum(values), 2):.2f}"


def summary(ws):
    hr = header_row(ws)
    h = header_of(ws, hr)
    print(f"Summary: A1 bold={ws['A1'].font.b} notes start A4={ws['A4'].value!r}")
    for r in rows_below(ws, hr):
        first = ws.cell(r, 1).value
        if first == "all years":
            print(f"Summary: all years cost total = {describe(ws.cell(r, h['cost total']))}")
            continue
        for name in ("year", "teachers", "compliance", "cost total", "cost per teacher",
                     "teachers per coach", "cost outside regions"):
            print(f"Summary: {first} {name} = {describe(ws.cell(r, h[name]))}")


def by_region(ws):
    hr = header_row(ws)
    h = header_of(ws, hr)
    print(f"{ws.title}: {len(h)} columns, first {list(h)[:3]}, last {list(h)[-1]}")
    print(f"{ws.title}: header {','.join(str(name) for name in h)}")
    for name in ("region", "year", "teachers", "compliance_pct", "cost_total",
                 "cost_per_teacher", "teachers_per_coach", "cost_supervision"):
        print(f"{ws.title}: row {hr + 1} {name} = {describe(ws.cell(hr + 1, h[name]))}")
    total = [ws.cell(r, h["cost_total"]).value for r in rows_below(ws, hr)]
    cats = [ws.cell(r, c).value for r in rows_below(ws, hr)
            for name, c in h.items() if name.startswith("cost_") and name not in
            ("cost_total", "cost_per_teacher", "cost_per_student", "cost_per_coach")]
    print(f"{ws.title}: sum cost_total = {money_sum(total)}, sum of categories = "
          f"{money_sum(cats)}")
    widths = {k: ws.column_dimensions[k].width for k in ("A", "C", "AH")}
    print(f"{ws.title}: widths {widths}")


def by_category(ws):
    hr = header_row(ws)
    h = header_of(ws, hr)
    parts, national, outside = [], [], []
    for r in rows_below(ws, hr):
        region, cost = ws.cell(r, h["region"]).value, ws.cell(r, h["cost"]).value
        (national if region == "national" else parts).append(cost)
        if region == "(outside regions)":
            outside.append(cost)
    print(f"By category: {ws.max_row - hr} rows; regions and outside = {money_sum(parts)}; "
          f"national = {money_sum(national)}; outside = {money_sum(outside)}")
    r = hr + 1
    print(f"By category: row {r} = " + ", ".join(describe(ws.cell(r, c)) for c in h.values()))


def execution(ws):
    hr = header_row(ws)
    h = header_of(ws, hr)
    print(f"PpR execution: A3 = {ws['A3'].value!r}")
    target = next(name for name in h if name.startswith("financial target"))
    for r in rows_below(ws, hr):
        region = ws.cell(r, 1).value
        for name in ("teachers in caseloads (target)", "teachers reached", "coverage",
                     "teacher-visits planned (target)", "teacher-visits done",
                     target, "accrued in the year",
                     "execution", "accrued Mar", "cumulative Dec"):
            print(f"PpR execution: {region} {name} = {describe(ws.cell(r, h[name]))}")
        months = [ws.cell(r, h["accrued " + m]).value for m in
                  ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                   "Dec")]
        print(f"PpR execution: {region} sum of months = {money_sum(months)}")


def variance(ws):
    hr = header_row(ws)
    h = header_of(ws, hr)
    print(f"Regional variance: columns {list(h)}")
    for r in rows_below(ws, hr):
        print(f"Regional variance: {ws.cell(r, h['indicator']).value}: N = "
              f"{describe(ws.cell(r, h['N']))}, Mean = {describe(ws.cell(r, h['Mean']))}, "
              f"SD = {describe(ws.cell(r, h['SD']))}")


def ledger(ws):
    hr = header_row(ws)
    if not ws.freeze_panes:
        for row in ws.iter_rows():
            print("Ledger: " + " | ".join(describe(c) for c in row if c.value is not None))
        return
    h = header_of(ws, hr)
    amounts, notes = [], []
    for r in rows_below(ws, hr):
        cell = ws.cell(r, h["amount"])
        if cell.data_type == "n" and cell.value is not None:
            amounts.append(cell.value)
        else:
            notes.append(ws.cell(r, 1).value)
    print(f"Ledger: {len(h)} columns; {len(amounts)} entries; sum amount = {money_sum(amounts)}")
    r = hr + 1
    for name in ("entry", "date", "year", "region", "quantity", "rate", "amount", "event"):
        print(f"Ledger: row {r} {name} = {describe(ws.cell(r, h[name]))}")
    for n in notes:
        print(f"Ledger: note {n!r}")


def ledger_by_month(ws):
    """Every non-empty cell as `region category month = amount`, and each row's total checked
    against the sum of its months."""
    if not ws.freeze_panes:
        print(f"Ledger by month: A1 = {ws['A1'].value!r}")
        return
    hr = header_row(ws)
    h = header_of(ws, hr)
    months = [name for name in h if name not in ("region", "category", "total")]
    print(f"Ledger by month: months {months[0]} .. {months[-1]} ({len(months)})")
    for r in rows_below(ws, hr):
        region, category = ws.cell(r, h["region"]).value, ws.cell(r, h["category"]).value
        values = []
        for m in months:
            cell = ws.cell(r, h[m])
            if cell.value is not None:
                values.append(cell.value)
                print(f"Ledger by month: {region} {category} {m} = {describe(cell)}")
        print(f"Ledger by month: {region} {category} total = "
              f"{describe(ws.cell(r, h['total']))}, sum of months = {money_sum(values)}")


def budget(ws):
    hr = header_row(ws)
    h = header_of(ws, hr)
    print(f"Budget: columns {list(h)}")
    for r in rows_below(ws, hr):
        region, year = ws.cell(r, h["region"]).value, ws.cell(r, h["year"]).value
        for name, c in h.items():
            if name not in ("region", "year"):
                print(f"Budget: {region} {show(year)} {name} = {describe(ws.cell(r, c))}")


def inputs(ws):
    h = header_of(ws, 1)
    print(f"Scenario inputs: columns {list(h)}")
    for r in range(2, ws.max_row + 1):
        src = [ws.cell(r, c).value for c in (1, 2)]
        line = [ws.cell(r, c) for c in (4, 5)]
        if any(v is not None for v in src):
            print(f"Scenario inputs: source {src[0]!r} -> {src[1]!r}")
        if line[0].value is not None or line[1].value is not None:
            print(f"Scenario inputs: line {describe(line[0])} {line[1].value!r}")


def main():
    wb = openpyxl.load_workbook(sys.argv[1])
    print("sheets: " + " | ".join(wb.sheetnames))
    for ws in wb.worksheets:
        sheet_line(ws)
    readers = {"Summary": summary, "By region and year": by_region, "By category": by_category,
               "PpR execution": execution, "Regional variance": variance, "Ledger": ledger,
               "Ledger by month": ledger_by_month, "Budget": budget,
               "Scenario inputs": inputs}
    for ws in wb.worksheets:
        if ws.title in readers:
            readers[ws.title](ws)


if __name__ == "__main__":
    try:
        main()
    except Exception as e:  # the test shows the message
        print(f"read_xlsx.py: {type(e).__name__}: {e}")
        sys.exit(1)
