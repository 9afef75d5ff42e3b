"""A wheel (what `pip install .` installs) carries everything kg reads at run time."""
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_ships_the_ontology_queries_rules_and_patterns(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True, timeout=300)
    wheel = next(tmp_path.glob("ctkg-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for wanted in ("kg/_shipped/ontology/ctkg.ttl", "kg/_shipped/ontology/shapes.ttl",
                   "kg/_shipped/ontology/reference/states.ttl", "kg/_shipped/queries/delegations.rq",
                   "kg/rules/delegations.yaml", "kg/patterns/titles.txt", "kg/sparql/eval-meetings.rq"):
        assert wanted in names, wanted


def test_a_checkout_reads_the_top_level_folders():
    from kg.paths import ONTOLOGY_DIR, QUERY_DIR

    assert (ONTOLOGY_DIR / "ctkg.ttl").is_file() and (QUERY_DIR / "delegations.rq").is_file()
