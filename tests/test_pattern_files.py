"""kg/patterns/ files are read one way: comments and blank lines skipped, tables checked by column."""
import pytest

from kg.errors import BadPatternFile
from kg.pattern_files import PATTERNS, table, word_list


def test_a_word_list_skips_comments_and_blank_lines(tmp_path):
    (tmp_path / "words.txt").write_text("# a comment\n\nbombing\n  raid  \n", encoding="utf-8")
    assert word_list("words.txt", tmp_path) == ("bombing", "raid")


def test_a_table_line_with_a_missing_column_is_refused_with_its_file_and_line(tmp_path):
    (tmp_path / "capitals.tsv").write_text("# capital\tstate\nNew Delhi\tIndia\nIslamabad Pakistan\n", encoding="utf-8")
    with pytest.raises(BadPatternFile, match=r"capitals.tsv:3: 1 column\(s\) where 2 are expected"):
        table("capitals.tsv", 2, tmp_path)


@pytest.mark.parametrize("name, columns", [("capitals.tsv", 2), ("state-hints.tsv", 2), ("title-states.tsv", 2),
                                           ("post-organizations.tsv", 3), ("document-kinds.tsv", 2)])
def test_every_shipped_table_has_its_columns(name, columns):
    assert table(name, columns, PATTERNS)
