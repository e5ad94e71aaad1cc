"""Writes plan workbooks with openpyxl, for tests/xlsx/writers/third-party-writers.test.ts.

Run with Debian's /usr/bin/python3 (python3-openpyxl). Reads a JSON list of jobs on stdin:
  {"out": path, "sheetName": str, "rows": [[cell]], "merges": [A1 range], "notes": [str],
   "epoch1904": bool, "isoDates": bool, "comment": A1 ref or null}
where a cell is a string, a number, null or {"date": "YYYY-MM-DD"} (a real date cell).
With "comment", that cell gets a comment and a "Lists" sheet an Excel table.
One process writes every job: starting Python is the slow part.
"""

import datetime
import json
import sys

import openpyxl
from openpyxl.comments import Comment
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from openpyxl.worksheet.table import Table, TableStyleInfo

DATE_FORMAT = "dd/mm/yyyy"


def cell_value(v):
    if isinstance(v, dict):
        y, m, d = (int(p) for p in v["date"].split("-"))
        return datetime.datetime(y, m, d)
    return v


def write(job):
    wb = openpyxl.Workbook()
    if job.get("epoch1904"):
        wb.epoch = CALENDAR_MAC_1904
    if job.get("isoDates"):
        # Dates as t="d" cells holding ISO text instead of serial numbers.
        wb.iso_dates = True
    ws = wb.active
    ws.title = job["sheetName"]
    for r, row in enumerate(job["rows"], start=1):
        for c, v in enumerate(row, start=1):
            if v is None:
                continue
            cell = ws.cell(row=r, column=c, value=cell_value(v))
            if isinstance(v, dict):
                cell.number_format = DATE_FORMAT
    for rng in job["merges"]:
        ws.merge_cells(rng)

    notes = wb.create_sheet("Notes")
    for r, text in enumerate(job["notes"], start=1):
        notes.cell(row=r, column=1, value=text)

    if job.get("comment"):
        # A note on a status cell and a lookup table elsewhere: both common in councils' sheets.
        ws[job["comment"]].comment = Comment("Confirmed with the lead officer on 28/09/2018.", "Performance team")
        lists = wb.create_sheet("Lists")
        table_rows = [["Status word", "RAG"], ["Completed", "Blue"], ["On track", "Green"],
                      ["Some slippage", "Amber"], ["Major slippage", "Red"], ["Not started", "Grey"]]
        for r, row in enumerate(table_rows, start=1):
            for c, v in enumerate(row, start=1):
                lists.cell(row=r, column=c, value=v)
        table = Table(displayName="StatusWords", ref=f"A1:B{len(table_rows)}")
        table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        lists.add_table(table)

    wb.save(job["out"])


def main():
    for job in json.load(sys.stdin):
        write(job)


if __name__ == "__main__":
    main()
