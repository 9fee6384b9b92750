"""The statistics of the corpus tools, as plain functions of counts.

Sources, for the formulas as written here:

- Association (collocates): Evert, S. (2008), "Corpora and collocations", in
  Lüdeling & Kytö (eds.), *Corpus Linguistics. An International Handbook*, §3 and
  §5: observed ``O``, expected ``E = f1·f2/N``; for a window of ``span`` words
  around each occurrence of the node, ``E = f1·f2·span/N`` (the node's windows
  hold ``f1·span`` token slots), which is also AntConc's definition of the
  expected frequency for its collocate statistics.  MI ``= log2(O/E)``; t-score
  ``= (O−E)/√O``; log-likelihood ``G2 = 2 Σ Oij·ln(Oij/Eij)`` over the 2×2 table
  of the node's window slots against the rest; logDice (Rychlý 2008)
  ``= 14 + log2(2·O/(f1+f2))``.
- Keyness: log-likelihood (Rayson & Garside 2000) ``G2 = 2 Σ Oi·ln(Oi/Ei)`` with
  ``Ei = Ni·(a+b)/(N1+N2)``; its p-value from the χ² distribution with one
  degree of freedom; log ratio (Hardie 2014) ``= log2((a/N1)/(b/N2))``, a zero
  count taken as 0.5; %DIFF (Gabrielatos & Marchi 2012)
  ``= 100·(a/N1 − b/N2)/(b/N2)``.
- Dispersion: Juilland's D ``= 1 − (σ/μ)/√(n−1)`` over the ``n`` documents taken
  as the parts, from the word's count in each (σ the population standard deviation).
"""

from __future__ import annotations

import math


def _xlogx_ratio(observed: float, expected: float) -> float:
    """``O·ln(O/E)``, 0 when O is 0."""
    return observed * math.log(observed / expected) if observed > 0 else 0.0


def log_likelihood_2x2(o11: float, o12: float, o21: float, o22: float) -> float:
    """G2 of a 2×2 contingency table (rows: node window / rest; columns: word / rest)."""
    n = o11 + o12 + o21 + o22
    r1, r2, c1, c2 = o11 + o12, o21 + o22, o11 + o21, o12 + o22
    cells = ((o11, r1 * c1), (o12, r1 * c2), (o21, r2 * c1), (o22, r2 * c2))
    return 2 * sum(_xlogx_ratio(o, e / n) for o, e in cells if o > 0)


def association(observed: int, f_node: int, f_word: int, n: int, span: int) -> dict[str, float]:
    """Expected co-frequency and MI, t-score, G2 and logDice of a node and a word.

    ``span`` is the number of word positions in the node's window (left + right).
    """
    slots = f_node * span  # token positions inside the node's windows
    expected = f_node * f_word * span / n
    o12 = max(slots - observed, 0)
    o21 = max(f_word - observed, 0)
    o22 = max(n - slots - f_word + observed, 0)
    return {
        "expected": expected,
        "mi": math.log2(observed / expected),
        "t_score": (observed - expected) / math.sqrt(observed),
        "g2": log_likelihood_2x2(observed, o12, o21, o22),
        "log_dice": 14 + math.log2(2 * observed / (f_node + f_word)),
    }


def keyness_g2(a: float, b: float, n1: float, n2: float) -> float:
    """Rayson & Garside's log-likelihood of a word counted ``a`` times in ``n1``
    tokens and ``b`` times in ``n2``."""
    e1 = n1 * (a + b) / (n1 + n2)
    e2 = n2 * (a + b) / (n1 + n2)
    return 2 * (_xlogx_ratio(a, e1) + _xlogx_ratio(b, e2))


def p_value(g2: float) -> float:
    """Upper tail of χ² with one degree of freedom: P(X ≥ g2)."""
    return math.erfc(math.sqrt(max(g2, 0.0) / 2))


def log_ratio(a: float, b: float, n1: float, n2: float) -> float:
    """Hardie's log ratio: binary log of the ratio of relative frequencies.

    A zero count is taken as 0.5.  Where that substitute would point the other
    way than the counts themselves (a word seen once in a large corpus and never
    in a much smaller one), the size of the effect cannot be told: 0.
    """
    ratio = math.log2((max(a, 0.5) / n1) / (max(b, 0.5) / n2))
    observed = a / n1 - b / n2
    if observed * ratio < 0:
        return 0.0
    return ratio


def percent_diff(a: float, b: float, n1: float, n2: float) -> float | None:
    """%DIFF; None when the word is absent from the reference (undefined)."""
    if b == 0:
        return None
    reference = b / n2
    return 100 * (a / n1 - reference) / reference


def juilland_d(total: int, squares: int, parts: int) -> float | None:
    """Juilland's D of a word from its total count, the sum of its squared
    counts per part and the number of parts; None for fewer than two parts.

    Exact integer sums in, so any grouping of the parts gives the same D.
    """
    if parts < 2 or total <= 0:
        return None
    mean = total / parts
    variance = max(squares * parts - total * total, 0) / (parts * parts)
    d = 1 - (math.sqrt(variance) / mean) / math.sqrt(parts - 1)
    return min(max(d, 0.0), 1.0)
