# Reads workbooks with openpyxl and prints what a test checks, as JSON: the sheet, its protection,
# its data validations, hidden columns, and every cell with a value or unlocked (value, number
# format, locked). Dates come out as ISO text.
import datetime
import json
import sys

import openpyxl

out = []
for path in sys.argv[1:]:
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is None and c.protection.locked:
                continue
            v = c.value
            if isinstance(v, (datetime.datetime, datetime.date)):
                v = v.isoformat()
            cells[c.coordinate] = [v, c.number_format, bool(c.protection.locked), c.data_type]
    out.append({
        'sheets': wb.sheetnames,
        'title': ws.title,
        'protected': bool(ws.protection.sheet),
        'password': ws.protection.password,
        'validations': [[dv.type, dv.formula1, str(dv.sqref)] for dv in ws.data_validations.dataValidation],
        'hidden': sorted(k for k, d in ws.column_dimensions.items() if d.hidden),
        'cells': cells,
    })
print(json.dumps(out))
