"""``python -m corpus_tool`` runs the command line."""

from corpus_tool.cli import main

main()
