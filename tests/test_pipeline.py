"""The trained English pipeline: the pinned weights, loaded once, and never by the read commands."""
import subprocess
import sys

import pytest

from kg.errors import ParserMissing
from kg.extract.pipeline import INSTALL, check_pipeline, english, parse


def test_the_pipeline_is_en_core_web_sm_3_8_0():
    meta = english().meta
    assert (meta["lang"], meta["version"]) == ("en", "3.8.0")
    assert meta["name"].startswith("core_web_sm")


def test_the_pipeline_is_loaded_once_per_process():
    assert english() is english()


def test_weights_of_another_version_are_refused_with_what_to_install():
    with pytest.raises(ParserMissing) as caught:
        check_pipeline({"lang": "en", "name": "core_web_sm", "version": "3.7.1"})
    assert "3.7.1" in str(caught.value) and INSTALL in str(caught.value)


def test_another_model_is_refused():
    with pytest.raises(ParserMissing):
        check_pipeline({"lang": "en", "name": "core_web_trf", "version": "3.8.0"})


def test_parse_gives_one_doc_per_sentence_with_a_dependency_parse():
    docs = parse(["The Indian side was headed by Vikram Rao.", "He spoke."])
    assert len(docs) == 2
    assert any(t.dep_ == "nsubjpass" for t in docs[0])


@pytest.mark.parametrize("module", ["kg.cli", "kg.query", "kg.cli.query"])
def test_read_commands_do_not_load_the_parser(module):
    code = f"import sys, {module}; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
