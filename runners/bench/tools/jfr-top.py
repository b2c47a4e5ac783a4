#!/usr/bin/env python3
"""Summarises the CPU samples of a JFR recording: the hottest methods by self time and by total time.

usage: jfr-top.py FILE.jfr [N] [FILTER]   (FILTER: only count stacks containing this text)
Needs the JDK's `jfr` tool on the PATH.
"""
import collections
import re
import subprocess
import sys

path = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 25
flt = sys.argv[3] if len(sys.argv) > 3 else None
text = subprocess.run(
    ["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", path],
    check=True, capture_output=True, text=True).stdout
self_counts = collections.Counter()
total_counts = collections.Counter()
samples = 0
for event in text.split("jdk.ExecutionSample")[1:]:
    frames = re.findall(r"^\s+([\w$.<>/]+\.[\w$<>]+)\(", event, re.M)
    if not frames or (flt and not any(flt in f for f in frames)):
        continue
    samples += 1
    self_counts[frames[0]] += 1
    for f in set(frames):
        total_counts[f] += 1
print(f"{samples} samples")
print("-- self")
for f, c in self_counts.most_common(n):
    print(f"{100.0 * c / samples:5.1f}%  {f}")
print("-- total")
for f, c in total_counts.most_common(n):
    print(f"{100.0 * c / samples:5.1f}%  {f}")
