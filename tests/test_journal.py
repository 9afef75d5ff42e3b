"""The build's journal (kg/journal.py): a build stopped in any phase is finished by the next, and a
graph changed behind kg build's back is put right; reasoning without Java is skipped, saying so."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.journal import DIGESTS, JOURNAL, graph_digest
from kg.loader import build
from kg.vocab import ARTICLE_GRAPH_PREFIX, G_INFERRED, G_REFERENCE

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
needs_java = pytest.mark.skipif(shutil.which("java") is None, reason="the reasoner needs Java")


@pytest.fixture()
def two_articles(tmp_path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(path, folder / path.name)
    return folder


def graphs(store_dir: Path) -> dict[str, str]:
    store = ox.Store.read_only(str(store_dir))
    return {g.value: graph_digest(store, g.value) for g in store.named_graphs()} | \
        {"default": graph_digest(store, None)}


def phase(store_dir: Path) -> str | None:
    try:
        return json.loads((store_dir / JOURNAL).read_text(encoding="utf-8"))["phase"]
    except (OSError, ValueError, KeyError):
        return None


@needs_java
def test_a_build_killed_while_reasoning_is_finished_by_the_rerun(two_articles, tmp_path):
    clean = tmp_path / "clean"
    assert build([two_articles], clean, run_reasoner=True).ok
    killed = tmp_path / "killed"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(two_articles), "--store", str(killed)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 120
    while phase(killed) != "reasoning" and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert process.poll() is None, "the build ended before it could be killed while reasoning"
    process.send_signal(signal.SIGKILL)
    process.wait()
    summary = build([two_articles], killed, run_reasoner=True)
    assert summary.count("unchanged") == 2 and summary.reasoner is not None
    assert any("stopped during its reasoning phase" in r for r in summary.repairs)
    assert graphs(killed) == graphs(clean)
    assert graphs(killed)[str(G_INFERRED)].split(":")[0] != "0"


def test_an_article_graph_changed_behind_the_builds_back_is_built_again(two_articles, tmp_path):
    store_dir = tmp_path / "store"
    build([two_articles], store_dir)
    before = graphs(store_dir)
    article = sorted(g for g in before if g.startswith(ARTICLE_GRAPH_PREFIX))[0]
    store = ox.Store(str(store_dir))
    store.update(f"INSERT DATA {{ GRAPH <{article}> {{ <https://e.x/a> <https://e.x/p> 'injected' }} }}")
    del store
    summary = build([two_articles], store_dir)
    assert [r.split(" ", 1)[0] for r in summary.repairs] == [article]
    assert summary.count("loaded") == 1 and summary.count("unchanged") == 1
    after = graphs(store_dir)
    assert not bool(ox.Store.read_only(str(store_dir)).query("ASK { GRAPH ?g { ?s ?p 'injected' } }"))
    assert {g: d for g, d in after.items() if g not in (article, "default")} == \
        {g: d for g, d in before.items() if g not in (article, "default")}
    assert build([two_articles], store_dir).repairs == []     # what it wrote is sealed


def test_a_changed_reference_graph_is_reloaded(two_articles, tmp_path):
    store_dir = tmp_path / "store"
    build([two_articles], store_dir)
    before = graphs(store_dir)
    store = ox.Store(str(store_dir))
    store.update(f"DELETE WHERE {{ GRAPH <{G_REFERENCE}> {{ <https://w3id.org/ctkg/id/state/india> ?p ?o }} }}")
    del store
    summary = build([two_articles], store_dir)
    assert any(r.startswith(f"{G_REFERENCE} differed") for r in summary.repairs)
    assert graphs(store_dir) == before


def test_a_graph_written_but_not_yet_sealed_is_sealed_quietly(two_articles, tmp_path):
    store_dir = tmp_path / "store"
    build([two_articles], store_dir)
    (store_dir / DIGESTS).unlink()          # as a build killed between writing and sealing leaves it
    assert build([two_articles], store_dir).repairs == []
    assert json.loads((store_dir / DIGESTS).read_text())



def test_the_seal_made_from_the_triples_written_is_what_the_store_reads_back(tmp_path):
    store_dir = tmp_path / "store"
    assert build([SEEDS], store_dir).ok
    sealed = json.loads((store_dir / DIGESTS).read_text())
    store = ox.Store.read_only(str(store_dir))
    articles = [g.value for g in store.named_graphs() if g.value.startswith(ARTICLE_GRAPH_PREFIX)]
    assert articles and {g: sealed[g]["digest"] for g in articles} == {g: graph_digest(store, g) for g in articles}


def test_a_digest_of_an_older_format_is_sealed_again_not_repaired(two_articles, tmp_path):
    store_dir = tmp_path / "store"
    build([two_articles], store_dir)
    digests = json.loads((store_dir / DIGESTS).read_text())
    for record in digests.values():
        record["digest"] = "12:00ff"            # how an older ctkg wrote them
    (store_dir / DIGESTS).write_text(json.dumps(digests))
    assert build([two_articles], store_dir).repairs == []
    assert all(r["digest"].startswith("v2:") for r in json.loads((store_dir / DIGESTS).read_text()).values())

@needs_java
def test_a_build_without_reasoning_leaves_the_inferred_graph_stale_until_a_build_reasons(two_articles, tmp_path):
    store_dir = tmp_path / "store"
    build([two_articles], store_dir, run_reasoner=False)
    summary = build([two_articles], store_dir, run_reasoner=True)
    assert summary.count("unchanged") == 2 and summary.reasoner is not None
    assert build([two_articles], store_dir, run_reasoner=True).reasoner is None


def test_without_java_the_articles_load_and_reasoning_is_skipped_with_one_line_and_exit_3(two_articles, tmp_path,
                                                                                             monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "no-java-here"))
    result = CliRunner().invoke(main, ["build", str(two_articles), "--store", str(tmp_path / "store")])
    assert result.exit_code == 3, result.output
    skipped = [line for line in result.output.splitlines() if "Reasoning skipped" in line]
    assert len(skipped) == 1 and "install Java" in skipped[0] and "kg reason" in skipped[0]
    assert "Traceback" not in result.output
    store = ox.Store.read_only(str(tmp_path / "store"))
    assert sum(g.value.startswith(ARTICLE_GRAPH_PREFIX) for g in store.named_graphs()) == 2


def test_messages_print_rdf_terms_and_user_text_literally(tmp_path):
    store = ox.Store(str(tmp_path / "store"))
    store.flush()
    del store
    text = "SELECT * WHERE { <urn:x:y> ?p 'xsd:date: [bold]x[/bold]' FILTER( }"
    result = CliRunner().invoke(main, ["sparql", text, "--store", str(tmp_path / "store")])
    assert result.exit_code == 2 and "syntax error" in result.output
    assert "urn:x:y" in result.output and "xsd:date:" in result.output and "[bold]x[/bold]" in result.output
    assert "📅" not in result.output and "❌" not in result.output


def half_created_store(folder: Path) -> Path:
    """A store whose creation was cut short: a process killed while Oxigraph creates it (tried
    until the store left behind cannot be opened read-only)."""
    code = (f"import pyoxigraph as ox; print('go', flush=True); s = ox.Store({str(folder)!r}); "
            "import time; time.sleep(5)")
    for attempt in range(40):
        shutil.rmtree(folder, ignore_errors=True)
        process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
        process.stdout.readline()
        time.sleep(0.001 * (attempt % 20))
        process.kill()
        process.wait()
        process.stdout.close()
        try:
            ox.Store.read_only(str(folder))
        except (OSError, RuntimeError):
            if folder.is_dir():
                return folder
    pytest.skip("no kill landed while the store was being created")


@pytest.mark.parametrize("command", [["export"], ["validate"], ["query", "delegations"]])
def test_a_half_created_store_is_reported_with_how_to_finish_it(command, tmp_path):
    folder = half_created_store(tmp_path / "store")
    result = CliRunner().invoke(main, [*command, "--store", str(folder)])
    assert result.exit_code == 2, result.output
    assert "its creation was cut short" in result.output and "Run kg build --store" in result.output
    assert "RuntimeError" not in result.output and "Column family" not in result.output


def test_a_written_graph_with_blank_nodes_is_sealed_from_the_store_in_canonical_form(tmp_path):
    from kg.journal import BuildJournal

    store = ox.Store(str(tmp_path))
    graph = ARTICLE_GRAPH_PREFIX + "with-blank"
    text = (f'<https://e.x/a> <https://w3id.org/ctkg/ontology#contentHash> "sha256:00" .\n'
            f'<https://e.x/a> <https://e.x/p> _:b1 .\n_:b1 <https://e.x/q> "v" .\n')
    store.load(text, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(graph))
    journal = BuildJournal.begin(tmp_path)
    journal.written(graph, text)
    journal.seal(store)
    assert journal.digests[graph]["digest"] == graph_digest(store, graph)
