"""Quality of the ``clean`` tool: the gold of the sample corpus and a synthetic damage test.

    python benchmarks/quality_clean.py                 # gold + damage of corpus/000-003
    python benchmarks/quality_clean.py --source DIR    # the damage test on DIR's .txt files too
    python benchmarks/quality_clean.py --words DIR     # every word cleaning changes in DIR

Gold (tests/data/gold/cleanup.json): fixes made (``before`` gone, ``after``
present), boilerplate lines out of the text, ``keep`` strings intact (in the text
or in the metadata lines moved out verbatim), and words changed in the four
undamaged articles (000-003), the moved metadata lines set aside.

Synthetic damage: clean text is damaged the way 004 is (words run together at
case boundaries and in lower case, sentence spaces dropped, closing quote marks
typed as opening ones, boilerplate lines added at the end), then cleaned.  The
character error rate (Levenshtein distance / reference length) against the
reference is reported before and after cleaning.  The reference is the clean text
as the cleaner leaves it, so that the figure measures the damage only, not the
source's own repairs (metadata lines, a stray space).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "data" / "gold" / "cleanup.json"
UNDAMAGED = 4  # 000-003 in the sorted sample corpus
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

FOOTERS = ["Source link", "Leave a Reply", "Your email address will not be published.",
           "Share this:", "Related posts", "Advertisement"]


def read(path: Path) -> str:
    """UTF-8 (with or without BOM), else the encoding charset-normalizer finds."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        return str(from_bytes(data).best())


def load_texts(folder: Path) -> dict[str, str]:
    return {p.stem: read(p) for p in sorted(folder.glob("*.txt"))}


def clean_all(texts: dict[str, str]) -> dict[str, Any]:
    """The cleaned documents, run in-process as the command runs them."""
    from corpus_tool import Document
    from corpus_tool.testing import run_tool

    docs = [Document(doc_id, text) for doc_id, text in texts.items()]
    return {d.id: d for d in run_tool("clean", docs)}


def _kept(doc: Any) -> str:
    return "\n".join([doc.text, *(r["line"] for r in doc.meta["clean"]["removed"])])


def word_changes(before: str, after: str) -> list[tuple[str, str]]:
    """Word-level differences: (old words, new words) for each changed stretch."""
    a, b = WORD.findall(before), WORD.findall(after)
    return [(" ".join(a[i1:i2]), " ".join(b[j1:j2]))
            for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
            if op != "equal"]


def gold_scores(corpus: Path = CORPUS, gold_path: Path = GOLD) -> dict[str, Any]:
    gold = json.loads(gold_path.read_text("utf-8"))
    texts = load_texts(corpus)
    out = clean_all(texts)
    fixes = [f for f in gold["fixes"]
             if f["before"] not in out[f["doc"]].text and f["after"] in out[f["doc"]].text]
    boiler = [b for b in gold["boilerplate"] if b["line"] not in out[b["doc"]].text]
    keep = [k for k in gold["keep"] if k["text"] in _kept(out[k["doc"]])]
    changed_words = 0
    for doc_id in sorted(texts)[:UNDAMAGED]:
        original = texts[doc_id]
        for removed in out[doc_id].meta["clean"]["removed"]:
            original = original.replace(removed["line"], "", 1)
        changed_words += sum(max(len(a.split()), len(b.split()))
                             for a, b in word_changes(original, out[doc_id].text))
    return {
        "fixes_made": len(fixes), "fixes": len(gold["fixes"]),
        "boilerplate_removed": len(boiler), "boilerplate": len(gold["boilerplate"]),
        "keep_intact": len(keep), "keep": len(gold["keep"]),
        "undamaged_words_changed": changed_words,
        "missed_fixes": [f["before"] for f in gold["fixes"] if f not in fixes],
    }


# --------------------------------------------------------------- damage


def damage(text: str, rng: random.Random, rate: float = 0.03) -> tuple[str, Counter[str]]:
    """Damage ``text`` as machine translation and scraping damaged 004; counts by kind."""
    kinds: Counter[str] = Counter()

    def join_case(m: re.Match[str]) -> str:  # "Ukraine On" -> "UkraineOn", "he The" -> "heThe"
        if rng.random() < rate * 4:
            kinds["case join"] += 1
            return m.group(1) + m.group(2)
        return m.group()

    def join_lower(m: re.Match[str]) -> str:  # "Russia trail" -> "Russiatrail"
        if rng.random() < rate:
            kinds["lower-case join"] += 1
            return m.group(1) + m.group(2)
        return m.group()

    def drop_space(m: re.Match[str]) -> str:  # "Stockholm. As" -> "Stockholm.As"
        if rng.random() < rate * 4:
            kinds["sentence space"] += 1
            return m.group(1)
        return m.group()

    def flip_quote(m: re.Match[str]) -> str:  # 'Ukraine.”' at a line end -> 'Ukraine. “'
        if rng.random() < 0.5:
            kinds["closing quote"] += 1
            return m.group(1) + " “"
        return m.group()

    text = re.sub(r"\b([A-Za-z]*[a-z]) ([A-Z][a-z]+)\b", join_case, text)
    text = re.sub(r"\b([A-Z][a-z]{3,}) ([a-z]{4,})\b", join_lower, text)
    text = re.sub(r"(?<=[a-z])([.!?]) (?=[A-Z][a-z])", drop_space, text)
    text = re.sub(r"([.!?,])”$", flip_quote, text, flags=re.MULTILINE)
    footers = rng.sample(FOOTERS, rng.randint(1, 3))
    kinds["boilerplate line"] += len(footers)
    return text.rstrip("\n") + "\n\n" + "\n\n".join(footers) + "\n", kinds


def cer(hypothesis: str, reference: str) -> float:
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(hypothesis, reference) / max(1, len(reference))


def synthetic_cer(texts: dict[str, str], seed: int = 13, rate: float = 0.03) -> dict[str, Any]:
    """Character error rate of damaged text before and after cleaning, over all texts."""
    rng = random.Random(seed)
    references = {k: d.text for k, d in clean_all(texts).items()}
    damaged: dict[str, str] = {}
    kinds: Counter[str] = Counter()
    for doc_id, reference in references.items():
        damaged[doc_id], counts = damage(reference, rng, rate)
        kinds += counts
    repaired = {k: d.text for k, d in clean_all(damaged).items()}
    length = sum(len(r) for r in references.values())

    def rate_of(version: dict[str, str]) -> float:
        return sum(cer(version[k], references[k]) * len(references[k]) for k in references) / length

    untouched = sum(1 for k in references if repaired[k] == references[k])
    return {
        "documents": len(texts), "characters": length, "damage": dict(kinds),
        "cer_before": rate_of(damaged), "cer_after": rate_of(repaired),
        "fully_restored": untouched,
    }


def real_word_changes(folder: Path) -> Counter[tuple[str, str]]:
    """Every word stretch cleaning changes in a folder of (presumably good) text."""
    paths = sorted(folder.rglob("*.txt"))
    texts = {str(p.relative_to(folder)): read(p) for p in paths}
    out = clean_all(texts)
    changes: Counter[tuple[str, str]] = Counter()
    for doc_id, text in texts.items():
        changes.update(word_changes(text, _kept(out[doc_id])))
    return changes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, help="also run the damage test on DIR/*.txt")
    parser.add_argument("--words", type=Path, help="list every word cleaning changes under DIR")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()

    g = gold_scores()
    print("gold (tests/data/gold/cleanup.json)")
    print(f"  fixes made            {g['fixes_made']}/{g['fixes']}   (floor 12)")
    print(f"  boilerplate removed   {g['boilerplate_removed']}/{g['boilerplate']}")
    print(f"  keep strings intact   {g['keep_intact']}/{g['keep']}")
    print(f"  words changed 000-003 {g['undamaged_words_changed']}  (metadata lines set aside)")
    if g["missed_fixes"]:
        print(f"  missed: {g['missed_fixes']}")
    sources = [("corpus/000-003", dict(list(load_texts(CORPUS).items())[:UNDAMAGED]))]
    if args.source:
        sources.append((str(args.source), load_texts(args.source)))
    for name, texts in sources:
        s = synthetic_cer(texts, args.seed)
        print(f"synthetic damage of {name}: {s['documents']} documents, "
              f"{s['characters']:,} characters, damage {s['damage']}")
        print(f"  character error rate  before cleaning {s['cer_before']:.3%}   "
              f"after {s['cer_after']:.3%}   ({s['fully_restored']} documents restored exactly)")
    if args.words:
        changes = real_word_changes(args.words)
        print(f"words changed under {args.words}: {sum(changes.values())} stretches")
        for (a, b), n in changes.most_common():
            print(f"  {n:4d}  {a!r} -> {b!r}")


if __name__ == "__main__":
    main()
