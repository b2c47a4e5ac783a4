#!/usr/bin/env python3
"""Top hashtags per sliding window over tweets.txt, computed without Beam, to check trending-hashtags.

    python3 data/hashtags/tools/top_per_window.py [--size=300] [--slide=1] [--top=10] [--lower] [WINDOW_START ...]

Prints the number of non-empty windows and rows, then the ranking of each WINDOW_START given (e.g.
12:00:00; all windows if none): count descending, then tag ascending. Lines without a leading UTC time are
skipped; a hashtag is a whitespace-separated word starting with '#' and longer than '#'.
"""
import collections
import os
import sys
from datetime import datetime, timezone

args = [a for a in sys.argv[1:] if not a.startswith('--')]
opts = dict(a[2:].split('=', 1) if '=' in a else (a[2:], '1') for a in sys.argv[1:] if a.startswith('--'))
size, slide, top = int(opts.get('size', 300)), int(opts.get('slide', 1)), int(opts.get('top', 10))
lower = 'lower' in opts

windows = collections.defaultdict(collections.Counter)
for line in open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tweets.txt'), encoding='utf-8'):
    first, _, text = line.rstrip('\n').partition(' ')
    try:
        t = datetime.strptime(first, '%Y-%m-%dT%H:%M:%SZ').replace(tzinfo=timezone.utc)
    except ValueError:
        continue
    tags = [w.lower() if lower else w for w in text.split() if w.startswith('#') and len(w) > 1]
    if not tags:
        continue
    sec = int(t.timestamp())
    start = sec - sec % slide
    while start > sec - size:
        windows[start].update(tags)
        start -= slide

rows = sum(min(top, len(c)) for c in windows.values())
print('windows', len(windows), 'rows', rows)
for start in sorted(windows):
    label = datetime.fromtimestamp(start, timezone.utc).strftime('%H:%M:%S')
    if args and label not in args:
        continue
    ranking = sorted(windows[start].items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    print(label, ' '.join(f'{tag}={n}' for tag, n in ranking))
