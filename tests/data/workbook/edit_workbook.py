"""Edits cells of an input workbook as a person would in Excel (openpyxl), for the error tests.

usage: edit_workbook.py IN.xlsx OUT.xlsx SHEET!CELL=VALUE ...
A VALUE that reads as a number is written as a number; '' empties the cell; 'text:...' forces
text. A CELL may name a row by its first column instead of a number: Regions!coaches@Loreto is
the 'coaches' column of the row whose column A is Loreto (the header is matched without its
unit).
"""
import sys

import openpyxl


def locate(ws, ref):
    if "@" not in ref:
        return ws[ref]
    column, key = ref.split("@", 1)
    headers = [str(c.value or "").split(" (")[0] for c in ws[1]]
    col = headers.index(column) + 1
    for row in ws.iter_rows(min_row=2):
        if str(row[0].value) == key:
            return ws.cell(row=row[0].row, column=col)
    raise SystemExit(f"no row {key!r} in {ws.title}")


def value_of(text):
    if text.startswith("text:"):
        return text[5:]
    if text == "":
        return None
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        return text


def main():
    source, target, *edits = sys.argv[1:]
    wb = openpyxl.load_workbook(source)
    for edit in edits:
        where, value = edit.split("=", 1)
        sheet, ref = where.rsplit("!", 1)
        cell = locate(wb[sheet], ref)
        cell.value = value_of(value)
        print(f"{sheet}!{cell.coordinate}")
    wb.save(target)


main()
