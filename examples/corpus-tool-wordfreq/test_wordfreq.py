"""How a plugin author tests a corpus-tool plugin (run with pytest)."""

from corpus_tool.testing import run_cli, run_tool


def test_counts_content_words() -> None:
    rows = run_tool("wordfreq", ["Cats chase cats. Dogs chase cats."], top=2)
    assert rows == [
        {"doc": "doc1", "rank": 1, "word": "cats", "count": 3},
        {"doc": "doc1", "rank": 2, "word": "chase", "count": 2},
    ]


def test_installed_command() -> None:
    result = run_cli(["wordfreq", "-", "--top", "1", "-f", "csv"], input="Tea, tea and tea.")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["doc,rank,word,count", "stdin,1,tea,3"]
