#!/usr/bin/env python3
"""Independent reference for CountActionsPerWindowTest: counts each action of actions.json per 1-hour
window [hh:00, hh+1:00) UTC. Run from this directory: python3 expected_action_counts.py"""
import datetime
import json
from collections import Counter

counts = Counter()
for line in open("actions.json"):
    e = json.loads(line)
    t = datetime.datetime.fromtimestamp(e["time"], datetime.timezone.utc)
    counts[(t.strftime("%Y-%m-%dT%H:00Z"), e["action"])] += 1
for (hour, action), n in sorted(counts.items()):
    print(hour, action, n)
