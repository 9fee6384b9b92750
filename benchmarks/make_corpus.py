"""Build a benchmark corpus by replicating corpus/ to a given size, deterministically.

    python benchmarks/make_corpus.py 20MB            # -> benchmarks/data/20MB/{files/,corpus.jsonl}
    python benchmarks/make_corpus.py 100MB --source ../shared/data/onestopenglish

Writes the same documents twice: as many .txt files (``files/``, 1,000 a folder)
and as one JSON Lines file (``corpus.jsonl``), each document with a distinct id.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"


def parse_size(text: str) -> int:
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([KMG]?B?)", text.strip().upper())
    if not match:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (try 20MB, 1GB)")
    number, unit = float(match.group(1)), match.group(2).rstrip("B")
    return int(number * {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}[unit])


def source_texts(source: Path) -> list[tuple[str, str]]:
    files = sorted(p for p in source.rglob("*") if p.suffix in {".txt", ".md"} and p.is_file())
    if not files:
        raise SystemExit(f"no .txt or .md files under {source}")
    return [(p.relative_to(source).with_suffix("").as_posix(), _decode(p.read_bytes()))
            for p in files]


def _decode(data: bytes) -> str:
    """UTF-8, else Windows-1252 (onestopenglish has files in both)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def build(size: str, source: Path = ROOT / "corpus", out: Path | None = None) -> Path:
    """Create (once) and return the folder holding ``files/`` and ``corpus.jsonl``."""
    target = parse_size(size)
    out = out or DATA / f"{size.upper()}-{source.name}"
    done = out / ".complete"
    if done.exists():
        return out
    texts = source_texts(source)
    files = out / "files"
    files.mkdir(parents=True, exist_ok=True)
    written = 0
    with open(out / "corpus.jsonl", "w", encoding="utf-8") as jsonl:
        copy = 0
        while written < target:
            for name, text in texts:
                doc_id = f"{copy:06d}/{name}"
                path = files / f"{copy // 1000:03d}" / f"{copy:06d}-{Path(name).name}.txt"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
                jsonl.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
                written += len(text.encode("utf-8"))
                if written >= target:
                    break
            copy += 1
    done.write_text(f"{written}\n")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", help="e.g. 10MB, 100MB, 1GB")
    parser.add_argument("--source", type=Path, default=ROOT / "corpus")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    print(build(args.size, args.source, args.out))


if __name__ == "__main__":
    main()
