#!/usr/bin/env python3
"""Writes data/hashtags/tweets.txt: 12 minutes of made-up tweets, one per line, each starting with its UTC time.

Deterministic (fixed seed, Python's Mersenne Twister). Run from the repository root:

    python3 data/hashtags/tools/generate_tweets.py > data/hashtags/tweets.txt

Hashtags rise and fall so that the top hashtags of a 300 s window change as it slides: #breakfast fades
out, #launch rises from minute 4, #outage bursts in minutes 6-7, #lunch rises late, #beam and #spark stay
steady, the rest is background. A few lines test the rules: '#' alone and 'C#' are not hashtags, the same
tag in two cases counts as two tags unless --lowerCase, and one line has no time (a dead letter).
"""
import random
from datetime import datetime, timedelta, timezone

START = datetime(2024, 6, 1, 12, 0, 0, tzinfo=timezone.utc)
SECONDS = 720
rng = random.Random(20240601)


def weight(tag, minute):
    """Relative popularity of a tag at a (fractional) minute since the start."""
    m = minute
    curves = {
        '#breakfast': max(0.0, 6.0 - 1.2 * m),
        '#beam': 2.5,
        '#spark': 2.0,
        '#launch': 0.0 if m < 4 else min(7.0, 1.5 * (m - 4)),
        '#outage': 8.0 if 6 <= m < 7.5 else 0.0,
        '#lunch': 0.0 if m < 8 else 1.5 * (m - 8),
        '#coffee': 1.0,
        '#music': 0.8,
        '#news': 0.7,
        '#rain': 0.5,
        '#football': 0.6,
        '#weekend': 0.4,
    }
    return curves[tag]


TAGS = ['#breakfast', '#beam', '#spark', '#launch', '#outage', '#lunch', '#coffee', '#music', '#news',
        '#rain', '#football', '#weekend']
WORDS = ('just saw this so much today again who else is here the new thing looks great not sure about '
         'it streaming windows count every second love hate wait what').split()


def tweet(minute):
    words = rng.sample(WORDS, rng.randint(2, 6))
    if rng.random() < 0.85:
        weights = [weight(t, minute) for t in TAGS]
        for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
            tag = rng.choices(TAGS, weights)[0]
            words.insert(rng.randint(0, len(words)), tag)
    return ' '.join(words)


lines = []
for second in range(SECONDS):
    for _ in range(rng.choice([0, 1, 1, 1, 2])):
        t = START + timedelta(seconds=second)
        lines.append(t.strftime('%Y-%m-%dT%H:%M:%SZ') + ' ' + tweet(second / 60))

# Rule cases, at fixed places.
lines.insert(100, '2024-06-01T12:01:40Z learning C# and F# today # not a tag #Beam #beam')
lines.insert(400, 'a tweet that lost its time #beam')
for line in lines:
    print(line)
