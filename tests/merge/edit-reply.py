# Edits a reply as an officer would, with openpyxl (an independent writer): reads JSON jobs on stdin,
# each {"src", "dst", "cells": {"E4": ["Some slippage", "text"], "D4": ["2019-01-31", "date"], "D5": [null, "blank"]}}.
# Text is set as a string cell even when it starts with "=", as a cell formatted as Text keeps it.
import datetime
import json
import sys

import openpyxl

for job in json.load(sys.stdin):
    wb = openpyxl.load_workbook(job['src'])
    ws = wb.worksheets[0]
    for ref, (value, kind) in job['cells'].items():
        cell = ws[ref]
        if kind == 'date':
            cell.value = datetime.datetime.fromisoformat(value)
        elif kind == 'blank':
            cell.value = None
        else:
            cell.value = value
            cell.data_type = 's'
    wb.save(job['dst'])
