"""``clean`` on damage nobody here made, on clean text it must leave alone, and its speed.

    python benchmarks/quality_clean_real.py                      # every part
    python benchmarks/quality_clean_real.py --part ocr           # CER/WER, all repairs and each
    python benchmarks/quality_clean_real.py --part ocr --errors  # what is still wrong, by class
    python benchmarks/quality_clean_real.py --part news          # every change on clean news
    python benchmarks/quality_clean_real.py --part wrapped       # clean news hard-wrapped
    python benchmarks/quality_clean_real.py --part onestop       # onestopenglish, grouped
    python benchmarks/quality_clean_real.py --part ftfy --ftfy-cases PATH/test_cases.json
    python benchmarks/quality_clean_real.py --part speed

- ocr: the OCR'd newspaper articles of ``--data``/ocr-dev scored with that folder's own
  ``score.py`` (CER, WER, WERlc against the human transcription) as they are, after
  ``clean`` with the default repairs, and after each repair alone (``--only``).
- news: the clean news of te3-train/docs.jsonl and ggt-dev/docs/; every change
  beyond whitespace is listed, with its context, for a reader to judge.
- wrapped: the same clean news hard-wrapped at 60 columns, cleaned, against the
  unwrapped text cleaned: every difference beyond whitespace (a dropped compound
  hyphen, a prose line taken for a byline) is listed.
- onestop: the same on the onestopenglish corpus, grouped by what changed (its
  Int-Txt files lost their dashes and open with a level line: real repairs).
- ftfy: the cases of ftfy's own test suite whose text must not change
  (``original == fixed``, expected to pass); get the file with
  ``pip download ftfy --no-binary :all: --no-deps`` and unpack it
  (``ftfy-*/tests/test_cases.json``).
- speed: CPU seconds of reading the files above and cleaning every document, over the
  CPU seconds of reading the same files and counting their words (median of 3 runs,
  the word lists loaded before timing).  Target: at most 8x.  Two word-count loops
  are timed, since the ratio depends on which: ``len(text.split())``, and the
  lower-cased regex word count the quotes benchmark uses
  (``Counter(re.findall(r"\\w+", text.lower()))``, about 5x slower).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from difflib import SequenceMatcher
from pathlib import Path

WORD = re.compile(r"\w+")

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
SPACES = re.compile(r"\s+")


def read_jsonl(path: Path) -> list[tuple[str, str]]:
    with open(path, encoding="utf-8") as handle:
        return [(d["id"], d["text"]) for d in map(json.loads, handle)]


def news_files(data: Path) -> list[Path]:
    return [data / "te3-train" / "docs.jsonl", *sorted((data / "ggt-dev" / "docs").glob("*.txt"))]


def read_files(paths: Iterable[Path]) -> list[tuple[str, str]]:
    docs: list[tuple[str, str]] = []
    for path in paths:
        if path.suffix == ".jsonl":
            docs += read_jsonl(path)
        else:
            docs.append((path.stem, path.read_text(encoding="utf-8")))
    return docs


def clean_docs(docs: list[tuple[str, str]], only: list[str] | None = None) -> list[str]:
    from corpus_tool_clean import Repair, clean

    from corpus_tool import Document

    chosen = [Repair(r) for r in only] if only else None
    return [clean(Document(i, t), only=chosen).text for i, t in docs]


# ------------------------------------------------------------------ ocr


def score(data: Path, docs: list[tuple[str, str]], texts: list[str]) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as out:
        for (doc_id, _), text in zip(docs, texts, strict=True):
            out.write(json.dumps({"id": doc_id, "text": text}) + "\n")
        out.flush()
        result = subprocess.run(
            [sys.executable, str(data / "ocr-dev" / "score.py"), out.name],
            capture_output=True,
            text=True,
            check=True,
        )
    return result.stdout.strip().split(": ", 1)[-1]


def part_ocr(data: Path, each: bool) -> None:
    from corpus_tool_clean import Repair

    docs = read_jsonl(data / "ocr-dev" / "docs.jsonl")
    print("ocr-dev (score.py: CER, WER, WERlc against the transcription)")
    print(f"  as OCR'd            {score(data, docs, [t for _, t in docs])}")
    print(f"  clean (default)     {score(data, docs, clean_docs(docs))}")
    if each:
        for repair in Repair:
            print(f"  --only {repair.value:<13}{score(data, docs, clean_docs(docs, [repair]))}")


def _word_ops(a: list[str], b: list[str]) -> Iterable[tuple[str, str]]:
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            yield " ".join(a[i1:i2]), " ".join(b[j1:j2])


def part_errors(data: Path, limit: int) -> None:
    """Word differences left after cleaning, against the transcription, commonest first,
    with what the cleaner did to each (fixed, broke, left)."""
    from collections import Counter

    docs = read_jsonl(data / "ocr-dev" / "docs.jsonl")
    truth = dict(read_jsonl(data / "ocr-dev" / "truth.jsonl"))
    cleaned = clean_docs(docs)
    left: Counter[tuple[str, str]] = Counter()
    made: Counter[tuple[str, str]] = Counter()
    for (doc_id, ocr), out in zip(docs, cleaned, strict=True):
        ref = SPACES.split(truth[doc_id].replace("-\n", ""))
        before, after = SPACES.split(ocr.replace("-\n", "")), SPACES.split(out.replace("-\n", ""))
        left.update(_word_ops(after, ref))
        made.update(_word_ops(before, after))
    print(f"word differences left ({sum(left.values())}), commonest:")
    for (a, b), n in left.most_common(limit):
        print(f"  {n:4}  {a!r} -> {b!r}")
    print(f"changes clean made ({sum(made.values())}), commonest:")
    for (a, b), n in made.most_common(limit):
        print(f"  {n:4}  {a!r} -> {b!r}")


# ----------------------------------------------------------------- news


def part_news(data: Path) -> None:
    docs = read_files(news_files(data))
    cleaned = clean_docs(docs)
    changes = 0
    print(f"clean news: {len(docs)} documents (te3-train, ggt-dev); changes beyond whitespace:")
    for (doc_id, text), out in zip(docs, cleaned, strict=True):
        a, b = SPACES.sub(" ", text).strip(), SPACES.sub(" ", out).strip()
        if a == b:
            continue
        words_a, words_b = a.split(" "), b.split(" ")
        for old, new in _word_ops(words_a, words_b):
            if old.replace(" ", "") == new.replace(" ", "") and old.count(" ") == new.count(" "):
                continue
            changes += 1
            print(f"  {doc_id}: {old!r} -> {new!r}")
    print(f"  {changes} changes")


def part_wrapped(data: Path) -> None:
    """The clean news hard-wrapped at 60 columns (compounds broken at their hyphens):
    cleaned, it must read as the unwrapped text cleaned, beyond whitespace."""
    import textwrap

    def wrap(text: str) -> str:
        return "\n\n".join(
            "\n".join(textwrap.wrap(p, 60, break_long_words=False)) for p in text.split("\n\n")
        )

    docs = read_files(news_files(data))
    flat = clean_docs(docs)
    wrapped = clean_docs([(doc_id, wrap(text)) for doc_id, text in docs])
    changes = 0
    print("clean news hard-wrapped at 60 columns, against the same unwrapped, both cleaned:")
    for (doc_id, _), a, b in zip(docs, flat, wrapped, strict=True):
        words_a, words_b = (
            SPACES.sub(" ", a).strip().split(" "),
            SPACES.sub(" ", b).strip().split(" "),
        )
        for old, new in _word_ops(words_a, words_b):
            if old.replace(" ", "") != new.replace(" ", ""):
                changes += 1
                print(f"  {doc_id}: {old[:80]!r} -> {new[:80]!r}")
    print(f"  {changes} differences")


def part_onestop(data: Path, limit: int = 40) -> None:
    """Every change beyond whitespace on onestopenglish, grouped by what changed.

    Its Int-Txt files have lost their dashes (two spaces left) and open with a level
    line, so restored dashes and moved level lines are real repairs there."""
    from collections import Counter

    from corpus_tool.readers import decode

    root = data / "onestopenglish"
    paths = sorted(p for p in root.rglob("*") if p.suffix in {".txt", ".md"})
    docs = [(str(p.relative_to(root)), decode(p.read_bytes())[0]) for p in paths]
    cleaned = clean_docs(docs)
    kinds: Counter[tuple[str, str, str]] = Counter()
    changed = set()
    for (doc_id, text), out in zip(docs, cleaned, strict=True):
        text = text.removeprefix("\ufeff")
        if SPACES.sub("", text) == SPACES.sub("", out):
            continue
        for op, i1, i2, j1, j2 in SequenceMatcher(None, text, out, autojunk=False).get_opcodes():
            old, new = text[i1:i2], out[j1:j2]
            if op != "equal" and (old.strip() or new.strip()):
                changed.add(doc_id)
                kinds[(doc_id.split("/")[0], old.strip()[:20], new.strip()[:20])] += 1
    print(
        f"onestopenglish: {len(docs)} documents, {len(changed)} changed beyond whitespace "
        f"(BOM aside), {sum(kinds.values())} changes:"
    )
    for (folder, old, new), n in kinds.most_common(limit):
        print(f"  {n:5}  {folder}: {old!r} -> {new!r}")


# ----------------------------------------------------------------- ftfy


def part_ftfy(cases_path: Path | None) -> None:
    if not cases_path or not cases_path.exists():
        print(
            "ftfy: no --ftfy-cases file (pip download ftfy --no-binary :all: --no-deps; "
            "unpack; pass ftfy-*/tests/test_cases.json)"
        )
        return
    cases = json.loads(cases_path.read_text(encoding="utf-8"))
    keep = [c for c in cases if c["original"] == c["fixed"] and c.get("expect") == "pass"]
    out = clean_docs([(str(i), c["original"]) for i, c in enumerate(keep)])
    changed = [(c["original"], o) for c, o in zip(keep, out, strict=True) if o != c["original"]]
    print(f"ftfy must-not-change cases: {len(keep) - len(changed)}/{len(keep)} unchanged")
    for original, new in changed:
        print(f"  {original!r} -> {new!r}")


# ---------------------------------------------------------------- speed


def part_speed(data: Path, repeat: int = 3) -> None:
    from corpus_tool_clean import clean

    from corpus_tool import Document

    paths = [data / "ocr-dev" / "docs.jsonl", *news_files(data)]
    start = time.process_time()
    clean(Document("warm", "Loading the word lists once.\n"))
    loading = time.process_time() - start

    def count() -> int:
        return sum(len(t.split()) for _, t in read_files(paths))

    def count_regex() -> int:
        return sum(len(Counter(WORD.findall(t.lower()))) for _, t in read_files(paths))

    def cleaning() -> int:
        return sum(len(clean(Document(i, t)).text) for i, t in read_files(paths))

    def cpu(func: Callable[[], int]) -> float:
        start = time.process_time()
        func()
        return time.process_time() - start

    size = sum(len(t.encode("utf-8")) for _, t in read_files(paths)) / 1e6
    first = cpu(cleaning)  # the corrections of each OCR'd word are worked out once
    # In turns, so that a busy moment hits each alike.
    runs = [(cpu(count), cpu(count_regex), cpu(cleaning)) for _ in range(repeat)]
    base, regex, ours = (statistics.median(times) for times in zip(*runs, strict=True))
    print(
        f"speed over {size:.2f} MB (ocr-dev, te3-train, ggt-dev), CPU seconds "
        f"(median of {repeat}): read and clean {ours:.3f} s, {size / ours:.2f} MB/s; "
        f"read and count words with split() {base:.3f} s: {ours / base:.1f}x; "
        f"with Counter(re.findall) {regex:.3f} s: {ours / regex:.1f}x (target: 8x); "
        f"first pass {first:.3f} s, word lists loaded before it in {loading:.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--part", choices=["ocr", "news", "wrapped", "onestop", "ftfy", "speed"], action="append"
    )
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    parser.add_argument("--ftfy-cases", type=Path, help="ftfy's tests/test_cases.json")
    parser.add_argument("--each", action="store_true", help="ocr: each repair alone too")
    parser.add_argument(
        "--errors",
        type=int,
        nargs="?",
        const=40,
        default=0,
        help="ocr: the N commonest differences left (default 40)",
    )
    args = parser.parse_args()
    parts = args.part or ["ocr", "news", "wrapped", "onestop", "ftfy", "speed"]
    if "ocr" in parts:
        part_ocr(args.data, args.each)
        if args.errors:
            part_errors(args.data, args.errors)
    if "news" in parts:
        part_news(args.data)
    if "wrapped" in parts:
        part_wrapped(args.data)
    if "onestop" in parts:
        part_onestop(args.data)
    if "ftfy" in parts:
        part_ftfy(args.ftfy_cases)
    if "speed" in parts:
        part_speed(args.data)


if __name__ == "__main__":
    main()
