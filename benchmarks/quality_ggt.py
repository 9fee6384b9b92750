"""Quality of ``quotes`` on real news: the ggt-dev articles and their hand-annotated quotations.

    python benchmarks/quality_ggt.py [DATA] [-v] [--class NAME] [--flat]

DATA is a folder holding ``docs/ID.txt`` and ``gold.jsonl`` (default:
``../shared/data/ggt-dev`` beside the project).  The installed ``corpus-tool
quotes`` command is run over ``DATA/docs`` and scored as ``DATA/README.md``
defines it:

- a predicted quote matches a gold one (one to one) when their spans overlap by
  at least half of the longer span; precision, recall and F1 over ``direct`` and
  ``partial`` quotes (gold ``indirect`` rows are not scored);
- a speaker is right when the predicted name contains the gold name's last word,
  or one string contains the other (ignoring case); a pronoun counts wrong;
- end-to-end speaker accuracy = right speakers / gold quotes with a named speaker
  (a missed quote counts as a wrong speaker).

The same articles are scored a second time with every line break turned into a
space (wire copy that lost its paragraph breaks): a new paragraph then shows only
as ". “" after a finished sentence.  ``--flat`` lists that run's errors.

Then every gold quote whose speaker is not right is put in one error class (how
the text names the speaker, and where), so the work goes to the biggest class.
The data is read, never copied: the project's tests use invented sentences.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ggt-dev"
SCORED = ("direct", "partial")
PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "i", "we", "you"}

Row = dict[str, Any]


def run_tool(docs: Path) -> list[Row]:
    """The rows of the installed command over every article (one process, -j1)."""
    exe = Path(sys.executable).with_name("corpus-tool")
    command = [str(exe) if exe.exists() else "corpus-tool", "quotes", str(docs)]
    out = subprocess.run(
        [*command, "-f", "jsonl", "-q", "-j1"], check=True, capture_output=True, text=True
    ).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def load_gold(path: Path) -> list[Row]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _overlap_enough(a: Row, b: Row) -> bool:
    overlap = min(a["end"], b["end"]) - max(a["start"], b["start"])
    return overlap > 0 and overlap * 2 >= max(a["end"] - a["start"], b["end"] - b["start"])


def match(
    predicted: list[Row], gold: list[Row]
) -> tuple[list[tuple[Row, Row]], list[Row], list[Row]]:
    """One-to-one pairs (predicted, gold) in text order, then the unmatched of each side."""
    left: dict[str, list[Row]] = {}
    for g in gold:
        left.setdefault(g["doc"], []).append(g)
    pairs, false_pos = [], []
    for p in predicted:
        candidates = left.get(p["doc"], [])
        hit = next((g for g in candidates if _overlap_enough(p, g)), None)
        if hit is None:
            false_pos.append(p)
        else:
            candidates.remove(hit)
            pairs.append((p, hit))
    missed = [g for rest in left.values() for g in rest]
    return pairs, false_pos, missed


def speaker_right(predicted: str | None, gold: str | None) -> bool:
    if not predicted or not gold or predicted.strip().lower() in PRONOUNS:
        return False
    p, g = predicted.lower(), gold.lower()
    return g.split()[-1] in p or g in p or p in g


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


# -- error classes ----------------------------------------------------------------------

_ROLE = re.compile(r"(?:the|a|an|his|her|their|its|this|that)\b", re.I)


def _surface_class(gold: Row) -> str:
    """How the text names the gold speaker near the quote."""
    surface = (gold.get("speaker_surface") or "").strip()
    name = gold["speaker"]
    if not surface:
        return "unnamed nearby"
    if surface.lower() in PRONOUNS:
        return "pronoun"
    if _ROLE.match(surface) or surface[:1].islower():
        return "role or description"
    if surface.lower() == name.lower() or len(surface.split()) > 1:
        return "full name"
    return "surname or one word"


def _surface_place(text: str, gold: Row) -> str:
    """Where the surface form stands: in the quote's paragraph, the one before, after, or
    not found."""
    surface = gold.get("speaker_surface") or ""
    para_start = text.rfind("\n", 0, gold["start"]) + 1
    para_end = text.find("\n", gold["end"])
    para_end = len(text) if para_end < 0 else para_end
    if not surface:
        return ""
    if surface in text[para_start:para_end]:
        return "same paragraph"
    prev_start = text.rfind("\n", 0, max(0, para_start - 2)) + 1
    if surface in text[prev_start:para_start]:
        return "paragraph before"
    next_end = text.find("\n", para_end + 2)
    if surface in text[para_end : next_end if next_end > 0 else len(text)]:
        return "paragraph after"
    return "farther"


def _inversion(text: str, gold: Row) -> bool:
    """Whether the clause after the quote puts the verb first: ,” said Jane Roe."""
    after = text[gold["end"] : gold["end"] + 40]
    return (
        re.match(r"[\s,.”\"’]*(?:said|says|added|adds|told|asked|explained)\b", after) is not None
    )


def error_class(text: str, gold: Row, pred: Row | None) -> str:
    if pred is None:
        return "quote missed"
    outcome = "no speaker" if pred["speaker"] is None else "wrong speaker"
    surface = _surface_class(gold)
    place = _surface_place(text, gold)
    parts = [outcome, surface]
    if place and place != "same paragraph":
        parts.append(place)
    elif surface in ("full name", "surname or one word") and _inversion(text, gold):
        parts.append("said X")
    return " / ".join(parts)


def flattened(texts: dict[str, str], folder: Path) -> Path:
    """The articles with every line break turned into a space, as wire copy that lost its
    paragraph breaks shows them (". “" where a paragraph began): same length, so the gold
    offsets still hold."""
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text.replace("\n", " "), encoding="utf-8")
    return folder


def score(data: Path, predicted: list[Row] | None = None, flat: bool = False) -> dict[str, Any]:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted((data / "docs").glob("*.txt"))}
    gold = [g for g in load_gold(data / "gold.jsonl") if g["kind"] in SCORED]
    if predicted is None and flat:
        with tempfile.TemporaryDirectory() as folder:
            predicted = run_tool(flattened(texts, Path(folder)))
        texts = {name: text.replace("\n", " ") for name, text in texts.items()}
    elif predicted is None:
        predicted = run_tool(data / "docs")
    predicted = [p for p in predicted if p["kind"] in SCORED]
    pairs, false_pos, missed = match(predicted, gold)
    tp = len(pairs)
    precision, recall = _ratio(tp, tp + len(false_pos)), _ratio(tp, tp + len(missed))
    f1 = round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0
    by_gold = {id(g): p for p, g in pairs}
    named = [g for g in gold if g.get("speaker")]
    right = [
        g for g in named if speaker_right((by_gold.get(id(g)) or {}).get("speaker"), g["speaker"])
    ]
    errors: dict[str, list[tuple[Row, Row | None]]] = {}
    right_ids = {id(g) for g in right}
    for g in named:
        if id(g) not in right_ids:
            pred = by_gold.get(id(g))
            errors.setdefault(error_class(texts[g["doc"]], g, pred), []).append((g, pred))
    kind_confusion = Counter((g["kind"], p["kind"]) for p, g in pairs if p["kind"] != g["kind"])
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "tp": tp,
        "fp": len(false_pos),
        "fn": len(missed),
        "speaker_accuracy": _ratio(len(right), len(named)),
        "speakers_right": len(right),
        "speakers_named": len(named),
        "kind_accuracy": _ratio(sum(p["kind"] == g["kind"] for p, g in pairs), tp),
        "kind_confusion": kind_confusion,
        "errors": errors,
        "false_positives": false_pos,
        "missed": missed,
        "texts": texts,
    }


def _context(text: str, start: int, end: int, width: int = 70) -> str:
    return " ".join(text[max(0, start - width) : min(len(text), end + width)].split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every error")
    parser.add_argument(
        "--class", dest="only", help="list only the errors of classes containing this"
    )
    parser.add_argument(
        "--flat",
        action="store_true",
        help="list the errors of the run with the paragraph breaks removed",
    )
    args = parser.parse_args()
    if not (args.data / "gold.jsonl").exists():
        sys.exit(f"no gold.jsonl under {args.data}: give the ggt-dev folder as DATA")
    results = {flat: score(args.data, flat=flat) for flat in (False, True)}
    print(f"quotes on {args.data.name} (direct + partial, as its README scores them):")
    print("| text | P | R | F1 | speaker right, end to end | kind accuracy |")
    print("|---|---:|---:|---:|---:|---:|")
    for flat, r in results.items():
        label = "paragraph breaks removed" if flat else "as published"
        print(
            f"| {label} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | "
            f"{r['speaker_accuracy']:.3f} ({r['speakers_right']}/{r['speakers_named']}) | "
            f"{r['kind_accuracy']:.3f} |"
        )
    result = results[args.flat]
    print(
        f"\n{'paragraph breaks removed' if args.flat else 'as published'}: "
        f"tp {result['tp']}, fp {result['fp']}, fn {result['fn']}"
    )
    print(
        "kind confusions (gold -> predicted): "
        + ", ".join(f"{g}->{p} {n}" for (g, p), n in result["kind_confusion"].most_common())
    )
    print("\nspeaker errors by class:")
    for name, items in sorted(result["errors"].items(), key=lambda kv: -len(kv[1])):
        print(f"{len(items):5}  {name}")
    texts = result["texts"]
    if args.verbose or args.only:
        for name, items in sorted(result["errors"].items(), key=lambda kv: -len(kv[1])):
            if args.only and args.only not in name:
                continue
            print(f"\n== {name}")
            for g, p in items:
                got = p["speaker"] if p else "(missed)"
                print(
                    f"- gold {g['speaker']!r} ({g.get('speaker_surface')!r}), got {got!r}: "
                    f"{g['doc']}:{g['start']} …{_context(texts[g['doc']], g['start'], g['end'])}…"
                )
        if args.verbose:
            for label in ("false_positives", "missed"):
                print(f"\n== {label.replace('_', ' ')}")
                for row in result[label]:
                    print(
                        f"- {row['doc']}:{row['start']} [{row['kind']}] "
                        f"{texts[row['doc']][row['start'] : row['end']][:100]!r}"
                    )


if __name__ == "__main__":
    main()
