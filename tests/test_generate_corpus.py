"""The benchmark corpus generator: deterministic, honours its count, writes dated UTF-8 articles."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))   # the repo root holds benchmarks/

from benchmarks.generate_corpus import generate, main  # noqa: E402
from kg.errors import KgError  # noqa: E402

COUNT = 20
FILE_NAME = re.compile(r"^\d{6}_[0-9a-f]{16}\.txt$")
MONTH = r"(?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
AGENCY_TAG = r"\((?:PTI|ANI|IANS|UNI|Reuters|AP|AFP|Xinhua|Kyodo|Yonhap|Bernama|APP|AA)\)"
DATELINE = re.compile(
    rf"^(?: date \d{{4}}-\d{{2}}-\d{{2}} "                      # " date 2025-02-15 ..."
    rf"|[A-Z][\w .,'\[\]-]*, {MONTH} \d{{1,2}}\b"                # "New Delhi, Feb 28", "ISLAMABAD, Jan 5"
    rf"|[A-Z][\w .,'-]* {AGENCY_TAG}"                            # "WASHINGTON (AP) —"
    rf"|[A-Z][A-Z .,'-]+: )",                                    # "ISLAMABAD: "
    re.MULTILINE,
)
KNOWN_GROUPS = ("Lashkar-e-Taiba", "Lashkar e-Tayyiba", "LeT", "Jaish-e-Mohammed", "Jaish-e Mohammad", "JeM",
                "al-Qaida", "Al-Qa’ida", "Al-Qaeda", "ISIS", "Daesh", "Hizbul Mujahideen", "Hizb-ul Mujahideen")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    return generate(tmp_path_factory.mktemp("corpus"), COUNT, seed=7)


def test_the_same_seed_writes_identical_files(corpus, tmp_path):
    again = generate(tmp_path, COUNT, seed=7)
    assert [path.name for path in again] == [path.name for path in corpus]
    assert [path.read_bytes() for path in again] == [path.read_bytes() for path in corpus]


def test_different_seeds_write_different_articles(corpus, tmp_path):
    other = generate(tmp_path, COUNT, seed=8)
    assert {path.read_bytes() for path in other}.isdisjoint(path.read_bytes() for path in corpus)


def test_the_count_is_honoured(corpus):
    assert len(corpus) == COUNT
    assert len(list(corpus[0].parent.glob("*.txt"))) == COUNT


def test_files_are_utf8_text_named_by_index_and_hash(corpus):
    assert [path.name[:6] for path in corpus] == [f"{index:06d}" for index in range(COUNT)]
    for path in corpus:
        assert FILE_NAME.match(path.name), path.name
        text = path.read_bytes().decode("utf-8")
        assert "\x00" not in text and len(text.split()) >= 150


def test_every_article_has_a_dateline(corpus):
    missing = [path.name for path in corpus if not DATELINE.search(path.read_text(encoding="utf-8"))]
    assert missing == []


def test_articles_name_known_groups_under_their_variant_spellings(corpus):
    texts = [path.read_text(encoding="utf-8") for path in corpus]
    naming = [text for text in texts if any(re.search(rf"\b{re.escape(name)}\b", text) for name in KNOWN_GROUPS)]
    assert len(naming) >= COUNT // 4


def test_a_smaller_corpus_is_the_start_of_a_larger_one(corpus, tmp_path):
    head = generate(tmp_path, 5, seed=7)
    assert [path.read_bytes() for path in head] == [path.read_bytes() for path in corpus[:5]]


def test_a_folder_with_articles_in_it_is_refused(corpus):
    with pytest.raises(KgError) as raised:
        generate(corpus[0].parent, 3, seed=1)
    assert str(raised.value) == (
        f"{corpus[0].parent}: the folder already holds {COUNT} .txt files. Write the corpus to a new or empty "
        f"folder (or delete those files) so that no article of another run is mixed in.")


def test_the_command_reports_a_negative_count_and_exits_2(tmp_path, capsys):
    assert main(["--out", str(tmp_path / "out"), "--count", "-1"]) == 2
    assert "--count -1: the number of articles cannot be negative. Pass 0 or more." in capsys.readouterr().err
