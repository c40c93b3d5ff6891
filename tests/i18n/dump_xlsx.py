#!/usr/bin/env python3
"""Prints every non-empty cell of a workbook, one a line, for tests/cli/i18n_cli_test.cpp:
`N<TAB>sheet-number!cell<TAB>value` for numbers and `T<TAB>sheet-number!cell<TAB>text` for text.
Sheets are numbered (1, 2, ...) so that an English and a Spanish workbook line up.
Usage: dump_xlsx.py FILE
"""
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
for number, sheet in enumerate(book.worksheets, start=1):
    print(f"S\t{number}\t{sheet.title}")
    for row in sheet.iter_rows():
        for cell in row:
            v = cell.value
            if v is None:
                continue
            where = f"{number}!{cell.coordinate}"
            if isinstance(v, (int, float)):
                print(f"N\t{where}\t{v!r}")
            elif hasattr(v, "strftime"):
                print(f"N\t{where}\t{v.isoformat()}")
            else:
                print("T\t" + where + "\t" + str(v).replace("\n", " "))
