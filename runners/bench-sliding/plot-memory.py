#!/usr/bin/env python3
"""Draws memory.svg from RunningTotalsMemory outputs (the Markdown tables it prints), no libraries needed.

usage: plot-memory.py OUT.svg "panel title" LABEL=run.log [LABEL=run.log ...] [-- "panel title" LABEL=run.log ...]

Each panel plots, per run, the heap after a full GC (MB) against the events processed.
"""
import re
import sys

COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"]
W, H, M = 460, 300, 60  # one panel: width, height, margin


def read(path):
    """(events, heap after GC) of the sample rows taken while the stream ran."""
    points = []
    for line in open(path, encoding="utf-8"):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 5 and re.fullmatch(r"[\d,]+", cells[0]):
            points.append((int(cells[0].replace(",", "")), int(cells[4].replace(",", ""))))
    # Rows at the full count are taken as the input ends, when runners release the global window's state:
    # the figure is about the heap while the stream runs.
    last = max(p[0] for p in points)
    return [p for p in points if p[0] < last]


def nice(top):
    for step in (1, 2, 2.5, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000,
                 50000, 100000, 200000, 250000, 500000, 1000000, 2000000, 2500000, 5000000):
        if top / step <= 6:
            return step
    return top / 5


def panel(x0, title, runs):
    out = []
    series = [(label, read(path)) for label, path in runs]
    xmax = max(p[0] for _, pts in series for p in pts)
    ymax = max(p[1] for _, pts in series for p in pts) * 1.1
    xs, ys = nice(xmax), nice(ymax)
    sx = lambda x: x0 + M + (W - M - 20) * x / xmax
    sy = lambda y: H - M + 20 - (H - M - 20) * y / ymax
    out.append(f'<text x="{x0 + W / 2}" y="18" text-anchor="middle" font-weight="bold">{title}</text>')
    out.append(f'<line x1="{sx(0)}" y1="{sy(0)}" x2="{sx(xmax)}" y2="{sy(0)}" stroke="black"/>')
    out.append(f'<line x1="{sx(0)}" y1="{sy(0)}" x2="{sx(0)}" y2="{sy(ymax)}" stroke="black"/>')
    t = 0
    while t <= xmax:
        label = f"{t / 1e6:g}M" if xmax >= 2e6 else f"{t / 1e3:g}k"
        out.append(f'<text x="{sx(t)}" y="{sy(0) + 16}" text-anchor="middle" font-size="11">{label}</text>')
        t += xs
    t = 0
    while t <= ymax:
        out.append(f'<text x="{sx(0) - 6}" y="{sy(t) + 4}" text-anchor="end" font-size="11">{t:g}</text>')
        out.append(f'<line x1="{sx(0)}" y1="{sy(t)}" x2="{sx(xmax)}" y2="{sy(t)}" stroke="#ddd"/>')
        t += ys
    out.append(f'<text x="{x0 + W / 2}" y="{H - 8}" text-anchor="middle" font-size="12">events processed</text>')
    out.append(f'<text x="{x0 + 14}" y="{(H - M) / 2 + 20}" font-size="12" '
               f'transform="rotate(-90 {x0 + 14} {(H - M) / 2 + 20})" text-anchor="middle">'
               f'heap after full GC (MB)</text>')
    for i, (label, pts) in enumerate(series):
        color = COLORS[i % len(COLORS)]
        path = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in pts)
        out.append(f'<polyline fill="none" stroke="{color}" stroke-width="2" points="{path}"/>')
        for x, y in pts:
            out.append(f'<circle cx="{sx(x):.1f}" cy="{sy(y):.1f}" r="2.5" fill="{color}"/>')
        out.append(f'<text x="{sx(0) + 10}" y="{sy(ymax) + 14 + 15 * i}" font-size="12" fill="{color}">'
                   f'{label}</text>')
    return out


def main(argv):
    target, rest = argv[0], argv[1:]
    panels, current = [], None
    for arg in rest:
        if arg == "--":
            current = None
        elif current is None:
            current = (arg, [])
            panels.append(current)
        else:
            label, path = arg.split("=", 1)
            current[1].append((label, path))
    body = []
    for i, (title, runs) in enumerate(panels):
        body += panel(i * W, title, runs)
    with open(target, "w", encoding="utf-8") as f:
        f.write(f'<svg xmlns="http://www.w3.org/2000/svg" width="{W * len(panels)}" height="{H}" '
                f'font-family="sans-serif">\n<rect width="100%" height="100%" fill="white"/>\n')
        f.write("\n".join(body))
        f.write("\n</svg>\n")


if __name__ == "__main__":
    main(sys.argv[1:])
