"""Bar charts as inline SVG, drawn in Python: the page needs no script and no network."""

from __future__ import annotations

import math
from html import escape

WIDTH = 560
ROW = 22  # height of one horizontal bar's row
LABEL = 170  # room for the labels of horizontal bars
COLUMN_HEIGHT = 180  # plot height of vertical bars
CHAR = 7  # the width of a character of the labels, near enough
FONT = 'font-family="system-ui, sans-serif" font-size="12"'


def _empty(message: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="40" role="img">'
            f'<text x="0" y="24" {FONT} fill="#666">{escape(message)}</text></svg>')


def _short(label: str, limit: int = 26) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def horizontal_bars(items: list[tuple[str, float]], title: str, empty: str) -> str:
    """One labelled bar per item, top to bottom (quotes per speaker)."""
    if not items:
        return _empty(empty)
    most = max(value for _, value in items) or 1
    room = WIDTH - LABEL - 40
    height = ROW * len(items) + 4
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
             f'role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>']
    for index, (label, value) in enumerate(items):
        y = index * ROW + 2
        length = max(1.0, room * value / most)
        parts.append(
            f'<text x="{LABEL - 6}" y="{y + 15}" text-anchor="end" {FONT}>'
            f'{escape(_short(label))}</text>'
            f'<rect x="{LABEL}" y="{y + 3}" width="{length:.1f}" height="{ROW - 6}" '
            f'fill="#3b6ea8"><title>{escape(label)}: {value:g}</title></rect>'
            f'<text x="{LABEL + length + 5:.1f}" y="{y + 15}" {FONT}>{value:g}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def vertical_bars(items: list[tuple[str, float]], title: str, empty: str) -> str:
    """One bar per item, left to right, labels below (grades, dates over time)."""
    if not items:
        return _empty(empty)
    most = max(value for _, value in items) or 1
    step = max(12.0, min(64.0, (WIDTH - 20) / len(items)))
    width = max(WIDTH, int(step * len(items)) + 20)
    # Label every bar, or every few, so that labels never overlap.
    label_width = CHAR * max(len(label) for label, _ in items) + 8
    label_every = max(1, math.ceil(label_width / step))
    top, height = 18, COLUMN_HEIGHT + 48
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>',
             f'<line x1="10" y1="{top + COLUMN_HEIGHT}" x2="{width - 10}" '
             f'y2="{top + COLUMN_HEIGHT}" stroke="#999"/>']
    for index, (label, value) in enumerate(items):
        x = 10 + index * step
        bar = COLUMN_HEIGHT * value / most
        y = top + COLUMN_HEIGHT - bar
        parts.append(
            f'<rect x="{x + 2:.1f}" y="{y:.1f}" width="{step - 4:.1f}" height="{bar:.1f}" '
            f'fill="#c0642b"><title>{escape(label)}: {value:g}</title></rect>'
        )
        if value:
            parts.append(f'<text x="{x + step / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" '
                         f'{FONT}>{value:g}</text>')
        if index % label_every == 0:
            parts.append(
                f'<text x="{x + step / 2:.1f}" y="{top + COLUMN_HEIGHT + 16}" '
                f'text-anchor="middle" {FONT}>{escape(label)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)
