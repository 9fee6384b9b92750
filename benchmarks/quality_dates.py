"""Score the dates tool and its peers against the hand-made gold of the sample corpus.

    python benchmarks/quality_dates.py

A prediction matches a gold expression when their spans overlap.  Recall counts
the ``required`` gold expressions found; precision counts the predictions that
overlap any gold expression (matching a non-required one is not wrong); value
accuracy counts the required expressions with a matching prediction whose value
is among the accepted ``values``.

The peers (dateparser's ``search_dates``, datefinder's ``find_dates``) return
Python datetimes, never X placeholders; their value counts as right when it
agrees with an accepted value at that value's precision ("2014" accepts any day
of 2014), which favours them.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold" / "dates.jsonl"
CORPUS = ROOT / "corpus"


@dataclass(frozen=True)
class Prediction:
    doc: str
    start: int
    end: int
    value: str


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    value_accuracy: float
    predictions: int
    required: int

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "f1": round(self.f1, 3), "value_accuracy": round(self.value_accuracy, 3),
                "predictions": self.predictions, "required": self.required}


def load_gold(path: Path = GOLD) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def load_corpus(folder: Path = CORPUS) -> dict[str, str]:
    """Document id (file name without .txt) -> text, read as the gold was made."""
    return {p.stem: p.read_text("utf-8") for p in sorted(folder.glob("*.txt"))}


def _overlaps(p: Prediction, g: dict) -> bool:
    return p.doc == g["doc"] and p.start < g["end"] and g["start"] < p.end


def score(predictions: list[Prediction], gold: list[dict],
          value_ok: Callable[[str, list[str]], bool] | None = None) -> Scores:
    """Overlap precision/recall/F1 and value accuracy (see the module docstring)."""
    value_ok = value_ok or (lambda value, accepted: value in accepted)
    required = [g for g in gold if g["required"]]
    correct = sum(1 for p in predictions if any(_overlaps(p, g) for g in gold))
    found = sum(1 for g in required if any(_overlaps(p, g) for p in predictions))
    right = sum(1 for g in required
                if any(_overlaps(p, g) and value_ok(p.value, g["values"]) for p in predictions))
    precision = correct / len(predictions) if predictions else 0.0
    recall = found / len(required) if required else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = right / len(required) if required else 0.0
    return Scores(precision, recall, f1, accuracy, len(predictions), len(required))


def _same_at_precision(value: str, accepted: list[str]) -> bool:
    """A peer's full datetime against gold values of any precision."""
    return any(value.startswith(a) for a in accepted if "X" not in a and not a.endswith("REF"))


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M" if (moment.hour, moment.minute) != (0, 0)
                           else "%Y-%m-%d")


def ours(corpus: dict[str, str]) -> list[Prediction]:
    from corpus_tool import Document
    from corpus_tool.testing import run_tool

    docs = [Document(id=doc, text=text) for doc, text in corpus.items()]
    return [Prediction(r["doc"], r["start"], r["end"], r["value"])
            for r in run_tool("dates", docs)]


def _located(doc: str, text: str, found: Iterable[tuple[str, datetime]]) -> list[Prediction]:
    """search_dates gives substrings without offsets: find them in order."""
    out: list[Prediction] = []
    position = 0
    for substring, moment in found:
        start = text.find(substring, position)
        if start < 0:
            start = text.find(substring)
        if start < 0:
            continue
        out.append(Prediction(doc, start, start + len(substring), _iso(moment)))
        position = start + len(substring)
    return out


def dateparser_search_dates(corpus: dict[str, str]) -> list[Prediction]:
    from dateparser.search import search_dates

    out: list[Prediction] = []
    for doc, text in corpus.items():
        out += _located(doc, text, search_dates(text, languages=["en"]) or [])
    return out


def datefinder_find_dates(corpus: dict[str, str]) -> list[Prediction]:
    import datefinder

    out: list[Prediction] = []
    for doc, text in corpus.items():
        for moment, _source, (start, end) in datefinder.find_dates(text, source=True, index=True):
            out.append(Prediction(doc, start, end, _iso(moment)))
    return out


PEERS: dict[str, Callable[[dict[str, str]], list[Prediction]]] = {
    "dateparser search_dates": dateparser_search_dates,
    "datefinder find_dates": datefinder_find_dates,
}


def quality_ours(corpus: dict[str, str] | None = None, gold: list[dict] | None = None) -> Scores:
    return score(ours(corpus or load_corpus()), gold or load_gold())


def quality_peers(corpus: dict[str, str] | None = None,
                  gold: list[dict] | None = None) -> dict[str, Scores]:
    corpus, gold = corpus or load_corpus(), gold or load_gold()
    return {name: score(run(corpus), gold, _same_at_precision) for name, run in PEERS.items()}


def quality_all() -> dict[str, Scores]:
    """Scores for ours ("corpus-tool dates") and each peer, on the same gold."""
    corpus, gold = load_corpus(), load_gold()
    return {"corpus-tool dates": quality_ours(corpus, gold), **quality_peers(corpus, gold)}


def main() -> None:
    results = quality_all()
    print(f"gold: {GOLD.relative_to(ROOT)} ({results['corpus-tool dates'].required} required)")
    print(f"{'tool':26} {'P':>6} {'R':>6} {'F1':>6} {'value acc':>9} {'predictions':>11}")
    for name, s in results.items():
        print(f"{name:26} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
              f"{s.value_accuracy:9.3f} {s.predictions:11d}")
    print("peers' values are judged at the gold value's precision (lenient to them)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
