#!/usr/bin/env python3
"""Word counts per sliding window over data/words/timed/sample.txt, without Beam, to check windowed-word-count.

    python3 data/words/tools/windowed_counts.py [--size=20] [--slide=10] [WINDOW_START ...]

Prints the number of windows, (window, word) rows and refused lines, then each WINDOW_START given (e.g.
12:00:00; all windows if none) with its counts. A line must start with an ISO-8601 time with a zone;
the words are the rest of the line split on whitespace, case kept.
"""
import collections
import os
import sys
from datetime import datetime, timezone

args = [a for a in sys.argv[1:] if not a.startswith('--')]
opts = dict(a[2:].split('=', 1) for a in sys.argv[1:] if a.startswith('--'))
size, slide = int(opts.get('size', 20)), int(opts.get('slide', 10))

windows = collections.defaultdict(collections.Counter)
refused = 0
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'timed', 'sample.txt')
for line in open(path, encoding='utf-8'):
    first, _, text = line.rstrip('\n').partition(' ')
    try:
        t = datetime.fromisoformat(first.replace('Z', '+00:00'))
        if t.tzinfo is None:
            raise ValueError('no zone')
    except ValueError:
        refused += 1
        continue
    ms = round(t.timestamp() * 1000)
    start = ms - ms % (slide * 1000)
    while start > ms - size * 1000:
        windows[start].update(text.split())
        start -= slide * 1000

print('windows', len(windows), 'rows', sum(len(c) for c in windows.values()), 'refused', refused)
for start in sorted(windows):
    label = datetime.fromtimestamp(start / 1000, timezone.utc).strftime('%H:%M:%S')
    if not args or label in args:
        print(label, ' '.join(f'{w}={n}' for w, n in sorted(windows[start].items())))
