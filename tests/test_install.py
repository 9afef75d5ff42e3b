"""A wheel (what `pip install .` installs) carries everything kg reads at run time, and an install
of it works from any folder."""
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(folder), str(ROOT)], check=True, capture_output=True, timeout=300)
    return next(folder.glob("ctkg-*.whl"))


def test_the_wheel_ships_the_ontology_queries_rules_and_patterns(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for wanted in ("kg/_shipped/ontology/ctkg.ttl", "kg/_shipped/ontology/shapes.ttl",
                   "kg/_shipped/ontology/reference/states.ttl", "kg/_shipped/queries/delegations.rq",
                   "kg/rules/delegations.yaml", "kg/patterns/titles.txt", "kg/sparql/eval-meetings.rq",
                   "kg/sparql/display-labels.rq"):
        assert wanted in names, wanted


def test_a_checkout_reads_the_top_level_folders():
    from kg.paths import ONTOLOGY_DIR, QUERY_DIR

    assert (ONTOLOGY_DIR / "ctkg.ttl").is_file() and (QUERY_DIR / "delegations.rq").is_file()


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh virtual environment with the wheel installed in it (the bin folder). Its
    dependencies are this interpreter's, on its path after its own packages: nothing is
    downloaded, and no .pth file of this environment (an editable ctkg) is run."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    subprocess.run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "-q",
                    "--no-deps", "--no-index", str(wheel)], check=True, capture_output=True, timeout=300,
                   env=clean_env())
    # After the install: with this environment on its path, pip would take ctkg as installed already.
    site = next(venv.glob("lib/python*/site-packages"))
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return venv / "bin"


def clean_env() -> dict:
    """This environment without what would put the checkout (or a store) in the way."""
    return {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "KG_STORE")}


def run(bin_dir: Path, folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(bin_dir / "kg"), *args], cwd=folder, env=clean_env(), capture_output=True, text=True,
                          timeout=600)


def test_the_installed_package_is_the_wheel_not_this_checkout(installed, tmp_path):
    where = subprocess.run([str(installed / "python"), "-c", "import kg; print(kg.__file__)"], cwd=tmp_path,
                           env=clean_env(), capture_output=True, text=True, check=True).stdout
    assert Path(where.strip()).is_relative_to(installed.parent)


def test_an_installed_kg_builds_the_seeds_from_another_folder_and_answers(installed, tmp_path):
    built = run(installed, tmp_path, "build", str(ROOT / "seeds"), "--store", "store", "--no-reason")
    assert built.returncode == 0, built.stderr[-2000:]
    articles = run(installed, tmp_path, "sparql", "--store", "store", "--format", "csv",
                   "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a a ctkg:Article } }")
    assert articles.stdout.split() == ["n", "5"], articles.stderr
    listed = run(installed, tmp_path, "query", "--list", "--store", "store", "--format", "csv")
    assert "delegations" in listed.stdout, listed.stderr
    rows = run(installed, tmp_path, "query", "delegations", "--store", "store", "--format", "csv")
    assert rows.returncode == 0 and "Ajay Bhalla" in rows.stdout, rows.stderr
    scores = run(installed, tmp_path, "evaluate", str(ROOT / "tests" / "gold" / "seeds.json"), "--store", "store")
    overall = next(line for line in scores.stdout.splitlines() if "overall" in line)
    assert scores.returncode == 0 and float(overall.strip("│ ").split("│")[-1]) > 0.5, scores.stdout + scores.stderr


def test_an_installed_kg_documents_the_ontology_in_a_folder_it_is_given(installed, tmp_path):
    made = run(installed, tmp_path, "docs", "--out", "docs")
    assert made.returncode == 0, made.stderr[-2000:]
    assert (tmp_path / "docs" / "index.html").is_file()
