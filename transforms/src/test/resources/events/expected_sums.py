#!/usr/bin/env python3
"""Independent reference for SumActivityPerWindowTest: sums activity_count per activity_type over
1-day windows starting every hour (UTC, aligned to the epoch), straight from log.json, by brute force:
for every hourly window start, add up the events whose time t satisfies start <= t < start + 1 day.

Run from this directory: python3 expected_sums.py
"""
import datetime
import json
from collections import defaultdict

DAY = datetime.timedelta(days=1)
HOUR = datetime.timedelta(hours=1)

events = []
with open("log.json") as f:
    for line in f:
        e = json.loads(line)
        t = datetime.datetime.strptime(e["activity_time"], "%Y-%m-%d %H:%M:%S")
        events.append((t, e["activity_type"], e["activity_count"]))

first = min(t for t, _, _ in events).replace(minute=0, second=0) - DAY + HOUR
last = max(t for t, _, _ in events)
windows = {}
start = first
while start <= last:
    sums = defaultdict(int)
    for t, typ, n in events:
        if start <= t < start + DAY:
            sums[typ] += n
    if sums:
        windows[start] = dict(sorted(sums.items()))
    start += HOUR

print("events:", len(events), "total count:", sum(n for _, _, n in events))
print("non-empty windows:", len(windows))
print("sum over all windows and types:", sum(sum(s.values()) for s in windows.values()))
print("first window:", min(windows), windows[min(windows)])
print("last window:", max(windows), windows[max(windows)])
for s in ["2024-03-01 00:00", "2024-03-01 12:00", "2024-03-02 00:00", "2024-03-02 12:00",
          "2024-03-02 13:00", "2024-03-03 00:00"]:
    w = datetime.datetime.strptime(s, "%Y-%m-%d %H:%M")
    print("window", w, "->", w + DAY, windows.get(w))
