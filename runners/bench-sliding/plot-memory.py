#!/usr/bin/env python3
"""Draws memory.svg from RunningTotalsMemory outputs (the Markdown table it prints); standard library only.

usage: plot-memory.py OUT.svg PANEL [-- PANEL ...]
  PANEL: "title" [y=heap|kept] LABEL=output.txt [LABEL=output.txt ...]

Each panel plots one column of the table against the events processed, one line per output: y=heap (the
default) the heap after a full GC in MB, y=kept the totals kept. Panels go two to a row.
"""
import sys

COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"]
W, H = 480, 310  # one panel
LEFT, RIGHT, TOP, BOTTOM = 70, 20, 34, 44  # margins inside a panel
COLUMNS = {"heap": "heap after full GC (MB)", "kept": "totals kept"}  # y= name: the table's header


def number(cell):
    cell = cell.strip().replace(",", "")
    return float(cell) if cell and cell.replace(".", "", 1).isdigit() else None


def read(path, header):
    """(events, value) for each row of the table whose cell under `header` is a number."""
    points, columns = [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("|"):
                continue
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if columns is None:
                columns = cells
                continue
            x, y = number(cells[0]), number(cells[columns.index(header)])
            if x is not None and y is not None:
                points.append((x, y))
    if not points:
        sys.exit(f"plot-memory.py: no rows with '{header}' in {path}")
    return points


def step(top):
    """A round grid step giving at most 6 lines up to `top`."""
    base = 1
    while True:
        for m in (1, 2, 2.5, 5):
            if top / (m * base) <= 6:
                return m * base
        base *= 10


def short(v, span):
    if span >= 2e6:
        return f"{v / 1e6:g}M"
    if span >= 2e3:
        return f"{v / 1e3:g}k"
    return f"{v:g}"


def panel(x0, y0, title, column, runs):
    header = COLUMNS[column]
    series = [(label, read(path, header)) for label, path in runs]
    xmax = max(x for _, pts in series for x, _ in pts)
    ymax = max(y for _, pts in series for _, y in pts) * 1.15 or 1
    sx = lambda x: x0 + LEFT + (W - LEFT - RIGHT) * x / xmax
    sy = lambda y: y0 + H - BOTTOM - (H - TOP - BOTTOM) * y / ymax
    out = [f'<text x="{x0 + W / 2}" y="{y0 + 20}" text-anchor="middle" font-weight="bold" font-size="13">'
           f'{title}</text>']
    xs, ys = step(xmax), step(ymax)
    t = 0
    while t <= ymax:
        out.append(f'<line x1="{sx(0)}" y1="{sy(t):.1f}" x2="{sx(xmax)}" y2="{sy(t):.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{sx(0) - 6}" y="{sy(t) + 4:.1f}" text-anchor="end" font-size="11">'
                   f'{short(t, ymax)}</text>')
        t += ys
    t = 0
    while t <= xmax:
        out.append(f'<text x="{sx(t):.1f}" y="{sy(0) + 16}" text-anchor="middle" font-size="11">'
                   f'{short(t, xmax)}</text>')
        t += xs
    out.append(f'<line x1="{sx(0)}" y1="{sy(0)}" x2="{sx(xmax)}" y2="{sy(0)}" stroke="black"/>')
    out.append(f'<line x1="{sx(0)}" y1="{sy(0)}" x2="{sx(0)}" y2="{sy(ymax)}" stroke="black"/>')
    out.append(f'<text x="{x0 + LEFT + (W - LEFT - RIGHT) / 2}" y="{y0 + H - 8}" text-anchor="middle" '
               f'font-size="12">events processed</text>')
    mid = y0 + TOP + (H - TOP - BOTTOM) / 2
    out.append(f'<text x="{x0 + 16}" y="{mid}" font-size="12" transform="rotate(-90 {x0 + 16} {mid})" '
               f'text-anchor="middle">{header}</text>')
    for i, (label, pts) in enumerate(series):
        color = COLORS[i % len(COLORS)]
        line = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in pts)
        out.append(f'<polyline fill="none" stroke="{color}" stroke-width="2" points="{line}"/>')
        out += [f'<circle cx="{sx(x):.1f}" cy="{sy(y):.1f}" r="2.5" fill="{color}"/>' for x, y in pts]
        out.append(f'<text x="{sx(0) + 8}" y="{sy(ymax) + 14 + 15 * i:.1f}" font-size="12" fill="{color}">'
                   f'{label}</text>')
    return out


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    target, panels, current = argv[0], [], None
    for arg in argv[1:]:
        if arg == "--":
            current = None
        elif current is None:
            current = {"title": arg, "column": "heap", "runs": []}
            panels.append(current)
        elif arg.startswith("y="):
            current["column"] = arg[2:]
        else:
            label, path = arg.split("=", 1)
            current["runs"].append((label, path))
    body = []
    for i, p in enumerate(panels):
        body += panel((i % 2) * W, (i // 2) * H, p["title"], p["column"], p["runs"])
    rows = (len(panels) + 1) // 2
    with open(target, "w", encoding="utf-8") as f:
        f.write(f'<svg xmlns="http://www.w3.org/2000/svg" width="{W * min(2, len(panels))}" height="{H * rows}" '
                f'font-family="sans-serif">\n<rect width="100%" height="100%" fill="white"/>\n')
        f.write("\n".join(body))
        f.write("\n</svg>\n")


if __name__ == "__main__":
    main(sys.argv[1:])
