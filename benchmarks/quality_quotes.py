"""Quality of the ``quotes`` tool against the hand-made gold of the sample corpus.

    python benchmarks/quality_quotes.py [-v]

Scores direct and partial quotes (scare and nested ones are not scored): a
predicted quote matches a gold one when each covers at least half of the other.
Reports precision, recall and F1, recall of the direct quotes, kind and speaker
accuracy over the matches (a speaker is right when its last word equals the last
word of one accepted name, ignoring case), and the same span figures for a bare
regular expression taking the text between quote marks, in the same run.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "data" / "gold" / "quotes.jsonl"
SCORED = ("direct", "partial")

# The baseline: the text between an opening and a closing double mark on one line.
BASELINE_RE = re.compile(r"[“\"«„]([^“”\"«»„\n]*)[”\"»“]")

Span = dict[str, Any]


def load_gold(path: Path = GOLD) -> list[Span]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_corpus(folder: Path = CORPUS) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}


def predict(texts: dict[str, str]) -> list[Span]:
    """The tool's rows for every document, run in-process as the command runs it."""
    from corpus_tool import Document
    from corpus_tool.testing import run_tool

    docs = [Document(id=doc_id, text=text) for doc_id, text in texts.items()]
    return run_tool("quotes", docs)  # type: ignore[return-value]


def baseline(texts: dict[str, str]) -> list[Span]:
    """Every span the bare regex finds, counted as a direct quote with no speaker."""
    return [
        {"doc": doc_id, "start": m.start(1), "end": m.end(1), "kind": "direct", "speaker": None}
        for doc_id, text in texts.items()
        for m in BASELINE_RE.finditer(text)
    ]


def _overlaps_enough(a: Span, b: Span) -> bool:
    overlap = min(a["end"], b["end"]) - max(a["start"], b["start"])
    return overlap * 2 >= a["end"] - a["start"] and overlap * 2 >= b["end"] - b["start"]


def _surname(name: str) -> str:
    words = name.lower().split()
    return words[-1] if words else ""


def speaker_right(predicted: str | None, accepted: list[str] | None) -> bool:
    if not predicted or not accepted:
        return False
    return _surname(predicted) in {_surname(name) for name in accepted}


def match(
    predicted: Iterable[Span], gold: Iterable[Span]
) -> tuple[list[tuple[Span, Span]], list[Span], list[Span]]:
    """One-to-one matches (predicted, gold) in text order, then the unmatched of each side."""
    pairs: list[tuple[Span, Span]] = []
    left = [g for g in gold if g["kind"] in SCORED]
    unmatched_pred: list[Span] = []
    for pred in (p for p in predicted if p["kind"] in SCORED):
        hit = next((g for g in left if g["doc"] == pred["doc"] and _overlaps_enough(pred, g)), None)
        if hit is None:
            unmatched_pred.append(pred)
        else:
            left.remove(hit)
            pairs.append((pred, hit))
    return pairs, unmatched_pred, left


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def score(predicted: list[Span], gold: list[Span]) -> dict[str, Any]:
    pairs, false_pos, missed = match(predicted, gold)
    tp = len(pairs)
    precision, recall = _ratio(tp, tp + len(false_pos)), _ratio(tp, tp + len(missed))
    f1 = round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0
    with_speaker = [(p, g) for p, g in pairs if g["speaker"]]
    direct_pairs = [(p, g) for p, g in with_speaker if g["kind"] == "direct"]
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "tp": tp,
        "fp": len(false_pos),
        "fn": len(missed),
        "direct_found": sum(g["kind"] == "direct" for _, g in pairs),
        "direct_total": sum(g["kind"] == "direct" for g in gold),
        "kind_accuracy": _ratio(sum(p["kind"] == g["kind"] for p, g in pairs), tp),
        "speaker_accuracy": _ratio(
            sum(speaker_right(p["speaker"], g["speaker"]) for p, g in with_speaker),
            len(with_speaker),
        ),
        "speaker_accuracy_direct": _ratio(
            sum(speaker_right(p["speaker"], g["speaker"]) for p, g in direct_pairs),
            len(direct_pairs),
        ),
        "false_positives": false_pos,
        "missed": missed,
        "wrong_speakers": [
            (p, g) for p, g in with_speaker if not speaker_right(p["speaker"], g["speaker"])
        ],
    }


def evaluate(corpus: Path = CORPUS, gold_path: Path = GOLD) -> dict[str, dict[str, Any]]:
    """The figures of the tool and of the bare regex on the same gold, in one run."""
    texts = load_corpus(corpus)
    gold = load_gold(gold_path)
    return {"quotes": score(predict(texts), gold), "regex": score(baseline(texts), gold)}


FIGURES = (
    "precision", "recall", "f1", "direct_found", "direct_total", "kind_accuracy",
    "speaker_accuracy", "speaker_accuracy_direct",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and errors")
    args = parser.parse_args()
    results = evaluate()
    print(f"{'figure':<24}{'quotes':>10}{'regex':>10}")
    for name in FIGURES:
        print(f"{name:<24}{results['quotes'][name]!s:>10}{results['regex'][name]!s:>10}")
    if args.verbose:
        ours = results["quotes"]
        for label in ("false_positives", "missed"):
            for span in ours[label]:
                print(f"{label}: {span['doc']} {span['start']}-{span['end']} {span.get('text')!r}")
        for pred, gold in ours["wrong_speakers"]:
            print(f"wrong speaker: {gold['text'][:40]!r} -> {pred['speaker']!r}, "
                  f"gold {gold['speaker']}")


if __name__ == "__main__":
    main()
