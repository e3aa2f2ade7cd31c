"""Reads a report CSV the way a Python user would (csv module, utf-8-sig) and prints its rows as JSON."""
import csv
import json
import sys

with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    rows = list(csv.DictReader(f))
# ASCII-only JSON, so the output survives any locale of the test machine
print(json.dumps(rows))
