#!/usr/bin/env python3
"""Writes the CPU samples of a JFR recording as collapsed stacks ("root;...;leaf count"), one per line,
most frequent first, for grep or a flame-graph tool.

usage: jfr-collapse.py FILE.jfr > stacks.txt
"""
import collections
import re
import subprocess
import sys

text = subprocess.run(
    ["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", sys.argv[1]],
    check=True, capture_output=True, text=True).stdout
stacks = collections.Counter()
for event in text.split("jdk.ExecutionSample")[1:]:
    frames = re.findall(r"^\s+([\w$.<>/]+\.[\w$<>]+)\(", event, re.M)
    if frames:
        stacks[";".join(reversed(frames))] += 1
for s, c in stacks.most_common():
    print(s, c)
