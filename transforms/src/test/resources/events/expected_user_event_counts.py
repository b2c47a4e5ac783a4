#!/usr/bin/env python3
"""Independent reference for CountUserEventsByTypeTest: counts the well-formed rows of user_events.csv per
event type, since the start and per 1-hour window [hh:00, hh+1:00) UTC. A row is well formed when it has
3 fields, an ISO timestamp, a positive integer user and a known event.
Run from this directory: python3 expected_user_event_counts.py"""
import csv
import datetime
from collections import Counter

since_start, per_hour, bad = Counter(), Counter(), 0
with open("user_events.csv") as f:
    rows = list(csv.reader(f))[1:]
for row in rows:
    try:
        ts, user, event = row
        t = datetime.datetime.strptime(ts, "%Y-%m-%dT%H:%M:%SZ")
        assert int(user) > 0 and event in ("login", "logout", "purchase", "view")
    except (ValueError, AssertionError):
        bad += 1
        continue
    since_start[event] += 1
    per_hour[(t.strftime("%Y-%m-%dT%H:00Z"), event)] += 1
print("rows:", len(rows), "malformed:", bad)
print("since start:", dict(sorted(since_start.items())))
for key, n in sorted(per_hour.items()):
    print(*key, n)
