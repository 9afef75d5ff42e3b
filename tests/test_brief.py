"""kg brief on the seeds: every line cites footnotes, every footnote's sentence is in its article,
and the brief is written as PDF, PPTX and self-contained HTML."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.brief import build_brief
from kg.brief_render import write_brief
from kg.cli import main
from kg.errors import UnknownEntity, UnsupportedFormat
from kg.store import open_store

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def store(seeds_store):
    return open_store(seeds_store, read_only=True)


@pytest.fixture(scope="module")
def pakistan(store):
    return build_brief(store, "Pakistan")


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("name", ["Pakistan", "Lashkar-e-Taiba", "Tahawwur Rana", "India"])
def test_each_footnote_sentence_is_in_its_article(store, name):
    brief = build_brief(store, name)
    assert brief.footnotes
    for note in brief.footnotes:
        article = flat((SEEDS / note.file).read_text(encoding="utf-8"))
        assert flat(note.sentence) in article, (note.number, note.file)


def test_every_line_and_row_cites_a_footnote(pakistan):
    numbers = {n.number for n in pakistan.footnotes}
    for section in pakistan.sections:
        for line in section.lines:
            assert line.notes and set(line.notes) <= numbers, line.text
        if section.table is not None:
            for row, notes in zip(section.table.rows, section.table.notes):
                assert set(notes) <= numbers
                assert notes or row[-1].endswith("(reference data)"), row


def test_footnotes_are_numbered_in_order_of_first_citation(pakistan):
    assert [n.number for n in pakistan.footnotes] == list(range(1, len(pakistan.footnotes) + 1))
    first = pakistan.sections[0].lines[0].notes
    assert first[0] == 1


def test_the_summary_says_who_called_on_pakistan_to_act_and_over_which_attacks(pakistan):
    texts = [line.text for line in pakistan.sections[0].lines]
    assert any(t.startswith(("India and United States called on Pakistan", "United States and India called on Pakistan"))
               and "Mumbai attacks" in t for t in texts)


def test_the_meetings_table_names_who_led_each_side(pakistan):
    table = next(s.table for s in pakistan.sections if s.title.startswith("Meetings"))
    sides = {(row[2], row[3]) for row in table.rows}
    assert {("India", "Mahaveer Singhvi"), ("United States", "Nathan Sales")} <= sides


def test_the_reactions_matrix_has_a_row_per_state_and_a_column_per_statement(pakistan):
    table = next(s.table for s in pakistan.sections if s.title.startswith("Reactions"))
    assert table.columns[0] == "state" and len(table.columns) == 3
    row = next(r for r in table.rows if r[0] == "Pakistan")
    assert "one-sided, misleading and contrary to diplomatic norms" in row


def test_as_of_leaves_out_what_later_articles_say(store):
    brief = build_brief(store, "Pakistan", as_of=dt.date(2024, 12, 31))
    assert all(n.published and n.published <= "2024-12-31" for n in brief.footnotes)
    assert not any("reacted to" in line.text for s in brief.sections for line in s.lines)
    assert brief.left_out > 0 and "by 2024-12-31" in brief.caption()


def test_since_keeps_only_the_newer_articles(store):
    brief = build_brief(store, "Pakistan", since=dt.date(2025, 1, 1))
    assert brief.footnotes and all(n.published >= "2025-01-01" for n in brief.footnotes)
    assert set(brief.projection.sources.values()) == {s for s in brief.projection.sources.values()
                                                      if s.published >= "2025-01-01"}


def test_an_unknown_name_is_refused_with_close_names(store):
    with pytest.raises(UnknownEntity, match="Did you mean"):
        build_brief(store, "Pakistn")


# -- the written brief -----------------------------------------------------------------------


def test_the_pdf_has_the_summary_the_figures_the_tables_and_the_sources(pakistan, tmp_path):
    data = write_brief(pakistan, tmp_path / "brief.pdf").read_bytes()
    assert data.startswith(b"%PDF") and len(re.findall(rb"/Type /Page\b", data)) >= 10


def test_the_pptx_has_a_slide_per_section_with_its_sources_in_the_notes(pakistan, tmp_path):
    from pptx import Presentation

    deck = Presentation(str(write_brief(pakistan, tmp_path / "brief.pptx")))
    titles = [next(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame) for slide in deck.slides]
    for section in pakistan.sections[1:]:
        assert section.title in titles
    meetings = deck.slides[titles.index("Meetings and who led each side")]
    assert any(sh.has_table for sh in meetings.shapes)
    notes = meetings.notes_slide.notes_text_frame.text
    assert notes.startswith("Sources:") and "002_acd130ee94a5d060.txt" in notes
    assert deck.slide_width * 9 == deck.slide_height * 16


def test_the_html_is_one_file_with_its_figures_inside_and_linked_footnotes(pakistan, tmp_path):
    text = write_brief(pakistan, tmp_path / "brief.html").read_text(encoding="utf-8")
    assert text.count('src="data:image/png;base64,') == 2
    assert not re.search(r'(src|href)="(https?:)?//', text.split('<h2>Sources</h2>')[0])
    assert '<a href="#n1">[1]</a>' in text and '<li id="n1">' in text


def test_a_brief_format_kg_cannot_write_is_refused_with_the_ones_it_can(pakistan, tmp_path):
    with pytest.raises(UnsupportedFormat, match=r"brief.docx: kg brief cannot write '.docx'. Name the file .pdf"):
        write_brief(pakistan, tmp_path / "brief.docx")


def test_kg_brief_writes_the_file_and_counts_its_footnotes(seeds_store, tmp_path):
    out = tmp_path / "rana.html"
    result = CliRunner().invoke(main, ["brief", "Tahawwur Rana", "--store", str(seeds_store), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists() and "footnotes from" in result.output


def test_kg_brief_with_an_unknown_name_exits_2_with_a_message(seeds_store, tmp_path):
    result = CliRunner().invoke(main, ["brief", "Pakistn", "--store", str(seeds_store), "-o", str(tmp_path / "b.pdf")])
    assert result.exit_code == 2 and "Did you mean" in result.output


# -- briefs on events, numbering, URLs -------------------------------------------------------


def test_a_brief_on_an_attack_says_what_it_was_and_what_refers_to_it(store):
    brief = build_brief(store, "2008 Mumbai attacks")
    texts = [line.text for line in brief.sections[0].lines]
    assert brief.is_event and brief.kind == "attack"
    assert "2008 Mumbai attacks took place; carried out by Lashkar-e-Taiba; 166 killed." in texts
    assert any(t.startswith("India and United States called on Pakistan to act over 2008 Mumbai attacks") for t in texts)
    legal = next(s.table for s in brief.sections if s.title == "Legal actions")
    assert {("Tahawwur Hussain Rana", "extradition"), ("Zakiur Rehman Lakhvi", "arrest")} <= {r[:2] for r in legal.rows}


def test_a_brief_on_a_meeting_names_who_took_part_and_who_led_each_side(store):
    brief = build_brief(store, "India-US Homeland Security Dialogue (February 2024)")
    assert brief.sections[0].lines[1].text.startswith(
        "India-US Homeland Security Dialogue (February 2024) was held on 2024-02-27 in New Delhi; taking part:")
    meetings = next(s.table for s in brief.sections if s.title.startswith("Meetings"))
    assert {("India", "Ajay Bhalla"), ("United States", "Kristie Canegallo")} <= {(r[2], r[3]) for r in meetings.rows}


def test_footnotes_are_numbered_in_the_order_a_reader_meets_them(pakistan):
    seen = []
    for section in pakistan.sections:
        cited = [n for line in section.lines for n in line.notes]
        cited += [n for row in (section.table.notes if section.table else ()) for n in row]
        seen += [n for n in dict.fromkeys(cited) if n not in seen]
    assert seen == list(range(1, len(pakistan.footnotes) + 1))


def test_a_footnote_gives_the_url_of_an_article_read_from_one(tmp_path):
    import json

    from kg.loader import build

    folder = tmp_path / "news"
    folder.mkdir()
    article = {"text": "New Delhi, Feb 15 (PTI) India and the US called on Pakistan to bring to justice the "
                       "perpetrators of the 2008 Mumbai attacks.",
               "url": "https://news.example.org/2025/02/15/call-on-pakistan", "published": "2025-02-15"}
    (folder / "news.jsonl").write_text(json.dumps(article) + "\n", encoding="utf-8")
    build([folder], tmp_path / "store")
    brief = build_brief(open_store(tmp_path / "store", read_only=True), "Pakistan")
    assert brief.footnotes and {n.url for n in brief.footnotes} == {article["url"]}
    assert brief.footnotes[0].citation().startswith("news.jsonl")


def test_an_article_kept_aside_by_validation_gives_no_footnote(tmp_path, break_validation):
    from kg.loader import build

    break_validation("003")
    build([SEEDS / "003_ceaa1a1d18f976f8.txt", SEEDS / "004_f449809abfeeccdc.txt"], tmp_path / "store")
    brief = build_brief(open_store(tmp_path / "store", read_only=True), "Pakistan")
    assert brief.footnotes and {n.file for n in brief.footnotes} == {"004_f449809abfeeccdc.txt"}


def test_a_value_only_the_reference_data_states_is_marked_as_such(pakistan):
    attacks = next(s.table for s in pakistan.sections if s.title == "Attacks")
    mumbai = next(row for row in attacks.rows if row[0] == "2008 Mumbai attacks")
    assert mumbai[1:] == ("2008-11-26 (reference data)", "Mumbai (reference data)", "Lashkar-e-Taiba", "166")
