"""Corpus statistics: concordance (kwic), word lists (freq), collocates and keyness.

Each is an aggregator: every document is mapped to counts in the worker
processes (``-j``, ``--engine dask``), the counts are merged, and the rows are
computed once for the whole corpus.  Memory grows with the vocabulary, not with
the corpus.  Words are the core's shared tokens (``corpus_tool.tokenizer``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Annotated, Any

import typer

from corpus_tool import Aggregator, Document, Row, hookimpl
from corpus_tool_corpus.choices import MEASURES, SHOW

if TYPE_CHECKING:  # the counting modules load when a tool runs, not for --help
    from rich.console import RenderableType

    from corpus_tool_corpus.collocation import CollocState
    from corpus_tool_corpus.keywords import KeyState
    from corpus_tool_corpus.wordlist import FreqState

__all__ = ["collocates", "freq", "keyness", "kwic", "register_tools"]


def _check_stop(value: str | None) -> str | None:
    """A usage error, before the run, for a language without a stop-word list."""
    from corpus_tool.tokenizer import stop_words

    if value:
        try:
            stop_words(value)
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from None
    return value


def _choice(*allowed: str) -> Callable[[str], str]:
    """A callback refusing, before the run, a value not among ``allowed``."""

    def check(value: str) -> str:
        if value not in allowed:
            raise typer.BadParameter(f"{value!r} is not one of {', '.join(allowed)}")
        return value

    return check


def _check_pattern(ctx: typer.Context, value: str) -> str:
    """A usage error, before the run, for a pattern that cannot match."""
    from corpus_tool_corpus.concordance import compile_pattern

    try:
        compile_pattern(value, regex=bool(ctx.params.get("regex")), ignore_case=False)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    return value


_Lower = Annotated[
    bool,
    typer.Option(
        "--fold-case/--keep-case", help="Count words case-folded (The = the) or as written."
    ),
]
_Stop = Annotated[
    str | None,
    typer.Option(
        "--stop-words",
        metavar="LANG",
        show_default=False,
        callback=_check_stop,
        help="Leave out the stop words of this language (en, de, fr, ...; the stop-words package).",
    ),
]
_Top = Annotated[
    int, typer.Option("--top", min=0, metavar="K", help="Only the first K rows (0: all).")
]


# --- kwic -----------------------------------------------------------------------


def kwic(
    doc: Document,
    *,
    pattern: Annotated[
        str,
        typer.Argument(
            metavar="PATTERN",
            callback=_check_pattern,
            help="A word, a phrase, a glob (educat*, colo?r) or with --regex a regular expression.",
        ),
    ],
    regex: Annotated[
        # Eager: read before PATTERN, whose check depends on it.
        bool, typer.Option("--regex", is_eager=True, help="PATTERN is a regular expression.")
    ] = False,
    ignore_case: Annotated[
        bool, typer.Option("--ignore-case", "-i", help="Match regardless of case.")
    ] = False,
    window: Annotated[
        int, typer.Option("--window", min=0, metavar="N", help="Words of context on each side.")
    ] = 5,
    sort: Annotated[
        str,
        typer.Option(
            "--sort",
            metavar="doc|right1|left1",
            callback=_choice("doc", "right1", "left1"),
            help="Order: documents in input order, or by the first word right (left) of the match.",
        ),
    ] = "doc",
) -> list[Row]:
    """Keyword in context: every match of PATTERN with the words around it.

    Rows: doc, start, end (code-point offsets of the match in the document's
    text), left, match, right.  On a terminal the matches line up in the middle,
    highlighted.  --sort right1 or left1 sorts as AntConc does, by the first
    word to the right or to the left of the match.
    """
    from corpus_tool_corpus.concordance import compile_pattern, matches

    compiled = compile_pattern(pattern, regex=regex, ignore_case=ignore_case)
    return list(matches(doc.id, doc.text, compiled, window))


def _extend(a: list[Row], b: list[Row]) -> list[Row]:
    a.extend(b)
    return a


def _kwic_rows(state: list[Row], options: dict[str, Any]) -> Iterable[Row]:
    from corpus_tool_corpus.concordance import sort_rows

    return sort_rows(state, options.get("sort", "doc"))


def _kwic_render(rows: list[Row], options: dict[str, Any]) -> RenderableType:
    from corpus_tool_corpus.render import concordance

    return concordance(rows)


COLLOCATE_COLUMNS = (
    "collocate",
    "observed",
    "expected",
    "log_dice",
    "mi",
    "t_score",
    "g2",
    "f_collocate",
    "f_node",
    "node",
)
KEYWORD_COLUMNS = (
    "word",
    "direction",
    "count",
    "count_ref",
    "log_ratio",
    "g2",
    "p",
    "per_million",
    "per_million_ref",
    "pct_diff",
)


def _colloc_render(rows: list[Row], options: dict[str, Any]) -> RenderableType:
    from corpus_tool_corpus.render import figures

    return figures(rows, COLLOCATE_COLUMNS, f"collocates of {options.get('word', '')!r}")


def _key_render(rows: list[Row], options: dict[str, Any]) -> RenderableType:
    from corpus_tool_corpus.render import figures

    return figures(rows, KEYWORD_COLUMNS, "keyness")


# --- freq -----------------------------------------------------------------------


def freq(
    doc: Document,
    *,
    ngram: Annotated[
        int, typer.Option("--ngram", min=1, metavar="N", help="Count sequences of N words.")
    ] = 1,
    min_count: Annotated[
        int,
        typer.Option("--min-count", min=1, metavar="N", help="Leave out words seen fewer times."),
    ] = 1,
    top: _Top = 0,
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            metavar="META_FIELD",
            show_default=False,
            help="Also the frequency per million in each group of documents by this metadata "
            "field, one column per group (pm_<value>); a date groups by its year.",
        ),
    ] = None,
    lower: _Lower = True,
    stop_words: _Stop = None,
) -> FreqState:
    """Word list: count, frequency per million, documents and dispersion of each word.

    Rows: rank, word, count, per_million, docs (how many documents have it) and
    juilland_d, Juilland's D with the documents as the parts: 1 for a word
    spread evenly over the documents, towards 0 for one bunched in few (empty
    with fewer than two documents).  --ngram N counts N-word sequences within
    each document; --by FIELD adds pm_<group> columns.
    """
    from corpus_tool_corpus.wordlist import count_document

    return count_document(doc, ngram=ngram, lower=lower, stop_words=stop_words, by=by)


def _freq_merge(a: FreqState, b: FreqState) -> FreqState:
    from corpus_tool_corpus.wordlist import merge

    return merge(a, b)


def _freq_rows(state: FreqState, options: dict[str, Any]) -> Iterable[Row]:
    from corpus_tool_corpus.wordlist import rows

    return rows(state, min_count=options.get("min_count", 1), top=options.get("top", 0))


# --- collocates -----------------------------------------------------------------


def _window(value: str) -> str:
    from corpus_tool_corpus.collocation import parse_window

    try:
        parse_window(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    return value


def collocates(
    doc: Document,
    *,
    word: Annotated[str, typer.Argument(metavar="WORD", help="The node word.")],
    window: Annotated[
        str,
        typer.Option(
            "--window",
            metavar="L,R",
            callback=_window,
            help="Words to the left and right of the node (0,1: the next word only).",
        ),
    ] = "5,5",
    measure: Annotated[
        str,
        typer.Option(
            "--measure",
            metavar="g2|mi|t_score|log_dice|observed",
            callback=_choice(*MEASURES),
            help="Sort by this measure, highest first.",
        ),
    ] = "g2",
    min_count: Annotated[
        int,
        typer.Option(
            "--min-count",
            min=1,
            metavar="N",
            help="Leave out collocates seen together fewer times.",
        ),
    ] = 1,
    top: _Top = 0,
    lower: _Lower = True,
    stop_words: _Stop = None,
) -> CollocState:
    """Collocates: the words within a window of WORD, with MI, t-score, G2 and logDice.

    Rows: node, collocate, observed (times within the window), expected
    (f_node·f_collocate·span/N, Evert 2008: the window's span adjusts the
    expectation), f_node, f_collocate, mi, t_score, g2 (log-likelihood) and
    log_dice.  With --window 0,1 the figures are NLTK's bigram measures.
    """
    from corpus_tool_corpus.collocation import count_document, parse_window
    from corpus_tool_corpus.words import doc_words

    if measure not in MEASURES:
        raise ValueError(f"--measure takes {', '.join(MEASURES)}, not {measure!r}")
    left, right = parse_window(window)
    node = word.lower() if lower else word
    tokens = doc_words(doc, lower=lower, stop_words=stop_words)
    return count_document(tokens, node, left, right)


def _colloc_merge(a: CollocState, b: CollocState) -> CollocState:
    from corpus_tool_corpus.collocation import merge

    return merge(a, b)


def _colloc_rows(state: CollocState, options: dict[str, Any]) -> Iterable[Row]:
    from corpus_tool_corpus.collocation import parse_window, rows

    left, right = parse_window(options.get("window", "5,5"))
    word = options["word"]
    return rows(
        state,
        node=word.lower() if options.get("lower", True) else word,
        left=left,
        right=right,
        min_count=options.get("min_count", 1),
        measure=options.get("measure", "g2"),
        top=options.get("top", 0),
    )


# --- keyness --------------------------------------------------------------------


def keyness(
    doc: Document,
    *,
    reference: Annotated[
        list[str],
        typer.Option(
            "--reference",
            "-r",
            metavar="PATH",
            show_default=False,
            help="The reference corpus: files, directories or globs (repeatable).",
        ),
    ] = [],  # noqa: B006
    max_p: Annotated[
        float,
        typer.Option(
            "--max-p", min=0.0, max=1.0, metavar="P", help="Keep words with a p-value at most P."
        ),
    ] = 0.05,
    min_log_ratio: Annotated[
        float,
        typer.Option(
            "--min-log-ratio",
            min=0.0,
            metavar="LR",
            help="Effect size: keep words whose |log ratio| is at least LR (1: twice as frequent).",
        ),
    ] = 0.0,
    min_count: Annotated[
        int,
        typer.Option(
            "--min-count", min=1, metavar="N", help="Leave out words seen fewer times in both."
        ),
    ] = 3,
    show: Annotated[
        str,
        typer.Option(
            "--show",
            metavar="both|positive|negative",
            callback=_choice(*SHOW),
            help="Which keywords.",
        ),
    ] = "both",
    top: _Top = 0,
    lower: _Lower = True,
    stop_words: _Stop = None,
) -> KeyState:
    """Keywords: what sets the corpus apart from a --reference corpus.

    Rows: word, direction (+ more frequent in the corpus, - in the reference),
    count, count_ref, per_million, per_million_ref, g2 (log-likelihood,
    Rayson & Garside 2000), p, log_ratio (Hardie 2014; a zero count taken as
    0.5) and pct_diff (%DIFF, Gabrielatos & Marchi 2012; empty when the
    reference lacks the word).  Positive keywords first, each by G2.
    """
    from corpus_tool_corpus.keywords import count_document
    from corpus_tool_corpus.words import doc_words

    del reference  # the core reads it as a corpus of its own
    if show not in SHOW:
        raise ValueError(f"--show takes {', '.join(SHOW)}, not {show!r}")
    return count_document(doc_words(doc, lower=lower, stop_words=stop_words))


def _key_merge(a: KeyState, b: KeyState) -> KeyState:
    from corpus_tool_corpus.keywords import merge

    return merge(a, b)


def _key_rows(state: KeyState, options: dict[str, Any]) -> Iterable[Row]:
    from corpus_tool_corpus.keywords import rows

    return rows(
        state,
        options["reference"],
        max_p=options.get("max_p", 0.05),
        min_log_ratio=options.get("min_log_ratio", 0.0),
        min_count=options.get("min_count", 3),
        show=options.get("show", "both"),
        top=options.get("top", 0),
    )


@hookimpl
def register_tools() -> list[Aggregator]:
    return [
        Aggregator(
            name="kwic",
            func=kwic,
            merge=_extend,
            finalize=_kwic_rows,
            render=_kwic_render,
            columns=("doc", "start", "end", "left", "match", "right"),
        ),
        Aggregator(name="freq", func=freq, merge=_freq_merge, finalize=_freq_rows),
        Aggregator(
            name="collocates",
            func=collocates,
            merge=_colloc_merge,
            finalize=_colloc_rows,
            render=_colloc_render,
            columns=COLLOCATE_COLUMNS,
        ),
        Aggregator(
            name="keyness",
            func=keyness,
            merge=_key_merge,
            finalize=_key_rows,
            corpora=("reference",),
            render=_key_render,
            columns=KEYWORD_COLUMNS,
        ),
    ]
