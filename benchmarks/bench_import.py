"""Peak memory and time of `kg import` on a large N-Triples file of data from elsewhere.

    python -m benchmarks.bench_import                 # 200 MB
    python -m benchmarks.bench_import --mb 20

Writes a file of the size asked (people typed ctkg:Person with a label and a state they act for,
the rest plain schema.org statements, as data from another system would be), runs `kg import` on
it into a fresh store as its own process, and prints the file's size and triples, the seconds
taken, the peak resident memory of the import (its ru_maxrss) and that as a multiple of the file.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def write_file(path: Path, megabytes: float) -> int:
    """N-Triples of about `megabytes` MB; the number of triples."""
    target, written, triples, n = megabytes * 1_000_000, 0, 0, 0
    with open(path, "w", encoding="utf-8") as out:
        while written < target:
            person = f"<https://example.org/person/{n}>"
            lines = (f"{person} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                     "<https://w3id.org/ctkg/ontology#Person> .\n"
                     f"{person} <http://www.w3.org/2004/02/skos/core#prefLabel> \"Person number {n}\" .\n"
                     f"{person} <https://w3id.org/ctkg/ontology#actsFor> <https://w3id.org/ctkg/id/state/india> .\n"
                     f"<https://example.org/doc/{n}> <https://schema.org/about> {person} .\n"
                     f"<https://example.org/doc/{n}> <https://schema.org/name> \"A document about person {n}\" .\n")
            out.write(lines)
            written += len(lines)
            triples += 5
            n += 1
    return triples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=200.0, help="the file's size in MB")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="kg-bench-import-"))
    try:
        data = work / "their-data.nt"
        triples = write_file(data, args.mb)
        size = data.stat().st_size
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)}
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "kg.cli", "import", str(data), "--store", str(work / "store")],
                              capture_output=True, text=True, env=env, cwd=ROOT)
        seconds = time.monotonic() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
        print(f"file {size / 1e6:.1f} MB, {triples} triples; kg import exit {done.returncode} in {seconds:.1f} s; "
              f"peak resident {peak / 1e6:.0f} MB ({peak / size:.1f}x the file)")
        if done.returncode != 0:
            print(done.stderr[-2000:])
        return done.returncode
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
