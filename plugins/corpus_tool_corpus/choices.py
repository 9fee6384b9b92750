"""The values of the corpus tools' choice options: imported by ``--help`` and the
tools alike, so they live apart from the counting code."""

from __future__ import annotations

MEASURES = ("g2", "mi", "t_score", "log_dice", "observed")  # collocates --measure
SHOW = ("both", "positive", "negative")  # keyness --show
